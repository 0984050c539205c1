// The explorer's keystroke measure (typing.mjs) on every General Assembly resolution of sessions
// 79–80 in the six languages (215,143 paragraphs), served as a static host serves a bundle
// apart: the explorer fetches the head at once and each pack when a query first needs it. The
// goals there: the core's search p95 ≤ 5 ms, input to painted results p95 ≤ 16 ms. Written as
// Markdown to target/bench-explorer-sessions.md (and printed).
//
// Run: www/build.sh && node www/bench/sessions.mjs
// The bundle is bench/peers/run.sh's (target/peers/sessions.rlx and sessions.parts/), built
// here the same way when it is missing, from ../shared/unxml.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, serve, dist, root } from '../tests/harness.mjs';
import { keystrokes, floorKeystrokes, keystrokeTables } from './typing.mjs';

const peers = join(root, 'target', 'peers');
const head = join(peers, 'sessions.rlx');

/** Builds the sessions bundle apart, as bench/peers/run.sh does, unless it is there. */
function bundle() {
  if (existsSync(head) && existsSync(join(peers, 'sessions.parts'))) return;
  const unxml = join(root, 'target', 'unxml');
  mkdirSync(unxml, { recursive: true });
  mkdirSync(peers, { recursive: true });
  if (!existsSync(join(unxml, '79session'))) {
    execFileSync('tar', ['-xJf', resolve(root, '..', 'shared', 'unxml', 'ga-79-80-akn.tar.xz'), '-C', unxml], { stdio: 'inherit' });
  }
  execFileSync('cargo', ['build', '--quiet', '--release', '-p', 'resolex-tui', '--bin', 'resolex'], { cwd: root, stdio: 'inherit' });
  const dirs = ['79session', '80session', 'data_extract'].map((d) => join(unxml, d));
  execFileSync(join(root, 'target', 'release', 'resolex'), ['build', '--apart', '--skip-duplicates', '-o', head, ...dirs],
    { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** www/dist with the sessions bundle in place of the default corpus, as links. */
function site() {
  const dir = mkdtempSync(join(tmpdir(), 'resolex-sessions-'));
  for (const name of readdirSync(dist)) {
    if (!['corpus.rlx', 'corpus.parts', 'resolex.html'].includes(name)) symlinkSync(join(dist, name), join(dir, name));
  }
  symlinkSync(head, join(dir, 'corpus.rlx'));
  symlinkSync(join(peers, 'sessions.parts'), join(dir, 'corpus.parts'));
  return dir;
}

bundle();
const dir = site();
const browser = await launch();
const server = await serve(dir);
const chromium = browser.version();
const k = await keystrokes(browser, `${server.url}#/search`);
const floor = await floorKeystrokes(browser);
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });

const md = `### Web explorer on sessions 79–80 (headless Chromium ${chromium}, \`node www/bench/sessions.mjs\`)

Every General Assembly resolution of sessions 79–80 in six languages, the bundle apart
(\`target/peers/sessions.rlx\`, its packs fetched over HTTP as queries need them).

${keystrokeTables(k, floor, 5)}`;
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target', 'bench-explorer-sessions.md'), md);
console.log(md);
