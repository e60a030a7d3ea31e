// The log form: a run (with the pain during it and where it started), the next morning,
// strength, sprints, mobility, treatment or a check-in. After saving, what changed in the
// plan and why. Imported runs waiting for a pain score can be rated here too. Each recent
// entry can be corrected or deleted, and the last change undone.
import { useState } from 'preact/hooks';

import { api, type LogEntry, type LogForm, type LogKind, type LogOutcome } from '../api';
import { ChangedCard, EntryEditor, correctionShown, showOutcome, type Shown } from '../corrections';
import { EntrySummary, entryParts } from '../entries';
import { dateWithYear, distance, duration, type Units } from '../format';
import { useSettings } from '../settings';
import { ErrorNote, PageTitle, PainSelect, ReserveChoice, useLoad } from '../ui';

const kinds: { id: LogKind; label: string }[] = [
  { id: 'run', label: 'A run' },
  { id: 'morning', label: 'The morning after a run' },
  { id: 'strength', label: 'Strength' },
  { id: 'sprint', label: 'Sprints' },
  { id: 'mobility', label: 'Mobility' },
  { id: 'treatment', label: 'Treatment' },
  { id: 'checkin', label: 'How my back feels today' },
];

// Runs since the current plan started that still need a pain score, newest first. Older
// imports (a watch's whole history) do not change the plan, so they are only counted.
function Unrated({ onRated }: { onRated: (outcome: LogOutcome) => void }) {
  const { data: runs, reload } = useLoad((signal) => api.runs(signal), []);
  // Without a plan (none yet, or an error) every unrated run is asked about.
  const { data: plan, error: planError } = useLoad((signal) => api.plan(signal), []);
  const { settings } = useSettings();
  const [pain, setPain] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);
  if (!runs || !settings || (!plan && !planError)) return null;
  const since = plan?.start ?? '';
  const unrated = runs.filter((run) => run.pain === null);
  const waiting = unrated.filter((run) => run.date >= since).reverse();
  const older = unrated.length - waiting.length;
  if (waiting.length === 0 && older === 0) return null;
  return (
    <section aria-labelledby="unrated-heading">
      <h2 id="unrated-heading">{waiting.length ? 'Imported runs waiting for a pain score' : 'Imported runs without a pain score'}</h2>
      {waiting.length > 0 && <p>The plan counts a run once you say how your back felt during it.</p>}
      {older > 0 && (
        <p class="hint" id="unrated-older">
          {older === 1 ? '1 imported run' : `${older} imported runs`} from before your plan started on {dateWithYear(since)}{' '}
          {older === 1 ? 'has' : 'have'} no pain score. {older === 1 ? 'It does' : 'They do'} not affect your plan.
        </p>
      )}
      <ErrorNote error={error} />
      {waiting.length > 0 && (<ul class="plain">
        {waiting.map((run) => (
          <li key={run.id}>
            <form
              class="inline"
              onSubmit={async (e) => {
                e.preventDefault();
                try {
                  onRated(await api.ratePain(run.id, Number(pain[run.id])));
                  setError(null);
                  reload();
                } catch (err) {
                  setError(err);
                }
              }}
            >
              <span>
                {dateWithYear(run.date)}: {run.distance_m === null ? duration(run.duration_s) : `${distance(run.distance_m, settings.units)} in ${duration(run.duration_s)}`}
              </span>
              <PainSelect
                id={`pain-${run.id}`}
                label="Pain during it"
                value={pain[run.id] ?? ''}
                onChange={(v) => setPain({ ...pain, [run.id]: v })}
              />
              <button type="submit">Save</button>
            </form>
          </li>
        ))}
      </ul>)}
    </section>
  );
}

function saved(outcome: LogOutcome): Shown {
  return { title: 'Saved. What changed in your plan', changes: outcome.changes };
}

export const kindTitle: Record<LogKind, string> = {
  run: 'Run',
  morning: 'Next morning',
  strength: 'Strength',
  sprint: 'Sprints',
  mobility: 'Mobility',
  treatment: 'Treatment',
  checkin: 'Check-in',
};

