// Browser journey of the clinic server, at a phone's width: a throwaway PostgreSQL, a
// clinic made on the server's terminal (`backstride clinic create`), then the therapist
// opens the setup link, sets a password and invites a client; the client opens the
// invitation in a second browser, sets a password, answers the questions and logs a run;
// the therapist's session sees the run in the client's page, and the client sees that
// read in their account. A third browser without a link gets the sign-in page and no
// data. Every page is scanned with axe-core; screenshots go to web/e2e/screenshots/.
// Skipped (77) when no PostgreSQL server is installed, except under CI, which has one.
//
// Usage: node e2e/clinic.mjs BACKSTRIDE_BINARY
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { Journey, chromiumPath, scan } from './journey.mjs';
import { answerAsNewRunner } from './new-runner.mjs';
import { startPostgres } from './postgres.mjs';
import { serveClinic } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [binary] = process.argv.slice(2);
if (!binary || !existsSync(binary)) {
  console.error('usage: node e2e/clinic.mjs BACKSTRIDE_BINARY');
  process.exit(2);
}
const browserPath = chromiumPath();
const shots = path.join(here, 'screenshots');
mkdirSync(shots, { recursive: true });
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

const therapist = { email: 'tess@riverside.example', name: 'Tess Moreno', password: 'heron river morning' };
const client = { email: 'sam@example.com', name: 'Sam Okafor', password: 'blue kettle stairs' };
const clinicName = 'Riverside Physio';

const journey = new Journey();
const { step } = journey;

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30000 });
}

async function shoot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

// A fetch from inside the page, with its cookies: the status and the body.
function fetchIn(page, url) {
  return page.evaluate(async (target) => {
    const response = await fetch(target);
    return { status: response.status, body: await response.text() };
  }, url);
}

