// Small SVG bar charts for a resolution's facets; each carries its numbers
// as text too, for screen readers and for copying.
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// columns draws a timeline: one column per item, labels below.
export function columns(items, title) {
  const w = 400, h = 120, pad = 18;
  const max = Math.max(1, ...items.map((i) => i.value));
  const bw = (w - 2 * pad) / Math.max(1, items.length);
  const svg = el('svg', { class: 'chart', viewBox: `0 0 ${w} ${h + 2 * pad}`, width: '100%', role: 'img',
    'aria-label': `${title}: ${items.map((i) => `${i.label} ${i.value}`).join(', ')}` });
  const every = Math.ceil(items.length / 10);
  items.forEach((it, i) => {
    const bh = (it.value / max) * h;
    const x = pad + i * bw;
    const bar = el('rect', { class: 'bar', x: x + 1, y: pad + h - bh, width: Math.max(1, bw - 2), height: bh });
    bar.append(el('title', {}, `${it.label}: ${it.value}`));
    svg.append(bar);
    if (it.value) svg.append(el('text', { x: x + bw / 2, y: pad + h - bh - 3, 'text-anchor': 'middle' }, String(it.value)));
    if (i % every === 0) svg.append(el('text', { x: x + bw / 2, y: pad + h + 13, 'text-anchor': 'middle' }, it.label));
  });
  return svg;
}

// rows draws horizontal bars, largest first as given.
export function rows(items, title) {
  const w = 400, rh = 18, lw = 150;
  const max = Math.max(1, ...items.map((i) => i.value));
  const svg = el('svg', { class: 'chart', viewBox: `0 0 ${w} ${items.length * rh + 4}`, width: '100%', role: 'img',
    'aria-label': `${title}: ${items.map((i) => `${i.label} ${i.value}`).join(', ')}` });
  items.forEach((it, i) => {
    const y = i * rh + 2;
    svg.append(el('text', { x: lw - 6, y: y + 13, 'text-anchor': 'end' }, it.label.length > 24 ? `${it.label.slice(0, 23)}…` : it.label));
    const bw = ((w - lw - 30) * it.value) / max;
    const bar = el('rect', { class: 'bar', x: lw, y: y + 2, width: Math.max(1, bw), height: rh - 5 });
    bar.append(el('title', {}, `${it.label}: ${it.value}`));
    svg.append(bar, el('text', { x: lw + bw + 4, y: y + 13 }, String(it.value)));
  });
  return svg;
}
