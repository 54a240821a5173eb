// The uncite explorer: search, draw and walk the citation graph.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import './style.css';
import { gql, getJSON, queries, citationCounts, TOP_URL } from './api.js';
import {
  KINDS, KIND_COLOURS, MAX_NODES, nodesAfter, toElements, fromExport, nodeSize, documentNodeId, matchesFilter,
  emptyView, encodeView, decodeView, exportURL,
} from './mapping.js';
import { details } from './details.js';
import { button, heading, p, strong, small, dt, dd, download } from './dom.js';

cytoscape.use(fcose);
cytoscape.use(svg);

const $ = (s) => document.querySelector(s);
const status = $('#status');
const panel = $('#panel');
const panelBody = $('#panel-body');
const results = $('#results');

let view = emptyView();
let busy = 0;

const cy = cytoscape({
  container: $('#cy'),
  wheelSensitivity: 0.3,
  minZoom: 0.05,
  maxZoom: 4,
  style: [
    { selector: 'node', style: {
      'background-color': (n) => KIND_COLOURS[n.data('kind')] || '#888',
      width: 'data(size)', height: 'data(size)',
      label: 'data(label)', 'font-size': 10, color: '#111', 'text-valign': 'bottom', 'text-margin-y': 3,
      'text-outline-color': '#fff', 'text-outline-width': 2, 'text-max-width': 140, 'text-wrap': 'ellipsis',
      // Labels too small to read are left out when zoomed out.
      'min-zoomed-font-size': 7,
      'border-width': 1, 'border-color': '#333',
    } },
    { selector: 'node[kind = "Document"]', style: { shape: 'round-rectangle' } },
    { selector: 'node[kind = "State"]', style: { shape: 'diamond' } },
    { selector: 'node[kind = "Session"], node[kind = "AgendaItem"]', style: { shape: 'hexagon' } },
    { selector: 'edge', style: {
      width: 1.2, 'line-color': '#9aa3ad', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
      'target-arrow-color': '#9aa3ad', 'arrow-scale': 0.8,
    } },
    { selector: 'edge[type = "CITES"]', style: { 'line-color': '#c9605f', 'target-arrow-color': '#c9605f', width: (e) => Math.min(6, 1 + (e.data('count') || 1) / 2) } },
    { selector: 'edge[type = "SUBMITTED_BY"]', style: { 'line-style': 'dashed' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f2b705' } },
    { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#000' } },
    { selector: 'edge.path', style: { 'line-color': '#000', 'target-arrow-color': '#000', width: 4, 'z-index': 10 } },
    { selector: '.filtered', style: { display: 'none' } },
  ],
});
// A handle for the browser tests and for the curious in the console.
window.uncite = { cy };
// The drawing's box changes when the results or the details open.
new ResizeObserver(() => cy.resize()).observe(cy.container());

function setBusy(delta) {
  busy += delta;
  document.body.dataset.busy = String(busy > 0);
}

function say(text, warn = false) {
  status.textContent = text;
  status.classList.toggle('warn', warn);
}

async function run(what, fn) {
  setBusy(1);
  try {
    return await fn();
  } catch (err) {
    say(`${what}: ${err.message}`, true);
    return undefined;
  } finally {
    setBusy(-1);
  }
}

function saveView() {
  const hash = encodeView(view);
  history.replaceState(null, '', hash || location.pathname);
  $('#export').href = exportURL(view, $('#export-format').value);
  $('#depth').value = String(view.depth);
}

// add puts elements in the drawing (those already there are kept as they
// are), sizes new resolutions by their citation count and lays out.
async function add(elements, { replace = false } = {}) {
  const total = nodesAfter(elements, cy.nodes().length, (id) => cy.getElementById(id).nonempty(), replace);
  if (total > MAX_NODES) {
    say(`Too many nodes: ${total} (at most ${MAX_NODES} are drawn): narrow the filter.`, true);
    return false;
  }
  const fresh = elements.filter((e) => replace || cy.getElementById(e.data.id).empty());
  cy.batch(() => {
    if (replace) cy.elements().remove();
    cy.add(fresh);
  });
  // The citation counts that size the resolutions arrive while the layout
  // runs, so that the first drawing does not wait for them.
  const symbols = fresh.filter((e) => e.group === 'nodes' && e.data.kind === 'Resolution').map((e) => e.data.symbol || e.data.label);
  const counts = citationCounts(symbols);
  applyFilter();
  await layout(!replace && cy.nodes().length > fresh.length);
  const sized = await counts;
  cy.batch(() => {
    for (const [s, c] of Object.entries(sized)) {
      cy.getElementById(`Resolution:${s}`).data({ citations: c, size: nodeSize('Resolution', c) });
    }
  });
  return true;
}

// layout places the nodes with fCoSE. A new drawing is shown first in
// fCoSE's fast draft (its spectral placement), then refined from there;
// an expansion refines the drawing as it stands.
async function layout(incremental) {
  if (!incremental) {
    await runLayout({ quality: 'draft', randomize: true });
    await nextFrame();
    // The browser suite reads how long the first drawing took.
    document.body.dataset.firstDraw ||= String(Math.round(performance.now()));
  }
  await runLayout({ quality: 'default', randomize: false });
}

function runLayout(opts) {
  return new Promise((resolve) => {
    const l = cy.elements(':visible').layout({
      name: 'fcose', animate: false, fit: false, nodeDimensionsIncludeLabels: false,
      idealEdgeLength: 70, nodeRepulsion: 6000, numIter: 1500, ...opts,
    });
    l.one('layoutstop', () => { fit(); resolve(); });
    l.run();
  });
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

// fit shows the whole drawing, without blowing a few nodes up to fill it.
function fit() {
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
}

function describe(extra = '') {
  say(`${cy.nodes().length} nodes, ${cy.edges().length} edges${extra}. Click a node to expand it and see its details.`);
}

async function drawNeighborhood(id, { replace = false } = {}) {
  return run(`Neighbourhood of ${id}`, async () => {
    const { neighborhood: g } = await gql(queries.neighborhood, { id, depth: view.depth });
    if (!(await add(toElements(g), { replace }))) return;
    // A new drawing drops the old one's path; restore draws it again after.
    if (replace) Object.assign(view, { nodes: [], draw: false, from: null, to: null });
    if (!view.nodes.includes(id)) view.nodes.push(id);
    saveView();
    describe(g.truncated ? ` (the neighbourhood of ${id} stops at 200 nodes)` : '');
  });
}

async function drawFilter() {
  return run('Documents matching the filter', async () => {
    Object.assign(view, { draw: true, nodes: [], from: null, to: null });
    const doc = await getJSON(exportURL(view, 'cytoscape'));
    if (!doc.elements.nodes.length) {
      say('No document matches the filter.', true);
      return;
    }
    if (!(await add(fromExport(doc), { replace: true }))) return;
    saveView();
    describe(doc.truncated ? ' (the documents stop at the limit: narrow the filter or raise the limit)' : '');
  });
}

// applyFilter hides what the filter excludes from the drawing.
function applyFilter() {
  const f = view.filter;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      let sessions = null;
      if (f.session && n.data('kind') === 'Document') {
        sessions = new Set(n.neighborhood('node[kind = "Session"]').map((s) => s.data('number')));
      }
      n.toggleClass('filtered', !matchesFilter(n.data(), f, sessions));
    });
  });
}

