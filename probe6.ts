import { readFileSync } from 'node:fs';
import { loadedScripts, gzipSize, pageWeights } from './tests/support/weight';
for (const p of ['weeks/01', 'weeks/04']) {
  const html = readFileSync(`dist/${p}/index.html`, 'utf8');
  const { files } = loadedScripts(html);
  console.log(p, files.map((f) => `${f.replace('dist/_astro/', '').replace(/\.astro_astro_type_script_index_0_lang/, '')}:${gzipSize(readFileSync(f))}`).join(' '));
}
const w = pageWeights();
for (const k of new Set(w.map((x) => x.kind))) { const of = w.filter((x) => x.kind === k); const m = of.reduce((a, b) => (b.js > a.js ? b : a)); console.log(k, 'js', m.js, m.path, 'html', Math.max(...of.map((x) => x.html))); }
