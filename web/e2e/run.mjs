// End-to-end tests of the web app in a real browser: Debian's chromium, headless, driven
// by playwright-core (no browser download). Each journey starts `backstride serve` on a
// free port with its own data folder, as a runner would. Every page is scanned with
// axe-core at desktop and phone widths, and a screenshot of each is written to
// web/e2e/screenshots/ for a person to look at.
//
// Usage: node e2e/run.mjs BACKSTRIDE_BINARY CORPUS_DIR
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { Journey, chromiumPath, scan } from './journey.mjs';

import { answerAsNewRunner } from './new-runner.mjs';
import { serve as serveWith } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [binary, corpus] = process.argv.slice(2);
if (!binary || !existsSync(binary)) {
  console.error('usage: node e2e/run.mjs BACKSTRIDE_BINARY CORPUS_DIR');
  process.exit(2);
}
const browserPath = chromiumPath();
const shots = path.join(here, 'screenshots');
mkdirSync(shots, { recursive: true });

const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
const journey = new Journey();
const { step } = journey;

const serve = (dataDir, today) => serveWith(binary, dataDir, today);

// --- Helpers --------------------------------------------------------------------------------

// Internal ids the runner must never read (DESIGN 5): route, verdict, change, phase-kind
// and warning-sign ids, and the CLI's commands.
const internalIds = /\b(emergency_sign|see_doctor|see_clinician|new_runner|returning_runner|seasoned_rehab|seasoned_treatment|step_back|below_cap|over_cap|during_pause|during_rest|good_counting|saddle_numbness|bladder_or_bowel_change|leg_weakness_worsening|fever_or_unwell|cancer_history|unexplained_weight_loss|recent_fall_or_impact|night_pain_no_relief|osteoporosis_or_steroids|sexual_function_change|both_legs|sudden_severe_pain_faint|major_trauma|infection_risk|hop_pain|inflammatory_back_pain|answers_first_version|drop_back_load|safety_net|mid_back|upper_back|check_in|lower_back|below_knee)\b|backstride (assess|log|plan|today|import)\b|\{[a-z_]+\}/;

// Fails when the page's visible text holds an internal id or an unfilled template name.
async function noInternalIds(page, name) {
  const text = await page.evaluate(() => document.body.innerText);
  const found = text.match(internalIds);
  assert.equal(found, null, `${name}: the page shows '${found?.[0]}': ${text.slice(Math.max(0, (found?.index ?? 0) - 120), (found?.index ?? 0) + 120)}`);
}

// Screenshots and scans the current page at both widths.
async function look(page, name) {
  await noInternalIds(page, name);
  for (const [label, size] of Object.entries(sizes)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);  // let charts take the new width
    await page.screenshot({ path: path.join(shots, `${name}-${label}.png`), fullPage: true });
    await scan(page, `${name} at ${label} width`);
  }
  await page.setViewportSize(sizes.desktop);
}

async function heading(page, text) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 15000 });
}

// --- Journeys ---------------------------------------------------------------------------------

const browser = await chromium.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: sizes.desktop, acceptDownloads: true });
const page = await context.newPage();
// Generous: under the sanitizers, beside other tests, on a small machine.
page.setDefaultTimeout(30000);
page.on('pageerror', (error) => {
  journey.fail(`a script error in the page: ${error.message}`);
});

