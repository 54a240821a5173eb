package storetest

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/synth"
)

// RunAgainstReference holds a store to a reference store answer for answer
// where the contract leaves too many answers to write down: on a corpus
// thousands of documents large, whatever the reference (the embedded store,
// memstore.New) answers is the answer. It is for the stores other than the
// reference; a third back end calls it as neo4jstore does.
func RunAgainstReference(t *testing.T, open, reference Opener) {
	run(t, open, []namedCase{
		{"paths", func(t *testing.T, open Opener) { pathsAgree(t, open, reference) }},
	})
}

// pathCorners are documents that give a synthetic corpus what its density
// hides: a chain of references hanging off it, so that distances of five,
// six and more occur; a component of its own, unreachable from the rest;
// pairs of nodes joined by two relationships (a State both authoring and
// mentioned, two documents referring to each other); and dead ends, a
// document referring to one other only, on every node of the chain and on
// some documents of the corpus (twigged), so that a node's neighbours are
// not all on shortest paths however dense the graph.
func pathCorners(corpus []*uncite.Document) (docs []*uncite.Document, twigged []string) {
	twig := func(symbol string) {
		docs = append(docs, &uncite.Document{ID: fmt.Sprintf("twig-%d", len(docs)), References: []string{symbol}})
	}
	chain := func(prefix string, n int, mentions []uncite.Mention) {
		for i := range n {
			d := &uncite.Document{ID: fmt.Sprintf("%s-%d", strings.ToLower(prefix), i), Symbol: fmt.Sprintf("X/%s/%d", prefix, i)}
			if i+1 < n {
				d.References = []string{fmt.Sprintf("X/%s/%d", prefix, i+1)}
			}
			if i == 0 {
				d.Mentions = mentions
			}
			docs = append(docs, d)
		}
	}
	chain("CHAIN", 8, []uncite.Mention{{State: "FRA", Count: 1}})
	for i := range 8 {
		twig(fmt.Sprintf("X/CHAIN/%d", i))
	}
	chain("ISLAND", 4, nil)
	docs = append(docs,
		&uncite.Document{ID: "par-1", Author: "ISL", Mentions: []uncite.Mention{{State: "ISL", Count: 2}, {State: "FRA", Count: 1}}},
		&uncite.Document{ID: "par-2", Symbol: "X/PAR/2", Author: "ISL", References: []string{"X/PAR/3"}},
		&uncite.Document{ID: "par-3", Symbol: "X/PAR/3", References: []string{"X/PAR/2"}},
	)
	// A fan four hops long: fan-a refers to twelve documents, each to one
	// mentioning one of the twelve States most linked to; fan-b mentions
	// the forty most linked to, so many relationships that its second
	// neighbours are not gathered. Each branch is one path, and fan-a's
	// twig sorts first: taken for a branch, it would push the tenth out.
	degree := map[string]int{}
	for _, d := range corpus {
		degree[d.Author]++
		for _, m := range d.Mentions {
			degree[m.State]++
		}
	}
	delete(degree, "")
	states := slices.SortedFunc(maps.Keys(degree), func(x, y string) int { return cmp.Or(degree[y]-degree[x], strings.Compare(x, y)) })
	fan := &uncite.Document{ID: "fan-a", Symbol: "X/FAN/A"}
	hub := &uncite.Document{ID: "fan-b"}
	for _, state := range states[:40] {
		hub.Mentions = append(hub.Mentions, uncite.Mention{State: state, Count: 1})
	}
	for i, state := range states[:12] {
		fan.References = append(fan.References, fmt.Sprintf("X/FAN/C/%d", i))
		docs = append(docs,
			&uncite.Document{ID: fmt.Sprintf("fan-c-%02d", i), Symbol: fmt.Sprintf("X/FAN/C/%d", i), References: []string{fmt.Sprintf("X/FAN/E/%d", i)}},
			&uncite.Document{ID: fmt.Sprintf("fan-e-%02d", i), Symbol: fmt.Sprintf("X/FAN/E/%d", i), Mentions: []uncite.Mention{{State: state, Count: 1}}})
	}
	docs = append(docs, fan, hub, &uncite.Document{ID: "fan-0twig", References: []string{"X/FAN/A"}})
	// The same five hops long, for the layers grown from a sparse end.
	far := &uncite.Document{ID: "far-a", Symbol: "X/FAR/A"}
	for i, state := range states[:12] {
		far.References = append(far.References, fmt.Sprintf("X/FAR/C/%d", i))
		docs = append(docs,
			&uncite.Document{ID: fmt.Sprintf("far-c-%02d", i), Symbol: fmt.Sprintf("X/FAR/C/%d", i), References: []string{fmt.Sprintf("X/FAR/E/%d", i)}},
			&uncite.Document{ID: fmt.Sprintf("far-e-%02d", i), Symbol: fmt.Sprintf("X/FAR/E/%d", i), References: []string{fmt.Sprintf("X/FAR/G/%d", i)}},
			&uncite.Document{ID: fmt.Sprintf("far-g-%02d", i), Symbol: fmt.Sprintf("X/FAR/G/%d", i), Mentions: []uncite.Mention{{State: state, Count: 1}}})
	}
	docs = append(docs, far, &uncite.Document{ID: "far-0twig", References: []string{"X/FAR/A"}})
	for i := 0; i < len(corpus); i += len(corpus) / 12 {
		if d := corpus[i]; d.Symbol != "" {
			twig(d.Symbol)
			twigged = append(twigged, uncite.NodeID(uncite.KindDocument, d.ID))
		}
	}
	return docs, twigged
}

