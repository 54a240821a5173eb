// Pure functions from the API's answers to what Cytoscape.js draws, and
// from the view to its URL: everything here is unit tested in test/.

export const KINDS = ['Document', 'Resolution', 'State', 'Session', 'AgendaItem'];

// Fill colours by kind (Tableau 10, distinguishable with the common colour
// blindnesses); labels are drawn in near-black on a white halo beside the
// node, so their contrast does not depend on the fill.
export const KIND_COLOURS = {
  Document: '#4e79a7',
  Resolution: '#e15759',
  State: '#59a14f',
  Session: '#b07aa1',
  AgendaItem: '#f28e2b',
};

// Above this many nodes a drawing is refused: the layout would take
// seconds and the picture would say nothing.
export const MAX_NODES = 2000;

// nodesAfter counts the nodes the drawing would hold after adding
// elements to the current ones (has tells which are drawn), or after
// replacing them.
export function nodesAfter(elements, current, has, replace) {
  const incoming = elements.filter((e) => e.group === 'nodes' && (replace || !has(e.data.id))).length;
  return (replace ? 0 : current) + incoming;
}

const NODE_FIELDS = ['id', 'label', 'kind'];
const EDGE_FIELDS = ['id', 'source', 'target', 'type'];

// flatten puts props beside the fixed fields, renaming a property that
// would take a fixed field's name ("property_id"), as uncite's
// export --format cytoscape does, so that both sources draw alike.
export function flatten(fixed, props, fields) {
  const data = { ...fixed };
  for (const [k, v] of Object.entries(props || {})) {
    data[fields.some((f) => f.toLowerCase() === k.toLowerCase()) ? `property_${k}` : k] = v;
  }
  return data;
}

// toElements maps a GraphQL Subgraph or Path ({nodes {id label type
// properties}, edges {id source target type properties}}) to Cytoscape.js
// elements.
export function toElements(g) {
  const nodes = g.nodes.map((n) => ({
    group: 'nodes',
    data: withSize(flatten({ id: n.id, label: n.label, kind: n.type }, n.properties, NODE_FIELDS)),
  }));
  const edges = g.edges.map((e) => ({
    group: 'edges',
    data: flatten({ id: e.id, source: e.source, target: e.target, type: e.type }, e.properties, EDGE_FIELDS),
  }));
  return [...nodes, ...edges];
}

// fromExport maps uncite's cytoscape export ({elements: {nodes, edges}})
// to elements with the drawing's own fields (size) added.
export function fromExport(doc) {
  return [
    ...doc.elements.nodes.map((n) => ({ group: 'nodes', data: withSize({ ...n.data }) })),
    ...doc.elements.edges.map((e) => ({ group: 'edges', data: { ...e.data } })),
  ];
}

function withSize(data) {
  data.size = nodeSize(data.kind, data.citations);
  return data;
}

// nodeSize grows a resolution's disc with the area proportional to the
// documents citing it; other kinds keep one size.
export function nodeSize(kind, citations) {
  if (kind !== 'Resolution') return kind === 'Document' ? 22 : 26;
  const n = Math.max(0, citations || 0);
  return Math.round(Math.min(90, 24 + 10 * Math.sqrt(n)));
}

// nodeId is the graph id of a search hit: a document that is itself a
// resolution is drawn as the resolution.
export function documentNodeId(doc) {
  if (doc.symbol && /\/RES\//i.test(doc.symbol) && !/\((ar|fr|es|ru|zh)\)$/.test(doc.symbol)) {
    return `Resolution:${doc.symbol}`;
  }
  return `Document:${doc.id}`;
}

// yearOf reads the year of a node: a resolution's year, else its date's.
export function yearOf(data) {
  if (Number.isInteger(data.year)) return data.year;
  const m = /^(\d{4})/.exec(data.date || data.startDate || '');
  return m ? Number(m[1]) : null;
}

// matchesFilter says whether a node stays visible under the filter
// {body, session, yearFrom, yearTo}; a node that lacks the filtered
// property (a State has no body) stays. sessions is the set of session
// numbers a document is linked to in the view.
export function matchesFilter(data, f, sessions = null) {
  if (f.body && data.body && data.body.toUpperCase() !== f.body.toUpperCase()) return false;
  if (f.session) {
    const n = Number(f.session);
    if (data.kind === 'Session' && data.number !== n) return false;
    if (data.kind === 'AgendaItem' && data.session !== n) return false;
    if (data.kind === 'Document' && sessions && !sessions.has(n)) return false;
  }
  const y = data.kind === 'State' ? null : yearOf(data);
  if (y !== null) {
    if (f.yearFrom && y < Number(f.yearFrom)) return false;
    if (f.yearTo && y > Number(f.yearTo)) return false;
  }
  return true;
}

// A view is what the URL restores: the drawn neighbourhoods (the first
// one `depth` deep, then each expansion one level), or the documents a
// filter selects; the filter; the selected node; a path's two ends.
export function emptyView() {
  return { nodes: [], depth: 1, filter: {}, draw: false, selected: null, from: null, to: null };
}

const FILTER_KEYS = ['body', 'session', 'yearFrom', 'yearTo', 'limit'];

export function encodeView(v) {
  const p = new URLSearchParams();
  for (const id of v.nodes) p.append('n', id);
  if (v.depth !== 1) p.set('depth', String(v.depth));
  for (const k of FILTER_KEYS) if (v.filter[k]) p.set(k, String(v.filter[k]));
  if (v.draw) p.set('draw', 'filter');
  if (v.selected) p.set('sel', v.selected);
  if (v.from) p.set('from', v.from);
  if (v.to) p.set('to', v.to);
  const s = p.toString();
  return s ? `#${s}` : '';
}

export function decodeView(hash) {
  const p = new URLSearchParams((hash || '').replace(/^#/, ''));
  const v = emptyView();
  v.nodes = p.getAll('n').filter(Boolean);
  const d = Number(p.get('depth'));
  if (d >= 1 && d <= 3) v.depth = d;
  for (const k of FILTER_KEYS) if (p.get(k)) v.filter[k] = p.get(k);
  v.draw = p.get('draw') === 'filter';
  v.selected = p.get('sel');
  v.from = p.get('from');
  v.to = p.get('to');
  return v;
}

// exportURL is the /export request that gives the view as a file: the
// filter's documents, or the union of the drawn neighbourhoods.
export function exportURL(v, format) {
  const p = new URLSearchParams({ format });
  if (v.draw) {
    const f = v.filter;
    if (f.body) p.set('body', f.body);
    if (f.session) p.set('session', f.session);
    if (f.yearFrom) p.set('dateFrom', `${f.yearFrom}-01-01`);
    if (f.yearTo) p.set('dateTo', `${f.yearTo}-12-31`);
    p.set('limit', String(f.limit || 200));
  } else {
    for (const id of v.nodes) p.append('id', id);
    if (v.depth !== 1) p.set('depth', String(v.depth));
  }
  return `/export?${p}`;
}

// yearSeries turns facets.byYear into a timeline with the missing years
// between the first and last as zeros, so that gaps show as gaps.
export function yearSeries(byYear) {
  if (!byYear.length) return [];
  const counts = new Map(byYear.map((y) => [y.year, y.count]));
  const out = [];
  for (let y = byYear[0].year; y <= byYear[byYear.length - 1].year; y++) {
    out.push({ label: String(y), value: counts.get(y) || 0 });
  }
  return out;
}

export function sessionLabel(s) {
  const item = s.agendaItem ? ` · item ${s.agendaItem.number}` : '';
  return `${s.session.body.code}-${s.session.number}${item}`;
}
