// Builds the explorer (/) and GraphiQL (/playground) into dist/, which
// web/embed.go embeds in the Go binary. Asset names carry a content hash;
// the output depends on the sources and package-lock.json alone, so CI can
// rebuild and compare it with the committed dist/.
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const out = 'dist';
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}/assets`, { recursive: true });

const result = await esbuild.build({
  entryPoints: { explorer: 'src/explorer/main.js', playground: 'src/playground/main.js' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  outdir: `${out}/assets`,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  jsx: 'automatic',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

// The files each entry point needs, as the HTML pages name them.
const assets = {};
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  if (!meta.entryPoint) continue;
  const name = meta.entryPoint.includes('explorer') ? 'explorer' : 'playground';
  assets[name] = { js: `/assets/${basename(file)}`, css: meta.cssBundle && `/assets/${basename(meta.cssBundle)}` };
}

function page(template, a) {
  const tags = [a.css && `<link rel="stylesheet" href="${a.css}">`, `<script type="module" src="${a.js}"></script>`]
    .filter(Boolean).join('\n  ');
  return readFileSync(template, 'utf8').replace('<!-- assets -->', tags);
}
writeFileSync(`${out}/index.html`, page('src/explorer/index.html', assets.explorer));
writeFileSync(`${out}/playground.html`, page('src/playground/index.html', assets.playground));

// Sizes as served (gzip), for the README.
for (const [name, a] of Object.entries(assets)) {
  let raw = 0, gz = 0;
  for (const f of [a.js, a.css].filter(Boolean)) {
    const b = readFileSync(out + f);
    raw += b.length; gz += gzipSync(b, { level: 9 }).length;
  }
  console.log(`${name}: ${(raw / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped`);
}
