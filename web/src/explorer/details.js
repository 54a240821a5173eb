// The details panel's content for each kind of node, read from /graphql.
import { gql, queries } from './api.js';
import { columns, rows } from './charts.js';
import { documentNodeId, yearSeries, sessionLabel } from './mapping.js';
import { heading, p, dt, dd, tag } from './dom.js';

// details returns the elements describing the node kind:key, or null for
// a kind with nothing to ask the API (agenda items show their
// properties). link(id, text) makes a button that shows another node.
export function details(kind, key, link) {
  switch (kind) {
    case 'Document': return documentDetails(key, link);
    case 'Resolution': return resolutionDetails(key, link);
    case 'State': return stateDetails(key, link);
    case 'Session': return sessionDetails(key, link);
    default: return null;
  }
}

async function documentDetails(id, link) {
  const { document: d } = await gql(queries.document, { id });
  if (!d) return [p('Not in the store.')];
  const dl = document.createElement('dl');
  const rowsOf = [
    ['Symbol', d.symbol], ['Title', d.title], ['Type', d.type], ['Date', d.date], ['Languages', d.languages.join(', ')],
    ['Body', d.body && `${d.body.code} (${d.body.name})`], ['Session', d.session && `${d.session.body.code}-${d.session.number}`],
    ['Agenda items', d.agendaItems.map((a) => `${a.number}${a.title ? ` ${a.title}` : ''}`).join('; ')],
    ['Author', d.author && `${d.author.name} (${d.author.code})`], ['Mentions', d.mentions.map((s) => s.name).join(', ')],
    ['Refers to', d.references.join(', ')], ['File', d.file],
  ];
  for (const [k, v] of rowsOf) if (v) dl.append(dt(k), dd(v));
  const out = [dl, heading('h3', `Citations (${d.citations.length})`)];
  const ul = document.createElement('ul');
  for (const c of d.citations) {
    const li = document.createElement('li');
    li.append(link(`Resolution:${c.resolution.symbol}`, c.resolution.symbol), ` ×${c.count} `);
    li.append(tag(c.operative ? 'operative' : 'preambular', c.operative ? 'op' : ''));
    for (const v of c.verbs) li.append(tag(v));
    for (const s of c.contexts) {
      const q = document.createElement('blockquote');
      q.textContent = s;
      li.append(q);
    }
    ul.append(li);
  }
  out.push(ul);
  return out;
}

async function resolutionDetails(symbol, link) {
  const { resolution: r } = await gql(queries.resolution, { s: symbol });
  if (!r) return [p('Not in the store.')];
  const dl = document.createElement('dl');
  for (const [k, v] of [['Title', r.title], ['Body', `${r.body.code} (${r.body.name})`], ['Date', r.date || r.year],
    ['Cited by', `${r.citationCount} documents`], ['Text loaded', r.document ? r.document.id : 'no'], ['Known', r.known ? 'yes' : 'no']]) {
    if (v) dl.append(dt(k), dd(String(v)));
  }
  const out = [dl];
  const f = r.facets;
  if (f.byYear.length) out.push(heading('h3', 'Citing documents by year'), columns(yearSeries(f.byYear), 'Citing documents by year'));
  if (f.byState.length) {
    out.push(heading('h3', 'By State (author)'), rows(f.byState.slice(0, 12).map((s) => ({ label: s.state.name, value: s.count })), 'Citing documents by State'));
  }
  if (f.bySession.length) {
    out.push(heading('h3', 'By session and agenda item'), rows(f.bySession.slice(0, 12).map((s) => ({ label: sessionLabel(s), value: s.count })), 'Citing documents by session'));
  }
  out.push(heading('h3', `Co-cited resolutions (${r.coCited.length})`));
  const ul = document.createElement('ul');
  for (const c of r.coCited) {
    const li = document.createElement('li');
    li.append(link(`Resolution:${c.resolution.symbol}`, c.resolution.symbol), ` with ${c.count} documents, e.g. `);
    c.documents.forEach((d, i) => {
      if (i) li.append(', ');
      li.append(link(documentNodeId(d), d.symbol || d.id));
    });
    ul.append(li);
  }
  out.push(ul);
  // A resolution whose text is loaded cites others in turn.
  if (r.document) out.push(heading('h3', 'Its text'), ...(await documentDetails(r.document.id, link)));
  return out;
}

async function stateDetails(code, link) {
  const { state: s } = await gql(queries.state, { c: code });
  if (!s) return [p('Not in the store.')];
  const dl = document.createElement('dl');
  dl.append(dt('Name'), dd(s.name), dt('Authored'), dd(`${s.authored.totalCount} documents`), dt('Mentioned in'), dd(`${s.mentionedIn.totalCount} documents`));
  const out = [dl];
  if (s.mostCited.length) {
    out.push(heading('h3', 'Resolutions it cites most'), rows(s.mostCited.map((m) => ({ label: m.resolution.symbol, value: m.count })), 'Resolutions most cited'));
  }
  return out;
}

// sessionDetails reads a session by its key, "HRC-43".
async function sessionDetails(key, link) {
  const [, body, number] = /^(.+)-(\d+)$/.exec(key) || [];
  if (!body) return [p(`${key} is not a session key.`)];
  const { session: s } = await gql(queries.session, { b: body, n: Number(number) });
  if (!s) return [p('Not in the store.')];
  const dl = document.createElement('dl');
  for (const [k, v] of [['Body', `${s.body.code} (${s.body.name})`], ['Number', s.number], ['From', s.startDate], ['To', s.endDate],
    ['Documents', s.documents.totalCount]]) {
    if (v !== null && v !== undefined) dl.append(dt(k), dd(String(v)));
  }
  const out = [dl];
  if (s.agendaItems.length) {
    out.push(heading('h3', `Agenda items (${s.agendaItems.length})`));
    const ul = document.createElement('ul');
    for (const a of s.agendaItems) {
      const li = document.createElement('li');
      li.append(link(`AgendaItem:${s.body.code}-${s.number}-${a.number}`, `Item ${a.number}`), a.title ? ` ${a.title}` : '');
      ul.append(li);
    }
    out.push(ul);
  }
  return out;
}
