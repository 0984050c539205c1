// The web explorer end to end, in real headless Chromium: from static files over HTTP and as
// one file from disk. Screenshots of each view at phone and desktop widths go to
// target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { launch, serve, serveCopy, open, screenshot, resolex, axeViolations, dist, phone, desktop } from './harness.mjs';

let browser;
let site;
before(async () => {
  browser = await launch();
  site = await serve(dist);
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Every paragraph of the default corpus, read through the CLI: the oracle's texts. */
function paragraphs() {
  const out = [];
  for (const d of JSON.parse(resolex('docs', '--json'))) {
    const doc = JSON.parse(resolex('show', d.doc, '--lang', d.lang, '--json'));
    for (const p of doc.paragraphs) out.push({ doc: d.doc, lang: d.lang, para: p.para, text: p.text });
  }
  return out;
}

const hitsOf = (page) => page.$$eval('#hits .hit', (els) => els.map((e) => `${e.dataset.doc} ${e.dataset.lang} ${e.dataset.para}`));

async function search(page, base, query) {
  await page.goto(`${base}#/search`);
  const box = page.getByRole('searchbox', { name: 'Search the resolutions' });
  await box.fill(query);
  await page.waitForFunction((q) => document.querySelector('.hit-count')?.dataset.query === q, query);
  return box;
}

/** The paragraphs that hold "police cooperation", by a plain scan of the texts: the phrase's oracle. */
function policeCooperation() {
  const wanted = paragraphs()
    .filter((p) => /\bpolice cooperation\b/i.test(p.text.replace(/\s+/g, ' ')))
    .map((p) => `${p.doc} ${p.lang} ${p.para}`);
  assert.ok(wanted.length > 0);
  return wanted;
}

/** The names of the wasm files `page` fetches from now on. */
function wasmFetched(page) {
  const names = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) names.push(r.url().split('/').pop()); });
  return names;
}

test('a phrase finds exactly the paragraphs that contain it (plain scan), and a hit opens', async () => {
  const page = await open(browser);
  const wasm = wasmFetched(page);
  await search(page, site.url, '"police cooperation"');
  assert.deepEqual(wasm, ['resolex_wasm_bg.wasm'], 'a bundle that is not compact needs no indexer');
  const wanted = policeCooperation();
  assert.deepEqual((await hitsOf(page)).sort(), wanted.sort());
  assert.equal(await page.locator('.hit-count').textContent(), `${wanted.length} hits`);
  assert.ok(await page.locator('#hits mark').count() >= wanted.length * 2, 'matches are highlighted');
  await screenshot(page, 'search-desktop');
  // Enter opens the selected (first) hit at its paragraph.
  const [doc, lang, para] = (await hitsOf(page))[0].split(' ');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.hash === `#/doc/${doc}/${para}?lang=${lang}`);
  const selected = page.locator('.para.selected');
  await selected.waitFor();
  assert.equal(await selected.getAttribute('id'), `para-${para}`);
  assert.match(await selected.locator('.text').textContent(), /police cooperation/i);
  assert.deepEqual(page.problems, []);
});


test('a compact bundle in place of corpus.rlx is expanded by the indexer fetched then, and finds what the scan finds', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'resolex-compact-'));
  const file = join(tmp, 'corpus.rlx');
  resolex('build', '--default-corpus', '--compact', '-o', file);
  const compact = await serveCopy({ 'corpus.rlx': readFileSync(file) });
  rmSync(tmp, { recursive: true, force: true });
  try {
    const page = await open(browser);
    const wasm = wasmFetched(page);
    await search(page, compact.url, '"police cooperation"');
    assert.deepEqual((await hitsOf(page)).sort(), policeCooperation().sort());
    assert.deepEqual(wasm.sort(), ['resolex_indexer_bg.wasm', 'resolex_wasm_bg.wasm'], 'the indexer is fetched for a compact bundle');
    await page.goto(`${compact.url}#/doc/A/RES/79/136/op21.b?lang=fr`);
    const selected = page.locator('#para-op21\\.b.selected');
    await selected.waitFor();
    assert.match(await selected.locator('.text').textContent(), /INTERPOL/);
    assert.deepEqual(page.problems, []);
  } finally {
    await compact.close();
  }
});

