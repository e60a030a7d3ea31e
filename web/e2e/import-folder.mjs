// Browser journey of importing a watch folder: "Choose a folder" opens a folder picker
// (the input is one), the folder's runs are imported with their dates and moving times
// while a note and a photo in it are left alone, and the run page of an imported FIT
// charts its heart rate and cadence and shows heart rate per split. Screenshots at phone
// width go to web/e2e/screenshots/ for a person to look at.
//
// Usage: node e2e/import-folder.mjs BACKSTRIDE_BINARY CORPUS_DIR
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { Journey, chromiumPath, scan } from './journey.mjs';

import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [binary, corpus] = process.argv.slice(2);
if (!binary || !existsSync(binary) || !corpus) {
  console.error('usage: node e2e/import-folder.mjs BACKSTRIDE_BINARY CORPUS_DIR');
  process.exit(2);
}
const browserPath = chromiumPath();
// A run with heart rate, cadence and five laps (GoldenCheetah's test files), and a ride.
const run = path.join(corpus, 'fit', 'gc--3386684871.fit');
const ride = path.join(corpus, 'fit', 'fitparse--garmin-edge-820-bike.fit');
for (const file of [run, ride]) {
  if (!existsSync(file)) {
    console.error(`the shared corpus is missing ${file}`);
    process.exit(process.env.CI || process.env.BACKSTRIDE_REQUIRE_CORPUS ? 1 : 77);
  }
}
const shots = path.join(here, 'screenshots');
mkdirSync(shots, { recursive: true });
const phone = { width: 390, height: 844 };

const journey = new Journey();
const { step } = journey;

