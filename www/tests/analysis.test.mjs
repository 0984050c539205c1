// The analyzer in the widget's wasm against the native one: every paragraph of sessions 79–80
// (six languages), as `cargo test` wrote it with its native fingerprint (tests/integration/
// analysis.rs → target/analysis/sessions.jsonl), analyzed again in wasm: the same terms, spans,
// positions and stems for every one. scripts/test.sh runs `cargo test` before this.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, root } from './harness.mjs';

// Where `cargo test` wrote it: `CARGO_TARGET_DIR`, else target/ (as tests/src/lib.rs decides).
const written = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'analysis', 'sessions.jsonl');

test('the wasm analyzer gives every paragraph of sessions 79–80 the native fingerprint', async () => {
  assert.ok(existsSync(written), `${written} is missing: run \`cargo test -p resolex-tests --test integration analysis\` first`);
  const pkg = await import(join(dist, 'pkg', 'resolex_widget.js'));
  pkg.initSync({ module: readFileSync(join(dist, 'pkg', 'resolex_widget_bg.wasm')) });
  const lines = readFileSync(written, 'utf8').split('\n').filter(Boolean);
  const byLang = {};
  const differ = [];
  for (const line of lines) {
    const { lang, text, fingerprint } = JSON.parse(line);
    byLang[lang] = (byLang[lang] ?? 0) + 1;
    if (pkg.analysis_fingerprint(lang, text) !== fingerprint) differ.push(`${lang}: ${text.slice(0, 80)}`);
  }
  for (const lang of ['ar', 'en', 'es', 'fr', 'ru', 'zh']) assert.ok(byLang[lang] > 25000, JSON.stringify(byLang));
  assert.deepEqual(differ.slice(0, 5), [], `${differ.length} of ${lines.length} paragraphs analyzed otherwise in wasm`);
});
