-- Seeds the load test's clinic (bench/clinic_load.py runs it with psql) from one template
-- runner and one template therapist that the server itself made through its API: the
-- template's assessment, plan and settings rows are copied, so every seeded runner reads
-- back as the app's own do; their log is written here, in the columns PgStore writes
-- (store/pg_log.cc: created_at as its kNow text, source 'manual', note ''), and
-- bench/clinic_load.py checks that the seeded rows have the same columns set as the
-- template's entries logged through the API.
--
-- Variables (psql -v): template_account, template_therapist (account ids), runners,
-- therapists, clients_per_therapist, history_days, plan_days_ago.
-- Standard input: the sessions to make, "email <TAB> token digest <TAB> CSRF token".
\set ON_ERROR_STOP on
BEGIN;
SELECT setseed(0.15);

CREATE TEMP TABLE template AS
SELECT id AS account_id, runner_id, clinic_id, password_hash FROM accounts
WHERE id = :template_account AND role = 'runner';

-- The template's own entries (logged through the API to compare with) make way for the
-- same history as everyone's.
DELETE FROM change_rows WHERE runner_id = (SELECT runner_id FROM template);
DELETE FROM changes WHERE runner_id = (SELECT runner_id FROM template);
DELETE FROM log WHERE runner_id = (SELECT runner_id FROM template);

-- Therapists 2..N, with the first one's password.
INSERT INTO accounts(clinic_id, role, email, name, password_hash)
SELECT t.clinic_id, 'therapist', format('therapist%s@clinic.test', n), format('Therapist %s', n),
       first.password_hash
FROM generate_series(2, :therapists) n, template t, accounts first
WHERE first.id = :template_therapist;

-- Runners 2..N, with the template's password.
CREATE TEMP TABLE seeded AS
SELECT n, nextval('runners_id_seq') AS runner_id FROM generate_series(2, :runners) n;
INSERT INTO runners(id) SELECT runner_id FROM seeded;
INSERT INTO accounts(clinic_id, role, email, name, password_hash, runner_id)
SELECT t.clinic_id, 'runner', format('runner%s@clinic.test', s.n), format('Runner %s', s.n),
       t.password_hash, s.runner_id
FROM seeded s, template t;

CREATE TEMP TABLE everyone AS
SELECT 1 AS n, runner_id FROM template UNION ALL SELECT n, runner_id FROM seeded;

-- Runner n is a client of therapist ((n - 1) / clients_per_therapist) + 1; runner 1 is
-- therapist 1's already (the invitation made it).
INSERT INTO care(therapist_id, client_id, since)
SELECT th.id, a.id, now() - :history_days * interval '1 day'
FROM seeded s
JOIN accounts a ON a.runner_id = s.runner_id
JOIN accounts th ON lower(th.email) =
     format('therapist%s@clinic.test', ((s.n - 1) / :clients_per_therapist) % :therapists + 1);

-- The template's settings, assessment and plan for everyone else.
INSERT INTO settings(runner_id, key, value)
SELECT s.runner_id, x.key, x.value FROM seeded s, settings x, template t
WHERE x.runner_id = t.runner_id;
INSERT INTO assessments(runner_id, id, date, route, answers, source, created_at)
SELECT s.runner_id, x.id, x.date, x.route, x.answers, x.source, x.created_at
FROM seeded s, assessments x, template t WHERE x.runner_id = t.runner_id;
INSERT INTO plans(runner_id, id, assessment_id, start_date, runs_per_week, created_at)
SELECT s.runner_id, x.id, x.assessment_id, x.start_date, x.runs_per_week, x.created_at
FROM seeded s, plans x, template t WHERE x.runner_id = t.runner_id;

-- Assessed, and the plan started, plan_days_ago days ago (the log before it is the
-- runner's earlier years).
UPDATE assessments SET date = current_date - :plan_days_ago,
       created_at = to_char(current_date - :plan_days_ago + time '08:00',
                            'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
UPDATE plans SET start_date = current_date - :plan_days_ago,
       created_at = to_char(current_date - :plan_days_ago + time '08:00',
                            'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

-- history_days up to yesterday: three runs a week (3-10 km at 5:00-6:30 /km, pain during
-- mostly 0-2) and three check-ins (pain 0-5), on days that differ from runner to runner.
INSERT INTO log(runner_id, id, date, kind, distance_m, duration_s, pain, note, created_at, source)
SELECT runner_id,
       row_number() OVER (PARTITION BY runner_id ORDER BY day),
       day, kind,
       CASE WHEN kind = 'run' THEN round((3000 + r1 * 7000)::numeric, -1) END,
       CASE WHEN kind = 'run' THEN round((3000 + r1 * 7000) * (300 + r2 * 90) / 1000) END,
       CASE WHEN kind = 'run' THEN floor(r3 * r3 * 5)::int ELSE floor(r3 * r3 * 6)::int END,
       '',
       to_char(day + time '18:00' + r2 * interval '3 hours', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       'manual'
FROM (
  SELECT e.runner_id, d::date AS day,
         CASE WHEN (extract(dow FROM d)::int + e.n) % 7 IN (0, 2, 4) THEN 'run'
              WHEN (extract(dow FROM d)::int + e.n) % 7 IN (1, 3, 5) THEN 'checkin' END AS kind,
         random() AS r1, random() AS r2, random() AS r3
  FROM everyone e,
       generate_series(current_date - :history_days, current_date - 1, interval '1 day') d
) days
WHERE kind IS NOT NULL;

-- A session for every account, known to the load generator by its token.
CREATE TEMP TABLE new_sessions (email text, digest text, csrf_token text);
\copy new_sessions FROM pstdin
INSERT INTO sessions(digest, account_id, csrf_token, created_at, last_seen_at, expires_at)
SELECT n.digest, a.id, n.csrf_token, now(), now(), now() + interval '30 days'
FROM new_sessions n JOIN accounts a ON lower(a.email) = lower(n.email);

COMMIT;
VACUUM ANALYZE;
