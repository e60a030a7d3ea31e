// Correcting the log: an entry's edit form, and the card that says what a change did to
// the plan with an Undo button beside it. Deleting asks nothing: it happens at once and
// the card offers to undo it, which is kinder than a dialog and just as safe (the app
// keeps the deleted entry, so undo puts back exactly what was there).
import { useState } from 'preact/hooks';

import { api, type Correction, type LogEntry, type LogForm } from './api';
import { inUnits, type Units } from './format';
import { ErrorNote, PainSelect, ReserveChoice } from './ui';

export interface Shown {
  title: string;
  changes: string[];
  undo?: string | null;
}

// What a change did, with Undo when there is something to undo. `onChange` gets the
// answer to the undo (which can itself be undone, one step further back).
export function ChangedCard({ shown, onChange }: { shown: Shown; onChange: (shown: Shown) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    setBusy(true);
    try {
      const answer = await api.undo();
      setError(null);
      onChange({ title: 'Undone. What changed in your plan', changes: answer.changes, undo: answer.undo });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card outcome" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">{shown.title}</h2>
      <ul>
        {shown.changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      <ErrorNote error={error} />
      {shown.undo && (
        <p class="actions">
          <button type="button" class="secondary" disabled={busy} onClick={undo}>
            {shown.undo}
          </button>
        </p>
      )}
    </section>
  );
}

export function correctionShown(title: string, answer: Correction): Shown {
  return { title, changes: answer.changes, undo: answer.undo };
}

// Brings the answer into view (on a phone it is often below the fold).
export function showOutcome() {
  requestAnimationFrame(() => document.querySelector('.outcome')?.scrollIntoView({ block: 'nearest' }));
}

function number(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

function timeText(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

// The entry as the form's text fields, in the runner's units.
function fieldsOf(entry: LogEntry, units: Units): Record<string, string> {
  const fields: Record<string, string> = { date: entry.date, note: entry.note };
  if (entry.distance_m !== null) fields.distance = number(inUnits(entry.distance_m, units), 3);
  if (entry.duration_s !== null) fields.time = timeText(entry.duration_s);
  if (entry.pain !== null) fields.pain = String(entry.pain);
  if (entry.pain_before !== null) fields.pain_before = String(entry.pain_before);
  if (entry.reps_in_reserve !== null) fields.reserve = String(entry.reps_in_reserve);
  if (entry.onset_m !== null) fields.onset = `${number(inUnits(entry.onset_m, units), 3)}${units}`;
  else if (entry.onset_s !== null) fields.onset = timeText(entry.onset_s);
  if (entry.done !== null) fields.done = entry.done ? 'done' : 'skipped';
  if (entry.helped !== null) fields.helped = entry.helped ? 'yes' : 'no';
  return fields;
}

// Edits one entry: the fields its kind has, filled in; Save sends the whole entry.
export function EntryEditor({ entry, units, onSaved, onCancel }: {
  entry: LogEntry;
  units: Units;
  onSaved: (answer: Correction) => void;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState<Record<string, string>>(() => fieldsOf(entry, units));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `edit-${entry.id}-${name}`;
  const set = (name: string) => (value: string) => setFields({ ...fields, [name]: value });
  const text = (name: string, label: string, hint: string, required = false) => (
    <p>
      <label for={id(name)}>{label}</label>
      <input id={id(name)} type="text" value={fields[name] ?? ''} required={required} autoComplete="off"
        inputMode={name === 'distance' ? 'decimal' : undefined} dir={name === 'note' ? 'auto' : undefined}
        aria-describedby={hint ? id(`${name}-hint`) : undefined}
        onInput={(e) => set(name)((e.target as HTMLInputElement).value)} />
      {hint && <span class="hint" id={id(`${name}-hint`)}>{hint}</span>}
    </p>
  );
  const kind = entry.kind;
  const session = ['strength', 'sprint', 'mobility', 'treatment'].includes(kind);
  // Strength and sprints also say how the session felt, when it was done.
  const felt = ['strength', 'sprint'].includes(kind) && (fields.done ?? 'done') !== 'skipped';

  const save = async (e: Event) => {
    e.preventDefault();
    const form: LogForm = { kind, date: fields.date };
    if (kind === 'run') {
      form.distance = fields.distance;
      form.time = fields.time;
      if (fields.onset) form.onset = fields.onset;
      if (fields.pain_before) form.pain_before = Number(fields.pain_before);
    }
    if (fields.pain && (['run', 'morning', 'checkin'].includes(kind) || felt)) form.pain = Number(fields.pain);
    if (felt && fields.reserve) form.reserve = Number(fields.reserve);
    if (session) form.done = (fields.done ?? 'done') !== 'skipped';
    if (kind === 'treatment' && (fields.helped === 'yes' || fields.helped === 'no')) form.helped = fields.helped;
    if (fields.note) form.note = fields.note;
    setBusy(true);
    try {
      onSaved(await api.editLog(entry.id, form));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card editor" onSubmit={save} aria-label={`Correct the entry of ${entry.date}`}>
      <p>
        <label for={id('date')}>Date</label>
        <input id={id('date')} type="date" value={fields.date ?? ''} required
          onInput={(e) => set('date')((e.target as HTMLInputElement).value)} />
      </p>
      {kind === 'run' && (
        <>
          {text('distance', `Distance (${units})`, 'For example 2.1.', true)}
          {text('time', 'Time', 'Minutes and seconds, for example 12:34.', true)}
          <PainSelect id={id('pain')} label="Back pain during the run" value={fields.pain ?? ''} onChange={set('pain')}
            optional={entry.pain === null} />
          {text('onset', 'Where the pain started (optional)', `A distance (1.6${units}) or a time (9min).`)}
          <PainSelect id={id('pain_before')} label="Back pain just before (optional)" value={fields.pain_before ?? ''}
            onChange={set('pain_before')} optional />
        </>
      )}
      {(kind === 'morning' || kind === 'checkin') && (
        <PainSelect id={id('pain')} label="Back pain, 0 to 10" value={fields.pain ?? ''} onChange={set('pain')} />
      )}
      {session && (
        <p>
          <label for={id('done')}>Done or skipped</label>
          <select id={id('done')} value={fields.done ?? 'done'} onChange={(e) => set('done')((e.target as HTMLSelectElement).value)}>
            <option value="done">Done</option>
            <option value="skipped">Skipped</option>
          </select>
        </p>
      )}
      {felt && (
        <>
          <PainSelect id={id('pain')} label="Back pain during, 0 to 10" value={fields.pain ?? ''} onChange={set('pain')}
            optional />
          <ReserveChoice id={id('reserve')} value={fields.reserve ?? ''} onChange={set('reserve')} />
        </>
      )}
      {kind === 'treatment' && (
        <p>
          <label for={id('helped')}>Has treatment helped?</label>
          <select id={id('helped')} value={fields.helped ?? ''} onChange={(e) => set('helped')((e.target as HTMLSelectElement).value)}>
            <option value="yes">Yes</option>
            <option value="no">No</option>
            <option value="">Too early to say</option>
          </select>
        </p>
      )}
      {text('note', 'Note (optional)', '')}
      <ErrorNote error={error} />
      <p class="actions">
        <button type="submit" disabled={busy}>Save the correction</button>
        <button type="button" class="secondary" onClick={onCancel}>Cancel</button>
      </p>
    </form>
  );
}
