package web_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
	"github.com/uncite/uncite/memstore"
	"github.com/uncite/uncite/refdata"
	"github.com/uncite/uncite/sample"
	"github.com/uncite/uncite/server"
)

const res822 = "Resolution:S/RES/822 (1993)"

// chromium finds the browser: UNCITE_CHROMIUM, else Debian's package.
// Without one the suite skips, unless UNCITE_REQUIRE_BROWSER=1 (as CI
// sets it), where a missing browser fails it.
func chromium(t *testing.T) string {
	path := os.Getenv("UNCITE_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("UNCITE_REQUIRE_BROWSER") == "1" {
			t.Fatalf("the browser suite needs Chromium (apt-get install chromium, or UNCITE_CHROMIUM=path): %v", err)
		}
		t.Skipf("no Chromium at %s: the browser suite is skipped (UNCITE_REQUIRE_BROWSER=1 makes this a failure)", path)
	}
	return path
}

// browserTest is one explorer session in a headless Chromium that can
// reach nothing but the uncite server, recording every console error and
// every request that tried to leave the server.
type browserTest struct {
	t     *testing.T
	ctx   context.Context
	srv   *httptest.Server
	store uncite.Store
	shots string
	step  int

	mu       sync.Mutex
	problems []string
}

func newBrowserTest(t *testing.T) *browserTest {
	exe := chromium(t)
	store := memstore.New()
	if _, err := (&loader.Loader{Store: store}).LoadFS(context.Background(), sample.Docs()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.Handler(store, server.Config{}))
	t.Cleanup(srv.Close)

	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.WindowSize(1400, 900),
		// No name resolves and no proxy is used: the page can reach the
		// uncite server on 127.0.0.1 and nothing else.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"),
		chromedp.Flag("no-proxy-server", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })

	bt := &browserTest{t: t, ctx: ctx, srv: srv, store: store, shots: "screenshots"}
	// Screenshots of an earlier run would mix with this one's.
	if err := os.RemoveAll(bt.shots); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(bt.shots, 0o755); err != nil {
		t.Fatal(err)
	}
	// Start the browser, then listen before the first page loads.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*network.EventRequestWillBeSent); ok {
			u, err := url.Parse(ev.Request.URL)
			if err != nil || (u.Scheme != "data" && u.Scheme != "blob" && u.Host != host) {
				bt.problem("request beyond the uncite server: " + ev.Request.URL)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				bt.problem(fmt.Sprintf("console %s: %s (%s:%d)", m.Type, m, m.URL, m.Line+1))
			}
		}
	}()
	return bt
}

func (bt *browserTest) problem(s string) {
	bt.mu.Lock()
	defer bt.mu.Unlock()
	bt.problems = append(bt.problems, s)
}

// check fails the test on any console error or outside request so far.
func (bt *browserTest) check(step string) {
	bt.t.Helper()
	bt.mu.Lock()
	defer bt.mu.Unlock()
	for _, p := range bt.problems {
		bt.t.Errorf("%s: %s", step, p)
	}
	bt.problems = nil
}

func (bt *browserTest) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	bt.t.Helper()
	ctx, cancel := context.WithTimeout(bt.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		bt.shot(step + "-failed")
		bt.t.Fatalf("%s: %v", step, err)
	}
}

func eval[T any](bt *browserTest, js string) T {
	bt.t.Helper()
	ctx, cancel := context.WithTimeout(bt.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		bt.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// settle waits until the explorer has no request in flight and cond holds.
func (bt *browserTest) settle(step, cond string) {
	bt.t.Helper()
	bt.do(step, until(fmt.Sprintf("document.body.dataset.busy === 'false' && (%s)", cond)))
}

// until waits for a JavaScript condition to hold.
func until(cond string) chromedp.Action[chromedp.Void] {
	poll := chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(15*time.Second), chromedp.WithPollingInterval(50*time.Millisecond))
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		for {
			_, err := poll(ctx, t)
			// A poll started as a navigation replaces the page loses its
			// JavaScript context: start again in the new one.
			if err == nil || !strings.Contains(err.Error(), "Cannot find context") || ctx.Err() != nil {
				return chromedp.Void{}, err
			}
		}
	}
}

// shot saves a screenshot of the step, numbered in order.
func (bt *browserTest) shot(name string) {
	bt.step++
	ctx, cancel := context.WithTimeout(bt.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		bt.t.Logf("screenshot %s: %v", name, err)
		return
	}
	file := filepath.Join(bt.shots, fmt.Sprintf("%02d-%s.png", bt.step, name))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		bt.t.Errorf("saving %s: %v", file, err)
	}
}

