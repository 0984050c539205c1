// The widget on a hostile host page under a strict Content-Security-Policy, in real headless
// Chromium: it works, looks as designed, leaves the host alone, fires its event with the right
// detail, two work side by side on one wasm instance and one bundle download, and the iframe
// embed works too. No console error, no CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveCopy, open, resolex, root, screenshot } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
const HOSTILE_CSS = `* { all: unset; }
div { display: none !important; }
p, li, span, input { font-size: 40px !important; color: #c00 !important; font-family: fantasy !important; }
resolex-search { font-size: 60px; letter-spacing: 1em; }`;
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="hostile.css">
<script type="module" src="widget.js"></script><script type="module" src="host.js"></script></head>
<body><p id="host-text">A host paragraph.</p>
<resolex-search id="a" limit="5" label="Search A"></resolex-search>
<resolex-search id="b" lang="fr" limit="3" label="Search B"></resolex-search>
</body></html>`;
const HOST_JS = `window.__events = [];
document.addEventListener('resolex-select', (e) => { window.__events.push({ id: e.target.id, detail: e.detail }); e.preventDefault(); });
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;
const GO = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Go</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml"><script type="module" src="widget.js"></script></head>
<body><resolex-search id="g" explorer="index.html" query="INTERPOL databases"></resolex-search></body></html>`;
// The default corpus as one whole file (www/build.sh writes it for resolex.html) beside its head
// and packs: the widget over each.
const WHOLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Whole</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml"><script type="module" src="widget.js"></script></head>
<body><resolex-search id="whole" bundle="whole.rlx" limit="8" label="One file"></resolex-search>
<resolex-search id="apart" limit="8" label="Head and packs"></resolex-search></body></html>`;
const wholeBundle = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'resolex-default-whole.rlx');
// A corpus in Italian, whose Snowball stemmer the widget's wasm leaves out (the explorer and the
// CLI have it): `cooperare` finds `cooperazione` by its stem natively, only itself in the widget.
const ITALIAN = `Gli Stati membri decidono di cooperare con INTERPOL.

La cooperazione internazionale di polizia è essenziale.

Le cooperazioni regionali sono incoraggiate.
`;
const ITALIAN_HOST = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Italiano</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml"><script type="module" src="widget.js"></script></head>
<body><resolex-search id="it" bundle="italian.rlx" label="Cerca"></resolex-search></body></html>`;
const FRAME = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame host</title><link rel="icon" href="favicon.svg" type="image/svg+xml"></head>
<body><iframe id="f" title="Resolex" src="embed.html?q=INTERPOL%20databases&limit=3" width="600" height="400"></iframe></body></html>`;

