// Writes dist/resolex.html: the explorer in one file that opens from disk (file://). The
// styles go into <style>, the JS glue and the loader into one module script with their
// exports removed, the wasms (the explorer's, and the comparison's it instantiates on the first
// comparison) and the whole corpus bundle into it as base64.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// BUNDLE: the whole bundle, every part inline (dist holds the head and its parts apart, which
// a page opened from disk could not fetch).
const [dist, bundle] = process.argv.slice(2);
if (!dist || !bundle) throw new Error('usage: node inline.mjs DIST BUNDLE');
const read = (f) => readFileSync(join(dist, f));
const unexport = (js) => js
  .replace(/^export default [^;]+;$/gm, '')
  .replace(/^export \{[^}]*\};$/gm, '')
  .replace(/^export (async function|function|class|const|let)/gm, '$1');
// `</script` inside the script would close it; base64 and the glue never hold it, but check.
const guard = (s) => { if (/<\/script/i.test(s)) throw new Error('script text holds </script'); return s; };

const glue = unexport(read('pkg/resolex_wasm.js').toString());
// The comparison's glue in a scope of its own (its names are the explorer glue's names), its
// wasm instantiated from base64 the first time the explorer compares.
const compareGlue = `const compareModule = () => {\n${unexport(read('pkg/resolex_compare.js').toString())}\nreturn { init: __wbg_init, compare_paragraphs };\n};`;
const start = unexport(read('start.js').toString());
const css = read('style.css').toString();
const b64 = (f) => read(f).toString('base64');
const decode = `const bytes = (s) => Uint8Array.fromBase64 ? Uint8Array.fromBase64(s) : Uint8Array.from(atob(s), (c) => c.charCodeAt(0));`;
const script = guard([
  glue,
  start,
  compareGlue,
  decode,
  `const compare = comparer(async () => { const m = compareModule(); await m.init({ module_or_path: bytes(${JSON.stringify(b64('pkg/resolex_compare_bg.wasm'))}) }); return m; });`,
  `start(__wbg_init, mount_explorer, bytes(${JSON.stringify(b64('pkg/resolex_wasm_bg.wasm'))}), Promise.resolve(bytes(${JSON.stringify(readFileSync(bundle).toString('base64'))})), async (b) => [b, undefined, compare]);`,
].join('\n'));

let html = read('index.html').toString();
const icon = `data:image/svg+xml;base64,${b64('favicon.svg')}`;
html = html.replace('href="favicon.svg"', () => `href="${icon}"`);
html = html.replace('<link rel="stylesheet" href="style.css">', () => `<style>\n${css}</style>`);
html = html.replace('<script type="module" src="main.js"></script>', () => `<script type="module">\n${script}\n</script>`);
if (html.includes('main.js') || html.includes('style.css')) throw new Error('index.html changed: nothing inlined');
writeFileSync(join(dist, 'resolex.html'), html);
