// The explorer from static files: fetches the wasm and corpus.rlx beside this page.
import init, { mount_explorer } from './pkg/resolex_wasm.js';
import { start } from './start.js';

const bundle = fetch(new URL('corpus.rlx', import.meta.url)).then((r) => {
  if (!r.ok) throw new Error(`corpus.rlx: HTTP ${r.status}`);
  return r.arrayBuffer();
}).then((b) => new Uint8Array(b));

start(init, mount_explorer, new URL('./pkg/resolex_wasm_bg.wasm', import.meta.url), bundle);
