// Units, runs a week, reading the pain onset from a lap press; exports.
import { useState } from 'preact/hooks';

import { useWho } from '../account';
import { api, downloads, type SettingsChange } from '../api';
import { useSettings } from '../settings';
import { ErrorNote, Loading, PageTitle } from '../ui';
import { AccountSection } from './account';

// A backup restored over what is there brings its own settings: `onRestored` fetches them.
// On the clinic server the same upload moves a runner's history from the local app in.
function Restore({ onRestored, clinic }: { onRestored: () => void; clinic: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [done, setDone] = useState<string>('');
  const [error, setError] = useState<unknown>(null);
  return (
    <section aria-labelledby="restore-heading">
      <h2 id="restore-heading">{clinic ? 'Bring your history from backstride on your computer' : 'Restore a backup'}</h2>
      {clinic && (
        <p>
          If you used backstride on your own computer before, you can move everything from it
          into this account: there, open Settings and choose <strong>All your data (.json)</strong>,
          then choose that file here.
        </p>
      )}
      <form
        class="card"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file) return;
          try {
            const counts = await api.restore(file, replace);
            setDone(`Restored ${counts.assessments} assessments, ${counts.plans} plans and ${counts.log_entries} log entries.`);
            setError(null);
            onRestored();
          } catch (err) {
            setError(err);
            setDone('');
          }
        }}
      >
        <p>
          <label for="restore-file">{clinic ? 'The file from your computer (.json)' : 'A backup made here (.json)'}</label>
          <input id="restore-file" type="file" accept=".json,application/json" required
            onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
        </p>
        <p>
          <label class="choice">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace((e.target as HTMLInputElement).checked)} />
            <span>
              {clinic
                ? 'Replace what this account holds now (otherwise the file goes only into an account with nothing in it yet)'
                : 'Replace everything stored here (otherwise a backup goes only into an empty app)'}
            </span>
          </label>
        </p>
        <ErrorNote error={error} />
        <p class="actions">
          <button type="submit" class="secondary">{clinic ? 'Bring it in' : 'Restore'}</button>
          <span role="status">{done}</span>
        </p>
      </form>
    </section>
  );
}

export function SettingsPage() {
  const { settings, error, save, reload } = useSettings();
  const { account } = useWho();
  // What the runner changed and has not saved yet, over the saved settings.
  const [edits, setEdits] = useState<SettingsChange>({});
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  if (error) return (<><PageTitle>Settings</PageTitle><ErrorNote error={error} /></>);
  if (!settings) return (<><PageTitle>Settings</PageTitle><Loading /></>);
  const form = { ...settings, ...edits };
  const change = (part: SettingsChange) => {
    setEdits({ ...edits, ...part });
    setSaved(false);
  };
  return (
    <>
      <PageTitle>Settings</PageTitle>
      <form
        class="card"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await save(form);
            setEdits({});
            setSaved(true);
            setSaveError(null);
          } catch (err) {
            setSaveError(err);
          }
        }}
      >
        <fieldset>
          <legend>Units</legend>
          <div class="choices">
            {(['km', 'mi'] as const).map((units) => (
              <label class="choice" key={units}>
                <input type="radio" name="units" value={units} checked={form.units === units}
                  onChange={() => change({ units })} />
                <span>{units === 'km' ? 'Kilometres' : 'Miles'}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <p>
          <label for="runs-per-week">Runs a week (for your next plan)</label>
          <select id="runs-per-week" value={String(form.runs_per_week)}
            onChange={(e) => change({ runs_per_week: Number((e.target as HTMLSelectElement).value) })}>
            {[2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>{n}</option>
            ))}
          </select>
        </p>
        <p>
          <label class="choice">
            <input type="checkbox" checked={form.onset_lap}
              onChange={(e) => change({ onset_lap: (e.target as HTMLInputElement).checked })} />
            <span>When I press the lap button during a run, it marks where the pain started</span>
          </label>
        </p>
        <ErrorNote error={saveError} />
        <p class="actions">
          <button type="submit">Save settings</button>
          <span role="status">{saved ? 'Saved.' : ''}</span>
        </p>
      </form>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p>
          Put your plan in your calendar (it updates the same events when you export again), or
          keep a copy of everything to restore later or on another computer.
        </p>
        <p class="actions">
          <a class="button" href={downloads.calendar} download>Plan for your calendar (.ics)</a>
          <a class="button secondary" href={downloads.everything} download>All your data (.json)</a>
        </p>
      </section>
      <Restore onRestored={reload} clinic={account !== null} />
      {account && <AccountSection level={3} />}
    </>
  );
}