// drawn lists the ids of the nodes in the drawing, sorted.
func (bt *browserTest) drawn(selector string) []string {
	return eval[[]string](bt, fmt.Sprintf("uncite.cy.elements(%q).map(e => e.id()).sort()", selector))
}

// clickNode clicks the centre of a node of the drawing, as a person would.
func (bt *browserTest) clickNode(step, id string) {
	bt.t.Helper()
	bt.do(step, chromedp.Click(chromedp.CSS("#fit")))
	xy := eval[[]float64](bt, fmt.Sprintf(`(() => { const n = uncite.cy.getElementById(%q);
		const p = n.renderedPosition(), r = uncite.cy.container().getBoundingClientRect();
		return [r.left + p.x, r.top + p.y]; })()`, id))
	bt.do(step, chromedp.MouseClickXY(xy[0], xy[1]))
}

// union is the sorted ids of the nodes of the store's neighbourhoods, as
// the explorer asks for them (depth 1, limit 200).
func (bt *browserTest) union(ids ...string) []string {
	seen := map[string]bool{}
	for _, id := range ids {
		g, err := bt.store.Neighborhood(context.Background(), id, 1, 200)
		if err != nil {
			bt.t.Fatal(err)
		}
		for _, n := range g.Nodes {
			seen[n.ID] = true
		}
	}
	return slices.Sorted(func(yield func(string) bool) {
		for id := range seen {
			if !yield(id) {
				return
			}
		}
	})
}

// lowContrast lists the visible text of the page whose contrast with its
// background is under WCAG's 4.5:1 for normal text.
const lowContrast = `(() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const low = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    const fg = parse(el instanceof SVGElement ? getComputedStyle(el).fill : getComputedStyle(el).color);
    if (!fg) continue;
    const [hi, lo] = [lum(fg), lum(background(el))].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < 4.5) low.push(el.tagName + ' "' + n.textContent.trim().slice(0, 40) + '" ' + ratio.toFixed(2));
  }
  return low;
})()`

// contrast fails the step for text too faint to read.
func (bt *browserTest) contrast(step string) {
	bt.t.Helper()
	for _, low := range eval[[]string](bt, lowContrast) {
		bt.t.Errorf("%s: contrast under 4.5:1: %s", step, low)
	}
}

func jsString(s string) string { b, _ := json.Marshal(s); return string(b) }

