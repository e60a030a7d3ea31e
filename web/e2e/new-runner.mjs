// A new runner's replies to the questionnaire, by question id: no warning signs, running
// for two months, pain from 1.5 km. Choices are given by their ids; numbers as typed.
// Every other question (a warning sign, a yes/no) is answered no. Both the browser
// journeys and the API schema check answer as this runner.
export const newRunner = {
  age: '34',
  'pain.location': 'lower_back',
  'pain.timing': 'during',
  'pain.improving': 'better',
  'pain.leg_symptoms': 'none',
  'pain.worst': '4',
  'pain.weeks': '3',
  'pain.onset_minutes': '',
  'pain.onset_km': '1.5',
  'history.months_running': '6 weeks',  // said as people say it; the page reads it back
  'history.break_months': '0',
  'history.months_since_return': '0',
  'pain.treatment_sessions': '0',
};

// Answers the questions page in a browser as this runner, up to the result.
export async function answerAsNewRunner(page) {
  for (let guard = 0; guard < 40; guard += 1) {
    const form = page.locator('form.question');
    await form.waitFor({ timeout: 15000 });
    const id = await form.getAttribute('data-question');
    const reply = newRunner[id] ?? 'no';
    if (await page.locator('#reply-number').count()) {
      await page.locator('#reply-number').fill(reply);
    } else {
      await form.locator(`input[type=radio][value="${reply}"]`).check();
    }
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction(
      (before) => location.hash === '#/result' || document.querySelector('form.question')?.dataset.question !== before
        || document.querySelector('form.question .error'),
      id,
      { timeout: 15000 },
    );
    if ((await page.evaluate(() => location.hash)) === '#/result') return;
    const error = page.locator('form.question .error');
    if (await error.count()) throw new Error(`the questionnaire refused "${reply}" for ${id}: ${await error.innerText()}`);
    if (reply === '6 weeks') {
      await page.getByText('Noted: 6 weeks = 1.4 months.').waitFor();
    }
  }
  throw new Error('the questionnaire did not end');
}
