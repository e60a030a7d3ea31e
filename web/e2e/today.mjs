// The web app for every day, in a real browser at a phone's width: Today ticked off
// through a day and the morning question the day after; progress for a runner with ten
// years of imported history, opening on the plan's period and readable; the pain-over-time
// chart with a step-back marked and its reason on a tap; the weekly load's bars inside the
// plot; dark mode; the Log page asking for the pain of runs since the plan started only.
// Screenshots of each go to web/e2e/screenshots/ (today-*.png) for a person to look at.
//
// Usage: node e2e/today.mjs BACKSTRIDE_BINARY
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { Journey, chromiumPath, scan } from './journey.mjs';

import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [binary] = process.argv.slice(2);
if (!binary || !existsSync(binary)) {
  console.error('usage: node e2e/today.mjs BACKSTRIDE_BINARY');
  process.exit(2);
}
const browserPath = chromiumPath();
const shots = path.join(here, 'screenshots');
mkdirSync(shots, { recursive: true });
const phone = { width: 390, height: 844 };
const journey = new Journey();
const { step } = journey;

async function look(page, name) {
  await page.waitForTimeout(200);  // let charts take their width
  await page.screenshot({ path: path.join(shots, `today-${name}.png`), fullPage: true });
  await scan(page, name);
}

async function heading(page, text) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 15000 });
}

