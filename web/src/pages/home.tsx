// Today: a checklist of the day, each item ticked off or logged where it stands (the
// morning score for yesterday's run, each session, how the back feels today), then where
// the runner stands.
import { useState } from 'preact/hooks';

import { api, ApiError, type LogEntry, type LogForm, type LogKind, type Today, type TodaySession } from '../api';
import { ChangedCard, type Shown } from '../corrections';
import { EntrySummary } from '../entries';
import { distance, duration, shortDate, type Units } from '../format';
import { useSettings } from '../settings';
import { ErrorNote, Loading, NoPlan, PageTitle, PainSelect, ReserveChoice, useLoad } from '../ui';
import { SessionCard } from './session';

function Welcome() {
  return (
    <>
      <PageTitle>Keep running with a sore back</PageTitle>
      <section class="card">
        <p>
          backstride asks a few questions about your back and your running. It first checks
          for warning signs that need a doctor, then works out your situation, explains why,
          and gives you a 12-week plan that moves forward, or back, with how your runs feel.
        </p>
        <p>It takes about three minutes. It is guidance, not a diagnosis.</p>
        <p>
          <a class="button" href="#/questions">Start the questions</a>
        </p>
      </section>
    </>
  );
}

// What an item of the list does when the runner saves it: logs `form`, then shows what
// changed in the plan under the item, and loads the day again.
type Save = (key: string, form: LogForm) => Promise<void>;

interface ItemProps {
  id: string;  // the item's key, also the prefix of its fields' ids
  save: Save;
  busy: boolean;
  error: unknown;
  shown: Shown | null;
}

function Done({ children }: { children: preact.ComponentChildren }) {
  return (
    <p class="done-line">
      <span class="tick" aria-hidden="true">✓</span>
      <span>{children}</span>
    </p>
  );
}

function Outcome({ item }: { item: ItemProps }) {
  return (
    <div aria-live="polite">
      <ErrorNote error={item.error} />
      {item.shown && <ChangedCard shown={item.shown} onChange={() => {}} />}
    </div>
  );
}

// A run: distance, minutes and seconds, and the pain during it, each on a phone's number pad.
function RunForm({ item, units }: { item: ItemProps; units: Units }) {
  const [fields, setFields] = useState({ distance: '', minutes: '', seconds: '', pain: '' });
  const set = (name: keyof typeof fields) => (e: Event) =>
    setFields({ ...fields, [name]: (e.target as HTMLInputElement).value });
  const submit = (e: Event) => {
    e.preventDefault();
    const seconds = fields.seconds.trim() || '0';
    void item.save(item.id, {
      kind: 'run',
      distance: fields.distance.trim(),
      time: `${fields.minutes.trim() || '0'}:${seconds.padStart(2, '0')}`,
      pain: fields.pain === '' ? undefined : Number(fields.pain),
    });
  };
  return (
    <form class="tick-form" onSubmit={submit}>
      <div class="fields">
        <p>
          <label for={`${item.id}-distance`}>Distance ({units})</label>
          <input id={`${item.id}-distance`} type="text" inputMode="decimal" pattern="[0-9]*[.,]?[0-9]*" required
            autoComplete="off" value={fields.distance} onInput={set('distance')} />
        </p>
        <fieldset class="time">
          <legend>Time</legend>
          <span>
            <input id={`${item.id}-minutes`} type="text" inputMode="numeric" pattern="[0-9]*" required
              autoComplete="off" aria-label="Minutes" value={fields.minutes} onInput={set('minutes')} />
            <span aria-hidden="true">min</span>
            <input id={`${item.id}-seconds`} type="text" inputMode="numeric" pattern="[0-5]?[0-9]"
              autoComplete="off" aria-label="Seconds" value={fields.seconds} onInput={set('seconds')} />
            <span aria-hidden="true">s</span>
          </span>
        </fieldset>
      </div>
      <PainSelect id={`${item.id}-pain`} label="Back pain during the run, 0 to 10" value={fields.pain}
        onChange={(v) => setFields({ ...fields, pain: v })} />
      <p class="actions">
        <button type="submit" disabled={item.busy}>Log run</button>
        <a href="#/log">More details (where the pain started, a note)</a>
      </p>
    </form>
  );
}

// Strength or sprints: done, with the pain and how hard it was if the runner says, or skipped.
function EffortForm({ item, kind }: { item: ItemProps; kind: LogKind }) {
  const [pain, setPain] = useState('');
  const [reserve, setReserve] = useState('');
  const done = () => {
    const form: LogForm = { kind, done: true };
    if (pain !== '') form.pain = Number(pain);
    if (reserve !== '') form.reserve = Number(reserve);
    void item.save(item.id, form);
  };
  return (
    <div class="tick-form">
      <PainSelect id={`${item.id}-pain`} label="Back pain during, 0 to 10" value={pain} optional onChange={setPain} />
      <ReserveChoice id={`${item.id}-reserve`} value={reserve} onChange={setReserve} />
      <p class="actions">
        <button type="button" disabled={item.busy} onClick={done}>Done</button>
        <button type="button" class="secondary" disabled={item.busy} onClick={() => void item.save(item.id, { kind, done: false })}>
          Skipped
        </button>
      </p>
    </div>
  );
}

