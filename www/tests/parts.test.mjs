// The bundle's parts fetched on demand, and what a reader sees when one does not arrive: a
// static server that has lost the document blocks (404), then serves them corrupted, then
// whole again. The explorer and the widget each show a message naming the part and a retry; the
// rest of the explorer keeps working; a retry once the parts are back shows the text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveCopy, open, screenshot } from './harness.mjs';

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widget</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml"><script type="module" src="widget.js"></script></head>
<body><resolex-search id="w" label="Search"></resolex-search></body></html>`;

let browser;
let site;
let blocks;
before(async () => {
  site = await serveCopy({ 'widget-host.html': HOST });
  blocks = readdirSync(join(site.dir, 'corpus.parts')).filter((f) => f.includes('-block-'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const parts = () => join(site.dir, 'corpus.parts');
const aside = () => join(site.dir, 'aside');

/** Moves the block parts away (the server answers 404), or back. */
function lose(lost) {
  mkdirSync(aside(), { recursive: true });
  for (const f of blocks) {
    const [from, to] = lost ? [parts(), aside()] : [aside(), parts()];
    renameSync(join(from, f), join(to, f));
  }
}

/** Serves each block part with one bit flipped, keeping the good bytes aside. */
function corrupt() {
  mkdirSync(aside(), { recursive: true });
  for (const f of blocks) {
    const good = readFileSync(join(parts(), f));
    writeFileSync(join(aside(), f), good);
    const bad = Buffer.from(good);
    bad[bad.length >> 1] ^= 0x08;
    writeFileSync(join(parts(), f), bad);
  }
}

test('the explorer loads only the parts a view needs', async () => {
  const page = await open(browser);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('corpus.parts/')) fetched.push(r.url().split('/').pop()); });
  await page.goto(`${site.url}#/search?q=INTERPOL`);
  await page.locator('.hit-count[data-query="INTERPOL"]').waitFor();
  assert.ok((await page.locator('#hits li').count()) > 0);
  const all = readdirSync(parts()).length;
  assert.ok(fetched.length > 0 && fetched.length < all, `${fetched.length} of ${all} parts fetched`);
  assert.deepEqual(page.problems, []);
});

test('a part that does not arrive, or arrives corrupted, is named with a retry; the rest keeps working', async () => {
  const page = await open(browser);
  lose(true);
  try {
    await page.goto(`${site.url}#/doc/A/RES/79/136/op21.b?lang=fr`);
    const error = page.locator('.part-error');
    await error.waitFor();
    assert.match(await error.textContent(), /block part \d+ did not arrive: .*HTTP 404/);
    await screenshot(page, 'part-error');
    // The catalog is in the head: the list of documents still opens.
    await page.goto(`${site.url}#/docs`);
    await page.locator('.documents tbody tr').first().waitFor();
    assert.equal(await page.locator('.documents tbody tr').count(), 21);
    // Back to the document: the parts are back, the retry shows it.
    await page.goto(`${site.url}#/doc/A/RES/79/136/op21.b?lang=fr`);
    await error.waitFor();
  } finally {
    lose(false);
  }
  corrupt();
  try {
    await page.locator('.part-error button.retry').click();
    await page.locator('.part-error', { hasText: 'checksum' }).waitFor();
  } finally {
    lose(false);
  }
  await page.locator('.part-error button.retry').click();
  const selected = page.locator('#para-op21\\.b.selected');
  await selected.waitFor();
  assert.match(await selected.locator('.text').textContent(), /INTERPOL/);
  const problems = page.problems.filter((p) => !/Failed to load resource.*404/.test(p));
  assert.deepEqual(problems, []);
});

test('the widget says which part failed and retries', async () => {
  const page = await open(browser);
  lose(true);
  const input = page.locator('#w').locator('input');
  const status = page.locator('#w').locator('.status');
  try {
    await page.goto(`${site.url}widget-host.html`);
    await input.fill('INTERPOL');
    await status.locator('button.retry').waitFor();
    assert.match(await status.textContent(), /could not load part of its corpus: .*HTTP 404/);
  } finally {
    lose(false);
  }
  await status.locator('button.retry').click();
  await page.locator('#w').locator('li[role="option"]').first().waitFor();
  assert.match(await status.textContent(), /\d+ hits?/);
});