let browser;
let site;
before(async () => {
  const files = { 'hostile.css': HOSTILE_CSS, 'host.html': HOST, 'host.js': HOST_JS, 'frame.html': FRAME, 'go.html': GO,
    'whole.html': WHOLE, 'whole.rlx': readFileSync(wholeBundle), 'accordo.it.txt': ITALIAN, 'italian.html': ITALIAN_HOST };
  site = await serveCopy(files, { 'content-security-policy': CSP });
  resolex('build', join(site.dir, 'accordo.it.txt'), '-o', join(site.dir, 'italian.rlx'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const options = (page, id) => page.locator(`#${id} [role="option"]`);

test('a misspelt word is corrected and the status line says so', async () => {
  const page = await open(browser);
  await page.goto(`${site.url}host.html`);
  await page.locator('#a input').fill('terorism');
  await options(page, 'a').first().waitFor();
  assert.match(
    await page.locator('#a [part="status"]').textContent(),
    /^\d+ hits? \(no match for “terorism”; showing results for terrorism/,
  );
  for (const text of await page.locator('#a [part="snippet"]').allTextContents()) assert.match(text, /terror/i);
});

// The widget's wasm inflates nothing: over one file, its head and parts are cut from that file and
// inflated by the page, where over the head and packs the parts are fetched by range.
test('over a bundle in one file the widget answers as over its head and packs', async () => {
  const page = await open(browser);
  await page.goto(`${site.url}whole.html`);
  for (const query of ['INTERPOL', '"police cooperation"', 'coopération', '国际刑警', 'terorism']) {
    const shown = {};
    for (const id of ['whole', 'apart']) {
      // Cleared first, so that what is waited for is this query's answer.
      await page.locator(`#${id} input`).press('Escape');
      await options(page, id).first().waitFor({ state: 'detached' });
      await page.locator(`#${id} input`).fill(query);
      await page.locator(`#${id} [part="status"]`, { hasText: /hits?/ }).waitFor();
      await options(page, id).first().waitFor();
      shown[id] = { status: await page.locator(`#${id} [part="status"]`).textContent(),
        hits: await options(page, id).allTextContents() };
    }
    assert.ok(shown.whole.hits.length > 0, query);
    assert.deepEqual(shown.whole, shown.apart, query);
  }
  assert.deepEqual(page.problems, []);
});

test('a browser without an inflater of raw deflate is told so', async () => {
  const page = await open(browser);
  await page.addInitScript(() => { delete window.DecompressionStream; });
  await page.goto(`${site.url}whole.html`);
  await page.locator('#whole [part="status"]', { hasText: 'could not load its corpus' }).waitFor();
  assert.match(await page.locator('#whole [part="status"]').textContent(),
    /^Resolex could not load its corpus: this browser cannot inflate the corpus \(it needs DecompressionStream/);
});

test('words in a language whose stemmer the widget leaves out are matched as written, and it says so', async () => {
  const native = JSON.parse(resolex('search', '--bundle', join(site.dir, 'italian.rlx'), '--json', 'cooperare'));
  assert.equal(native.total, 3, 'natively the stem finds every form');
  const page = await open(browser);
  await page.goto(`${site.url}italian.html`);
  await page.locator('#it input').fill('cooperare');
  await options(page, 'it').first().waitFor();
  assert.equal(await page.locator('#it [part="status"]').textContent(),
    '1 hit (words in it are matched as written: this build of Resolex has no it stemmer)');
  assert.match(await options(page, 'it').first().textContent(), /decidono di cooperare/);
  assert.deepEqual(page.problems, []);
  // The explorer keeps every stemmer: over the same bundle it finds the three forms.
  const explorer = await serveCopy({ 'corpus.rlx': readFileSync(join(site.dir, 'italian.rlx')) });
  try {
    const full = await open(browser);
    await full.goto(`${explorer.url}#/search?q=cooperare`);
    await full.waitForFunction(() => document.querySelector('.hit-count')?.dataset.query === 'cooperare');
    assert.equal(await full.locator('.hit-count').textContent(), '3 hits');
    assert.deepEqual(full.problems, []);
  } finally {
    await explorer.close();
  }
});

test('two widgets on a hostile page under a strict CSP: results, keys, event, isolation', async () => {
  const page = await open(browser);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${site.url}host.html`);
  const a = page.locator('#a input');
  await a.fill('police cooperation');
  await options(page, 'a').first().waitFor();
  assert.ok((await options(page, 'a').count()) <= 5);
  assert.match(await page.locator('#a [part="status"]').textContent(), /^\d+ hits?$/);
  assert.ok((await page.locator('#a mark').count()) > 0, 'matches are highlighted');
  // Keys: down selects the second option, Enter chooses it.
  await a.press('ArrowDown');
  assert.equal(await options(page, 'a').nth(1).getAttribute('aria-selected'), 'true');
  assert.equal(await a.getAttribute('aria-activedescendant'), await options(page, 'a').nth(1).getAttribute('id'));
  const cite = (await options(page, 'a').nth(1).locator('[part="cite"]').textContent()).replace(/(en|fr|ar|zh|ru|es)$/, '');
  await a.press('Enter');
  const events = await page.evaluate(() => window.__events);
  assert.equal(events.length, 1);
  const { id, detail } = events[0];
  assert.equal(id, 'a');
  assert.equal(detail.cite, cite);
  // The detail is the paragraph as the CLI reads it from the same corpus.
  const shown = JSON.parse(resolex('show', `${detail.doc}#${detail.para}`, '--lang', detail.lang, '--json'));
  assert.equal(detail.text, shown.text ?? shown.paragraphs?.[0]?.text);
  assert.match(detail.text, /police/i);
  // The second widget filters by its lang attribute.
  await page.locator('#b input').fill('coopération');
  await options(page, 'b').first().waitFor();
  assert.ok((await options(page, 'b').count()) <= 3);
  const langs = await page.locator('#b [role="option"] .lang').allTextContents();
  assert.deepEqual([...new Set(langs)], ['fr']);
  // One wasm instance and one download of the bundle for both.
  assert.equal(requests.filter((p) => p.endsWith('.wasm')).length, 1, requests.join(' '));
  assert.equal(requests.filter((p) => p.endsWith('corpus.rlx')).length, 1, requests.join(' '));
  // Looks as designed despite the host's CSS; the host is untouched.
  const look = await page.evaluate(() => {
    const root = document.querySelector('#a').shadowRoot.querySelector('.root');
    const s = getComputedStyle(root);
    const input = document.querySelector('#a').shadowRoot.querySelector('input').getBoundingClientRect();
    const host = getComputedStyle(document.getElementById('host-text'));
    return { display: s.display, fontSize: s.fontSize, inputWidth: input.width, hostSize: host.fontSize, hostColor: host.color,
      sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length,
      globals: Object.keys(window).filter((k) => /resolex|wasm|engine/i.test(k)) };
  });
  assert.equal(look.display, 'block');
  assert.equal(look.fontSize, '16px');
  assert.ok(look.inputWidth > 200, `input is ${look.inputWidth}px wide`);
  assert.equal(look.hostSize, '40px');
  assert.equal(look.hostColor, 'rgb(204, 0, 0)');
  assert.equal(look.sheets, 1, 'no stylesheet added to the host');
  assert.equal(look.adopted, 0);
  assert.deepEqual(look.globals, []);
  await screenshot(page, 'widget-hostile-host');
  // Esc clears.
  await a.press('Escape');
  assert.equal(await a.inputValue(), '');
  assert.equal(await options(page, 'a').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems, []);
});

test('a choice opens the paragraph in the explorer when explorer is set', async () => {
  const page = await open(browser);
  await page.goto(`${site.url}go.html`);
  await options(page, 'g').first().waitFor();
  await options(page, 'g').first().click();
  await page.waitForURL((u) => u.pathname.endsWith('/index.html') && u.hash.startsWith('#/doc/'));
  await page.locator('.para.selected').waitFor();
  assert.match(await page.locator('.para.selected').textContent(), /INTERPOL/);
  assert.deepEqual(page.problems, []);
});

test('the iframe embed works under the same CSP and posts the choice to its host', async () => {
  const page = await open(browser);
  await page.goto(`${site.url}frame.html`);
  const frame = page.frameLocator('#f');
  await frame.locator('[role="option"]').first().waitFor();
  assert.ok((await frame.locator('[role="option"]').count()) <= 3);
  assert.equal(await frame.locator('input').inputValue(), 'INTERPOL databases');
  await page.evaluate(() => { window.__got = null; window.addEventListener('message', (e) => { window.__got = e.data; }); });
  // The explorer opens in a new tab; the host hears the choice.
  const [popup] = await Promise.all([page.waitForEvent('popup'), frame.locator('[role="option"]').first().click()]);
  await page.waitForFunction(() => window.__got !== null);
  const got = await page.evaluate(() => window.__got);
  assert.equal(got.type, 'resolex-select');
  assert.match(got.detail.text, /INTERPOL/);
  await popup.waitForURL((u) => u.hash.startsWith('#/doc/'));
  await screenshot(page, 'widget-iframe');
  assert.deepEqual(page.problems, []);
});