func TestExplorerInBrowser(t *testing.T) {
	bt := newBrowserTest(t)
	downloads := t.TempDir()
	if _, err := chromedp.CallBrowser(bt.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: new(true),
	}); err != nil {
		t.Fatal(err)
	}

	// 1. Open: the most cited resolution's neighbourhood is drawn.
	bt.do("open", chromedp.Navigate(bt.srv.URL+"/"))
	bt.settle("open", "!!document.body.dataset.firstDraw && uncite.cy.nodes().length > 0")
	t.Logf("first drawing %s ms after navigation started", eval[string](bt, "document.body.dataset.firstDraw"))
	bt.shot("open")
	bt.check("open")

	// 2. Search a resolution, then draw it.
	bt.do("search", chromedp.SendKeys(chromedp.CSS("#q"), "S/RES/822 (1993)\n"))
	hit := fmt.Sprintf(`#results button[data-node=%s]`, jsString(res822))
	bt.do("search", chromedp.WaitVisible(chromedp.CSS(hit)))
	bt.shot("search")
	bt.do("draw", chromedp.Click(chromedp.CSS(hit)))
	want := bt.union(res822)
	bt.settle("draw", fmt.Sprintf("uncite.cy.nodes().length === %d && !uncite.cy.getElementById(%s).empty()", len(want), jsString(res822)))
	if got := bt.drawn("node"); !slices.Equal(got, want) {
		t.Errorf("drawn neighbourhood of %s:\n got %v\nwant %v", res822, got, want)
	}
	bt.shot("neighbourhood")
	bt.check("draw")

	// A State by its Russian name and documents by words of their text.
	eval[bool](bt, "(document.querySelector('#q').value = '') === ''")
	bt.do("search state", chromedp.SendKeys(chromedp.CSS("#q"), "Армения\n"))
	states := refdata.FindStates("Армения")
	if len(states) == 0 {
		t.Fatal("refdata finds no State named Армения")
	}
	for _, st := range states {
		bt.do("search state", chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#results button[data-node="State:%s"]`, st.Code))))
	}
	bt.shot("search-state")
	bt.contrast("search results")
	_, total, err := bt.store.Search(context.Background(), "Nagorno Karabakh", uncite.Page{Limit: 10})
	if err != nil || total == 0 {
		t.Fatalf("store search: %d, %v", total, err)
	}
	eval[bool](bt, "(document.querySelector('#q').value = '') === ''")
	bt.do("search text", chromedp.SendKeys(chromedp.CSS("#q"), "Nagorno Karabakh\n"))
	bt.do("search text", until(fmt.Sprintf("document.querySelector('#results')?.innerText.includes('Documents (%d containing every word)')", total)))
	bt.shot("search-text")
	bt.do("search text", chromedp.Click(chromedp.CSS("#results .close")), until("document.querySelector('#results').hidden"))
	bt.check("search")

	// 3. Click a node whose neighbourhood adds nodes: it is expanded and
	// its details open in the panel.
	var expand string
	for _, id := range want {
		if id != res822 && len(bt.union(res822, id)) > len(want) {
			expand = id
			break
		}
	}
	if expand == "" {
		t.Fatalf("no node of %v has neighbours beyond them", want)
	}
	bt.clickNode("expand", expand)
	want = bt.union(res822, expand)
	bt.settle("expand", fmt.Sprintf("uncite.cy.nodes().length === %d", len(want)))
	if got := bt.drawn("node"); !slices.Equal(got, want) {
		t.Errorf("after expanding %s:\n got %v\nwant %v", expand, got, want)
	}
	if sel := bt.drawn("node:selected"); !slices.Equal(sel, []string{expand}) {
		t.Errorf("selected %v, want %s", sel, expand)
	}
	bt.shot("expand")

	// 4. The panel: the seed note verbale's citations, with their
	// sentences, verbs and paragraph kind; then 822's facets and
	// co-citations.
	_, key, _ := strings.Cut(expand, ":")
	bt.settle("panel", fmt.Sprintf("!document.querySelector('#panel').hidden && document.querySelector('#panel h2')?.textContent === %s && !document.querySelector('#panel-body').textContent.includes('Loading')", jsString(key)))
	panel := eval[string](bt, "document.querySelector('#panel-body').innerText")
	if kind, _, _ := strings.Cut(expand, ":"); kind == uncite.KindDocument {
		doc, err := bt.store.Document(context.Background(), key)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range doc.Citations {
			if !strings.Contains(panel, c.Symbol) || (len(c.Contexts) > 0 && !strings.Contains(panel, strings.Fields(c.Contexts[0])[0])) {
				t.Errorf("panel of %s lacks the citation of %s or its sentence:\n%s", expand, c.Symbol, panel)
			}
		}
		if !strings.Contains(panel, "operative") && !strings.Contains(panel, "preambular") {
			t.Errorf("panel of %s shows no paragraph kind:\n%s", expand, panel)
		}
	}
	bt.shot("panel-" + strings.ToLower(strings.Split(expand, ":")[0]))
	bt.contrast("document panel")
	bt.do("panel 822", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#panel button.linklike[data-node=%s]`, jsString(res822)))))
	bt.settle("panel 822", "document.querySelector('#panel h2')?.textContent === 'S/RES/822 (1993)' && !!document.querySelector('#panel svg.chart')")
	panel = eval[string](bt, "document.querySelector('#panel-body').innerText")
	co, err := bt.store.CoCited(context.Background(), []string{"S/RES/822 (1993)"}, 10, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range co["S/RES/822 (1993)"] {
		if !strings.Contains(panel, c.Symbol) {
			t.Errorf("panel of 822 lacks co-cited %s:\n%s", c.Symbol, panel)
		}
	}
	if !strings.Contains(panel, "Citing documents by year") {
		t.Errorf("panel of 822 has no timeline:\n%s", panel)
	}
	bt.shot("panel-resolution")
	bt.check("panel")

	// 5. Export the view as GraphML: the file holds the drawn nodes. Then
	// PNG and SVG of the drawing.
	save := func(step, selector string) []byte {
		t.Helper()
		ctx, cancel := context.WithTimeout(bt.ctx, 20*time.Second)
		defer cancel()
		done := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
		bt.do(step, chromedp.Click(chromedp.CSS(selector)))
		for ev, err := range done {
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				b, err := os.ReadFile(filepath.Join(downloads, ev.GUID))
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			if ev.State == browser.DownloadProgressStateCanceled {
				t.Fatalf("%s: download cancelled", step)
			}
		}
		t.Fatalf("%s: no download", step)
		return nil
	}
	var gml struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>node"`
	}
	if err := xml.Unmarshal(save("export graphml", "#export"), &gml); err != nil {
		t.Fatalf("export: not GraphML: %v", err)
	}
	var exported []string
	for _, n := range gml.Nodes {
		exported = append(exported, n.ID)
	}
	slices.Sort(exported)
	if got := bt.drawn("node"); !slices.Equal(exported, got) {
		t.Errorf("exported GraphML nodes:\n got %v\nwant the drawn %v", exported, got)
	}
	if png := save("export png", "#png"); !strings.HasPrefix(string(png), "\x89PNG\r\n") {
		t.Errorf("PNG export starts %q", png[:min(8, len(png))])
	}
	if svg := string(save("export svg", "#svg")); !strings.Contains(svg, "<svg") {
		t.Errorf("SVG export has no <svg>: %.80q", svg)
	}
	bt.check("export")

	// 6. A path between two drawn nodes that are not neighbours, chosen
	// with the panel's buttons.
	var from, to string
	drawnNodes := bt.drawn("node")
	for _, a := range drawnNodes {
		near := map[string]bool{}
		for _, id := range bt.union(a) {
			near[id] = true
		}
		for _, b := range drawnNodes {
			if !near[b] && from == "" {
				from, to = a, b
			}
		}
	}
	if from == "" {
		t.Fatalf("every two drawn nodes are neighbours: %v", drawnNodes)
	}
	_, fromKey, _ := strings.Cut(from, ":")
	bt.clickNode("path from", from)
	bt.settle("path from", fmt.Sprintf("document.querySelector('#panel h2')?.textContent === %s", jsString(fromKey)))
	bt.do("path from", chromedp.Click(chromedp.CSS(`#panel .actions button:nth-child(3)`)))
	paths, err := bt.store.Paths(context.Background(), from, to, 6)
	if err != nil || len(paths) == 0 {
		t.Fatalf("store paths %s → %s: %v, %d", from, to, err, len(paths))
	}
	bt.clickNode("path to", to)
	_, toKey, _ := strings.Cut(to, ":")
	bt.settle("path to", fmt.Sprintf("document.querySelector('#panel h2')?.textContent === %s", jsString(toKey)))
	bt.do("path to", chromedp.Click(chromedp.CSS(`#panel .actions button:nth-child(4)`)))
	bt.settle("path", "uncite.cy.nodes('.path').length > 0")
	onPath := map[string]bool{}
	for _, p := range paths {
		for _, n := range p.Nodes {
			onPath[n.ID] = true
		}
	}
	if got := bt.drawn("node.path"); len(got) != len(onPath) {
		t.Errorf("path nodes drawn %v, want those of %d store paths: %v", got, len(paths), onPath)
	}
	status := eval[string](bt, "document.querySelector('#status').textContent")
	if !strings.Contains(status, fmt.Sprintf("of %d step", len(paths[0].Edges))) {
		t.Errorf("status %q, want a path of %d steps", status, len(paths[0].Edges))
	}
	bt.shot("path")
	bt.check("path")

	// 7. The URL restores the view: the same nodes, path and selection.
	link := eval[string](bt, "location.href")
	nodes, pathNodes, selected := bt.drawn("node"), bt.drawn("node.path"), bt.drawn("node:selected")
	bt.do("deep link", chromedp.Navigate("about:blank"), chromedp.Navigate(link), chromedp.WaitReady(chromedp.CSS("#cy")))
	bt.settle("deep link", fmt.Sprintf("uncite.cy.nodes('.path').length === %d && uncite.cy.nodes(':selected').length === 1", len(pathNodes)))
	if got := bt.drawn("node"); !slices.Equal(got, nodes) {
		t.Errorf("deep link drew\n %v\nwant %v", got, nodes)
	}
	if got := bt.drawn("node:selected"); !slices.Equal(got, selected) {
		t.Errorf("deep link selected %v, want %v", got, selected)
	}
	bt.shot("deep-link")
	bt.check("deep link")

	// 8. Filters: the HRC's 43rd session's documents, drawn from
	// /export?format=cytoscape as they come.
	filtered, err := bt.store.FilterSubgraph(context.Background(), uncite.DocumentFilter{Body: "HRC", Session: 43}, 200)
	if err != nil {
		t.Fatal(err)
	}
	var wantFiltered []string
	for _, n := range filtered.Nodes {
		wantFiltered = append(wantFiltered, n.ID)
	}
	slices.Sort(wantFiltered)
	bt.do("filter", chromedp.Click(chromedp.CSS("#filters summary")),
		chromedp.SetValue(chromedp.CSS(`#filter select[name=body]`), "HRC"),
		chromedp.SendKeys(chromedp.CSS(`#filter input[name=session]`), "43"),
		chromedp.Click(chromedp.CSS(`#filter button[value=draw]`)))
	bt.settle("filter", fmt.Sprintf("uncite.cy.nodes().length === %d && location.hash.includes('draw=filter')", len(wantFiltered)))
	if got := bt.drawn("node"); !slices.Equal(got, wantFiltered) {
		t.Errorf("HRC-43 documents drawn:\n got %v\nwant %v", got, wantFiltered)
	}
	bt.shot("filter")
	bt.contrast("filters")
	link = eval[string](bt, "location.href")
	bt.do("filter link", chromedp.Navigate("about:blank"), chromedp.Navigate(link), chromedp.WaitReady(chromedp.CSS("#cy")))
	bt.settle("filter link", fmt.Sprintf("uncite.cy.nodes().length === %d && document.querySelector('#filter select[name=body]').value === 'HRC'", len(wantFiltered)))
	if got := bt.drawn("node"); !slices.Equal(got, wantFiltered) {
		t.Errorf("the filter's link drew\n %v\nwant %v", got, wantFiltered)
	}
	if got := bt.drawn("node.path"); len(got) > 0 {
		t.Errorf("the filter's drawing kept the earlier path: %v", got)
	}
	// The session's details: its agenda items.
	items, err := bt.store.AgendaItemsBySession(context.Background(), []string{"HRC-43"})
	if err != nil || len(items["HRC-43"]) == 0 {
		t.Fatalf("agenda items of HRC-43: %v, %v", items, err)
	}
	bt.clickNode("session", "Session:HRC-43")
	bt.settle("session", fmt.Sprintf("document.querySelector('#panel-body')?.innerText.includes('Agenda items (%d)')", len(items["HRC-43"])))
	bt.shot("panel-session")
	bt.check("filter")

	// 9. The keyboard: / searches, arrows select nodes, Escape closes.
	bt.do("keyboard", chromedp.Focus(chromedp.CSS("#cy")), chromedp.KeyEvent(kb.ArrowRight))
	bt.settle("keyboard", "uncite.cy.nodes(':selected').length === 1 && !document.querySelector('#panel').hidden")
	first := bt.drawn("node:selected")
	bt.do("keyboard", chromedp.KeyEvent(kb.ArrowRight))
	bt.settle("keyboard", fmt.Sprintf("uncite.cy.nodes(':selected').length === 1 && uncite.cy.nodes(':selected').id() !== %s", jsString(first[0])))
	bt.shot("keyboard")
	bt.do("keyboard", chromedp.KeyEvent(kb.Escape), until("document.querySelector('#panel').hidden"),
		chromedp.KeyEvent("/"), until("document.activeElement.id === 'q'"))
	bt.check("keyboard")

	// 10. GraphiQL at /playground, opened on the README's first example,
	// runs it offline.
	bt.do("graphiql", chromedp.Navigate(bt.srv.URL+"/playground"),
		chromedp.WaitVisible(chromedp.CSS(".graphiql-container .graphiql-query-editor")))
	editor := eval[string](bt, "document.querySelector('.graphiql-query-editor').innerText")
	if !strings.Contains(editor, "Who cites Security Council resolution 822") {
		t.Errorf("GraphiQL opened on %q", editor)
	}
	bt.shot("graphiql")
	bt.do("graphiql run", chromedp.Click(chromedp.CSS(".graphiql-execute-button")))
	bt.do("graphiql run", until("document.querySelector('.result-window')?.innerText.includes('citationCount')"))
	result := eval[string](bt, "document.querySelector('.result-window').innerText")
	r, err := bt.store.Resolution(context.Background(), "S/RES/822 (1993)")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(result, fmt.Sprintf(`"citationCount": %d`, r.CitationCount)) {
		t.Errorf("GraphiQL result lacks citationCount %d:\n%s", r.CitationCount, result)
	}
	bt.shot("graphiql-result")
	bt.check("graphiql")
	if errors.Is(bt.ctx.Err(), context.Canceled) {
		t.Error("the browser went away")
	}
}
