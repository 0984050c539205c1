// Hostile text in a corpus is shown as text: markup, event handlers, `javascript:` links and
// bidi overrides in paragraphs run nothing and reorder nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, serveCopy, open, resolex, screenshot } from './harness.mjs';

const HOSTILE = [
  'Hostile page',
  '',
  'A <script>window.__pwned = "script"</script> tag and <img src=x onerror="window.__pwned = \'img\'"> an image.',
  '',
  'A [link](javascript:window.__pwned=\'link\') and javascript:window.__pwned=\'bare\' and <a href="javascript:window.__pwned=\'a\'">an anchor</a>.',
  '',
  'Bidi \u202Eevil override\u202C and \u2067isolate\u2069 and an escape \u001b[2J with a bell \u0007 end-of-text.',
  '',
].join('\n');

let browser;
let site;
before(async () => {
  site = await serveCopy({ 'hostile.en.txt': HOSTILE });
  resolex('build', join(site.dir, 'hostile.en.txt'), '-o', join(site.dir, 'corpus.rlx'));
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
  assert.ok(!/[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u001b]/.test(text), 'bidi controls and escapes are made visible');
  assert.ok(text.includes('\uFFFDevil override\uFFFD') && text.includes('␛[2J') && text.includes('␇'));
  await screenshot(page, 'hostile-desktop');
  assert.deepEqual(page.problems, []);
});