test('a corpus.rlx that is not a bundle, or whose head is damaged, stops the start with a message that says so', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'resolex-broken-'));
  const file = join(tmp, 'corpus.rlx');
  resolex('build', '--default-corpus', '-o', file);
  const damaged = readFileSync(file);
  rmSync(tmp, { recursive: true, force: true });
  // A byte changed in the head must be caught by its checksum, not read as another head.
  damaged[40] ^= 0xff;
  const cases = [
    [Buffer.from('<!doctype html><p>Not found</p>'), /could not start: the corpus bundle does not load: .*not a Resolex bundle/i],
    [damaged, /could not start: the corpus bundle does not load: .*head.*checksum/i],
  ];
  for (const [bytes, message] of cases) {
    const served = await serveCopy({ 'corpus.rlx': bytes });
    try {
      const page = await open(browser);
      await page.goto(`${served.url}#/search`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(), message);
      assert.equal(await page.locator('#app').getAttribute('aria-busy'), null);
    } finally {
      await served.close();
    }
  }
});

test('the address follows typing when it pauses; Back returns to the query as typed', async () => {
  const page = await open(browser);
  // Every rewrite of the address, counted where the page makes it.
  await page.addInitScript(() => {
    window.addressWrites = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args) => { window.addressWrites += 1; return replace(...args); };
  });
  const query = () => new URLSearchParams(location.hash.split('?')[1] ?? '').get('q');
  const typed = 'police cooperation';
  await page.goto(`${site.url}#/search`);
  const box = page.getByRole('searchbox', { name: 'Search the resolutions' });
  await box.pressSequentially(typed);
  await page.waitForFunction((q) => document.querySelector('.hit-count')?.dataset.query === q, typed);
  // The address holds the query once typing has paused, written far fewer times than typed
  // (once a keystroke, Chromium fetched and parsed the page's icon again each time).
  await page.waitForFunction((q) => new URLSearchParams(location.hash.split('?')[1]).get('q') === q, typed);
  const writes = await page.evaluate(() => window.addressWrites);
  assert.ok(writes >= 1 && writes < typed.length / 2, `${writes} writes of the address for ${typed.length} keystrokes`);

  // A hit opened right after typing: the search's entry holds the query as typed, so Back
  // returns to it.
  await box.pressSequentially(' inter');
  await page.waitForFunction((q) => document.querySelector('.hit-count')?.dataset.query === q, `${typed} inter`);
  await page.locator('#hits .hit a.cite').first().click();
  await page.locator('.para.selected').waitFor();
  await page.goBack();
  await page.locator('#hits .hit').first().waitFor();
  assert.equal(await box.inputValue(), `${typed} inter`);
  assert.equal(await page.evaluate(query), `${typed} inter`);

  // Typed, then Back at once: what was typed is not written onto the entry Back shows.
  await page.goto(`${site.url}#/docs`);
  await page.locator('table').waitFor();
  await page.goto(`${site.url}#/search`);
  await box.pressSequentially('refugees');
  await page.goBack();
  await page.locator('table').waitFor();
  await page.waitForTimeout(900); // three times the pause after which typing is written
  assert.equal(await page.evaluate(() => location.hash), '#/docs');
  assert.equal(await page.locator('table').count(), 1);
  assert.deepEqual(page.problems, []);
});

test('arrows move the selection, Esc clears, / comes back to the box, a facet filters', async () => {
  const page = await open(browser);
  const box = await search(page, site.url, 'cooperation');
  assert.ok((await page.locator('#hits .hit').count()) > 3);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#hits .hit.selected').getAttribute('id'), 'hit-2');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('#hits .hit.selected').getAttribute('id'), 'hit-1');
  // The French facet adds lang:fr to the query; every hit is then French.
  await page.getByRole('button', { name: /^fr \d+$/ }).click();
  await page.waitForFunction(() => document.querySelector('.hit-count')?.dataset.query === 'cooperation lang:fr');
  assert.equal(await box.inputValue(), 'cooperation lang:fr');
  assert.ok(new URL(page.url()).hash.includes('lang%3Afr'));
  const langs = await page.$$eval('#hits .hit', (els) => [...new Set(els.map((e) => e.dataset.lang))]);
  assert.deepEqual(langs, ['fr']);
  await box.focus();
  await page.keyboard.press('Escape');
  assert.equal(await box.inputValue(), '');
  await page.goto(`${site.url}#/docs`);
  await page.locator('table').waitFor();
  await page.keyboard.press('/');
  await page.waitForURL((u) => u.hash === '#/search');
  await page.waitForFunction(() => document.activeElement?.id === 'q');
  assert.deepEqual(page.problems, []);
});