// ---- search ----

async function search(q) {
  q = q.trim();
  if (!q) return;
  if (/^(Document|Resolution|State|Session|AgendaItem):./.test(q)) {
    await drawNeighborhood(q, { replace: true });
    return;
  }
  await run('Search', async () => {
    const [res, states, docs] = await Promise.all([
      gql(queries.resolutionLookup, { s: q }).then((d) => d.resolution).catch(() => null),
      gql(queries.states, { q }).then((d) => d.findStates),
      gql(queries.search, { q }).then((d) => d.search).catch(() => ({ totalCount: 0, nodes: [] })),
    ]);
    const hits = [];
    if (res) hits.push({ group: 'Resolution', id: `Resolution:${res.symbol}`, text: res.symbol, note: `${res.citationCount} citing documents${res.title ? ` · ${res.title}` : ''}` });
    for (const s of states) hits.push({ group: 'States', id: `State:${s.code}`, text: s.name, note: s.code });
    for (const d of docs.nodes) hits.push({ group: `Documents (${docs.totalCount} containing every word)`, id: documentNodeId(d), text: d.symbol || d.id, note: [d.type, d.date, d.title].filter(Boolean).join(' · ') });
    showResults(q, hits);
  });
}

function showResults(q, hits) {
  results.replaceChildren();
  results.hidden = false;
  const close = button('Close', () => { results.hidden = true; $('#q').focus(); }, 'close');
  close.setAttribute('aria-label', 'Close the results');
  close.textContent = '×';
  results.append(close);
  if (!hits.length) {
    results.append(p(`Nothing found for “${q}”.`));
    say(`Nothing found for “${q}”.`, true);
    return;
  }
  let group = null;
  let ul = null;
  for (const h of hits) {
    if (h.group !== group) {
      group = h.group;
      results.append(heading('h2', group));
      ul = document.createElement('ul');
      results.append(ul);
    }
    const li = document.createElement('li');
    const b = button('', () => { results.hidden = true; drawNeighborhood(h.id, { replace: true }); });
    b.dataset.node = h.id;
    b.append(strong(h.text), document.createElement('br'), small(h.note));
    li.append(b);
    ul.append(li);
  }
  say(`${hits.length} result${hits.length === 1 ? "" : "s"} for “${q}”: pick one to draw its neighbourhood.`);
  results.querySelector('li button').focus();
}

