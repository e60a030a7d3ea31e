// Units, runs a week, reading the pain onset from a lap press; exports.
import { useEffect, useState } from 'preact/hooks';

import { api, type Settings } from '../api';
import { ErrorNote, Loading, PageTitle, useLoad } from '../ui';

export function SettingsPage() {
  const { data, error } = useLoad(api.settings);
  const [form, setForm] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  useEffect(() => setForm(data), [data]);
  if (error) return (<><PageTitle>Settings</PageTitle><ErrorNote error={error} /></>);
  if (!form) return (<><PageTitle>Settings</PageTitle><Loading /></>);
  const change = (part: Partial<Settings>) => {
    setForm({ ...form, ...part });
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
            setForm(await api.saveSettings(form));
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
          <a class="button" href="/api/export.ics" download>Plan for your calendar (.ics)</a>
          <a class="button secondary" href="/api/export.json" download>All your data (.json)</a>
        </p>
      </section>
    </>
  );
}