function DoneOrSkipped({ item, kind }: { item: ItemProps; kind: LogKind }) {
  return (
    <p class="actions tick-form">
      <button type="button" disabled={item.busy} onClick={() => void item.save(item.id, { kind, done: true })}>Done</button>
      <button type="button" class="secondary" disabled={item.busy} onClick={() => void item.save(item.id, { kind, done: false })}>
        Skipped
      </button>
    </p>
  );
}

// The treatment check-in: has treatment helped?
function HelpedForm({ item }: { item: ItemProps }) {
  return (
    <p class="actions tick-form">
      <button type="button" disabled={item.busy} onClick={() => void item.save(item.id, { kind: 'treatment', helped: 'yes' })}>
        It has helped
      </button>
      <button type="button" class="secondary" disabled={item.busy}
        onClick={() => void item.save(item.id, { kind: 'treatment', helped: 'no' })}>
        It has not helped
      </button>
    </p>
  );
}

// A pain score with an optional note: the morning question and the day's check-in.
function PainForm({ item, kind, label, withNote }: { item: ItemProps; kind: LogKind; label: string; withNote: boolean }) {
  const [pain, setPain] = useState('');
  const [note, setNote] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    const form: LogForm = { kind, pain: Number(pain) };
    if (note.trim()) form.note = note.trim();
    void item.save(item.id, form);
  };
  return (
    <form class="tick-form" onSubmit={submit}>
      <PainSelect id={`${item.id}-pain`} label={label} value={pain} onChange={setPain} />
      {withNote && (
        <p>
          <label for={`${item.id}-note`}>Note (optional)</label>
          <input id={`${item.id}-note`} type="text" dir="auto" autoComplete="off" value={note}
            onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
        </p>
      )}
      <p class="actions">
        <button type="submit" disabled={item.busy}>Save</button>
      </p>
    </form>
  );
}

function doneWords(entry: LogEntry): string {
  if (entry.kind === 'run') return 'Logged';
  if (entry.kind === 'treatment' && entry.helped !== null) return 'Answered';
  if (entry.done === false) return 'Skipped';
  if (entry.kind === 'checkin' || entry.kind === 'morning') return 'Noted';
  return 'Done';
}

function LoggedLine({ entry, units }: { entry: LogEntry; units: Units }) {
  return (
    <Done>
      <strong>{doneWords(entry)}</strong>: <EntrySummary entry={entry} units={units} />
    </Done>
  );
}

function SessionItem({ entry, item, units, checkin }: {
  entry: TodaySession;
  item: ItemProps;
  units: Units;
  checkin: LogEntry | null;
}) {
  const { session, log_kind: kind } = entry;
  // A check-in session is the day's check-in: ticked off by it.
  const logged = kind === 'checkin' ? checkin : entry.logged;
  let action: preact.JSX.Element | null;
  if (logged) action = <LoggedLine entry={logged} units={units} />;
  else if (kind === 'run') action = <RunForm item={item} units={units} />;
  else if (kind === 'strength' || kind === 'sprint') action = <EffortForm item={item} kind={kind} />;
  else if (kind === 'treatment' && session.kind === 'check_in') action = <HelpedForm item={item} />;
  else if (kind === 'mobility' || kind === 'treatment') action = <DoneOrSkipped item={item} kind={kind} />;
  else if (kind === 'checkin') action = <PainForm item={item} kind="checkin" label="Back pain today, 0 to 10" withNote />;
  else action = null;  // a rest day: nothing to tick off
  return (
    <li class={`check-item${logged ? ' is-done' : ''}`}>
      <SessionCard session={session} status={logged ? 'done' : kind ? 'open' : undefined} />
      {action}
      <Outcome item={item} />
    </li>
  );
}

function MorningItem({ morning, item, units }: { morning: NonNullable<Today['morning']>; item: ItemProps; units: Units }) {
  const run = morning.run;
  const what = `${shortDate(run.date)}: ${run.distance_m !== null ? distance(run.distance_m, units) : ''}${run.duration_s !== null ? ` in ${duration(run.duration_s)}` : ''}`;
  return (
    <li class={`check-item${morning.logged ? ' is-done' : ''}`}>
      <article class="session">
        <h3>
          <span class={`status ${morning.logged ? 'done' : 'open'}`} aria-hidden="true">{morning.logged ? '✓' : ''}</span>
          How is your back this morning?
          {morning.logged && <span class="visually-hidden"> (done)</span>}
        </h3>
        <p>The morning after your run of {what}. The plan compares it with how your back was before.</p>
      </article>
      {morning.logged ? (
        <LoggedLine entry={morning.logged} units={units} />
      ) : (
        <PainForm item={item} kind="morning" label="Back pain this morning, 0 to 10" withNote={false} />
      )}
      <Outcome item={item} />
    </li>
  );
}

