// The mapping from the API's answers to the drawing, and the view's URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import cytoscape from 'cytoscape';
import { readFileSync } from 'node:fs';
import { TOP_URL } from '../src/explorer/api.js';
import {
  toElements, fromExport, nodesAfter, MAX_NODES, nodeSize, documentNodeId, matchesFilter, encodeView, decodeView, emptyView, exportURL, yearSeries, sessionLabel, flatten,
} from '../src/explorer/mapping.js';

// A neighbourhood as GraphQL returns it (shape of schema.graphql's Subgraph).
const subgraph = {
  nodes: [
    { id: 'Resolution:S/RES/822 (1993)', label: 'S/RES/822 (1993)', type: 'Resolution', properties: { symbol: 'S/RES/822 (1993)', body: 'SC', year: 1993 } },
    { id: 'Document:000_1a7a508cbf762381', label: '000_1a7a508cbf762381', type: 'Document', properties: { id: '000_1a7a508cbf762381', date: '2020-08-24', body: 'HRC' } },
    { id: 'State:AZE', label: 'Azerbaijan', type: 'State', properties: { code: 'AZE', name: 'Azerbaijan' } },
  ],
  edges: [
    { id: 'Document:000_1a7a508cbf762381 -CITES-> Resolution:S/RES/822 (1993)', source: 'Document:000_1a7a508cbf762381', target: 'Resolution:S/RES/822 (1993)', type: 'CITES', properties: { count: 3 } },
    { id: 'Document:000_1a7a508cbf762381 -MENTIONS-> State:AZE', source: 'Document:000_1a7a508cbf762381', target: 'State:AZE', type: 'MENTIONS', properties: { count: 1 } },
    { id: 'Document:000_1a7a508cbf762381 -SUBMITTED_BY-> State:AZE', source: 'Document:000_1a7a508cbf762381', target: 'State:AZE', type: 'SUBMITTED_BY', properties: {} },
  ],
};

test('toElements gives what Cytoscape.js takes, properties flat beside the fixed fields', () => {
  const els = toElements(subgraph);
  assert.equal(els.length, 6);
  const doc = els[1].data;
  assert.equal(doc.id, 'Document:000_1a7a508cbf762381');
  assert.equal(doc.kind, 'Document');
  assert.equal(doc.property_id, '000_1a7a508cbf762381', 'the document id property is renamed off the node id');
  assert.equal(els[3].data.count, 3);
  // Cytoscape.js itself (headless) accepts them, parallel edges and
  // selectors on flattened properties included.
  const cy = cytoscape({ headless: true, elements: els });
  assert.equal(cy.nodes().length, 3);
  assert.equal(cy.edges().length, 3);
  assert.equal(cy.edges('[count > 2]').length, 1);
  assert.equal(cy.nodes('[kind = "State"]').data('name'), 'Azerbaijan');
  assert.equal(cy.getElementById('Document:000_1a7a508cbf762381').outgoers('edge').length, 3);
});

test('fromExport reads uncite export --format cytoscape as the GraphQL mapping does', () => {
  const doc = { elements: { nodes: [{ data: { id: 'State:AZE', label: 'Azerbaijan', kind: 'State', code: 'AZE' } }], edges: [] }, truncated: false };
  const els = fromExport(doc);
  assert.deepEqual(els[0].data, { id: 'State:AZE', label: 'Azerbaijan', kind: 'State', code: 'AZE', size: nodeSize('State') });
  assert.equal(doc.elements.nodes[0].data.size, undefined, 'the export is not changed');
  assert.deepEqual(flatten({ id: 'x' }, { ID: 1, n: 2 }, ['id']), { id: 'x', property_ID: 1, n: 2 });
});

test('resolutions grow with their citations, bounded', () => {
  assert.ok(nodeSize('Resolution', 0) < nodeSize('Resolution', 4));
  assert.ok(nodeSize('Resolution', 4) < nodeSize('Resolution', 100));
  assert.equal(nodeSize('Resolution', 1e6), 90);
  assert.equal(nodeSize('Document', 50), nodeSize('Document', 0));
});