const scratch = mkdtempSync(path.join(tmpdir(), 'backstride-import-folder-'));
const watch = path.join(scratch, 'WATCH');
mkdirSync(path.join(watch, 'GARMIN', 'Activity'), { recursive: true });
copyFileSync(run, path.join(watch, 'GARMIN', 'Activity', '3386684871.fit'));
copyFileSync(ride, path.join(watch, 'GARMIN', 'Activity', 'ride.fit'));
writeFileSync(path.join(watch, 'notes.txt'), 'new shoes on the 16th\n');
writeFileSync(path.join(watch, 'GARMIN', 'device.json'), '{"model": "fenix"}\n');
writeFileSync(path.join(watch, 'finish.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]));

const dataDir = path.join(scratch, 'data');
mkdirSync(dataDir);
const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
const server = await serve(binary, dataDir, '2026-03-02');
try {
  const page = await browser.newPage({ viewport: phone });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  await step('"Choose a folder" is a folder picker, and the folder chosen with it is imported', async () => {
    await page.goto(`${server.url}#/import`);
    await page.getByRole('heading', { level: 1, name: 'Import from your watch' }).waitFor();
    const folderInput = page.locator('#import-folder');
    assert.equal(await folderInput.evaluate((input) => input.webkitdirectory), true, 'the live input picks folders');
    assert.equal(await page.locator('#import-files').evaluate((input) => input.webkitdirectory), false);
    const uploads = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/import?')) uploads.push(request.url());
    });
    await folderInput.setInputFiles(watch);
    await page.getByRole('heading', { name: 'Done' }).waitFor({ timeout: 30000 });
    // Only the activity files travel: the photo and the notes stay on the phone.
    assert.equal(uploads.length, 2, uploads.join('\n'));
    const summary = await page.locator('#progress-text').innerText();
    assert.match(summary, /5 of 5 files/);
    assert.match(summary, /Imported 1, already there 0, skipped 1, failed 0\./);
    assert.match(summary, /3 other files were not activity files and were left alone\./);
    const rows = await page.locator('table.results tbody tr').allInnerTexts();
    const runRow = rows.find((r) => r.includes('3386684871.fit'));
    assert.ok(runRow, rows.join('\n'));
    // The day of the run and the time the runs list shows (the watch's timer), not elapsed.
    assert.match(runRow, /Imported/);
    assert.match(runRow, /2019-02-16/);
    assert.match(runRow, /4\.92 km in 24:01/);
    assert.match(rows.find((r) => r.includes('ride.fit')), /Skipped[\s\S]*Not a run: a ride\./);
    for (const stray of ['notes.txt', 'device.json', 'finish.jpg']) {
      assert.match(rows.find((r) => r.includes(stray)) ?? '', /Not an activity file/, stray);
    }
    await page.screenshot({ path: path.join(shots, 'import-folder-phone.png'), fullPage: true });
    await scan(page, 'the import page');
  });

  await step('the run page of the imported FIT charts heart rate and cadence, and splits show heart rate', async () => {
    await page.locator('table.results tbody tr', { hasText: '3386684871.fit' }).getByRole('link', { name: 'Imported' }).click();
    await page.getByRole('heading', { level: 1, name: 'Run on 2019-02-16' }).waitFor();
    await page.locator('#heart-cadence-title').waitFor();
    assert.equal(await page.locator('#heart-cadence-title').innerText(), 'Heart rate and cadence along the run');
    assert.equal(await page.locator('.plot .uplot').count(), 2, 'pace, and heart rate with cadence');
    const facts = await page.locator('dl.facts').innerText();
    assert.match(facts, /Heart rate\s+137 bpm/);
    assert.match(facts, /Cadence\s+167 steps\/min/);
    const splits = await page.getByRole('table', { name: /Splits/ }).locator('tbody tr').allInnerTexts();
    assert.ok(splits.length >= 5, splits.join('\n'));
    for (const split of splits) assert.match(split, /\d+ bpm/, `every split has its heart rate: ${split}`);
    const firstLap = await page.getByRole('table', { name: 'Laps' }).locator('tbody tr').first().innerText();
    assert.doesNotMatch(firstLap, /0:00\s+–/, firstLap);
    await page.locator('#heart-cadence-title').locator('xpath=ancestor::figure').screenshot({ path: path.join(shots, 'run-heart-cadence-chart-phone.png') });
    // The chart's numbers as a table.
    await page.locator('#heart-cadence-title').locator('xpath=ancestor::figure').locator('summary').click();
    const table = await page.locator('#heart-cadence-title').locator('xpath=ancestor::figure').locator('details tbody tr').allInnerTexts();
    assert.ok(table.length >= 9, table.join('\n'));
    assert.match(table[0], /0\.50 km\s+\d+ bpm\s+\d+ steps\/min/);
    await page.screenshot({ path: path.join(shots, 'run-heart-cadence-phone.png'), fullPage: true });
    await scan(page, 'the run page');
  });

  await step('the runs list reads the imported run with its distance and moving time', async () => {
    await page.goto(`${server.url}#/runs`);
    await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    const row = await page.locator('table tbody tr').first().innerText();
    assert.match(row, /16 Feb 2019\s+4\.92 km\s+24:01/);
  });
  await step('a treadmill run without a distance is kept by its time, and charted over time', async () => {
    // 57 minutes of heart rate and cadence every 5 s, with no distance and no position.
    let points = '';
    for (let s = 0; s <= 57 * 60; s += 5) {
      const time = new Date(Date.UTC(2026, 1, 27, 7, 0, s)).toISOString().replace('.000', '');
      points += `<Trackpoint><Time>${time}</Time><HeartRateBpm><Value>${120 + Math.floor(s / 120)}</Value></HeartRateBpm><Cadence>84</Cadence></Trackpoint>`;
    }
    const treadmill = path.join(scratch, 'treadmill.tcx');
    writeFileSync(treadmill, '<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="Running"><Id>2026-02-27T07:00:00Z</Id>'
      + '<Lap StartTime="2026-02-27T07:00:00Z"><TotalTimeSeconds>3420</TotalTimeSeconds><DistanceMeters>0</DistanceMeters><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>'
      + `<Track>${points}</Track></Lap></Activity></Activities></TrainingCenterDatabase>`);
    await page.goto(`${server.url}#/import`);
    await page.getByRole('heading', { level: 1, name: 'Import from your watch' }).waitFor();
    await page.locator('#import-files').setInputFiles(treadmill);
    await page.getByRole('heading', { name: 'Done' }).waitFor({ timeout: 30000 });
    const row = await page.locator('table.results tbody tr').first().innerText();
    assert.match(row, /Imported\s+2026-02-27\s+57:00, no distance recorded\./);
    assert.match(row, /No distance was recorded/);
    await page.locator('table.results tbody tr').first().getByRole('link', { name: 'Imported' }).click();
    await page.getByRole('heading', { level: 1, name: 'Run on 2026-02-27' }).waitFor();
    assert.match(await page.locator('dl.facts').innerText(), /Distance\s+not recorded/);
    await page.locator('#heart-cadence-title').waitFor();
    assert.match(await page.locator('#heart-cadence-title').locator('xpath=ancestor::figure').innerText(), /over the time of the run/);
    assert.equal(await page.locator('#pace-along-title').count(), 0, 'no pace without a distance');
    await page.locator('#heart-cadence-title').locator('xpath=ancestor::figure').screenshot({ path: path.join(shots, 'run-treadmill-chart-phone.png') });
    await scan(page, 'the treadmill run page');
    await page.goto(`${server.url}#/runs`);
    await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
    const treadmillRow = page.locator('table tbody tr', { hasText: '27 Feb 2026' });
    await treadmillRow.waitFor();
    assert.match(await treadmillRow.innerText(), /not recorded\s+57:00/);
  });
  assert.deepEqual(pageErrors, [], 'no script errors on the pages');
} finally {
  await server.stop();
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}

console.log(journey.failures === 0 ? '\nall import-folder checks passed' : `\n${journey.failures} import-folder check(s) failed`);
process.exit(journey.failures === 0 ? 0 : 1);
