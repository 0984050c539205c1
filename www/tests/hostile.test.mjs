// Hostile text in a corpus is shown as text: markup, event handlers, `javascript:` links and
// bidi overrides in paragraphs run nothing and reorder nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serveCopy, open, resolex, screenshot } from './harness.mjs';

// The hostile corpus the CLI and the terminal browser are tested with too: terminal escapes,
// C1 controls, bidi overrides, markup and javascript: links, in text, HTML and Markdown.
const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'hostile');
const FILES = ['hostile.en.txt', 'hostile.fr.html', 'hostile.es.md', 'hostile-series-89.en.txt', 'hostile-series-90.en.txt'];
const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202A-\u202E\u2066-\u2069]/;

let browser;
let site;
before(async () => {
  site = await serveCopy(Object.fromEntries(FILES.map((f) => [f, readFileSync(join(corpus, f))])));
  resolex('build', ...FILES.map((f) => join(site.dir, f)), '-o', join(site.dir, 'corpus.rlx'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test('markup, handlers and javascript: links in a document are text, and nothing runs', async () => {
  const page = await open(browser);
  await page.addInitScript(() => { window.__pwned = undefined; });
  for (const hash of ['#/doc/hostile', '#/search?q=script', '#/search?q=javascript', '#/lexicon?prefix=s']) {
    await page.goto(`${site.url}${hash}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `script ran at ${hash}`);
    assert.equal(await page.locator('main script, main img, main iframe').count(), 0, hash);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((h) => h.startsWith('#/') || h.startsWith('https://undocs.org/') || h === '#main'), hrefs.join(' '));
  }
  await page.goto(`${site.url}#/doc/hostile`);
  const text = await page.locator('.paragraphs').textContent();
  assert.ok(text.includes('<script>window.__pwned = "script"</script>'), 'the script tag shows as text');
  assert.ok(text.includes('onerror='), 'the handler shows as text');
  assert.ok(text.includes("javascript:window.__pwned='bare'"), 'the javascript: link shows as text');
  assert.ok(!DANGEROUS.test(text), 'bidi controls and escapes are made visible');
  assert.ok(text.includes('\uFFFDevil override\uFFFD') && text.includes('␛[2J') && text.includes('␇'));
  assert.ok(text.includes('␛]0;PWNED␇') && text.includes('\uFFFD2J'), 'terminal escapes and C1 controls show as symbols');
  for (const hash of ['#/doc/hostile?lang=fr', '#/doc/hostile?lang=es', '#/docs', '#/search?q=PWNED', '#/diff/A/RES/89/1..A/RES/90/1']) {
    await page.goto(`${site.url}${hash}`);
    await page.locator('main h1').first().waitFor();
    // The comparison comes from its own wasm: its pairs are drawn after the heading.
    if (hash.startsWith('#/diff/')) await page.locator('.compare .summary').waitFor();
    const shown = await page.locator('main').textContent();
    assert.ok(!DANGEROUS.test(shown), `a control character is shown raw at ${hash}`);
    assert.ok(!DANGEROUS.test(await page.title()), `the page title holds a control character at ${hash}`);
  }
  assert.ok((await page.locator('main').textContent()).includes('␛[2J'), 'the comparison shows the escapes as symbols');
  assert.equal(await page.locator('main script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'script ran in the comparison');
  await page.goto(`${site.url}#/search?q=PWNED`);
  await page.locator('main h1').first().waitFor();
  assert.ok((await page.locator('main').textContent()).includes('␛]0;PWNED␇'), 'search finds the hostile heading');
  await page.goto(`${site.url}#/doc/hostile`);
  await screenshot(page, 'hostile-desktop');
  assert.deepEqual(page.problems, []);
});