function Recent({ data, units, onChanged }: {
  data: LogEntry[] | null;
  units: Units;
  onChanged: (shown: Shown) => void;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!data || data.length === 0) return null;
  const recent = [...data].reverse().slice(0, 10);
  const remove = async (entry: LogEntry) => {
    try {
      onChanged(correctionShown('Deleted. What changed in your plan', await api.deleteLog(entry.id)));
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent entries</h2>
      <ErrorNote error={error} />
      <ul class="plain entries">
        {recent.map((entry) => (
          <li key={entry.id}>
            <span id={`entry-${entry.id}`}>
              <strong>{entry.date}, {kindTitle[entry.kind]}</strong>
              {entryParts(entry, units).length || entry.note ? ': ' : ''}
              <EntrySummary entry={entry} units={units} />
            </span>
            {editing === entry.id ? (
              <EntryEditor entry={entry} units={units} onCancel={() => setEditing(null)}
                onSaved={(answer) => {
                  setEditing(null);
                  onChanged(correctionShown('Corrected. What changed in your plan', answer));
                }} />
            ) : (
              <span class="entry-actions">
                <button type="button" class="secondary small" aria-describedby={`entry-${entry.id}`}
                  onClick={() => setEditing(entry.id)}>Edit</button>
                <button type="button" class="secondary small" aria-describedby={`entry-${entry.id}`}
                  onClick={() => remove(entry)}>Delete</button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LogPage() {
  const [kind, setKind] = useState<LogKind>('run');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Shown | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The log, loaded again after each change.
  const history = useLoad((signal) => api.history(signal), []);
  const { settings } = useSettings();
  const units = settings?.units ?? 'km';
  const set = (name: string) => (e: Event) =>
    setFields({ ...fields, [name]: (e.target as HTMLInputElement).value });
  // `inputMode` brings up a phone's number pad for a field that takes only a number.
  const text = (name: string, label: string, hint: string, required = false, inputMode?: 'decimal') => (
    <p>
      <label for={`log-${name}`}>{label}</label>
      <input id={`log-${name}`} type="text" value={fields[name] ?? ''} onInput={set(name)}
        required={required} aria-describedby={`log-${name}-hint`} autoComplete="off"
        inputMode={inputMode} dir={name === 'note' ? 'auto' : undefined} />
      <span class="hint" id={`log-${name}-hint`}>{hint}</span>
    </p>
  );
  const pain = (name: string, label: string, optional = false) => (
    <PainSelect id={`log-${name}`} label={label} value={fields[name] ?? ''} optional={optional}
      onChange={(v) => setFields({ ...fields, [name]: v })} />
  );

  const changed = (shown: Shown) => {
    setOutcome(shown);
    history.reload();
    showOutcome();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const form: LogForm = { kind };
    if (fields.date) form.date = fields.date;
    if (kind === 'run') {
      form.distance = fields.distance;
      form.time = fields.time;
      if (fields.onset) form.onset = fields.onset;
      if (fields.pain_before) form.pain_before = Number(fields.pain_before);
    }
    const felt = ['strength', 'sprint'].includes(kind) && fields.done !== 'skipped';
    if (fields.pain && (['run', 'morning', 'checkin'].includes(kind) || felt)) form.pain = Number(fields.pain);
    if (felt && fields.reserve) form.reserve = Number(fields.reserve);
    if (['strength', 'sprint', 'mobility', 'treatment'].includes(kind)) form.done = fields.done !== 'skipped';
    if (kind === 'treatment' && (fields.helped === 'yes' || fields.helped === 'no')) form.helped = fields.helped;
    if (fields.note) form.note = fields.note;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(saved(await api.log(form)));
      setError(null);
      setFields({});
      history.reload();
      // On a phone the answer is below the fold: bring it into view.
      showOutcome();
    } catch (err) {
      setError(err);
      setOutcome(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Log</PageTitle>
      <form class="card" onSubmit={submit}>
        <fieldset>
          <legend>What do you want to log?</legend>
          <div class="choices">
            {kinds.map((k) => (
              <label key={k.id} class="choice">
                <input type="radio" name="kind" value={k.id} checked={kind === k.id}
                  onChange={() => { setKind(k.id); setOutcome(null); setError(null); }} />
                <span>{k.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <p>
          <label for="log-date">Date</label>
          <input id="log-date" type="date" value={fields.date ?? ''} onInput={set('date')} aria-describedby="log-date-hint" />
          <span class="hint" id="log-date-hint">Leave empty for today.</span>
        </p>
        {kind === 'run' && (
          <>
            {text('distance', `Distance (${units})`, `For example 2.1.`, true, 'decimal')}
            {text('time', 'Time', 'Minutes and seconds, for example 12:34.', true)}
            {pain('pain', 'Back pain during the run, 0 to 10')}
            {text('onset', 'Where the pain started (optional)', `A distance (1.6${units}) or a time (9min).`)}
            {pain('pain_before', 'Back pain just before the run (optional)', true)}
          </>
        )}
        {(kind === 'morning' || kind === 'checkin') &&
          pain('pain', kind === 'morning' ? 'Back pain this morning, 0 to 10' : 'Back pain today, 0 to 10')}
        {['strength', 'sprint', 'mobility', 'treatment'].includes(kind) && (
          <fieldset>
            <legend>Did you do it?</legend>
            <div class="choices">
              {['done', 'skipped'].map((value) => (
                <label class="choice" key={value}>
                  <input type="radio" name="done" value={value}
                    checked={(fields.done ?? 'done') === value}
                    onChange={() => setFields({ ...fields, done: value })} />
                  <span>{value === 'done' ? 'Done' : 'Skipped'}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {['strength', 'sprint'].includes(kind) && fields.done !== 'skipped' && (
          <>
            {pain('pain', 'Back pain during, 0 to 10', true)}
            <ReserveChoice id="log-reserve" value={fields.reserve ?? ''}
              onChange={(v) => setFields({ ...fields, reserve: v })} />
          </>
        )}
        {kind === 'treatment' && (
          <fieldset>
            <legend>Has treatment helped so far?</legend>
            <div class="choices">
              {[['yes', 'Yes'], ['no', 'No'], ['', 'Too early to say']].map(([value, label]) => (
                <label class="choice" key={value}>
                  <input type="radio" name="helped" value={value}
                    checked={(fields.helped ?? '') === value}
                    onChange={() => setFields({ ...fields, helped: value })} />
                  <span>{label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {text('note', 'Note (optional)', 'Anything you want to remember.')}
        <ErrorNote error={error} />
        <p class="actions">
          <button type="submit" disabled={busy}>Save</button>
        </p>
      </form>
      <div aria-live="polite">
        {outcome && <ChangedCard shown={outcome} onChange={changed} />}
      </div>
      <Unrated onRated={(rated) => { setOutcome(saved(rated)); history.reload(); }} />
      <Recent data={history.data} units={units} onChanged={changed} />
    </>
  );
}