function CheckInItem({ checkin, item, units }: { checkin: LogEntry | null; item: ItemProps; units: Units }) {
  return (
    <li class={`check-item${checkin ? ' is-done' : ''}`}>
      <article class="session">
        <h3>
          <span class={`status ${checkin ? 'done' : 'open'}`} aria-hidden="true">{checkin ? '✓' : ''}</span>
          How does your back feel today?
          {checkin && <span class="visually-hidden"> (done)</span>}
        </h3>
        <p>A score on any day, run or rest, so your charts show the days between runs too.</p>
      </article>
      {checkin ? (
        <LoggedLine entry={checkin} units={units} />
      ) : (
        <PainForm item={item} kind="checkin" label="Back pain today, 0 to 10" withNote />
      )}
      <Outcome item={item} />
    </li>
  );
}

export function HomePage() {
  const { data, error, reload } = useLoad((signal) => api.today(signal), []);
  const { settings } = useSettings();
  const [saving, setSaving] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ key: string; shown: Shown | null; error: unknown } | null>(null);
  if (error instanceof ApiError && error.status === 404) return <Welcome />;
  if (error) return (<><PageTitle>Today</PageTitle><NoPlan error={error} /></>);
  if (!data) return (<><PageTitle>Today</PageTitle><Loading /></>);
  const units = settings?.units ?? 'km';
  const status = data.status;

  const save: Save = async (key, form) => {
    setSaving(key);
    try {
      const outcome = await api.log(form);
      setAnswer({ key, shown: { title: 'Saved. What changed in your plan', changes: outcome.changes }, error: null });
      reload();
    } catch (err) {
      setAnswer({ key, shown: null, error: err });
    } finally {
      setSaving(null);
    }
  };
  const item = (key: string): ItemProps => ({
    id: `today-${key}`,
    save: (_id, form) => save(key, form),
    busy: saving !== null,
    error: answer?.key === key ? answer.error : null,
    shown: answer?.key === key ? answer.shown : null,
  });
  const hasCheckInSession = data.sessions.some((s) => s.log_kind === 'checkin');
  const open = (data.morning && !data.morning.logged ? 1 : 0)
    + data.sessions.filter((s) => s.log_kind && !(s.log_kind === 'checkin' ? data.checkin : s.logged)).length
    + (!hasCheckInSession && !data.checkin ? 1 : 0);
  return (
    <>
      <PageTitle>Today, <span class="date">{shortDate(data.date)}</span></PageTitle>
      <section class="card today" aria-labelledby="today-heading">
        <h2 id="today-heading">Today's checklist</h2>
        <p class="muted" aria-live="polite">{open === 0 ? 'All done for today.' : `${open} to do.`}</p>
        <ul class="checklist">
          {data.morning && <MorningItem morning={data.morning} item={item('morning')} units={units} />}
          {data.sessions.map((s) => (
            <SessionItem key={s.session.uid} entry={s} item={item(s.session.uid)} units={units} checkin={data.checkin} />
          ))}
          {!hasCheckInSession && <CheckInItem checkin={data.checkin} item={item('checkin')} units={units} />}
        </ul>
      </section>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Where you stand</h2>
        <dl class="facts">
          <div>
            <dt>Your run cap</dt>
            <dd>{status.cap.text}</dd>
          </div>
          <div>
            <dt>Good runs in a row at the cap</dt>
            <dd>{status.good_streak} of 3</dd>
          </div>
          {status.pace_to_beat_text && (
            <div>
              <dt>Pace to beat</dt>
              <dd>{status.pace_to_beat_text}</dd>
            </div>
          )}
          {status.phase && (
            <div>
              <dt>Phase</dt>
              <dd>{status.phase}</dd>
            </div>
          )}
        </dl>
        {status.paused_until && (
          <p class="note" role="status">
            Running is paused until {status.paused_until}: two step-backs in a row. Walk
            instead, and keep up the exercises.
          </p>
        )}
        {status.cap_limited_reason && <p class="note">{status.cap_limited_reason}</p>}
        {status.decisions.length > 0 && (
          <>
            <h3>Your last run</h3>
            <p>{status.decisions[status.decisions.length - 1].reason}</p>
            <p><a href="#/progress">Your progress, with every change to the cap</a></p>
          </>
        )}
      </section>
    </>
  );
}
