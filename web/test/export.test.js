// uncite's own export, run from the Go sources on the bundled sample, read
// by the real libraries it is meant for: Cytoscape.js and graphology.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import cytoscape from 'cytoscape';
import Graph from 'graphology';

// The union of two neighbourhoods: the seed note verbale is both submitted
// by Azerbaijan and mentions it, so the graph has parallel edges.
function uncite(format) {
  const out = execFileSync('go', ['run', '../cmd/uncite', 'export', '--format', format,
    '--id', 'Document:000_1a7a508cbf762381', '--id', 'Session:HRC-43'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out);
}

test('Cytoscape.js takes export --format cytoscape as it is', () => {
  const doc = uncite('cytoscape');
  const cy = cytoscape({ headless: true, elements: doc.elements });
  assert.equal(cy.nodes().length, doc.elements.nodes.length);
  assert.equal(cy.edges().length, doc.elements.edges.length);
  assert.ok(cy.nodes().length > 5);
  // Flattened properties answer selectors.
  const cites = cy.edges('[type = "CITES"]');
  assert.ok(cites.length > 0);
  assert.equal(cy.edges('[count >= 1]').length, cy.edges('[type = "CITES"], [type = "MENTIONS"]').length);
  assert.equal(cy.getElementById('State:AZE').data('name'), 'Azerbaijan');
  const seed = cy.getElementById('Document:000_1a7a508cbf762381');
  assert.ok(seed.edgesTo(cy.getElementById('State:AZE')).length >= 2, 'submitted by and mentioning Azerbaijan');
});

test('graphology imports export --format graphology as a multigraph', () => {
  const doc = uncite('graphology');
  const g = Graph.from(doc);
  assert.equal(g.multi, true);
  assert.equal(g.type, 'directed');
  assert.equal(g.order, doc.nodes.length);
  assert.equal(g.size, doc.edges.length);
  assert.equal(g.getNodeAttribute('State:AZE', 'kind'), 'State');
  const parallel = g.edges('Document:000_1a7a508cbf762381', 'State:AZE').map((e) => g.getEdgeAttribute(e, 'type')).sort();
  assert.deepEqual(parallel, ['MENTIONS', 'SUBMITTED_BY']);
  assert.equal(g.getAttribute('truncated'), false);
});
