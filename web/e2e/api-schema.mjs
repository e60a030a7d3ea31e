// Checks the server against the API's schema (docs/api.schema.json), the same schema the
// web app's types are generated from. It starts `backstride serve` on a loopback port with
// a throwaway data folder, drives a runner's journey through every route (the
// questionnaire, assessments of every vignette, plans, log entries, corrections and undo,
// watch files, runs, onsets, progress, settings, exports and a restore) and the error
// replies (404, 409, 400 naming the field, 403, 415), and validates every response body
// against its route's schema: `response` for a 200, `error` otherwise. The bodies it sends
// are validated against the route's `body` too, and those meant to be refused must be
// refused by the schema as well as by the server. Fails naming the route, the place in
// the body and the schema path; fails too when a route of the schema was never answered.
//
// Usage: node e2e/api-schema.mjs BACKSTRIDE_BINARY CORPUS_DIR
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import { newRunner as replies } from './new-runner.mjs';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const [binary, corpus] = process.argv.slice(2);
if (!binary || !existsSync(binary) || !corpus || !existsSync(corpus)) {
  console.error('usage: node e2e/api-schema.mjs BACKSTRIDE_BINARY CORPUS_DIR');
  process.exit(2);
}

// --- The schema -------------------------------------------------------------------------

const schema = JSON.parse(readFileSync(path.join(root, 'docs', 'api.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
addFormats(ajv);
ajv.addSchema(schema);
const routes = Object.keys(schema.properties);
const pointer = (...parts) => parts.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const validators = new Map();
function validator(route, part) {
  const key = `${route} ${part}`;
  if (!validators.has(key)) {
    const found = ajv.getSchema(`${schema.$id}#/${pointer('properties', route, 'properties', part)}`);
    if (!found) throw new Error(`the schema has no ${part} for ${route}`);
    validators.set(key, found);
  }
  return validators.get(key);
}

// Where each part of the schema is, by object, to name the schema path of an error in
// full ("#/$defs/PlanSession/properties/kind"), wherever a $ref led.
const places = new Map();
(function walk(node, at) {
  if (node === null || typeof node !== 'object') return;
  places.set(node, at);
  for (const [key, value] of Object.entries(node)) walk(value, `${at}/${pointer(key)}`);
})(schema, '#');

// "  response/sessions/3/kind: must be equal to one of the allowed values (schema
// #/$defs/PlanSession/properties/kind/enum, allowed [...]), got "x"".
function explain(errors, what) {
  return errors
    .slice(0, 8)
    .map((e) => {
      const got = JSON.stringify(e.data);
      const allowed = e.params?.allowedValues ? `, allowed ${JSON.stringify(e.params.allowedValues)}` : '';
      const extra = e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : '';
      const where = places.has(e.parentSchema) ? `${places.get(e.parentSchema)}/${e.keyword}` : e.schemaPath;
      return `  ${what}${e.instancePath}: ${e.message}${extra} (schema ${where}${allowed}), got ${got?.length > 120 ? `${got.slice(0, 120)}…` : got}`;
    })
    .join('\n');
}

// --- Requests ---------------------------------------------------------------------------

const counts = new Map(routes.map((r) => [r, { ok: 0, error: 0 }]));
const statuses = new Map();  // route -> set of statuses seen
let failures = 0;
let validated = 0;
let fitting = 0;

function fail(message) {
  failures += 1;
  console.log(`FAIL ${message}`);
}

class Client {
  constructor(url) {
    this.url = url;
    this.token = null;
  }

  // One request to `route` ("METHOD /api/path/{id}"), its answer checked against the
  // schema. `expect`: the status wanted (200 unless said). `refused`: the body is wrong on
  // purpose, so the schema must reject it too.
  async call(route, { id, query, body, raw, type, expect = 200, refused = false, token = true, label = '' } = {}) {
    if (!counts.has(route)) throw new Error(`no route ${route} in the schema`);
    const [method, pattern] = route.split(' ');
    let target = pattern.replace('{id}', String(id));
    const search = new URLSearchParams(query ?? {}).toString();
    if (search) target += `?${search}`;
    const name = `${method} ${target}${label ? ` (${label})` : ''}`;

    const routeSchema = schema.properties[route];
    const sent = [];
    if (body !== undefined && routeSchema.properties.body) sent.push(['body', body]);
    if (query !== undefined && routeSchema.properties.query) sent.push(['query', query]);
    const misfits = sent
      .map(([part, value]) => {
        const check = validator(route, part);
        return check(value) ? null : explain(check.errors, part);
      })
      .filter(Boolean);
    if (refused && sent.length > 0 && misfits.length === 0) {
      fail(`${name}: the schema accepts a request the server should refuse: ${JSON.stringify(body ?? query)}`);
    }
    if (!refused && misfits.length > 0) fail(`${name}: the request does not fit the schema:\n${misfits.join('\n')}`);

    const headers = { Accept: 'application/json' };
    if (method !== 'GET' && token) headers['X-CSRF-Token'] = await this.csrf();
    let payload;
    if (raw !== undefined) {
      payload = raw;
      headers['Content-Type'] = type ?? 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = type ?? 'application/json';
    }
    const response = await fetch(this.url + target.slice(1), { method, headers, body: payload });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    if (!statuses.has(route)) statuses.set(route, new Set());
    statuses.get(route).add(response.status);
    if (response.status !== expect) {
      fail(`${name}: answered ${response.status}, expected ${expect}: ${text.slice(0, 300)}`);
    }

    const ok = response.status >= 200 && response.status < 300;
    const part = ok ? 'response' : 'error';
    const partSchema = routeSchema.properties[part];
    const media = partSchema.contentMediaType ?? schema.$defs[partSchema.$ref?.split('/').pop()]?.contentMediaType;
    let data = text;
    if (media) {
      // A download that is not JSON: its type, and a body.
      if (!contentType.startsWith(media)) fail(`${name}: Content-Type is '${contentType}', the schema says ${media}`);
      if (!text) fail(`${name}: an empty ${media} body`);
    } else {
      if (!contentType.startsWith('application/json')) fail(`${name}: Content-Type is '${contentType}', not application/json`);
      try {
        data = JSON.parse(text);
      } catch {
        fail(`${name}: the body is not JSON: ${text.slice(0, 200)}`);
        return { status: response.status, data: null };
      }
    }
    const check = validator(route, part);
    validated += 1;
    if (check(data)) {
      fitting += 1;
      counts.get(route)[ok ? 'ok' : 'error'] += 1;
    } else {
      fail(`${name} ${response.status} does not fit ${route} ${part}:\n${explain(check.errors, part)}`);
    }
    return { status: response.status, data };
  }

  async csrf() {
    if (!this.token) this.token = (await this.call('GET /api/session')).data.csrf_token;
    return this.token;
  }

  // A reply to something the schema has no route for: still an ErrorReply.
  async unknown(method, target) {
    const response = await fetch(this.url + target.slice(1), {
      method,
      headers: method === 'GET' ? {} : { 'X-CSRF-Token': await this.csrf() },
    });
    const data = await response.json();
    const check = ajv.getSchema(`${schema.$id}#/$defs/ErrorReply`);
    validated += 1;
    if (response.status !== 404) fail(`${method} ${target}: answered ${response.status}, expected 404`);
    if (check(data)) fitting += 1;
    else fail(`${method} ${target} does not fit ErrorReply:\n${explain(check.errors, 'error')}`);
  }
}

async function step(name, body) {
  const before = failures;
  try {
    await body();
  } catch (error) {
    fail(`${name}: ${String(error.stack ?? error).split('\n').slice(0, 4).join('\n     ')}`);
  }
  console.log(`${failures === before ? 'ok  ' : 'FAIL'} ${name}`);
}

function must(condition, message) {
  if (!condition) throw new Error(message);
}

// --- The journeys -----------------------------------------------------------------------


const vignettes = readdirSync(path.join(root, 'tests', 'vignettes'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(root, 'tests', 'vignettes', f), 'utf8')));

const watchFiles = {
  fit: path.join(corpus, 'fit', 'sportslib--6914538454.fit'),
  gpx: path.join(corpus, 'gpx', 'gc--Move_2014_01_16_19_48_44.gpx'),
  bike: path.join(corpus, 'fit', 'fitparse--garmin-edge-820-bike.fit'),
};
for (const file of Object.values(watchFiles)) must(existsSync(file), `no corpus file ${file}`);

const scratch = mkdtempSync(path.join(tmpdir(), 'backstride-api-schema-'));
const folder = (name) => {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  return dir;
};
let server = null;
try {
  // 1. An empty store: what the plan routes and undo say before anything is stored, and
  // the refusals that need no data.
  server = await serve(binary, folder('empty'), '2026-03-02');
  let api = new Client(server.url);
  await step('an empty store: 404 before the first assessment, refusals with the field named', async () => {
    await api.call('GET /api/session');
    await api.call('GET /api/settings');
    for (const route of ['GET /api/assessment', 'GET /api/plan', 'GET /api/today', 'GET /api/week', 'GET /api/status', 'GET /api/export.ics']) {
      await api.call(route, { expect: 404 });
    }
    await api.call('GET /api/undo');
    await api.call('POST /api/undo', { body: {}, expect: 404 });
    await api.call('GET /api/log', { query: {} });
    await api.call('GET /api/runs', { query: {} });
    await api.call('GET /api/progress');
    await api.call('GET /api/export.json');
    await api.call('GET /api/runs/{id}', { id: 12345, expect: 404 });
    await api.call('GET /api/runs/{id}', { id: 'abc', expect: 404, label: 'not a number' });
    await api.call('PUT /api/log/{id}', { id: 12345, body: { kind: 'checkin', pain: 2 }, expect: 404 });
    await api.call('DELETE /api/log/{id}', { id: 12345, expect: 404 });
    await api.call('POST /api/runs/{id}/pain', { id: 12345, body: { pain: 2 }, expect: 404 });
    await api.call('POST /api/plan', { body: {}, expect: 404 });
    const wrong = await api.call('PUT /api/settings', { body: { units: 'furlongs' }, expect: 400, refused: true });
    must(wrong.data.error.field === 'units', `the refusal names units: ${JSON.stringify(wrong.data)}`);
    await api.call('PUT /api/settings', { body: { runs_per_week: 9 }, expect: 400, refused: true });
    await api.call('PUT /api/settings', { body: { colour: 'blue' }, expect: 400, refused: true });
    await api.call('POST /api/log', { body: { kind: 'checkin', pain: 2 }, token: false, expect: 403, label: 'no CSRF token' });
    await api.call('POST /api/log', { raw: 'kind=run', type: 'text/plain', expect: 415, label: 'not JSON' });
    await api.call('POST /api/log', { raw: '{"kind": "run",', expect: 400, type: 'application/json', label: 'broken JSON' });
    await api.call('POST /api/questionnaire', { body: { replies: 'no' }, expect: 400, refused: true });
    await api.unknown('GET', '/api/nothing');
    await api.unknown('DELETE', '/api/settings');
  });

  await step('the questionnaire: each step, a refused reply, a stop at a warning sign', async () => {
    const first = await api.call('POST /api/questionnaire', { body: { replies: [] } });
    must(first.data.question?.kind === 'yes_no_unsure', 'a warning sign comes first');
    const refused = await api.call('POST /api/questionnaire', { body: { replies: ['maybe'] }, expect: 400 });
    must(refused.data.error.field === 'replies[0]', `the refusal names the reply: ${JSON.stringify(refused.data)}`);
    const stopped = await api.call('POST /api/questionnaire', { body: { replies: ['yes'] } });
    must(stopped.data.stopped && stopped.data.question === null && stopped.data.assessment, 'yes to an emergency sign stops');
  });
  await server.stop();
  server = null;

  // 2. Every vignette assessed in turn, each plan looked at from every side; a route
  // without a plan is a 409.
  server = await serve(binary, folder('routes'), '2026-03-02');
  api = new Client(server.url);
  await step(`every vignette (${vignettes.length}) assessed, and its plan, today, weeks and status`, async () => {
    const seen = new Set();
    for (const vignette of vignettes) {
      const label = vignette.name;
      const answer = await api.call('POST /api/assessment', { body: vignette.answers, label, expect: vignette.expect?.problems ? 400 : 200, refused: Boolean(vignette.expect?.problems) });
      const assessment = answer.status === 200 ? answer.data.assessment : answer.data.assessment;
      must(assessment, `${label}: an assessment`);
      seen.add(assessment.route);
      if (answer.status !== 200 || !answer.data.stored) continue;
      await api.call('GET /api/assessment', { label });
      if (!assessment.leads_to_plan) {
        await api.call('GET /api/plan', { expect: 409, label });
        await api.call('GET /api/today', { expect: 409, label });
        continue;
      }
      await api.call('GET /api/plan', { label });
      await api.call('GET /api/today', { label });
      await api.call('GET /api/week', { query: {}, label });
      await api.call('GET /api/week', { query: { next: '1' }, label });
      await api.call('GET /api/status', { label });
      await api.call('GET /api/export.ics', { label });
    }
    must(seen.size >= 6, `vignettes cover the routes: ${[...seen].join(', ')}`);
  });
  await server.stop();
  server = null;

  // 3. A runner: the questions answered, a plan, a week of entries of every kind, edits,
  // deletes and undo, watch files, runs and their onsets, progress, settings, a backup.
  server = await serve(binary, folder('runner'), '2026-03-09');
  api = new Client(server.url);
  let answers = null;
  await step('a new runner answers every question and is assessed', async () => {
    const given = [];
    for (let guard = 0; guard < 60; guard += 1) {
      const { data } = await api.call('POST /api/questionnaire', { body: { replies: given } });
      if (data.finished) {
        answers = data.answers;
        break;
      }
      must(!data.stopped && data.question, `the questions go on: ${JSON.stringify(data).slice(0, 200)}`);
      given.push(replies[data.question.id] ?? 'no');
    }
    must(answers, 'the questionnaire finishes');
    const saved = await api.call('POST /api/assessment', { body: answers });
    must(saved.data.stored && saved.data.plan_id, 'stored, with a plan');
    await api.call('GET /api/assessment');
    // With a warning sign, nothing is stored.
    const sign = await api.call('POST /api/assessment', { body: { ...answers, red_flags: { ...answers.red_flags, fever_or_unwell: 'unsure' } }, label: 'a warning sign' });
    must(!sign.data.stored && sign.data.assessment_id === null, 'a warning sign stores nothing');
    await api.call('POST /api/assessment', { body: { ...answers, age: 7 }, expect: 400, refused: true, label: 'too young' });
    await api.call('POST /api/assessment', { raw: 'age=34', type: 'text/plain', expect: 415 });
  });

  await step('the plan: a new one, its refusals, today, this week and next', async () => {
    await api.call('POST /api/plan', { body: { runs_per_week: 4, start: '2026-03-09' } });
    await api.call('POST /api/plan', { body: { runs_per_week: 9 }, expect: 400, refused: true });
    await api.call('POST /api/plan', { body: { start: 'soon' }, expect: 400, refused: true });
    await api.call('POST /api/plan', { body: { weeks: 3 }, expect: 400, refused: true });
    await api.call('GET /api/plan');
    await api.call('GET /api/today');
    await api.call('GET /api/week', { query: {} });
    await api.call('GET /api/week', { query: { next: 'true' } });
    await api.call('GET /api/status');
  });

  const ids = {};
  await step('the log: an entry of every kind, the refusals, the filters', async () => {
    const entries = [
      ['run', { kind: 'run', date: '2026-03-09', distance: '1', time: '6:00', pain: 2, pain_before: 1, onset: '0.8km', note: 'windy' }],
      ['run2', { kind: 'run', date: '2026-03-09', distance: '1000m', time: '5:50', pain: 6 }],
      ['morning', { kind: 'morning', date: '2026-03-09', pain: 2 }],
      ['strength', { kind: 'strength', date: '2026-03-09', pain: 1, reserve: 3, done: true }],
      ['sprint', { kind: 'sprint', date: '2026-03-09', done: false }],
      ['mobility', { kind: 'mobility', done: true }],
      ['treatment', { kind: 'treatment', done: true, helped: 'yes' }],
      ['checkin', { kind: 'checkin', pain: 1 }],
    ];
    for (const [name, body] of entries) {
      const { data } = await api.call('POST /api/log', { body, label: name });
      ids[name] = data?.id;
    }
    await api.call('POST /api/log', { body: { kind: 'run', distance: '1', time: '6:00', pain: 11 }, expect: 400, refused: true, label: 'pain 11' });
    await api.call('POST /api/log', { body: { kind: 'run', distance: '1', time: '6:00', pain: 2, reserve: 2 }, expect: 400, label: 'reserve on a run' });
    await api.call('POST /api/log', { body: { kind: 'swim', pain: 2 }, expect: 400, refused: true, label: 'no such kind' });
    await api.call('POST /api/log', { body: { kind: 'checkin', pian: 2 }, expect: 400, refused: true, label: 'a misspelt field' });
    await api.call('POST /api/log', { body: { pain: 2 }, expect: 400, refused: true, label: 'no kind' });
    await api.call('GET /api/log', { query: {} });
    await api.call('GET /api/log', { query: { kind: 'run' } });
    await api.call('GET /api/log', { query: { from: '2026-03-09', to: '2026-03-09' } });
    await api.call('GET /api/log', { query: { kind: 'swim' }, expect: 400, refused: true });
    await api.call('GET /api/log', { query: { from: 'March' }, expect: 400, refused: true });
  });

  await step('corrections: an edit, a delete, undo, and what undo would do', async () => {
    await api.call('PUT /api/log/{id}', { id: ids.run2, body: { kind: 'run', date: '2026-03-09', distance: '1', time: '5:50', pain: 3 } });
    await api.call('PUT /api/log/{id}', { id: ids.run2, body: { kind: 'run', date: '2026-03-09', distance: '1', time: '5:50', pain: 13 }, expect: 400, refused: true });
    await api.call('GET /api/undo');
    await api.call('DELETE /api/log/{id}', { id: ids.sprint });
    const undo = await api.call('GET /api/undo');
    must(typeof undo.data.undo === 'string', 'something to undo');
    await api.call('POST /api/undo', { body: {} });
    await api.call('POST /api/undo');
  });

  const runIds = {};
  await step('watch files: imported, a duplicate, a ride skipped, a broken file, a dry run, refusals', async () => {
    await api.call('PUT /api/settings', { body: { onset_lap: true } });
    const file = (name) => readFileSync(watchFiles[name]);
    const fit = await api.call('POST /api/import', { query: { name: 'run.fit' }, raw: file('fit') });
    must(fit.data.status === 'imported', `imported: ${JSON.stringify(fit.data).slice(0, 300)}`);
    runIds.fit = fit.data.run_id;
    const gpx = await api.call('POST /api/import', { query: { name: 'run.gpx' }, raw: file('gpx') });
    runIds.gpx = gpx.data.run_id;
    const again = await api.call('POST /api/import', { query: { name: 'again.fit' }, raw: file('fit') });
    must(again.data.status === 'duplicate', `a duplicate: ${again.data.status}`);
    const ride = await api.call('POST /api/import', { query: { name: 'ride.fit' }, raw: file('bike') });
    must(ride.data.status === 'skipped', `a ride is skipped: ${ride.data.status}`);
    const broken = await api.call('POST /api/import', { query: { name: 'broken.fit' }, raw: Buffer.from('not a fit file at all') });
    must(broken.data.status === 'failed', `a broken file fails: ${broken.data.status}`);
    await api.call('POST /api/import', { query: { name: 'run.gpx', dry_run: '1' }, raw: file('gpx'), label: 'dry run' });
    await api.call('POST /api/import', { query: {}, raw: file('gpx'), expect: 400, refused: true, label: 'no name' });
    await api.call('POST /api/import', { query: { name: 'run.gpx' }, raw: file('gpx'), type: 'application/json', expect: 415, label: 'as JSON' });
  });

  await step('runs: the list, one run each way, onsets, a pain score', async () => {
    const { data: runs } = await api.call('GET /api/runs', { query: {} });
    must(runs.length >= 4, `the runs: ${runs.length}`);
    await api.call('GET /api/runs', { query: { from: '2026-03-01', to: '2026-03-31' } });
    await api.call('GET /api/runs', { query: { to: 'never' }, expect: 400, refused: true });
    for (const id of [runIds.fit, runIds.gpx, ids.run]) await api.call('GET /api/runs/{id}', { id });
    await api.call('POST /api/runs/{id}/onset', { id: runIds.fit, body: { lap: 1 } });
    await api.call('POST /api/runs/{id}/onset', { id: runIds.gpx, body: { onset: '9min' } });
    await api.call('POST /api/runs/{id}/onset', { id: ids.run, body: { onset: '0.6km' } });
    await api.call('POST /api/runs/{id}/onset', { id: runIds.fit, body: { lap: 1, onset: '1km' }, expect: 400, refused: true, label: 'both' });
    await api.call('POST /api/runs/{id}/onset', { id: runIds.fit, body: {}, expect: 400, refused: true, label: 'neither' });
    await api.call('POST /api/runs/{id}/pain', { id: runIds.fit, body: { pain: 2, pain_before: 1 } });
    await api.call('POST /api/runs/{id}/pain', { id: runIds.gpx, body: { pain_before: 1 }, expect: 400, refused: true, label: 'no pain' });
    await api.call('GET /api/runs/{id}', { id: runIds.fit, label: 'rated, with its onset' });
  });

  await step('progress, status and the plan after the runs, in miles too', async () => {
    await api.call('GET /api/progress');
    await api.call('GET /api/status');
    await api.call('GET /api/status', { query: { limit: '1', offset: '1' }, label: 'a page' });
    await api.call('GET /api/status', { query: { limit: '0' }, expect: 400, refused: true });
    await api.call('GET /api/pain');
    await api.call('GET /api/pain', { query: { from: '2026-03-01', to: '2026-03-31' }, label: 'a month' });
    await api.call('GET /api/today', { label: 'after the runs' });
    await api.call('PUT /api/settings', { body: { units: 'mi', runs_per_week: 3 } });
    await api.call('GET /api/settings');
    await api.call('GET /api/plan', { label: 'in miles' });
    await api.call('GET /api/today', { label: 'in miles' });
    await api.call('GET /api/progress', { label: 'in miles' });
    await api.call('GET /api/runs/{id}', { id: runIds.fit, label: 'splits per mile' });
  });

  await step('exports, and a backup restored over what is there', async () => {
    await api.call('GET /api/export.ics');
    const { data: backup } = await api.call('GET /api/export.json');
    must(backup.log.length > 5 && backup.activities.length >= 2, 'the backup holds the log and the recordings');
    await api.call('POST /api/import-data', { query: {}, body: backup, expect: 400, label: 'into a store with data' });
    const restored = await api.call('POST /api/import-data', { query: { replace: '1' }, body: backup });
    must(restored.data.log_entries === backup.log.length, `every entry restored: ${JSON.stringify(restored.data)}`);
    await api.call('POST /api/import-data', { query: { replace: '1' }, body: { format: 'something else' }, expect: 400, refused: true, label: 'not an export' });
    await api.call('GET /api/export.json', { label: 'after the restore' });
  });
  await server.stop();
  server = null;
} catch (error) {
  fail(String(error.stack ?? error));
} finally {
  if (server) await server.stop().catch((error) => fail(String(error)));
  rmSync(scratch, { recursive: true, force: true });
}

// Every route of the schema answered at least once with a 200.
const missed = routes.filter((route) => counts.get(route).ok === 0);
if (missed.length > 0) fail(`never answered with a 200: ${missed.join(', ')}`);

console.log('\nroute                              200s  errors  statuses');
for (const route of routes) {
  const { ok, error } = counts.get(route);
  console.log(`${route.padEnd(34)} ${String(ok).padStart(4)}  ${String(error).padStart(6)}  ${[...(statuses.get(route) ?? [])].sort().join(' ')}`);
}
console.log(`\n${routes.length} routes, ${validated} responses validated against docs/api.schema.json`);
console.log(`${fitting} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