// pathsAgree holds the store's Paths to the reference's, path for path and
// property for property, for every hop bound, between random nodes of every
// kind of a synthetic corpus and the ends of pathCorners. It checks that the
// pairs reach every distance, unreachable ends, the MaxPaths cut and
// parallel relationships, so that none of them passes untested.
func pathsAgree(t *testing.T, open, reference Opener) {
	s, m := open(t), reference(t)
	ctx := context.Background()
	corpus := synth.Corpus(4000, 3)
	corners, twigged := pathCorners(corpus)
	docs := append(corpus, corners...)
	// In batches, as a loader writes them: one transaction of 4,000
	// documents is not what a server store is built for.
	for batch := range slices.Chunk(docs, 500) {
		write(t, s, batch...)
	}
	write(t, m, docs...)

	var nodes []string
	seen := map[string]bool{}
	add := func(kind, key string) {
		if id := uncite.NodeID(kind, key); !seen[id] {
			seen[id] = true
			nodes = append(nodes, id)
		}
	}
	for _, d := range docs {
		add(uncite.KindDocument, d.ID)
		for _, c := range d.Citations {
			add(uncite.KindResolution, c.Symbol)
		}
		if d.Author != "" {
			add(uncite.KindState, d.Author)
		}
		for _, mention := range d.Mentions {
			add(uncite.KindState, mention.State)
		}
		if key := d.SessionKey(); key != "" {
			add(uncite.KindSession, key)
			for _, item := range d.AgendaItems {
				add(uncite.KindAgendaItem, uncite.AgendaItemKey(d.Body, d.Session, item.Number))
			}
		}
	}
	ends := []string{"Document:chain-0", "Document:chain-3", "Document:chain-5", "Document:chain-7",
		"Document:island-0", "Document:island-3", "Document:par-1", "Document:par-2", "Document:par-3", "State:ISL", "State:FRA",
		"Document:fan-a", "Document:fan-b", "Document:far-a"}
	r := rand.New(rand.NewPCG(1, 2))
	var pairs [][2]string
	for range 60 {
		pairs = append(pairs, [2]string{nodes[r.IntN(len(nodes))], nodes[r.IntN(len(nodes))]})
	}
	for _, c := range ends {
		for _, c2 := range ends {
			pairs = append(pairs, [2]string{c, c2})
		}
	}
	for _, c := range slices.Concat(ends, twigged) {
		for range 2 {
			pairs = append(pairs, [2]string{c, nodes[r.IntN(len(nodes))]}, [2]string{nodes[r.IntN(len(nodes))], c})
		}
	}
	// Four hops from a twigged document, its twig among the neighbours
	// that must be told from those on the paths.
	for _, c := range twigged {
		for found, tries := 0, 0; found < 3 && tries < 200; tries++ {
			other := nodes[r.IntN(len(nodes))]
			if paths, _ := m.Paths(ctx, c, other, 4); len(paths) > 0 && len(paths[0].Edges) == 4 {
				pairs = append(pairs, [2]string{c, other})
				found++
			}
		}
	}

	distances := map[int]int{}
	var parallel, cut int
	for _, p := range pairs {
		for hops := range uncite.MaxPathHops + 1 {
			want, err := m.Paths(ctx, p[0], p[1], hops)
			if err != nil {
				t.Fatalf("reference %s to %s in %d: %v", p[0], p[1], hops, err)
			}
			got, err := s.Paths(ctx, p[0], p[1], hops)
			if err != nil {
				t.Fatalf("%s to %s in %d: %v", p[0], p[1], hops, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s to %s in %d hops:\n got%s\nwant%s", p[0], p[1], hops, showPaths(got), showPaths(want))
				continue
			}
			if hops < uncite.MaxPathHops {
				continue
			}
			switch {
			case len(want) == 0:
				distances[-1]++
			default:
				distances[len(want[0].Edges)]++
			}
			if len(want) == uncite.MaxPaths {
				cut++
			}
			for i := 1; i < len(want); i++ {
				if slices.EqualFunc(want[i].Nodes, want[i-1].Nodes, func(x, y uncite.Node) bool { return x.ID == y.ID }) {
					parallel++
				}
			}
		}
	}
	for d := -1; d <= uncite.MaxPathHops; d++ {
		if distances[d] == 0 {
			t.Errorf("no pair at distance %d (-1: unreachable within %d); distances %v", d, uncite.MaxPathHops, distances)
		}
	}
	if cut == 0 || parallel == 0 {
		t.Errorf("%d pairs cut at MaxPaths, %d paths repeating the nodes of the one before: both cases must be exercised", cut, parallel)
	}
}

func showPaths(paths []uncite.Path) string {
	var b strings.Builder
	for _, p := range paths {
		b.WriteString("\n  " + strings.Join(nodeIDs(p.Nodes), " / "))
		for _, e := range p.Edges {
			fmt.Fprintf(&b, "\n    %s -%s-> %s %v", e.Source, e.Type, e.Target, e.Properties)
		}
	}
	return b.String()
}
