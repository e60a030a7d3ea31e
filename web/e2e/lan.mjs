// The web app from a phone on the same network: `backstride serve --lan` prints an address
// with a one-time pairing code and the QR code of both. The QR code is read back with
// zbarimg (Debian's zbar-tools), as a phone's camera would; a second browser context, at
// phone width, opens what it says, pairs and uses the app; a third, without the code, is
// refused and pairs only with a new code, printed when Enter is pressed in the terminal.
// The browsers reach the server through this computer's own network address, so the server
// sees them as devices on the network, not as loopback. A machine with no address but
// loopback cannot run this journey: it exits with 77, which ctest reports as skipped.
//
// Usage: node e2e/lan.mjs BACKSTRIDE_BINARY
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { Journey, scan } from './journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [binary] = process.argv.slice(2);
if (!binary || !existsSync(binary)) {
  console.error('usage: node e2e/lan.mjs BACKSTRIDE_BINARY');
  process.exit(2);
}
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
for (const [tool, what] of [[browserPath, "Debian's chromium"], ['/usr/bin/zbarimg', "Debian's zbar-tools"]]) {
  if (!existsSync(tool)) {
    console.error(`no ${tool}: install ${what} (scripts/install-deps.sh test does)`);
    process.exit(2);
  }
}
const shots = path.join(here, 'screenshots');
mkdirSync(shots, { recursive: true });
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const pairTitle = 'Pair this device with backstride';
const journey = new Journey();
const { step } = journey;

async function shoot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

// `backstride serve --lan` on this computer, as a runner starts it. Resolves once the
// pairing code is shown, with what the terminal said so far (`output()`), `enter()` (the
// runner pressing Enter) and `stop()`, which fails unless the server exits cleanly.
function serveLan(dataDir, port = 0) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--db', path.join(dataDir, 'backstride.db'), '--today', '2026-03-02', 'serve', '--lan', '--port', String(port)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`serve --lan did not start: ${output}${errors}`)), 15000);
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!/Press Ctrl\+C to stop/.test(output)) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.on('data', (more) => (output += more));
      child.removeAllListeners('exit');
      resolve({
        output: () => output,
        enter: () => child.stdin.write('\n'),
        stop: () => new Promise((done, fail) => {
          child.on('exit', (code) => {
            if (code !== 0 || /ERROR|Sanitizer/.test(output + errors)) fail(new Error(`serve exited with ${code}: ${errors}`));
            else done();
          });
          child.kill('SIGTERM');
        }),
      });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (/no network address/.test(errors)) {
        console.log(`skipped: ${errors.trim()}`);
        process.exit(77);
      }
      reject(new Error(`serve --lan exited with ${code}: ${output}${errors}`));
    });
  });
}

// The pairing links and codes the terminal shows, in order.
const links = (output) => [...output.matchAll(/open (http:\/\/\S+\/pair\?code=\S+)/g)].map((m) => m[1]);
const codes = (output) => [...output.matchAll(/Pairing code: (\S+)/g)].map((m) => m[1]);

// The last QR code in the terminal's output, read as a phone's camera would: its half-block
// characters drawn as a bitmap, and the bitmap given to zbarimg.
function readQrCode(output, scratch) {
  const lines = output.split('\n');
  const blocks = [];
  let current = [];
  for (const line of lines) {
    if (line.length > 20 && /^[ █▀▄]+$/.test(line)) current.push(line);
    else if (current.length) {
      blocks.push(current);
      current = [];
    }
  }
  const qr = blocks.at(-1);
  assert.ok(qr, `no QR code in the output:\n${output}`);
  const width = Math.max(...qr.map((line) => [...line].length));
  const scale = 6;
  const rows = [];
  for (const line of qr) {
    const chars = [...line.padEnd(width)];
    rows.push(chars.map((c) => c === '█' || c === '▀'), chars.map((c) => c === '█' || c === '▄'));
  }
  let pbm = `P1\n${width * scale} ${rows.length * scale}\n`;
  for (const row of rows) {
    const pixels = row.flatMap((dark) => Array(scale).fill(dark ? '1' : '0')).join(' ');
    pbm += `${pixels}\n`.repeat(scale);
  }
  const file = path.join(scratch, 'qr.pbm');
  writeFileSync(file, pbm);
  const read = spawnSync('/usr/bin/zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' });
  assert.equal(read.status, 0, `zbarimg read no QR code: ${read.stderr}`);
  return read.stdout.trim();
}

// A request with a Host header of our choosing, as a page on another site would send once
// its name points at this computer (DNS rebinding).
function statusWithHost(url, host) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { Host: host } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
  });
}

// --- The journey ------------------------------------------------------------------------------