// ---- details panel ----

async function select(id) {
  view.selected = id;
  saveView();
  cy.$(':selected').unselect();
  cy.getElementById(id).select();
  const [kind, key] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  panel.hidden = false;
  panelBody.replaceChildren(heading('h2', key), p('Loading…'));
  await run(`Details of ${id}`, async () => {
    const body = [heading('h2', key), small(kind), actions(id)];
    body.push(...((await details(kind, key, nodeLink)) ?? propertiesOf(id)));
    if (view.selected === id) panelBody.replaceChildren(...body);
  });
}

function actions(id) {
  const div = document.createElement('div');
  div.className = 'actions';
  div.append(
    button('Expand', () => drawNeighborhood(id)),
    button('Draw only this', () => drawNeighborhood(id, { replace: true })),
    button('Path from here', () => { view.from = id; view.to = null; saveView(); say(`Path from ${id}: now pick the other end and press “Path to here”.`); }),
    button('Path to here', () => followPath(view.from, id)),
  );
  return div;
}

function propertiesOf(id) {
  const n = cy.getElementById(id);
  if (n.empty()) return [];
  const dl = document.createElement('dl');
  for (const [k, v] of Object.entries(n.data())) {
    if (['id', 'label', 'kind', 'size'].includes(k)) continue;
    dl.append(dt(k), dd(String(v)));
  }
  return [dl];
}

// ---- paths ----

async function followPath(from, to) {
  if (!from) { say('Pick the first end with “Path from here”, then the other end.', true); return; }
  if (from === to) { say('The two ends of a path must differ.', true); return; }
  view.from = from;
  view.to = to;
  await run('Path', async () => {
    const { citationPath: paths } = await gql(queries.path, { from, to });
    cy.elements('.path').removeClass('path');
    if (!paths.length) {
      say(`No path of at most 6 steps between ${from} and ${to}.`, true);
      return;
    }
    const merged = { nodes: [], edges: [] };
    for (const pth of paths) { merged.nodes.push(...pth.nodes); merged.edges.push(...pth.edges); }
    await add(toElements(merged));
    cy.batch(() => {
      for (const pth of paths) {
        for (const n of pth.nodes) cy.getElementById(n.id).addClass('path');
        for (const e of pth.edges) cy.getElementById(e.id).addClass('path');
      }
    });
    saveView();
    const first = paths[0];
    say(`${paths.length} shortest path${paths.length > 1 ? 's' : ''} of ${first.length} step${first.length > 1 ? 's' : ''}: ${first.nodes.map((n) => n.label).join(' — ')}`);
  });
}

function nodeLink(id, text) {
  const b = button(text, () => (cy.getElementById(id).empty() ? drawNeighborhood(id).then(() => select(id)) : select(id)), 'linklike');
  b.dataset.node = id;
  return b;
}

