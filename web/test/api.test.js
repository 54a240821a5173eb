// The explorer's requests stay within the server's limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citationCounts } from '../src/explorer/api.js';

test('citation counts of many resolutions go in requests of at most 100 aliases', async () => {
  const requests = [];
  globalThis.fetch = async (url, init) => {
    const { query, variables } = JSON.parse(init.body);
    requests.push(query);
    const data = {};
    for (const [k, s] of Object.entries(variables)) data[`r${k.slice(1)}`] = { citationCount: Number(s.split('/')[1]) };
    return { status: 200, json: async () => ({ data }) };
  };
  const symbols = Array.from({ length: 250 }, (_, i) => `A/${i}`);
  const counts = await citationCounts(symbols);
  assert.equal(requests.length, 3);
  for (const q of requests) assert.ok((q.match(/citationCount/g) || []).length <= 100);
  assert.equal(Object.keys(counts).length, 250);
  assert.equal(counts['A/0'], 0);
  assert.equal(counts['A/249'], 249);
  assert.deepEqual(await citationCounts([]), {});
  assert.equal(requests.length, 3, 'no request for no symbol');
});
