// The explorer's only ways out: /graphql and /export on the same server.

export async function gql(query, variables = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => null);
  if (!body) throw new Error(`the server answered ${res.status} without JSON`);
  if (body.errors?.length) {
    const err = new Error(body.errors.map((e) => e.message).join('; '));
    err.code = body.errors[0].extensions?.code;
    throw err;
  }
  return body.data;
}

// TOP_URL asks for the most cited resolution, where a new visit starts.
// index.html preloads it while the scripts load, so the first drawing
// does not wait for it; the same URL, byte for byte, takes the preload.
export const TOP_URL = '/graphql?query=%7BtopCited(first%3A1)%7Bresolution%7Bsymbol%7D%7D%7D';

export async function getJSON(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status}: ${(await res.text()).trim()}`);
  return res.json();
}

const GRAPH = 'nodes { id label type properties } edges { id source target type properties }';

export const queries = {
  neighborhood: `query($id: ID!, $depth: Int!) { neighborhood(id: $id, depth: $depth, limit: 200) { truncated ${GRAPH} } }`,
  path: `query($from: ID!, $to: ID!) { citationPath(from: $from, to: $to, maxHops: 6) { length ${GRAPH} } }`,
  resolutionLookup: 'query($s: String!) { resolution(symbol: $s) { symbol title citationCount } }',
  states: 'query($q: String!) { findStates(name: $q, first: 5) { code name } }',
  search: 'query($q: String!) { search(query: $q, first: 10) { totalCount nodes { id symbol title type date } } }',
  document: `query($id: ID!) { document(id: $id) {
    id symbol title type date languages file body { code name } author { code name } mentions { code name }
    session { body { code } number startDate endDate } agendaItems { number title }
    citations { resolution { symbol } count contexts verbs operative } references } }`,
  resolution: `query($s: String!) { resolution(symbol: $s) {
    symbol title date year known citationCount body { code name } document { id }
    facets { byYear { year count } byState { state { code name } count }
      bySession { session { body { code } number } agendaItem { number } count } }
    coCited(first: 10, evidence: 3) { resolution { symbol } count documents { id symbol } } } }`,
  state: `query($c: String!) { state(code: $c) { code name
    authored(first: 10) { totalCount nodes { id symbol date } }
    mentionedIn(first: 1) { totalCount }
    mostCited(first: 10) { resolution { symbol } count } } }`,
  session: `query($b: String!, $n: Int!) { session(body: $b, number: $n) { body { code name } number startDate endDate
    agendaItems { number title } documents(first: 1) { totalCount } } }`,
};

// citationCounts asks for the citation count of each resolution symbol,
// 100 to a request (aliases; the server batches each request into one
// store call, and refuses a query of more than 500 fields).
export async function citationCounts(symbols) {
  const chunks = [];
  for (let i = 0; i < symbols.length; i += 100) chunks.push(symbols.slice(i, i + 100));
  const answers = await Promise.all(chunks.map(async (chunk) => {
    const vars = {};
    const fields = chunk.map((s, i) => {
      vars[`s${i}`] = s;
      return `r${i}: resolution(symbol: $s${i}) { citationCount }`;
    });
    const decl = chunk.map((_, i) => `$s${i}: String!`).join(', ');
    const data = await gql(`query(${decl}) { ${fields.join(' ')} }`, vars);
    return chunk.map((s, i) => [s, data[`r${i}`]?.citationCount ?? 0]);
  }));
  return Object.fromEntries(answers.flat());
}