// ---- wiring ----

cy.on('tap', 'node', (e) => {
  const id = e.target.id();
  select(id);
  drawNeighborhood(id);
});

$('#search').addEventListener('submit', (e) => { e.preventDefault(); search($('#q').value); });
$('#filter').addEventListener('submit', (e) => {
  e.preventDefault();
  const fd = new FormData(e.target);
  view.filter = {};
  for (const k of ['body', 'session', 'yearFrom', 'yearTo', 'limit']) if (fd.get(k)) view.filter[k] = String(fd.get(k));
  if (view.filter.limit === '200') delete view.filter.limit;
  if (e.submitter?.value === 'draw') drawFilter();
  else { applyFilter(); saveView(); describe(` (${cy.nodes('.filtered').length} hidden by the filter)`); }
});
$('#clear-filter').addEventListener('click', () => {
  $('#filter').reset();
  view.filter = {};
  applyFilter();
  saveView();
});
$('#depth').addEventListener('change', (e) => { view.depth = Number(e.target.value); saveView(); });
$('#export-format').addEventListener('change', saveView);
$('#png').addEventListener('click', () => download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), 'uncite.png'));
$('#svg').addEventListener('click', () => download(new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }), 'uncite.svg'));
$('#fit').addEventListener('click', fit);
$('#link').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    say('Link to this view copied.');
  } catch {
    say(`Link to this view: ${location.href}`);
  }
});
$('#close-panel').addEventListener('click', closePanel);

function closePanel() {
  panel.hidden = true;
  view.selected = null;
  cy.$(':selected').unselect();
  saveView();
  $('#cy').focus();
}

// Keyboard: / to search, arrows to move between nodes, Enter to expand,
// Escape to close, f to fit.
document.addEventListener('keydown', (e) => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement?.tagName);
  if (e.key === '/' && !typing) { e.preventDefault(); $('#q').focus(); return; }
  if (e.key === 'Escape' && !panel.hidden) { closePanel(); return; }
  if (document.activeElement !== $('#cy')) return;
  if (e.key === 'f') fit();
  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const nodes = cy.nodes(':visible').toArray().sort((a, b) => a.data('label').localeCompare(b.data('label')));
    if (!nodes.length) return;
    const i = nodes.findIndex((n) => n.selected());
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
    const next = nodes[(i + step + nodes.length) % nodes.length];
    select(next.id());
    cy.animate({ center: { eles: next } }, { duration: 150 });
  }
  if (e.key === 'Enter' && view.selected) drawNeighborhood(view.selected);
});

function legend() {
  const f = $('#legend');
  for (const k of KINDS) {
    const s = document.createElement('span');
    const dot = document.createElement('span');
    dot.className = 'swatch';
    dot.style.background = KIND_COLOURS[k];
    s.append(dot, k);
    f.append(s);
  }
  f.append(small('Resolutions are sized by the documents citing them; red edges are citations.'));
}

// restore draws the view a URL describes, or the most cited resolution's
// neighbourhood when it describes none.
async function restore() {
  // Read even when the URL names a view, so that the preload is used.
  const top = getJSON(TOP_URL);
  top.catch(() => {}); // an error matters only where the answer does
  const v = decodeView(location.hash);
  view = emptyView();
  view.depth = v.depth;
  view.filter = v.filter;
  const form = $('#filter');
  for (const [k, val] of Object.entries(v.filter)) form.elements[k].value = val;
  if (Object.keys(v.filter).length) $('#filters').open = true;
  if (v.draw) {
    await drawFilter();
  } else if (v.nodes.length) {
    for (const [i, id] of v.nodes.entries()) await drawNeighborhood(id, { replace: i === 0 });
  } else {
    const answer = await run('The most cited resolution', () => top);
    const r = answer?.data?.topCited?.[0];
    if (r) await drawNeighborhood(`Resolution:${r.resolution.symbol}`, { replace: true });
    else say('The store is empty: load some documents (uncite serve --docs DIR).', true);
  }
  if (v.from && v.to) await followPath(v.from, v.to);
  else if (v.from) view.from = v.from;
  if (v.selected) await select(v.selected);
  saveView();
}

legend();
setBusy(0);
restore();
