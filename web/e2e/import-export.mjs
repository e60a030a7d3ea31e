// Browser journey of importing a whole export: a Strava "Download your data" zip
// (written by tests/exports/strava.py from the shared corpus) chosen on the import page at
// phone width is streamed to the server with one progress bar in words, then every run
// of the export is listed with the name Strava gave it, and the run page shows that name
// and where it came from. A cut export says prominently that it stopped, and keeps the
// runs before the cut. Screenshots go to web/e2e/screenshots/ for a person to look at.
//
// Usage: node e2e/import-export.mjs BACKSTRIDE_BINARY CORPUS_DIR
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { Journey, chromiumPath, scan } from './journey.mjs';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const [binary, corpus] = process.argv.slice(2);
if (!binary || !existsSync(binary) || !corpus) {
  console.error('usage: node e2e/import-export.mjs BACKSTRIDE_BINARY CORPUS_DIR');
  process.exit(2);
}
const browserPath = chromiumPath();
const shots = path.join(here, 'screenshots');
mkdirSync(shots, { recursive: true });
const phone = { width: 390, height: 844 };
const scratch = mkdtempSync(path.join(tmpdir(), 'backstride-import-export-'));

// Writes a Strava export with `args`; returns its path and manifest. Without the corpus
// the generator exits 2, and the journey is skipped (77) unless the corpus is required.
function strava(name, args) {
  const out = path.join(scratch, name);
  const manifest = `${out}.json`;
  const generated = spawnSync('python3', [path.join(root, 'tests', 'exports', 'strava.py'), '--corpus', corpus,
    '--out', out, '--manifest', manifest, ...args], { encoding: 'utf8' });
  if (generated.status === 2) {
    console.error(`the shared corpus is missing at ${corpus}: ${generated.stderr}`);
    rmSync(scratch, { recursive: true, force: true });
    process.exit(process.env.CI || process.env.BACKSTRIDE_REQUIRE_CORPUS ? 1 : 77);
  }
  assert.equal(generated.status, 0, generated.stderr);
  return { file: out, manifest: existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : null };
}

const whole = strava('export_12345.zip', ['--activities', '40']);
const runs = whole.manifest.activities.filter((a) => a.is_run && !a.corrupt);
const cut = strava('export_67890.zip', ['--activities', '40', '--truncate', String(Math.floor(statSync(whole.file).size / 2))]);

const journey = new Journey();
const { step } = journey;
const dataDir = path.join(scratch, 'data');
mkdirSync(dataDir);
const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
const server = await serve(binary, dataDir, '2026-03-02');
try {
  const page = await browser.newPage({ viewport: phone });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  await step('an export is streamed with one progress bar in words, then each run is listed with its name', async () => {
    await page.goto(`${server.url}#/import`);
    await page.getByRole('heading', { level: 1, name: 'Import from your watch' }).waitFor();
    assert.match(await page.locator('#import-files').getAttribute('accept'), /\.zip/);
    // A slow upload (about 1 MB/s), so the progress can be seen as a runner on Wi-Fi would.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1e6 });
    await page.locator('#import-files').setInputFiles(whole.file);
    await page.getByRole('heading', { name: 'Importing your export…' }).waitFor({ timeout: 30000 });
    await page.waitForFunction(() => /runs? found/.test(document.querySelector('#export-text')?.textContent ?? ''));
    const during = await page.locator('#export-text').innerText();
    assert.match(during, /^(\d[\d.,]* of \d[\d.,]* MB, \d+ runs? found|All \d[\d.,]* MB sent, \d+ runs? found)/, during);
    await page.screenshot({ path: path.join(shots, 'import-export-progress-phone.png'), fullPage: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await page.getByRole('heading', { name: /^Done: export_12345\.zip/ }).waitFor({ timeout: 120000 });
    const summary = await page.getByRole('region', { name: 'Export export_12345.zip' }).innerText();
    assert.match(summary, new RegExp(`${runs.length} new runs imported, 0 runs already there`), summary);
    const rows = await page.locator('table.results tbody tr').allInnerTexts();
    const imported = rows.filter((r) => /Imported/.test(r));
    assert.equal(imported.length, runs.length, rows.join('\n'));
    // Strava's names for the runs, with the file each came in beside them.
    const named = runs.find((r) => r.file && r.name && !/^(Morning|Afternoon|Evening|Lunch|Night) Run$/.test(r.name)) ?? runs.find((r) => r.file);
    const row = rows.find((r) => r.includes(named.name));
    assert.ok(row, `the run named "${named.name}" is listed:\n${rows.join('\n')}`);
    assert.match(row, /Imported/);
    await page.screenshot({ path: path.join(shots, 'import-export-done-phone.png'), fullPage: true });
    // The top of the table as a phone shows it (the full page is very long).
    await page.locator('table.results').evaluate((table) => table.scrollIntoView());
    await page.screenshot({ path: path.join(shots, 'import-export-table-phone.png') });
    await scan(page, 'the import page after an export');
  });

  await step('the run page shows the name the service gave the run and where it came from', async () => {
    const runs = page.locator('table.results tbody tr', { hasText: 'Imported' });
    const first = runs.first();
    const name = await first.locator('.user-text').innerText();
    assert.ok(name.length > 0);
    await first.getByRole('link', { name: 'Imported' }).click();
    await page.getByRole('heading', { level: 1, name: /^Run on / }).waitFor();
    assert.equal(await page.locator('.run-name').innerText(), name);
    assert.match(await page.locator('dl.facts').innerText(), /From\s+Strava/);
    await page.screenshot({ path: path.join(shots, 'import-export-run-phone.png'), fullPage: true });
    await scan(page, 'the run page of an exported run');
  });

  await step('the runs list shows each run with its name', async () => {
    await page.goto(`${server.url}#/runs`);
    await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    assert.equal(await page.locator('table tbody tr').count(), runs.length);
    assert.ok(await page.locator('table tbody .run-title').count() > 0);
    await page.screenshot({ path: path.join(shots, 'import-export-runs-phone.png'), fullPage: true });
  });

  await step('a cut export says it stopped, and the runs before the cut are known already', async () => {
    await page.goto(`${server.url}#/import`);
    await page.getByRole('heading', { level: 1, name: 'Import from your watch' }).waitFor();
    await page.locator('#import-files').setInputFiles(cut.file);
    await page.getByRole('heading', { name: /^Done: export_67890\.zip/ }).waitFor({ timeout: 120000 });
    const alert = await page.getByRole('alert').innerText();
    assert.match(alert, /The export stopped before its end\./);
    assert.match(alert, /kept/, 'says the runs before the cut are kept');
    const summary = await page.getByRole('region', { name: 'Export export_67890.zip' }).innerText();
    assert.match(summary, /0 new runs imported, \d+ runs already there/);
    await page.screenshot({ path: path.join(shots, 'import-export-stopped-phone.png'), fullPage: true });
    await scan(page, 'the import page after a cut export');
    // Dark mode follows the system; the stopped export's card must read as well there.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('alert').evaluate((card) => card.scrollIntoView());
    await page.screenshot({ path: path.join(shots, 'import-export-stopped-dark-phone.png') });
    await scan(page, 'the import page after a cut export, in dark mode');
    await page.emulateMedia({ colorScheme: 'light' });
  });
  assert.deepEqual(pageErrors, [], 'no script errors on the pages');
} finally {
  await server.stop();
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}

console.log(journey.failures === 0 ? '\nall import-export checks passed' : `\n${journey.failures} import-export check(s) failed`);
process.exit(journey.failures === 0 ? 0 : 1);
