// Small builders of the page's elements; text goes in as text, never as HTML.

export function button(text, onClick, cls) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (cls) b.className = cls;
  b.addEventListener('click', onClick);
  return b;
}
export function heading(level, text) { const h = document.createElement(level); h.textContent = text; return h; }
export function p(text) { const e = document.createElement('p'); e.textContent = text; return e; }
export function strong(text) { const e = document.createElement('strong'); e.textContent = text; return e; }
export function small(text) { const e = document.createElement('small'); e.textContent = text; return e; }
export function dt(text) { const e = document.createElement('dt'); e.textContent = text; return e; }
export function dd(text) { const e = document.createElement('dd'); e.textContent = text; return e; }
export function tag(text, cls = '') { const e = document.createElement('span'); e.className = `tag ${cls}`; e.textContent = text; return e; }

// download saves blob as a file named name.
export function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