// The command line on a runner's database, as of `today`.
function cli(dir, today, args, input) {
  const result = spawnSync(binary, ['--db', path.join(dir, 'backstride.db'), '--today', today, ...args], { input, encoding: 'utf8' });
  assert.equal(result.status, 0, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
  return result.stdout;
}

const vignette = JSON.parse(readFileSync(path.join(here, '..', '..', 'tests', 'vignettes', 'new-onset-km.json'), 'utf8'));
const assess = (dir, today) => cli(dir, today, ['assess', '--answers', '-'], JSON.stringify(vignette.answers));

// A GPX run (or, with `ride`, a ride with no sport: 21 km at 2:49 /km) starting at `start`.
function gpx(start, { km, secondsPerKm, ride = false }) {
  const points = [];
  const seconds = km * secondsPerKm;
  const step = 10;
  for (let t = 0; t <= seconds; t += step) {
    const metres = (t / seconds) * km * 1000;
    const lat = 52.2 + metres / 111320;  // north along a meridian
    points.push(`<trkpt lat="${lat.toFixed(7)}" lon="0.1200000"><time>${new Date(start.getTime() + t * 1000).toISOString()}</time></trkpt>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="backstride e2e" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>${ride ? 'Morning' : 'Run'}</name>${ride ? '' : '<type>running</type>'}<trkseg>
${points.join('\n')}
</trkseg></trk></gpx>
`;
}

const browser = await chromium.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox'] });
const scratch = mkdtempSync(path.join(tmpdir(), 'backstride-today-'));
const newPhone = (options = {}) =>
  browser.newContext({ viewport: phone, hasTouch: true, isMobile: true, deviceScaleFactor: 2, ...options });
const watch = (page) => {
  page.setDefaultTimeout(30000);
  page.on('pageerror', (error) => {
    journey.fail(`a script error in the page: ${error.message}`);
  });
};

try {
  // 1. Today through a day, on a phone: the run, the day's check-in, then the next day's
  // morning question and the strength session.
  const dayDir = path.join(scratch, 'day');
  mkdirSync(dayDir);
  assess(dayDir, '2026-03-02');
  const context = await newPhone();
  const page = await context.newPage();
  watch(page);
  let server = await serve(binary, dayDir, '2026-03-02');
  await step('Today is a checklist: the run is logged where it stands and shows as done', async () => {
    await page.goto(server.url);
    await heading(page, /Today/);
    const run = page.locator('.check-item').filter({ has: page.locator('.session.kind-run') });
    await run.waitFor();
    assert.equal(await run.getByLabel(/^Distance/).getAttribute('inputmode'), 'decimal');
    assert.equal(await run.getByLabel('Minutes').getAttribute('inputmode'), 'numeric');
    assert.equal(await run.getByLabel('Seconds').getAttribute('inputmode'), 'numeric');
    assert.match(await page.locator('#today-heading + p').innerText(), /2 to do/);
    await look(page, 'checklist-open');
    await run.getByLabel(/^Distance/).fill('1');
    await run.getByLabel('Minutes').fill('6');
    await run.getByLabel('Seconds').fill('5');
    await run.getByLabel('Back pain during the run, 0 to 10').selectOption('2');
    await run.getByRole('button', { name: 'Log run' }).tap();
    await run.locator('.done-line').getByText('1.00 km, 6:05, pain 2').waitFor();
    assert.equal(await run.getByRole('button', { name: 'Log run' }).count(), 0, 'no form once logged');
    assert.match(await run.locator('.outcome').innerText(), /cap/i);
    assert.match(await run.locator('h3').innerText(), /done/);
  });

  await step('the day\'s check-in is ticked off, its note isolated from the line around it', async () => {
    const checkin = page.locator('.check-item').filter({ hasText: 'How does your back feel today?' });
    await checkin.getByLabel('Back pain today, 0 to 10').selectOption('1');
    // A right-to-left override in the note must not flip the rest of the line.
    await checkin.getByLabel('Note (optional)').fill('\u202Estiff after sitting');
    await checkin.getByRole('button', { name: 'Save' }).tap();
    const line = checkin.locator('.done-line');
    await line.waitFor();
    assert.equal(await line.locator('bdi').count(), 1, 'the note is in its own bdi');
    assert.equal(await line.locator('bdi').evaluate((e) => getComputedStyle(e).unicodeBidi), 'isolate');
    assert.match(await line.innerText(), /pain 1/);
    await page.getByText('All done for today.').waitFor();
    await look(page, 'checklist-done');
  });
  await server.stop();

  server = await serve(binary, dayDir, '2026-03-03');
  await step('the next day asks the morning score for yesterday\'s run, then ticks off strength', async () => {
    await page.goto(server.url);
    await heading(page, /Today/);
    const morning = page.locator('.check-item').filter({ hasText: 'How is your back this morning?' });
    await morning.waitFor();
    assert.match(await morning.innerText(), /Mon 2 Mar: 1\.00 km in 6:05/);
    assert.equal(await page.locator('.check-item').first().innerText().then((t) => t.includes('this morning')), true, 'the morning question comes first');
    await look(page, 'morning-question');
    await morning.getByLabel('Back pain this morning, 0 to 10').selectOption('1');
    await morning.getByRole('button', { name: 'Save' }).tap();
    await morning.locator('.done-line').getByText(/pain 1/).waitFor();
    assert.match(await morning.locator('.outcome').innerText(), /2026-03-02|2 March|run of/i);

    const strength = page.locator('.check-item').filter({ has: page.locator('.session.kind-strength') }).first();
    await strength.getByLabel('Back pain during, 0 to 10').selectOption('2');
    await strength.getByLabel(/Repetitions you could still have done/).selectOption('2');
    await strength.getByRole('button', { name: 'Done', exact: true }).tap();
    await strength.locator('.done-line').getByText('pain 2, 2 in reserve, done').waitFor();
    await look(page, 'strength-done');
  });

  await step('a reload the next morning no longer asks: the score is there', async () => {
    await server.stop();
    server = await serve(binary, dayDir, '2026-03-04');
    await page.goto(server.url);
    await heading(page, /Today/);
    await page.locator('.check-item').first().waitFor();
    assert.equal(await page.getByText('How is your back this morning?').count(), 0);
  });
  await server.stop();
  await context.close();

  // 2. Ten years of imported history, then a plan with a hold and a step back.
  const historyDir = path.join(scratch, 'history');
  const files = path.join(scratch, 'files');
  mkdirSync(historyDir);
  mkdirSync(files);
  let count = 0;
  for (let t = Date.UTC(2016, 0, 5, 7); t < Date.UTC(2026, 1, 20); t += 7 * 86400000) {
    const start = new Date(t);
    const km = 3 + (count % 5);
    writeFileSync(path.join(files, `run-${start.toISOString().slice(0, 10)}.gpx`), gpx(start, { km, secondsPerKm: 330 + (count % 30) }));
    count += 1;
  }
  writeFileSync(path.join(files, 'ride-2025-06-01.gpx'), gpx(new Date(Date.UTC(2025, 5, 1, 7)), { km: 21, secondsPerKm: 169, ride: true }));
  cli(historyDir, '2026-03-02', ['import', files]);
  assess(historyDir, '2026-03-02');
  const log = (today, ...args) => cli(historyDir, today, ['log', ...args]);
  log('2026-03-02', 'run', '--distance', '1km', '--time', '6:00', '--pain', '2');
  log('2026-03-03', 'morning', '--pain', '2');
  log('2026-03-04', 'run', '--distance', '1km', '--time', '5:55', '--pain', '4');
  log('2026-03-05', 'checkin', '--pain', '3', '--note', 'stiff');
  log('2026-03-06', 'run', '--distance', '1km', '--time', '5:50', '--pain', '7');
  log('2026-03-07', 'morning', '--pain', '5');
  log('2026-03-09', 'checkin', '--pain', '3');
  log('2026-03-11', 'run', '--distance', '0.75km', '--time', '4:30', '--pain', '2');
  server = await serve(binary, historyDir, '2026-03-12');
  const phoneContext = await newPhone();
  const phonePage = await phoneContext.newPage();
  watch(phonePage);

  await step('progress after ten years of imports opens on the plan\'s period, readable on a phone', async () => {
    await phonePage.goto(`${server.url}#/progress`);
    await heading(phonePage, 'Progress');
    await phonePage.locator('#pain-time-plot .uplot').waitFor();
    assert.ok(await phonePage.getByRole('radio', { name: 'This plan' }).isChecked());
    const note = await phonePage.locator('.range-note').innerText();
    // The plan's first two weeks at least, so a plan a few days old still reads.
    assert.match(note, /^Showing 2 Mar 2026 to 16 Mar 2026: 4 runs\.$/);
    assert.match(await phonePage.getByText(/runs so far/).innerText(), /^\d{3} runs so far\.$/);
    // The cap chart's table: the plan's runs only, each with its cap; the cap line has points.
    const capRows = phonePage.locator('#cap-title').locator('xpath=ancestor::figure').locator('details tbody tr');
    assert.equal(await capRows.count(), 4);
    assert.equal(await phonePage.getByRole('heading', { name: 'Weekly load' }).count(), 1);
    await look(phonePage, 'progress-plan');
  });

  await step('the range switch shows everything, by month, and leaves a ride out of the pace', async () => {
    await phonePage.getByRole('radio', { name: 'All', exact: true }).tap();
    await phonePage.getByRole('heading', { name: 'Monthly load' }).waitFor();
    assert.match(await phonePage.locator('.range-note').innerText(), /^Showing 5 Jan 2016 to 12 Mar 2026: \d{3} runs\.$/);
    const capFigure = phonePage.locator('#cap-title').locator('xpath=ancestor::figure');
    const rideRow = capFigure.locator('details tbody tr').filter({ hasText: '1 Jun 2025' });
    if (await rideRow.count()) {
      // Stored as a run (no sport in the file): its pace is left out of the chart.
      assert.match(await rideRow.textContent(), /left out/);
      assert.match(await capFigure.locator('figcaption').innerText(), /left out of the pace/);
    }
    await look(phonePage, 'progress-all');
    await phonePage.getByRole('radio', { name: 'A year', exact: true }).tap();
    await phonePage.getByRole('heading', { name: 'Weekly load' }).waitFor();
    await look(phonePage, 'progress-year');
  });

  await step('weekly load: every bar, the current week\'s too, stands inside the plot', async () => {
    await phonePage.getByRole('radio', { name: '3 months', exact: true }).tap();
    await phonePage.getByRole('heading', { name: 'Weekly load' }).waitFor();
    const figure = phonePage.locator('#load-title').locator('xpath=ancestor::figure');
    await figure.scrollIntoViewIfNeeded();
    await phonePage.waitForTimeout(200);
    const weeks = await figure.locator('details tbody tr').count();
    assert.ok(weeks >= 13, `13 weeks or more, got ${weeks}`);
    // How many pixels of a column of the plot are drawn on, `fromRight` CSS px in from its
    // right edge, as a share of the slot of one week. The canvas is clear where nothing is.
    const ink = (fromRight) => phonePage.evaluate(([fromRight, weeks]) => {
      const canvas = document.querySelector('#load-plot canvas');
      const over = document.querySelector('#load-plot .u-over').getBoundingClientRect();
      const box = canvas.getBoundingClientRect();
      const ratio = canvas.width / box.width;
      const x = Math.round((over.right - box.left - fromRight * (over.width / weeks)) * ratio);
      const top = Math.round((over.top - box.top) * ratio);
      const height = Math.round(over.height * ratio);
      const pixels = canvas.getContext('2d').getImageData(x, top, 1, height).data;
      let drawn = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) drawn += 1;
      return drawn;
    }, [fromRight, weeks]);
    // The plot's last column, the gap between the last two bars and the middle of the last
    // bar (this week's, 0.75 km): only the grid crosses the first two; the bar fills the third.
    const edge = await ink(0.02);
    const gap = await ink(1);
    const bar = await ink(0.5);
    assert.ok(edge <= gap + 2, `the last bar ends before the plot's edge: ${edge} pixels drawn there, ${gap} in a gap`);
    assert.ok(bar > gap + 10, `the current week's bar is drawn: ${bar} pixels against ${gap} in a gap`);
    await figure.screenshot({ path: path.join(shots, 'today-weekly-load.png') });
  });

  await step('pain over time marks the step back; a tap on it gives the reason', async () => {
    await phonePage.getByRole('radio', { name: 'This plan', exact: true }).tap();
    const stepBack = phonePage.locator('button.mark.mark-step-back');
    await stepBack.waitFor();
    assert.equal(await phonePage.locator('button.mark.mark-hold').count(), 1, 'the hold is marked too');
    assert.match(await stepBack.getAttribute('aria-label'), /^Cap stepped back on 6 Mar 2026/);
    await phonePage.locator('button.mark.mark-hold').tap();
    assert.match(await phonePage.locator('.mark-reason').innerText(), /^Cap held, 4 Mar 2026/);
    await stepBack.tap();
    const reason = await phonePage.locator('.mark-reason').innerText();
    assert.match(reason, /^Cap stepped back, 6 Mar 2026/);
    assert.match(reason, /pain 7/);
    assert.equal(await stepBack.getAttribute('aria-pressed'), 'true');
    // The scores are all there, in the table: runs, mornings and check-ins.
    const table = phonePage.locator('#pain-time-title').locator('xpath=ancestor::figure').locator('details tbody tr');
    assert.equal(await table.count(), 8);
    await phonePage.locator('#pain-time-title').scrollIntoViewIfNeeded();
    await phonePage.locator('#pain-time-title').locator('xpath=ancestor::figure')
      .screenshot({ path: path.join(shots, 'today-pain-chart-step-back.png') });
  });
  await phoneContext.close();

  // 3. Dark mode, following the system.
  const darkContext = await newPhone({ colorScheme: 'dark' });
  const darkPage = await darkContext.newPage();
  watch(darkPage);
  await step('dark mode follows the system, charts too', async () => {
    await darkPage.goto(`${server.url}#/`);
    await heading(darkPage, /Today/);
    const ground = await darkPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = ground.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 120, `a dark ground, got ${ground}`);
    await look(darkPage, 'dark-today');
    await darkPage.goto(`${server.url}#/progress`);
    await heading(darkPage, 'Progress');
    await darkPage.locator('#pain-time-plot .uplot').waitFor();
    // The charts draw on the dark ground (their canvas is clear where nothing is drawn) in
    // light ink: the axis labels' pixels are light.
    const [clear, inkLight] = await darkPage.evaluate(() => {
      const canvas = document.querySelector('#cap-plot canvas');
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let transparent = 0;
      let drawn = 0;
      let light = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] === 0) transparent += 1;
        else if (pixels[i + 3] === 255) {
          drawn += 1;
          if (pixels[i] + pixels[i + 1] + pixels[i + 2] > 450) light += 1;
        }
      }
      return [transparent / (pixels.length / 4), light / Math.max(1, drawn)];
    });
    assert.ok(clear > 0.8, `the chart leaves the dark ground showing: ${clear}`);
    assert.ok(inkLight > 0.3, `the chart's ink is light: ${inkLight}`);
    await look(darkPage, 'dark-progress');
  });
  await darkContext.close();
  await server.stop();

  // 4. Two runs imported since the plan started, waiting for a pain score: the Log page asks
  // about those, newest first, and only counts the years of older imports.
  const recent = path.join(scratch, 'recent');
  mkdirSync(recent);
  for (const date of ['2026-03-08', '2026-03-10']) {
    writeFileSync(path.join(recent, `run-${date}.gpx`), gpx(new Date(`${date}T07:00:00Z`), { km: 1, secondsPerKm: 360 }));
  }
  cli(historyDir, '2026-03-12', ['import', recent]);
  server = await serve(binary, historyDir, '2026-03-12');
  const logContext = await newPhone();
  const logPage = await logContext.newPage();
  watch(logPage);
  await step('Log asks for the pain of runs since the plan started, newest first, and counts the older ones', async () => {
    await logPage.goto(`${server.url}#/log`);
    await heading(logPage, 'Log');
    const section = logPage.locator('section').filter({ has: logPage.getByRole('heading', { name: 'Imported runs waiting for a pain score' }) });
    await section.waitFor();
    const rows = section.locator('li');
    assert.equal(await rows.count(), 2, 'only the two runs since the plan started');
    assert.match(await rows.nth(0).innerText(), /^10 Mar 2026: 1\.00 km in 6:00/);
    assert.match(await rows.nth(1).innerText(), /^8 Mar 2026: 1\.00 km in 6:00/);
    assert.match(await section.locator('#unrated-older').innerText(),
      /^\d{3} imported runs from before your plan started on 2 Mar 2026 have no pain score\. They do not affect your plan\.$/);
    const height = await logPage.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 4000, `the page stays short: ${height} px`);
    await look(logPage, 'log-unrated');
  });
  await logContext.close();
  await server.stop();
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}

console.log(journey.failures === 0 ? '\nall Today and progress checks passed' : `\n${journey.failures} check(s) failed`);
console.log(`screenshots: ${shots}/today-*.png`);
process.exit(journey.failures === 0 ? 0 : 1);