const started = Date.now();
const pg = await startPostgres();
if (!pg) {
  console.error('no PostgreSQL server installed (initdb and pg_ctl under /usr/lib/postgresql/<version>/bin): '
    + "install Debian's postgresql package (scripts/install-deps.sh test)");
  // CI installs it (scripts/install-deps.sh), so there a missing server is a failure.
  process.exit(process.env.CI ? 1 : 77);
}
let server = null;
let browser = null;
try {
  server = await serveClinic(binary, pg.connection);
  const made = spawnSync(binary, ['clinic', 'create', '--database', pg.connection, '--name', clinicName,
    '--email', therapist.email, '--therapist-name', therapist.name, '--url', server.url], { encoding: 'utf8' });
  assert.equal(made.status, 0, `clinic create failed: ${made.stderr}`);
  const setupLink = made.stdout.match(/(http:\/\/\S+\/#\/welcome\/\S+)/)?.[1];
  assert.ok(setupLink, `clinic create printed no link: ${made.stdout}`);
  console.log(`a database and a clinic in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  const contexts = [];
  const open = async (name) => {
    const context = await browser.newContext(phone);
    contexts.push(context);
    const page = await context.newPage();
    // Generous: under the sanitizers, beside other tests, on a small machine.
    page.setDefaultTimeout(30000);
    page.on('pageerror', (error) => journey.fail(`a script error in the ${name}'s page: ${error.message}`));
    return page;
  };
  const desk = await open('therapist');
  await desk.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  const phoneOfClient = await open('client');
  const stranger = await open('stranger');
  let invitation = '';
  let clientId = 0;

  await step('the therapist opens the setup link and sets a password', async () => {
    await desk.goto(setupLink);
    await heading(desk, `Welcome to ${clinicName}`);
    assert.match(await desk.locator('main').innerText(), new RegExp(`${therapist.email} at ${clinicName}`));
    await shoot(desk, 'clinic-setup-phone');
    await scan(desk, 'the setup link');
    await desk.getByLabel('New password').fill(therapist.password);
    await desk.getByRole('button', { name: 'Set password and sign in' }).click();
    await heading(desk, 'Your clients');
    assert.ok(!desk.url().includes('/welcome/'), `the link's token stays in the address: ${desk.url()}`);
    assert.match(await desk.locator('header .who').innerText(), new RegExp(`Signed in as ${therapist.name}`));
    await desk.getByText('No clients yet.').waitFor();
    await shoot(desk, 'clinic-clients-empty-phone');
    await scan(desk, 'the empty client list');
  });

  await step('the therapist invites a client and copies the link', async () => {
    await desk.getByLabel('Their email (optional)').fill(client.email);
    await desk.getByLabel('Their name (optional)').fill(client.name);
    await desk.getByRole('button', { name: 'Make an invitation link' }).click();
    const field = desk.locator('.link-card .link-text');
    await field.waitFor();
    invitation = await field.innerText();
    assert.match(invitation, new RegExp(`^${server.url.replace(/\/$/, '')}/#/welcome/[A-Za-z0-9_-]{43}$`));
    assert.match(await desk.locator('.link-card').innerText(), /It works once, until \w{3}, \d+ \w{3} \d{4}/);
    await desk.getByRole('button', { name: 'Copy link' }).click();
    await desk.getByText('Copied.').waitFor();
    assert.equal(await desk.evaluate(() => navigator.clipboard.readText()), invitation);
    await desk.locator('.link-card').scrollIntoViewIfNeeded();
    await shoot(desk, 'clinic-invitation-phone');
    await scan(desk, 'the invitation link');
  });

  await step('the client opens the invitation in a second browser and sets a password', async () => {
    await phoneOfClient.goto(invitation);
    await heading(phoneOfClient, `${therapist.name} at ${clinicName} invites you`);
    assert.equal(await phoneOfClient.getByLabel('Your email').inputValue(), client.email);
    assert.equal(await phoneOfClient.getByLabel('Your name').inputValue(), client.name);
    await phoneOfClient.getByLabel('Choose a password').fill('short');
    await phoneOfClient.getByRole('button', { name: 'Create my account' }).click();
    // The browser's own check (at least 10 characters) stops it before the server.
    assert.equal(await phoneOfClient.getByLabel('Choose a password').evaluate((input) => input.validity.tooShort), true);
    await phoneOfClient.getByLabel('Choose a password').fill(client.password);
    await shoot(phoneOfClient, 'clinic-invitation-open-phone');
    await scan(phoneOfClient, 'the invitation page');
    await phoneOfClient.getByRole('button', { name: 'Create my account' }).click();
    await heading(phoneOfClient, 'Keep running with a sore back');
    assert.match(await phoneOfClient.locator('header .who').innerText(), new RegExp(`Signed in as ${client.name}`));
    assert.ok(!phoneOfClient.url().includes('/welcome/'));
    assert.match(await phoneOfClient.locator('footer').innerText(), new RegExp(`kept on ${clinicName}`));
    await shoot(phoneOfClient, 'clinic-client-first-visit-phone');
    await scan(phoneOfClient, "the client's first visit");
  });

  await step('the client answers the questions and logs a run', async () => {
    await phoneOfClient.getByRole('link', { name: 'Start the questions' }).click();
    await heading(phoneOfClient, 'Questions');
    await answerAsNewRunner(phoneOfClient);
    await heading(phoneOfClient, 'Your result');
    await shoot(phoneOfClient, 'clinic-client-result-phone');
    await phoneOfClient.goto(`${server.url}#/log`);
    await heading(phoneOfClient, 'Log');
    await phoneOfClient.getByLabel(/^Distance/).fill('2.4');
    await phoneOfClient.getByLabel('Time', { exact: true }).fill('15:20');
    await phoneOfClient.getByLabel('Back pain during the run, 0 to 10').selectOption('2');
    await phoneOfClient.getByRole('button', { name: 'Save' }).first().click();
    await phoneOfClient.locator('.outcome').waitFor();
    await phoneOfClient.locator('#recent-heading + ul li', { hasText: 'Run: 2.40 km, 15:20, pain 2' }).waitFor();
    await shoot(phoneOfClient, 'clinic-client-logged-phone');
    await scan(phoneOfClient, "the client's log");
  });

  await step("the therapist's session sees the run in the client's page", async () => {
    // The therapist comes back to the list later: the page loads again.
    await desk.reload();
    await heading(desk, 'Your clients');
    const row = desk.locator('ul.clients li', { hasText: client.name });
    await row.waitFor();
    await shoot(desk, 'clinic-clients-phone');
    await scan(desk, 'the client list');
    await row.getByRole('link', { name: client.name }).click();
    await heading(desk, client.name);
    clientId = Number(desk.url().match(/#\/clients\/(\d+)$/)?.[1]);
    assert.ok(clientId > 0, desk.url());
    const run = desk.locator('ul.client-runs li').first();
    await run.waitFor();
    assert.match(await run.innerText(), /2\.40 km in 15:20, pain 2/);
    await desk.locator('#client-plan-heading + .card').waitFor();
    await desk.locator('#client-log-heading ~ ul li', { hasText: 'Run: 2.40 km, 15:20, pain 2' }).waitFor();
    // Read-only: no form, no button that changes anything.
    assert.equal(await desk.locator('main form').count(), 0);
    assert.equal(await desk.locator('main button').count(), 0);
    await shoot(desk, 'clinic-client-view-phone');
    await scan(desk, "the client's page");
  });

  await step('a new password link for the client, with its expiry', async () => {
    await desk.goto(`${server.url}#/`);
    await heading(desk, 'Your clients');
    await desk.getByRole('button', { name: `New password link for ${client.name}` }).click();
    const card = desk.locator('ul.clients .link-card');
    await card.waitFor();
    assert.match(await card.innerText(), /to set a new password/);
    assert.match(await card.locator('.link-text').innerText(), /\/#\/welcome\/[A-Za-z0-9_-]{43}$/);
  });

  await step("the client's account lists the therapist's reads", async () => {
    await phoneOfClient.goto(`${server.url}#/settings`);
    await heading(phoneOfClient, 'Settings');
    const reads = phoneOfClient.locator('ul.reads');
    await reads.waitFor();
    const text = await reads.innerText();
    assert.match(text, new RegExp(`${therapist.name} read your runs`), text);
    assert.match(text, new RegExp(`${therapist.name} read your log`), text);
    assert.match(await phoneOfClient.locator('main').innerText(), /Bring your history from backstride on your computer/);
    await phoneOfClient.getByRole('heading', { name: 'Your account', exact: true }).scrollIntoViewIfNeeded();
    await shoot(phoneOfClient, 'clinic-client-account-phone');
    await scan(phoneOfClient, "the client's settings and account");
    // Deleting asks for the password and says what goes, and can be called off.
    await phoneOfClient.getByRole('button', { name: 'Delete my account…' }).click();
    assert.match(await phoneOfClient.locator('form.urgent').innerText(), /This deletes everything: your answers, your plans, your log, your runs/);
    await phoneOfClient.locator('form.urgent').scrollIntoViewIfNeeded();
    await shoot(phoneOfClient, 'clinic-client-delete-phone');
    await scan(phoneOfClient, 'deleting the account');
    await phoneOfClient.getByRole('button', { name: 'Keep my account' }).click();
  });

  await step('a third browser without the link gets the sign-in page and no data', async () => {
    await stranger.goto(`${server.url}#/clients/${clientId}`);
    await heading(stranger, 'Sign in');
    const text = await stranger.locator('body').innerText();
    assert.doesNotMatch(text, new RegExp(`${client.name}|${therapist.name}|2\\.40 km`));
    for (const route of ['/api/today', '/api/log', `/api/clinic/clients/${clientId}/runs`, '/api/clinic/clients']) {
      const answer = await fetchIn(stranger, route);
      assert.equal(answer.status, 401, `${route}: ${answer.status}`);
      assert.doesNotMatch(answer.body, /2\.4|Sam|distance/);
    }
    await shoot(stranger, 'clinic-sign-in-phone');
    await scan(stranger, 'the sign-in page');
    // The invitation, used already, no longer works for anyone.
    await stranger.goto(invitation);
    await heading(stranger, 'This link no longer works');
    assert.match(await stranger.locator('main').innerText(), /ask your therapist for a new one/i);
    await shoot(stranger, 'clinic-link-used-phone');
    await scan(stranger, 'a used link');
    assert.deepEqual((await stranger.context().cookies()).map((c) => c.name), []);
  });

  await step('the client signs out and in again', async () => {
    await phoneOfClient.locator('header').getByRole('button', { name: 'Sign out' }).click();
    await heading(phoneOfClient, 'Sign in');
    await phoneOfClient.getByText('You are signed out.').waitFor();
    assert.equal((await fetchIn(phoneOfClient, '/api/today')).status, 401);
    await phoneOfClient.getByLabel('Email').fill(client.email);
    await phoneOfClient.getByLabel('Password').fill('not the password');
    await phoneOfClient.getByRole('button', { name: 'Sign in' }).click();
    await phoneOfClient.getByRole('alert').filter({ hasText: 'The email or the password is not right' }).waitFor();
    await shoot(phoneOfClient, 'clinic-sign-in-wrong-phone');
    await phoneOfClient.getByLabel('Password').fill(client.password);
    await phoneOfClient.getByRole('button', { name: 'Sign in' }).click();
    await heading(phoneOfClient, /Today/);
  });

  await step('too many attempts to sign in are refused with how long to wait', async () => {
    await stranger.goto(server.url);
    await heading(stranger, 'Sign in');
    await stranger.getByLabel('Email').fill(therapist.email);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await stranger.getByLabel('Password').fill(`guess number ${attempt}`);
      await Promise.all([
        stranger.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in')),
        stranger.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      if (await stranger.getByText('Too many attempts').count()) break;
    }
    const alert = await stranger.getByRole('alert').innerText();
    assert.match(alert, /Too many attempts to sign in\. To keep your account safe, please wait \d+ minutes? and try again\./, alert);
    await shoot(stranger, 'clinic-sign-in-limited-phone');
    await scan(stranger, 'sign-in refused for too many attempts');
  });

  await step("the therapist's account page: who is signed in, sign out, a new password", async () => {
    await desk.goto(`${server.url}#/account`);
    await heading(desk, 'Your account');
    assert.match(await desk.locator('main').innerText(), new RegExp(`Signed in as ${therapist.name} \\(${therapist.email}\\) at ${clinicName}`));
    assert.equal(await desk.getByRole('heading', { name: 'Who has read your data' }).count(), 0, "a therapist has no data of a runner's");
    await shoot(desk, 'clinic-therapist-account-phone');
    await scan(desk, "the therapist's account page");
  });

  await step('the client deletes their account, and is gone from the therapist\'s list', async () => {
    await phoneOfClient.goto(`${server.url}#/settings`);
    await heading(phoneOfClient, 'Settings');
    await phoneOfClient.getByRole('button', { name: 'Delete my account…' }).click();
    await phoneOfClient.getByLabel('Your password, to confirm').fill('not the password');
    await phoneOfClient.getByRole('button', { name: 'Delete my account and all my data' }).click();
    await phoneOfClient.getByRole('alert').filter({ hasText: 'The password is not right' }).waitFor();
    await phoneOfClient.getByLabel('Your password, to confirm').fill(client.password);
    await phoneOfClient.getByRole('button', { name: 'Delete my account and all my data' }).click();
    await heading(phoneOfClient, 'Sign in');
    await phoneOfClient.getByText('Your account and all its data are deleted.').waitFor();
    assert.equal((await fetchIn(phoneOfClient, '/api/log')).status, 401);
    await desk.goto(`${server.url}#/`);
    await desk.reload();
    await heading(desk, 'Your clients');
    await desk.getByText('No clients yet').waitFor();
  });

  for (const context of contexts) await context.close();
} finally {
  if (browser) await browser.close();
  try {
    if (server) await server.stop();
  } catch (error) {
    journey.fail(`the clinic server did not stop cleanly: ${error.message}`);
  }
  await pg.stop();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(journey.failures === 0 ? `\nall clinic checks passed in ${seconds} s` : `\n${journey.failures} clinic check(s) failed`);
process.exit(journey.failures === 0 ? 0 : 1);