const scratch = mkdtempSync(path.join(tmpdir(), 'backstride-e2e-'));
try {
  // 1. A new runner: the questions, the result, the plan, three good runs, a rising cap.
  const runnerDir = path.join(scratch, 'runner');
  mkdirSync(runnerDir);
  let server = await serve(runnerDir, '2026-03-02');

  await step('a first visit welcomes the runner and offers the questions', async () => {
    await page.goto(server.url);
    await heading(page, 'Keep running with a sore back');
    await look(page, 'welcome');
    await page.getByRole('link', { name: 'Start the questions' }).click();
    await heading(page, 'Questions');
    await page.locator('form.question legend').waitFor();
    assert.match(await page.locator('.why').first().innerText(), /Why we ask/);
    await look(page, 'questions');
  });

  await step('Back returns to the previous question with its answer', async () => {
    const first = await page.locator('form.question legend').innerText();
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction((t) => document.querySelector('form.question legend')?.textContent !== t, first);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.waitForFunction((t) => document.querySelector('form.question legend')?.textContent === t, first);
    assert.ok(await page.getByRole('radio', { name: 'No', exact: true }).isChecked());
  });

  await step('a question can be answered with the keyboard alone', async () => {
    await page.goto(`${server.url}#/questions`);
    await page.reload();  // a fresh questionnaire, nothing chosen yet
    await page.locator('form.question').waitFor();
    const first = await page.locator('form.question').getAttribute('data-question');
    const focusedType = () => page.evaluate(() => document.activeElement?.getAttribute('type'));
    for (let i = 0; i < 30 && (await focusedType()) !== 'radio'; i += 1) await page.keyboard.press('Tab');
    assert.equal(await focusedType(), 'radio', 'Tab reaches the answers');
    await page.keyboard.press('ArrowDown');  // from Yes to No, which checks it
    assert.ok(await page.getByRole('radio', { name: 'No', exact: true }).isChecked());
    await page.keyboard.press('Tab');  // Back is disabled at the first question
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Next');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('form.question')?.dataset.question !== id, first);
    // Focus moves to the new question in the frame after it is shown.
    await page.waitForFunction(() => document.activeElement?.tagName === 'LEGEND', null, { timeout: 5000 });
  });

  await step('a new runner answers every question and gets their result and plan', async () => {
    await answerAsNewRunner(page);
    await heading(page, 'Your result');
    const card = await page.locator('section.card').first().innerText();
    assert.match(card, /new/i);
    assert.ok(await page.getByRole('heading', { name: 'What to do' }).isVisible());
    // The safety net on a running route too (DESIGN 2.1a).
    assert.ok(await page.getByRole('heading', { name: /go to an emergency department at once/ }).isVisible());
    assert.match(await page.locator('section.safety-net').innerText(), /both legs/);
    await look(page, 'result');
    await page.getByRole('link', { name: 'See your plan' }).click();
    await heading(page, 'Your plan');
    await page.getByText('Your run cap today is').waitFor();
    assert.ok(await page.locator('table.calendar td[aria-current="date"]').count(), 'today is marked in the calendar');
    await look(page, 'plan');
  });

  await step('switching weeks quickly never shows a slow answer for the other week', async () => {
    // This week's answer is held back until next week's has been shown: it must not then
    // replace it (the page gives up on a load it has moved on from).
    let release;
    const held = new Promise((resolve) => (release = resolve));
    let heldDone = false;
    await page.route(/\/api\/week$/, async (route) => {
      await held;
      await route.continue().catch(() => {});  // the page may have aborted it
      heldDone = true;
    });
    try {
      await page.goto(`${server.url}#/`);
      await heading(page, /Today/);
      await page.goto(`${server.url}#/plan`);
      await heading(page, 'Your plan');
      await page.getByRole('button', { name: 'Show next week' }).click();
      const weekHeading = page.locator('#week-heading');
      await page.waitForFunction(() => /^Next week \(week 2, from 2026-03-09\)$/.test(document.querySelector('#week-heading')?.textContent ?? ''));
      release();
      for (let i = 0; i < 50 && !heldDone; i += 1) await page.waitForTimeout(100);
      await page.waitForTimeout(500);
      assert.equal(await weekHeading.innerText(), 'Next week (week 2, from 2026-03-09)');
      assert.equal(await page.locator('.days li.is-today').count(), 0, 'next week has no today');
      await page.getByRole('button', { name: 'Show this week' }).click();
      await page.waitForFunction(() => /^This week \(week 1, from 2026-03-02\)$/.test(document.querySelector('#week-heading')?.textContent ?? ''));
      assert.equal(await page.locator('.days li.is-today').count(), 1, 'this week shows today');
    } finally {
      release();
      await page.unroute(/\/api\/week$/);
    }
  });

  let capBefore = '';
  await step('today shows the session and the cap', async () => {
    await page.goto(`${server.url}#/`);
    await heading(page, /Today/);
    capBefore = await page.locator('dl.facts dd').first().innerText();
    assert.match(capBefore, /km|min/);
    await look(page, 'today');
  });

  // A strength day: each exercise has its how-to cues, folded away until asked for.
  await server.stop();
  server = await serve(runnerDir, '2026-03-03');
  await step('a strength session shows how to do each exercise', async () => {
    await page.goto(`${server.url}#/`);
    await heading(page, /Today/);
    const howTo = page.locator('details.howto');
    await howTo.first().waitFor();
    assert.ok((await howTo.count()) >= 2, 'a how-to for each exercise');
    const firstCue = howTo.first().locator('dd').first();
    assert.equal(await firstCue.isVisible(), false, 'the cues start folded');
    await howTo.first().locator('summary').click();
    await firstCue.waitFor({ state: 'visible' });
    assert.deepEqual(await howTo.first().locator('dt').allInnerTexts(), ['Set up', 'Move', 'Avoid', 'Feel']);
    assert.ok((await firstCue.innerText()).length > 20, 'the set-up is said in words');
    await look(page, 'today-strength');
    // The plan's week lists the same exercises with their cues.
    await page.goto(`${server.url}#/plan`);
    await heading(page, 'Your plan');
    const planHowTo = page.locator('.days details.howto').first();
    await planHowTo.locator('summary').click();
    await planHowTo.locator('dd').nth(2).waitFor({ state: 'visible' });
    await look(page, 'plan-how-to');
    await page.setViewportSize(sizes.phone);
    await page.locator('.days li.day').filter({ has: page.locator('details[open]') }).first()
      .screenshot({ path: path.join(shots, 'plan-how-to-day-phone.png') });
    await page.setViewportSize(sizes.desktop);
  });

  // Three runs on three days at the cap, each faster: restart the server on the last day.
  await server.stop();
  server = await serve(runnerDir, '2026-03-06');
  await step('three good runs with faster paces raise the cap, and the log says why', async () => {
    await page.goto(`${server.url}#/log`);
    await heading(page, 'Log');
    await look(page, 'log');
    const capKm = parseFloat(capBefore);
    const runs = [
      ['2026-03-02', '6:00', '2'],
      ['2026-03-04', '5:55', '1'],
      ['2026-03-06', '5:45', '2'],
    ];
    let changes = '';
    for (const [date, time, pain] of runs) {
      await page.getByLabel('Date').fill(date);
      await page.getByLabel(/^Distance/).fill(String(capKm));
      await page.getByLabel('Time', { exact: true }).fill(time);
      await page.getByLabel('Back pain during the run, 0 to 10').selectOption(pain);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/log') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Save' }).first().click(),
      ]);
      await page.locator('.outcome').waitFor();
      changes = await page.locator('.outcome').innerText();
    }
    assert.match(changes, /Cap rises from/);
    await page.waitForFunction(() => document.querySelectorAll('#recent-heading + ul li').length === 3);
    assert.match(await page.locator('#recent-heading + ul li').first().innerText(), /2026-03-06, Run: 1\.00 km, 5:45, pain 2/);
    await page.screenshot({ path: path.join(shots, 'log-saved-desktop.png'), fullPage: true });
    await page.goto(`${server.url}#/`);
    await heading(page, /Today/);
    const capAfter = await page.locator('dl.facts dd').first().innerText();
    assert.ok(parseFloat(capAfter) > parseFloat(capBefore), `cap ${capBefore} -> ${capAfter}`);
  });

  await step('a strength session logs the pain during it and the repetitions in reserve', async () => {
    await page.goto(`${server.url}#/log`);
    await heading(page, 'Log');
    await page.getByRole('radio', { name: 'Strength' }).check();
    await page.getByLabel('Date').fill('2026-03-03');
    await page.getByLabel('Back pain during, 0 to 10').selectOption('2');
    await page.getByLabel('Repetitions you could still have done at the end of the hardest set').selectOption('3');
    await look(page, 'log-strength');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.locator('.outcome').getByText('Repetitions in reserve at the end of the hardest set: 3.').waitFor();
    await page.locator('#recent-heading + ul li', { hasText: '2026-03-03, Strength: pain 2, 3 in reserve, done' }).waitFor();
    // Skipped sessions ask neither.
    await page.getByRole('radio', { name: 'Skipped' }).check();
    assert.equal(await page.getByLabel('Repetitions you could still have done at the end of the hardest set').count(), 0);
  });

  await step('progress charts the runs with a table beside each chart', async () => {
    await page.goto(`${server.url}#/progress`);
    await heading(page, 'Progress');
    await page.locator('.plot .uplot').nth(3).waitFor();
    assert.equal(await page.locator('.plot .uplot').count(), 4, 'four charts, each drawn once');
    await page.locator('details summary').first().click();
    assert.equal(await page.locator('figure details').first().locator('tbody tr').count(), 3);
    await look(page, 'progress');
  });

  await step('settings change the units everywhere, and the exports download', async () => {
    await page.goto(`${server.url}#/settings`);
    await heading(page, 'Settings');
    await look(page, 'settings');
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /calendar/ }).click()]);
    assert.equal(ics.suggestedFilename(), 'backstride-plan.ics');
    // A backup downloads, and restores over what is there.
    const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /All your data/ }).click()]);
    const backupPath = path.join(scratch, 'backup.json');
    await backup.saveAs(backupPath);
    await page.locator('#restore-file').setInputFiles(backupPath);
    await page.getByLabel(/Replace everything/).check();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByText(/Restored 1 assessments/).waitFor();
    await page.getByRole('radio', { name: 'Miles' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    await page.goto(`${server.url}#/`);
    await heading(page, /Today/);
    assert.match(await page.locator('dl.facts dd').first().innerText(), /mi/);
  });
  await server.stop();

  // 2. An emergency answer stops the questionnaire, with the emergency message.
  const emergencyDir = path.join(scratch, 'emergency');
  mkdirSync(emergencyDir);
  server = await serve(emergencyDir, '2026-03-02');
  await step('an emergency answer stops the questionnaire and says to get care now', async () => {
    await page.goto(`${server.url}#/questions`);
    await page.locator('form.question legend').waitFor();
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await heading(page, 'Please stop here');
    const alert = await page.getByRole('alert').first().innerText();
    assert.match(alert, /emergency/i);
    assert.equal(await page.locator('form.question').count(), 0, 'no further questions');
    await look(page, 'emergency');
    const stored = await page.evaluate(async () => (await fetch('/api/assessment')).status);
    assert.equal(stored, 404, 'nothing is stored');
  });

  await step('not sure about the bladder: see a doctor today, naming the sign; nothing stored', async () => {
    await page.goto(`${server.url}#/questions`);
    await page.reload();  // a fresh questionnaire
    const replies = {
      'red_flags.bladder_or_bowel_change': 'not sure',
      'pain.location': 'lower_back',
      'pain.timing': 'during',
      'pain.improving': 'better',
    };
    let asked = 0;
    for (; asked < 30; asked += 1) {
      const form = page.locator('form.question');
      await page.waitForFunction(() => document.querySelector('form.question') || document.querySelector('[role=alert]'));
      if (!(await form.count())) break;
      const id = await form.getAttribute('data-question');
      if (id === 'red_flags.bladder_or_bowel_change') {
        assert.match(await form.innerText(), /a weak stream/);
        assert.ok(await form.getByRole('radio', { name: 'Not sure', exact: true }).count(), 'the bladder question takes not sure');
      }
      await form.locator(`input[type=radio][value="${replies[id] ?? 'no'}"]`).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.waitForFunction(
        (before) => !document.querySelector('form.question') || document.querySelector('form.question').dataset.question !== before,
        id,
      );
    }
    assert.equal(asked, 17, 'every warning sign is asked before the stop, with where, when and the trend');
    await heading(page, 'Please stop here');
    const alert = await page.getByRole('alert').first().innerText();
    assert.match(alert, /How soon: Today\./);
    assert.match(alert, /See a doctor today/);
    const main = await page.locator('main').innerText();
    assert.match(main, /A new change in bladder or bowel control \(you were not sure\)/);
    assert.match(main, /go to an emergency department at once/i);
    assert.doesNotMatch(main, /bladder_or_bowel_change|see_doctor|_sign/);
    await look(page, 'unsure');
    const stored = await page.evaluate(async () => (await fetch('/api/assessment')).status);
    assert.equal(stored, 404, 'nothing is stored');
  });
  await server.stop();

  // 3. Watch files from the corpus are imported and appear in the charts.
  const importDir = path.join(scratch, 'import');
  mkdirSync(importDir);
  server = await serve(importDir, '2026-03-02');
  await step('a GPX and a FIT file are imported and appear in the charts', async () => {
    const files = [path.join(corpus, 'gpx', 'gc--Move_2014_01_16_19_48_44.gpx'), path.join(corpus, 'fit', 'sportslib--6914538454.fit')];
    for (const file of files) assert.ok(existsSync(file), `corpus file ${file}`);
    await page.goto(`${server.url}#/import`);
    await heading(page, 'Import from your watch');
    await look(page, 'import');
    await page.locator('#import-files').setInputFiles(files);
    await page.getByRole('heading', { name: 'Done' }).waitFor({ timeout: 20000 });
    const rows = await page.locator('table.results tbody tr').allInnerTexts();
    assert.equal(rows.length, 2);
    for (const row of rows) assert.match(row, /Imported/);
    await look(page, 'import-done');
    await page.goto(`${server.url}#/progress`);
    await heading(page, 'Progress');
    await page.getByText('2 runs so far').waitFor();
    // Cap and pace, and the weekly load; pain waits for the runner's scores.
    await page.locator('.plot .uplot').nth(1).waitFor();
    assert.equal(await page.locator('.plot .uplot').count(), 2, 'two charts, each drawn once');
    await page.getByText('No pain scores yet').waitFor();
    await page.locator('details summary').first().click();
    assert.equal(await page.locator('figure details').first().locator('tbody tr').count(), 2);
    await look(page, 'progress-imported');
  });

  await step('an imported run shows its laps and splits, and a lap press sets the onset', async () => {
    await page.goto(`${server.url}#/runs`);
    await heading(page, 'Runs');
    await page.locator('table tbody tr').nth(1).waitFor();
    await look(page, 'runs');
    await page.getByRole('link', { name: '10 May 2021' }).click();
    await heading(page, 'Run on 2021-05-10');
    await page.getByRole('table', { name: 'Laps' }).waitFor();
    assert.ok((await page.getByRole('table', { name: /Splits/ }).locator('tbody tr').count()) >= 4);
    assert.match(await page.locator('#onset-heading + p').innerText(), /Not set/);
    await page.getByRole('button', { name: 'Set from the lap' }).click();
    await page.waitForFunction(() => /^At /.test(document.querySelector('#onset-heading + p')?.textContent ?? ''));
    assert.match(await page.locator('#onset-heading + p').innerText(), /At 0\.\d\d km/);
    await page.locator('#pace-along-title').waitFor();
    assert.equal(await page.locator('.plot .uplot').count(), 2, 'the pace, and the cadence, along the run');
    await look(page, 'run');
  });
  await server.stop();

  // 4. Corrections. A runner (assessed and with two good runs, set up on the command line)
  // logs a wrong run (pain 7 typed for 2) that steps the cap back; deleting it in the app
  // restores the cap, undo brings it back, an edit corrects it, and the runs page deletes it.
  const fixDir = path.join(scratch, 'corrections');
  mkdirSync(fixDir);
  const cli = (today, args, input) => {
    const result = spawnSync(binary, ['--db', path.join(fixDir, 'backstride.db'), '--today', today, ...args], { input, encoding: 'utf8' });
    assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  };
  const vignette = JSON.parse(readFileSync(path.join(here, '..', '..', 'tests', 'vignettes', 'new-onset-km.json'), 'utf8'));
  cli('2026-03-02', ['assess', '--answers', '-'], JSON.stringify(vignette.answers));
  cli('2026-03-02', ['log', 'run', '--distance', '1km', '--time', '6:00', '--pain', '1']);
  cli('2026-03-04', ['log', 'run', '--distance', '1km', '--time', '5:55', '--pain', '2']);
  server = await serve(fixDir, '2026-03-06');
  await step('a wrong run deleted in the app restores the cap; undo and edit say what changed', async () => {
    const capOnToday = async () => {
      await page.goto(`${server.url}#/`);
      await heading(page, /Today/);
      return page.locator('dl.facts dd').first().innerText();
    };
    const capGood = await capOnToday();
    await page.goto(`${server.url}#/log`);
    await heading(page, 'Log');
    await page.getByLabel(/^Distance/).fill('1');
    await page.getByLabel('Time', { exact: true }).fill('5:50');
    await page.getByLabel('Back pain during the run, 0 to 10').selectOption('7');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.locator('.outcome').getByText(/steps back/).waitFor();
    const wrong = page.locator('#recent-heading + ul > li').first();
    await wrong.getByText(/pain 7/).waitFor();
    await wrong.getByRole('button', { name: 'Delete' }).click();
    await page.locator('.outcome h2', { hasText: 'Deleted' }).waitFor();
    const deleted = await page.locator('.outcome').innerText();
    assert.match(deleted, /Run of 6 March deleted/);
    assert.ok(deleted.includes(`cap is now ${capGood} (was `), deleted);
    await page.waitForFunction(() => !/pain 7/.test(document.querySelector('#recent-heading + ul')?.textContent ?? ''));
    await look(page, 'log-deleted');

    await page.getByRole('button', { name: /^Undo deleting the run of 6 March/ }).click();
    await page.locator('.outcome h2', { hasText: 'Undone' }).waitFor();
    assert.match(await page.locator('.outcome').innerText(), /is back in the log/);
    await wrong.getByText(/pain 7/).waitFor();

    await wrong.getByRole('button', { name: 'Edit' }).click();
    const editor = page.locator('form.editor');
    assert.equal(await editor.getByLabel('Back pain during the run').inputValue(), '7');
    await look(page, 'log-edit');
    await editor.getByLabel('Back pain during the run').selectOption('5');
    await editor.getByRole('button', { name: 'Save the correction' }).click();
    await page.locator('.outcome h2', { hasText: 'Corrected' }).waitFor();
    assert.match(await page.locator('.outcome').innerText(), /pain during 5 \(was 7\)/);

    await page.goto(`${server.url}#/runs`);
    await heading(page, 'Runs');
    await page.locator('table tbody tr').nth(2).waitFor();
    await page.locator('table tbody tr').first().getByRole('button', { name: 'Delete' }).click();
    await page.locator('.outcome h2', { hasText: 'Deleted' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);
    assert.match(await page.locator('.outcome').innerText(), /Run of 6 March deleted/);
    await look(page, 'runs-deleted');
    assert.equal(await capOnToday(), capGood, 'the cap is restored');
  });
  await server.stop();
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}

console.log(journey.failures === 0 ? '\nall end-to-end checks passed' : `\n${journey.failures} end-to-end check(s) failed`);
console.log(`screenshots: ${shots}`);
process.exit(journey.failures === 0 ? 0 : 1);