test('a search hit that is a resolution text is drawn as the resolution', () => {
  assert.equal(documentNodeId({ id: 'S/RES/884 (1993)', symbol: 'S/RES/884 (1993)' }), 'Resolution:S/RES/884 (1993)');
  assert.equal(documentNodeId({ id: 'A/69/719 (fr)', symbol: 'A/69/719 (fr)' }), 'Document:A/69/719 (fr)');
  assert.equal(documentNodeId({ id: '000_1a7a508cbf762381', symbol: null }), 'Document:000_1a7a508cbf762381');
});

test('filters hide what does not match and keep what they cannot judge', () => {
  const [res, doc, state] = toElements(subgraph).map((e) => e.data);
  assert.equal(matchesFilter(res, { body: 'sc' }), true);
  assert.equal(matchesFilter(doc, { body: 'SC' }), false);
  assert.equal(matchesFilter(state, { body: 'SC', yearFrom: 2000 }), true);
  assert.equal(matchesFilter(res, { yearFrom: 2000 }), false);
  assert.equal(matchesFilter(doc, { yearFrom: 2020, yearTo: 2020 }), true);
  assert.equal(matchesFilter(doc, { session: 43 }, new Set([43])), true);
  assert.equal(matchesFilter(doc, { session: 42 }, new Set([43])), false);
  assert.equal(matchesFilter({ kind: 'Session', body: 'HRC', number: 43 }, { session: '43' }), true);
});

test('a view survives its URL', () => {
  const v = emptyView();
  v.nodes = ['Resolution:S/RES/822 (1993)', 'Document:000_1a7a508cbf762381'];
  v.depth = 2;
  v.filter = { body: 'HRC', yearFrom: '2020' };
  v.selected = 'State:AZE';
  v.from = 'Session:HRC-43';
  v.to = 'Resolution:S/RES/853 (1993)';
  const hash = encodeView(v);
  assert.deepEqual(decodeView(hash), v);
  assert.deepEqual(decodeView(''), emptyView());
  assert.equal(decodeView('#depth=9').depth, 1, 'a depth out of range is ignored');
});

test('export URLs ask /export for the view', () => {
  const v = emptyView();
  v.nodes = ['Resolution:S/RES/822 (1993)', 'State:AZE'];
  assert.equal(exportURL(v, 'gexf'), '/export?format=gexf&id=Resolution%3AS%2FRES%2F822+%281993%29&id=State%3AAZE');
  const f = emptyView();
  f.draw = true;
  f.filter = { body: 'HRC', session: '43', yearFrom: '2020', yearTo: '2021' };
  assert.equal(exportURL(f, 'csv'), '/export?format=csv&body=HRC&session=43&dateFrom=2020-01-01&dateTo=2021-12-31&limit=200');
});

test('facets become charts', () => {
  assert.deepEqual(yearSeries([{ year: 2010, count: 1 }, { year: 2012, count: 3 }]),
    [{ label: '2010', value: 1 }, { label: '2011', value: 0 }, { label: '2012', value: 3 }]);
  assert.deepEqual(yearSeries([]), []);
  assert.equal(sessionLabel({ session: { body: { code: 'HRC' }, number: 43 }, agendaItem: { number: '4' }, count: 1 }), 'HRC-43 · item 4');
  assert.equal(sessionLabel({ session: { body: { code: 'GA' }, number: 75 }, agendaItem: null, count: 1 }), 'GA-75');
});

test('the node count decides whether a drawing is refused', () => {
  const els = toElements(subgraph);
  const drawn = new Set(['State:AZE']);
  assert.equal(nodesAfter(els, 1, (id) => drawn.has(id), false), 3, 'a drawn node is not counted twice');
  assert.equal(nodesAfter(els, 500, (id) => drawn.has(id), true), 3, 'replacing starts from none');
  const many = Array.from({ length: MAX_NODES + 1 }, (_, i) => ({ group: 'nodes', data: { id: `Document:${i}` } }));
  assert.ok(nodesAfter(many, 0, () => false, true) > MAX_NODES);
});

test('the page preloads the request the explorer starts with', () => {
  const html = readFileSync(new URL('../src/explorer/index.html', import.meta.url), 'utf8');
  assert.ok(html.includes(`rel="preload" as="fetch" crossorigin="anonymous" href="${TOP_URL}"`));
  assert.equal(decodeURIComponent(TOP_URL.split('?query=')[1]), '{topCited(first:1){resolution{symbol}}}');
});
