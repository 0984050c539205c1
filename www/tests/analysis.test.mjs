// The analyzer in the widget's wasm against the native one: every paragraph of sessions 79–80
// (six languages), as `cargo test` wrote it with its native fingerprint (tests/integration/
// analysis.rs → target/analysis/sessions.jsonl), analyzed again in wasm: the same terms, spans,
// positions and stems for every one. The wasm takes Unicode's normalization forms from its host
// (`String.prototype.normalize`) where the native build has Unicode's tables, so it runs in
// both hosts: Node, and headless Chromium. scripts/test.sh runs `cargo test` before this.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, root, launch, serve, open } from './harness.mjs';

// Where `cargo test` wrote it: `CARGO_TARGET_DIR`, else target/ (as tests/src/lib.rs decides).
const written = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'analysis', 'sessions.jsonl');

let paragraphs;
before(() => {
  assert.ok(existsSync(written), `${written} is missing: run \`cargo test -p resolex-tests --test integration analysis\` first`);
  paragraphs = readFileSync(written, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const byLang = {};
  for (const { lang } of paragraphs) byLang[lang] = (byLang[lang] ?? 0) + 1;
  for (const lang of ['ar', 'en', 'es', 'fr', 'ru', 'zh']) assert.ok(byLang[lang] > 25000, JSON.stringify(byLang));
});

/** The paragraphs `fingerprint(lang, text)` analyzes otherwise than natively, as `lang: text…`. */
function differing(fingerprint, these) {
  return these.filter((p) => fingerprint(p.lang, p.text) !== p.fingerprint).map((p) => `${p.lang}: ${p.text.slice(0, 80)}`);
}

test('the wasm analyzer gives every paragraph of sessions 79–80 the native fingerprint, in Node', async () => {
  const pkg = await import(join(dist, 'pkg', 'resolex_widget.js'));
  pkg.initSync({ module: readFileSync(join(dist, 'pkg', 'resolex_widget_bg.wasm')) });
  const differ = differing(pkg.analysis_fingerprint, paragraphs);
  assert.deepEqual(differ.slice(0, 5), [], `${differ.length} of ${paragraphs.length} paragraphs analyzed otherwise in wasm`);
});

test('the wasm analyzer gives every paragraph of sessions 79–80 the native fingerprint, in Chromium', async () => {
  const browser = await launch();
  const site = await serve(dist);
  try {
    const page = await open(browser);
    await page.goto(new URL('embed.html', site.url).href);
    await page.evaluate(async () => {
      const pkg = await import('./pkg/resolex_widget.js');
      await pkg.default();
      window.fingerprint = pkg.analysis_fingerprint;
    });
    const differ = [];
    // In runs of a few megabytes: each run is one message to the page.
    for (let at = 0; at < paragraphs.length; at += 20000) {
      const run = paragraphs.slice(at, at + 20000);
      const these = await page.evaluate((ps) => ps.filter((p) => window.fingerprint(p.lang, p.text) !== p.fingerprint)
        .map((p) => `${p.lang}: ${p.text.slice(0, 80)}`), run);
      differ.push(...these);
    }
    assert.deepEqual(differ.slice(0, 5), [], `${differ.length} of ${paragraphs.length} paragraphs analyzed otherwise in Chromium`);
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
    await site.close();
  }
});