test('↓ ↓ Enter pressed at once opens the third hit', async () => {
  const page = await open(browser);
  await search(page, site.url, 'cooperation');
  const [doc, lang, para] = (await hitsOf(page))[2].split(' ');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.hash === `#/doc/${doc}/${para}?lang=${lang}`);
  assert.deepEqual(page.problems, []);
});

test('a misspelt word is corrected, the page says so, and the box keeps the keys', async () => {
  const page = await open(browser);
  await search(page, site.url, 'terorism');
  const note = await page.locator('.note').first().textContent();
  assert.match(note, /no match for “terorism”; showing results for terrorism/);
  // Every hit holds a word of the terror- family, as the plain scan of the texts finds them.
  const scan = new Set(paragraphs().filter((p) => /\bterror/i.test(p.text)).map((p) => `${p.doc} ${p.lang} ${p.para}`));
  for (const h of await hitsOf(page)) assert.ok(scan.has(h), `${h} holds no word like terrorism`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#hits .hit.selected').getAttribute('id'), 'hit-1');
  assert.deepEqual(page.problems, []);
});

test('a deep link to a paragraph, its six languages, a reference followed, back and forward', async () => {
  const page = await open(browser);
  await page.goto(`${site.url}#/doc/A/RES/79/136/op21.b?lang=fr`);
  const selected = page.locator('#para-op21\\.b.selected');
  await selected.waitFor();
  assert.match(await selected.locator('.text').textContent(), /INTERPOL/);
  const versions = page.locator('.languages .version');
  // The other languages' blocks arrive after the document's.
  await versions.nth(5).waitFor();
  assert.equal(await versions.count(), 6);
  assert.deepEqual((await versions.locator('h3').allTextContents()).sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  const ar = page.locator('.languages .version p[lang="ar"]');
  assert.equal(await ar.getAttribute('dir'), 'rtl');
  await screenshot(page, 'paragraph-desktop');
  // Switch the paragraph's language: the reader follows, Chinese.
  await page.locator('.languages h3 a', { hasText: 'zh' }).click();
  await page.waitForURL((u) => u.hash === '#/doc/A/RES/79/136/op21.b?lang=zh');
  await page.locator('article.reader[lang="zh"] #para-op21\\.b.selected').waitFor();
  // And Arabic reads right to left.
  await page.locator('.languages h3 a', { hasText: 'ar' }).click();
  await page.locator('article.reader[lang="ar"][dir="rtl"]').waitFor();
  await screenshot(page, 'paragraph-arabic-desktop');
  // pp1 cites 51/1 (outside the corpus: undocs.org) and 71/19 (inside: followed).
  await page.goto(`${site.url}#/doc/A/RES/79/136/pp1?lang=en`);
  const pp1 = page.locator('#para-pp1');
  await pp1.waitFor();
  assert.equal(await pp1.locator('a.ref', { hasText: '51/1' }).getAttribute('href'), 'https://undocs.org/A/RES/51/1');
  await pp1.locator('a.ref', { hasText: '71/19' }).click();
  await page.waitForURL((u) => u.hash === '#/doc/A/RES/71/19');
  await page.locator('article.reader[lang="zh"] h1').waitFor();
  assert.match(await page.locator('h1').textContent(), /国际刑警组织/);
  // The reader of 71/19 lists 79/136 pp1 among the paragraphs that cite it.
  // (The panel reads its parts after the document's: wait for it.)
  await page.locator('.cited-by a', { hasText: 'A/RES/79/136, preambular para. 1' }).first().waitFor();
  await page.goBack();
  await page.waitForURL((u) => u.hash === '#/doc/A/RES/79/136/pp1?lang=en');
  await page.locator('#para-pp1.selected').waitFor();
  await page.goForward();
  await page.waitForURL((u) => u.hash === '#/doc/A/RES/71/19');
  await page.locator('article.reader[lang="zh"]').waitFor();
  assert.deepEqual(page.problems, []);
});

test('footnotes link both ways and the citation is offered for copying', async () => {
  const page = await open(browser);
  await page.goto(`${site.url}#/doc/A/RES/79/136/pp2?lang=en`);
  await page.locator('#para-pp2.selected').waitFor();
  assert.equal(await page.locator('#para-pp2 .citation').textContent(), 'A/RES/79/136, preambular para. 2');
  await page.locator('#para-pp2 a.note').click();
  await page.waitForURL((u) => u.hash === '#/doc/A/RES/79/136/fn1?lang=en');
  await page.locator('#para-fn1.selected .backlinks a', { hasText: 'pp2' }).click();
  await page.waitForURL((u) => u.hash === '#/doc/A/RES/79/136/pp2?lang=en');
  assert.deepEqual(page.problems, []);
});

test('the single file works from file:// with no server', async () => {
  const page = await open(browser);
  const url = pathToFileURL(join(dist, 'resolex.html')).href;
  await page.goto(`${url}#/search?q=${encodeURIComponent('国际刑警')}`);
  await page.locator('#hits .hit').first().waitFor();
  const hits = await hitsOf(page);
  const wanted = paragraphs().filter((p) => p.text.includes('国际刑警')).map((p) => `${p.doc} ${p.lang} ${p.para}`);
  // Chinese matches as a substring: the hits are paragraphs that contain it, all of them counted.
  assert.ok(wanted.length > 0);
  assert.equal(await page.locator('.hit-count').textContent(), `${wanted.length} hits`);
  assert.equal(hits.length, Math.min(wanted.length, 20));
  for (const h of hits) assert.ok(wanted.includes(h), `${h} does not contain the query`);
  await page.locator('#hits .hit a.cite').first().click();
  await page.locator('.para.selected').waitFor();
  await page.goBack();
  await page.locator('#hits .hit').first().waitFor();
  // The comparison's wasm travels in the file too, instantiated on the first comparison.
  const cli = JSON.parse(resolex('diff', 'A/RES/77/20', 'A/RES/79/136', '--lang', 'zh', '--json'));
  await page.goto(`${url}#/diff/A/RES/77/20..A/RES/79/136?lang=zh`);
  const s = cli.summary;
  await page.locator('.compare .summary').waitFor();
  assert.equal((await page.locator('.compare .summary').textContent()).trim(),
    `${s.added} added, ${s.removed} removed, ${s.reworded} reworded, ${s.moved} moved, ${s.unchanged} unchanged`);
  assert.equal(await page.locator('.pair').count(), cli.rows.length);
  assert.deepEqual(page.problems, []);
});

test('the reader offers the comparison with the previous resolution: counts as the CLI gives them, side by side, marked without colour', async () => {
  const cli = JSON.parse(resolex('diff', 'A/RES/77/20', 'A/RES/79/136', '--lang', 'fr', '--json'));
  const page = await open(browser, desktop);
  const wasm = wasmFetched(page);
  await page.goto(`${site.url}#/doc/A/RES/79/136?lang=fr`);
  await page.locator('.para').first().waitFor();
  assert.deepEqual(wasm, ['resolex_wasm_bg.wasm'], 'the comparison\'s wasm waits for a comparison');
  // Pointing at the link starts fetching it.
  const link = page.getByRole('link', { name: 'Compare with the previous resolution' });
  const fetched = page.waitForRequest((r) => r.url().endsWith('/resolex_compare_bg.wasm'));
  await link.hover();
  await fetched;
  await link.click();
  await page.waitForFunction(() => location.hash === '#/diff/A/RES/77/20..A/RES/79/136?lang=fr');
  const s = cli.summary;
  const summary = `${s.added} added, ${s.removed} removed, ${s.reworded} reworded, ${s.moved} moved, ${s.unchanged} unchanged`;
  assert.equal((await page.locator('.compare .summary').textContent()).trim(), summary);
  assert.equal(await page.locator('.pair').count(), cli.rows.length);
  for (const change of ['added', 'removed', 'reworded']) {
    assert.equal(await page.locator(`.pair.${change}`).count(), s[change], change);
  }
  assert.deepEqual(wasm, ['resolex_wasm_bg.wasm', 'resolex_compare_bg.wasm'], 'fetched once, on the first comparison');
  // Every pair's words as the CLI gives them: the pairing crossed between the wasms intact.
  const words = await page.$$eval('.pair', (pairs) => pairs.map((p) => [...p.querySelectorAll('.side')].map((side) => side.querySelector('p')?.textContent ?? '')));
  const side = (row, which) => row.words.filter((w) => w.op === 'keep' || w.op === which).map((w) => w.text).join('');
  assert.deepEqual(words, cli.rows.map((r) => [r.before ? side(r, 'delete') : '', r.after ? side(r, 'insert') : '']));
  // Not colour alone: struck through, underlined, and the change named in words.
  const decoration = (sel) => page.locator(sel).first().evaluate((e) => getComputedStyle(e).textDecorationLine);
  assert.match(await decoration('.pair.reworded del'), /line-through/);
  assert.match(await decoration('.pair.reworded ins'), /underline/);
  assert.match(await page.locator('.pair.added .change').first().textContent(), /added/);
  // Wide screen: the two sides of a pair stand side by side.
  const pair = page.locator('.pair.reworded').first();
  const [b, a] = [await pair.locator('.side.before').boundingBox(), await pair.locator('.side.after').boundingBox()];
  assert.ok(Math.abs(b.y - a.y) < 2 && a.x > b.x + b.width / 2, 'side by side');
  await screenshot(page, 'compare-desktop');
  // Each side links to its paragraph in the reader.
  const first = cli.rows.find((r) => r.change === 'reworded');
  await pair.locator('.side.after a.cite').click();
  await page.waitForFunction((p) => location.hash === `#/doc/A/RES/79/136/${p}?lang=fr`, first.after.para);
  await page.locator('.para.selected').waitFor();
  assert.deepEqual(page.problems, []);
  // A phone: one under the other.
  const phonePage = await open(browser, phone);
  await phonePage.goto(`${site.url}#/diff/A/RES/77/20..A/RES/79/136?lang=ar`);
  const p2 = phonePage.locator('.pair.reworded').first();
  await p2.waitFor();
  const [pb, pa] = [await p2.locator('.side.before').boundingBox(), await p2.locator('.side.after').boundingBox()];
  assert.ok(pa.y > pb.y + pb.height - 1, 'interleaved on a phone');
  assert.equal(await phonePage.locator('.pair .side p[dir="rtl"]').count() > 0, true, 'Arabic reads right to left');
  await screenshot(phonePage, 'compare-phone');
  assert.deepEqual(await axeViolations(phonePage), []);
  assert.deepEqual(phonePage.problems, []);
  await page.context().close();
  await phonePage.context().close();
});

test('screenshots of every view at phone and desktop widths, and no serious accessibility violation', async () => {
  const views = {
    search: '#/search?q=police',
    document: '#/doc/A/RES/79/136',
    paragraph: '#/doc/A/RES/79/136/op21.b?lang=en',
    references: '#/refs/A/RES/79/136',
    lexicon: '#/lexicon?prefix=coop',
    documents: '#/docs',
  };
  for (const [name, hash] of Object.entries(views)) {
    for (const [size, viewport] of Object.entries({ phone, desktop })) {
      const page = await open(browser, viewport);
      await page.emulateMedia({ colorScheme: size === 'phone' ? 'dark' : 'light' });
      await page.goto(`${site.url}${hash}`);
      await page.locator('main h1').first().waitFor();
      await screenshot(page, `${name}-${size}`);
      if (['search', 'document', 'paragraph'].includes(name)) {
        assert.deepEqual(await axeViolations(page), [], `${name} at ${size}`);
      }
      assert.deepEqual(page.problems, [], `${name} at ${size}`);
      await page.context().close();
    }
  }
});