const scratch = mkdtempSync(path.join(tmpdir(), 'backstride-lan-'));
const browser = await chromium.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox'] });
try {
  await step('serve refuses --lan with --host, saying why', async () => {
    const run = spawnSync(binary, ['--db', path.join(scratch, 'flags.db'), 'serve', '--lan', '--host', '0.0.0.0'], { encoding: 'utf8', input: '' });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /--lan/);
    assert.match(run.stderr, /not both/);
  });

  const server = await serveLan(scratch);
  const first = server.output();
  const local = first.match(/running at (http:\/\/127\.0\.0\.1:\d+\/)/)?.[1];
  const [link] = links(first);
  const lanBase = link?.replace(/pair\?code=.*/, '');
  const port = Number(new URL(lanBase ?? 'http://x:1/').port);

  await step('the terminal shows a real network address with a code, and a QR code of both', async () => {
    assert.ok(local, `no loopback address in:\n${first}`);
    assert.ok(link, `no pairing link in:\n${first}`);
    const host = new URL(link).hostname;
    assert.doesNotMatch(host, /^(0\.0\.0\.0|127\.)/, 'the address must be one a phone can open');
    const code = new URL(link).searchParams.get('code');
    assert.match(code, /^[2-9a-hjkmnp-z]{8}$/);
    assert.equal(codes(first)[0], `${code.slice(0, 4)}-${code.slice(4)}`);
    assert.equal(readQrCode(first, scratch), link, 'the QR code says the link printed');
  });

  await step('this computer opens the app on loopback without a code', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(local);
    assert.equal(response.status(), 200);
    await page.locator('#app h1').first().waitFor({ timeout: 20000 });
    assert.notEqual(await page.locator('h1').first().innerText(), pairTitle);
    await context.close();
  });

  const phoneContext = await browser.newContext(phone);
  await step('a phone scans the code, pairs, and uses the app', async () => {
    const page = await phoneContext.newPage();
    page.setDefaultTimeout(30000);
    await page.goto(readQrCode(first, scratch));
    await page.waitForURL(lanBase);
    await page.locator('#app h1').first().waitFor({ timeout: 20000 });
    assert.notEqual(await page.locator('h1').first().innerText(), pairTitle);
    const [cookie, ...others] = await phoneContext.cookies();
    assert.equal(others.length, 0);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(await page.evaluate(() => document.cookie), '', 'no script can read the session');
    await shoot(page, 'lan-phone-paired');
    // The app's own way of writing: the session's CSRF token, then a change of units.
    const status = await page.evaluate(async () => {
      const session = await (await fetch('/api/session')).json();
      const put = await fetch('/api/settings', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
        body: JSON.stringify({ units: 'mi' }),
      });
      return put.status;
    });
    assert.equal(status, 200);
    const settings = await (await fetch(`${local}api/settings`)).json();
    assert.equal(settings.units, 'mi', 'the change the phone made is seen on this computer');
    assert.match(server.output(), /A device paired: \d+\.\d+\.\d+\.\d+\./);
    await page.close();
  });

  // Set to dark, so the pairing page is seen (and scanned) in dark mode too.
  const stranger = await browser.newContext({ ...phone, colorScheme: 'dark' });
  await step('another device without the code is refused and told how to pair', async () => {
    const page = await stranger.newPage();
    const refused = await page.goto(lanBase);
    assert.equal(refused.status(), 403);
    await page.getByRole('heading', { level: 1, name: pairTitle }).waitFor();
    assert.equal(await page.locator('#app').count(), 0, 'none of the app is served');
    await shoot(page, 'lan-stranger-refused');
    await scan(page, 'the pairing page');
    const api = await page.evaluate(async () => {
      const response = await fetch('/api/settings');
      return { status: response.status, body: await response.text() };
    });
    assert.equal(api.status, 403);
    assert.doesNotMatch(api.body, /units/);

    // The link the phone used: spent.
    await page.goto(link);
    await page.getByRole('alert').filter({ hasText: 'no longer works' }).waitFor();
    assert.deepEqual(await stranger.cookies(), []);
    // A name pointed at this computer by another site is refused before anything else.
    assert.equal(await statusWithHost(`${lanBase}api/settings`, `evil.example:${port}`), 421);
    await page.close();
  });

  await step('Enter prints a new code, which pairs the other device by typing it', async () => {
    server.enter();
    const deadline = Date.now() + 10000;
    while (codes(server.output()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const fresh = codes(server.output())[1];
    assert.ok(fresh, 'no new code after Enter');
    assert.notEqual(fresh, codes(first)[0]);
    const page = await stranger.newPage();
    await page.goto(lanBase);
    // A guess first, typed in the form: refused, and the code shown still works.
    await page.getByLabel('Pairing code').fill(fresh === 'abcd-efgh' ? 'abcd-efgj' : 'abcd-efgh');
    await page.getByRole('button', { name: 'Pair this device' }).click();
    await page.getByRole('alert').filter({ hasText: 'not the code shown' }).waitFor();
    await shoot(page, 'lan-stranger-wrong-code');
    await scan(page, 'the pairing page with a wrong code');
    assert.deepEqual(await stranger.cookies(), []);
    await page.getByLabel('Pairing code').fill(fresh.toUpperCase());
    await page.getByRole('button', { name: 'Pair this device' }).click();
    await page.waitForURL(lanBase);
    await page.locator('#app h1').first().waitFor({ timeout: 20000 });
    assert.notEqual(await page.locator('h1').first().innerText(), pairTitle);
    await page.close();
  });

  await server.stop();

  await step('after a restart the phone\'s cookie is refused: it pairs again', async () => {
    const again = await serveLan(scratch, port);
    try {
      const page = await phoneContext.newPage();
      assert.equal((await phoneContext.cookies()).length, 1, 'the phone still holds its cookie');
      const response = await page.goto(lanBase);
      assert.equal(response.status(), 403);
      await page.getByRole('heading', { level: 1, name: pairTitle }).waitFor();
      await shoot(page, 'lan-phone-after-restart');
      await scan(page, 'the pairing page in light mode');
      await page.goto(links(again.output())[0]);
      await page.waitForURL(lanBase);
      await page.locator('#app h1').first().waitFor({ timeout: 20000 });
    } finally {
      await again.stop();
    }
  });
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}

console.log(journey.failures === 0 ? '\nall pairing checks passed' : `\n${journey.failures} pairing check(s) failed`);
process.exit(journey.failures === 0 ? 0 : 1);
