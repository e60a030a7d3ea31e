// Runs, logged and imported: the list, and one run with its laps, splits and where the
// pain started, which can be set from a lap press, a distance or a time. A run can be
// corrected or deleted (a wrong imported one: a bike ride), and the change undone.
import { useMemo, useState } from 'preact/hooks';
import type uPlot from 'uplot';

import { api, type LogEntry, type RecordingSource, type RunDetail } from '../api';
import { Chart, colour, useScheme } from '../chart';
import { ChangedCard, EntryEditor, correctionShown, showOutcome, type Shown } from '../corrections';
import { UserText } from '../entries';
import { dateWithYear, distance, duration, inUnits, pace, type Units } from '../format';
import { useSettings } from '../settings';
import { ErrorNote, Loading, PageTitle, useLoad } from '../ui';

export function RunsPage() {
  const { data: runs, error, reload } = useLoad((signal) => api.runs(signal), []);
  const { settings, error: settingsError } = useSettings();
  const [shown, setShown] = useState<Shown | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const changed = (next: Shown) => {
    setShown(next);
    reload();
    showOutcome();
  };
  const remove = async (id: number) => {
    try {
      changed(correctionShown('Deleted. What changed in your plan', await api.deleteLog(id)));
      setFailed(null);
    } catch (err) {
      setFailed(err);
    }
  };
  if (error || settingsError) return (<><PageTitle>Runs</PageTitle><ErrorNote error={error ?? settingsError} /></>);
  if (!runs || !settings) return (<><PageTitle>Runs</PageTitle><Loading /></>);
  const units = settings.units;
  return (
    <>
      <PageTitle>Runs</PageTitle>
      <div aria-live="polite">{shown && <ChangedCard shown={shown} onChange={changed} />}</div>
      <ErrorNote error={failed} />
      {runs.length === 0 ? (
        <p>No runs yet. <a href="#/log">Log a run</a> or <a href="#/import">import from your watch</a>.</p>
      ) : (
        <div class="scroll" tabIndex={0} role="region" aria-labelledby="runs-caption">
          <table>
            <caption id="runs-caption">Your runs, newest first<span class="narrow-only">: tap a date for the pace, the verdict, to edit or delete</span></caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Distance</th>
                <th scope="col">Time</th>
                <th scope="col" class="wide-only">Pace</th>
                <th scope="col">Pain</th>
                <th scope="col" class="wide-only">Verdict</th>
                <th scope="col" class="wide-only">From</th>
                <th scope="col" class="wide-only">Change</th>
              </tr>
            </thead>
            <tbody>
              {[...runs].reverse().map((run) => (
                <tr key={run.id}>
                  <td id={`run-${run.id}`} class="date">
                    <a href={`#/runs/${run.id}`}>{dateWithYear(run.date)}</a>
                    {run.title && <span class="run-title"><UserText text={run.title} /></span>}
                  </td>
                  <td>{run.distance_m === null ? 'not recorded' : distance(run.distance_m, units)}</td>
                  <td class="nowrap">{duration(run.duration_s)}</td>
                  <td class="nowrap wide-only">{run.distance_m !== null && run.distance_m > 0 ? pace(run.duration_s / (run.distance_m / 1000), units) : '–'}</td>
                  <td>{run.pain ?? 'not yet'}</td>
                  <td class="wide-only">{run.verdict_text ?? '–'}{run.spike ? ' (longer than the guard allowed)' : ''}</td>
                  <td class="wide-only">{run.source === 'manual' ? 'logged' : run.recording_source && run.recording_source !== 'file' ? serviceNames[run.recording_source] : 'watch file'}</td>
                  <td class="wide-only">
                    <span class="entry-actions">
                      <a class="button secondary small" href={`#/runs/${run.id}`} aria-describedby={`run-${run.id}`}>Edit</a>
                      <button type="button" class="secondary small" aria-describedby={`run-${run.id}`}
                        onClick={() => remove(run.id)}>Delete</button>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

const minutesPerUnit = (secondsPerKm: number, units: Units) =>
  (units === 'mi' ? secondsPerKm * 1.609344 : secondsPerKm) / 60;

// Pace along the run, each point over the last 200 m (steadier than point to point), and
// where the pain started.
function PaceAlongTheRun({ run, units }: { run: RunDetail; units: Units }) {
  const scheme = useScheme();
  // The stretches of the chart and its table, in the runner's units.
  const over = units === 'mi' ? '1/8 mi' : '200 m';
  const every = units === 'mi' ? '0.15 mi' : '250 m';
  const rows = useMemo(() => {
    const points = run.profile;
    const out: { distance_m: number; pace_s_per_km: number }[] = [];
    for (let i = 1; i < points.length; i += 1) {
      const from = points[Math.max(0, i - 4)];
      const metres = points[i][0] - from[0];
      if (metres > 0) out.push({ distance_m: points[i][0], pace_s_per_km: ((points[i][1] - from[1]) / metres) * 1000 });
    }
    return out;
  }, [run]);
  const data = useMemo<uPlot.AlignedData>(() => {
    const xs = rows.map((r) => inUnits(r.distance_m, units));
    const paces = rows.map((r) => minutesPerUnit(r.pace_s_per_km, units));
    // The onset as a point on the pace line, at the nearest profile point.
    let nearest = -1;
    if (run.onset_m !== null) {
      let best = Infinity;
      rows.forEach((r, i) => {
        const gap = Math.abs(r.distance_m - run.onset_m!);
        if (gap < best) [best, nearest] = [gap, i];
      });
    }
    return [xs, paces, paces.map((v, i) => (i === nearest ? v : null))];
  }, [rows, units, run.onset_m]);
  const options = useMemo(() => ({
    legend: { live: false },
    scales: { x: { time: false }, y: { dir: -1 as const } },
    axes: [
      { label: `Distance (${units})` },
      {
        label: `Pace (min/${units})`,
        values: (_u: uPlot, splits: number[]) =>
          splits.map((v) => `${Math.floor(v)}:${String(Math.round((v % 1) * 60)).padStart(2, '0')}`),
      },
    ],
    series: [
      {},
      { label: 'Pace', stroke: colour('chart-pace'), width: 2 },
      { label: 'Where the pain started', stroke: colour('chart-pain'), paths: () => null, points: { show: true, size: 12, fill: colour('chart-pain') } },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [units, scheme]);
  if (rows.length < 2) return null;
  return (
    <Chart id="pace-along" title="Pace along the run" options={options} data={data}
      description={`Pace over each ${over} (higher is faster)${run.onset_m !== null ? ', and the point where the pain started' : ''}.`}
      table={
        <table>
          <caption>Pace every {every}</caption>
          <thead><tr><th scope="col">At</th><th scope="col">Pace over the last {over}</th></tr></thead>
          <tbody>
            {rows.filter((_, i) => (i + 1) % 5 === 0 || i === rows.length - 1).map((r) => (
              <tr key={r.distance_m}><td>{distance(r.distance_m, units)}</td><td>{pace(r.pace_s_per_km, units)}</td></tr>
            ))}
          </tbody>
        </table>
      } />
  );
}

const clock = (seconds: number) => duration(seconds);

// Heart rate and cadence along the run, each point the average over 50 m (or 15 s on a
// run recorded by time only): over distance when the run has one, else over time.
function HeartAndCadence({ run, units }: { run: RunDetail; units: Units }) {
  const scheme = useScheme();
  const along = run.along;
  const byDistance = along.distance_m.length > 0 && along.distance_m.every((d) => d !== null);
  const hasHr = along.heart_rate_bpm.some((v) => v !== null);
  const hasCadence = along.cadence_spm.some((v) => v !== null);
  // Only the series the watch recorded: a hidden one would still sit, faded, in the legend.
  const data = useMemo<uPlot.AlignedData>(() => [
    byDistance ? along.distance_m.map((d) => inUnits(d ?? 0, units)) : along.elapsed_s.map((t) => t / 60),
    ...(hasHr ? [along.heart_rate_bpm] : []),
    ...(hasCadence ? [along.cadence_spm] : []),
  ], [along, byDistance, units, hasHr, hasCadence]);
  const options = useMemo(() => ({
    legend: { live: false },
    scales: { x: { time: false }, bpm: { auto: true }, spm: { auto: true } },
    axes: [
      { label: byDistance ? `Distance (${units})` : 'Time (minutes)' },
      ...(hasHr ? [{ scale: 'bpm', label: 'Heart rate (bpm)', stroke: colour('chart-pain') }] : []),
      ...(hasCadence
        ? [{ scale: 'spm', label: 'Cadence (steps/min)', stroke: colour('chart-cap'), ...(hasHr ? { side: 1, grid: { show: false } } : {}) }]
        : []),
    ],
    series: [
      {},
      ...(hasHr ? [{ label: 'Heart rate', scale: 'bpm', stroke: colour('chart-pain'), width: 2 }] : []),
      ...(hasCadence ? [{ label: 'Cadence', scale: 'spm', stroke: colour('chart-cap'), width: 2, dash: [6, 4] }] : []),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [byDistance, units, hasHr, hasCadence, scheme]);
  if (along.elapsed_s.length < 2 || (!hasHr && !hasCadence)) return null;
  const what = hasHr && hasCadence ? 'Heart rate and cadence' : hasHr ? 'Heart rate' : 'Cadence';
  const step = byDistance ? 10 : 4;
  const rows = along.elapsed_s.map((t, i) => ({ t, d: along.distance_m[i], hr: along.heart_rate_bpm[i], spm: along.cadence_spm[i] }))
    .filter((_, i) => (i + 1) % step === 0 || i === along.elapsed_s.length - 1);
  return (
    <Chart id="heart-cadence" title={`${what} along the run`} options={options} data={data}
      description={`${what} over the ${byDistance ? 'distance' : 'time'} of the run, as the watch recorded ${hasHr && hasCadence ? 'them' : 'it'}${hasHr && hasCadence ? ': heart rate (solid, left scale) and cadence (dashed, right scale)' : ''}.`}
      table={
        <table>
          <caption>{what} every {byDistance ? (units === 'mi' ? '0.3 mi' : '500 m') : 'minute'}</caption>
          <thead>
            <tr>
              <th scope="col">At</th>
              {hasHr && <th scope="col">Heart rate</th>}
              {hasCadence && <th scope="col">Cadence</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.t}>
                <td>{r.d !== null && byDistance ? distance(r.d, units) : clock(r.t)}</td>
                {hasHr && <td>{r.hr === null ? '–' : `${Math.round(r.hr)} bpm`}</td>}
                {hasCadence && <td>{r.spm === null ? '–' : `${Math.round(r.spm)} steps/min`}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      } />
  );
}

function OnsetForm({ run, units, onSaved }: { run: RunDetail; units: Units; onSaved: () => void }) {
  const manual = run.laps.filter((lap) => lap.trigger === 'manual');
  const [lap, setLap] = useState(manual.length > 0 ? String(manual[0].number) : run.laps.length > 0 ? '1' : '');
  const [point, setPoint] = useState('');
  const [error, setError] = useState<unknown>(null);
  const save = async (body: { lap: number } | { onset: string }) => {
    try {
      await api.setOnset(run.id, body);
      setError(null);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section class="card" aria-labelledby="onset-heading">
      <h2 id="onset-heading">Where the pain started</h2>
      <p>
        {run.onset_m !== null
          ? `At ${distance(run.onset_m, units)}${run.onset_s !== null ? `, after ${duration(run.onset_s)}` : ''}.`
          : 'Not set.'}{' '}
        Knowing it helps the plan keep your runs short of it.
      </p>
      {run.laps.length > 0 && (
        <form class="inline" onSubmit={(e) => { e.preventDefault(); save({ lap: Number(lap) }); }}>
          <p>
            <label for="onset-lap">At the end of lap</label>
            <select id="onset-lap" value={lap} onChange={(e) => setLap((e.target as HTMLSelectElement).value)}>
              {run.laps.map((l) => (
                <option key={l.number} value={String(l.number)}>
                  {l.number}{l.trigger === 'manual' ? ' (lap button)' : ''}
                </option>
              ))}
            </select>
          </p>
          <button type="submit">Set from the lap</button>
        </form>
      )}
      <form class="inline" onSubmit={(e) => { e.preventDefault(); save({ onset: point }); }}>
        <p>
          <label for="onset-point">At a distance or a time</label>
          <input id="onset-point" type="text" value={point} required aria-describedby="onset-point-hint"
            onInput={(e) => setPoint((e.target as HTMLInputElement).value)} />
          <span class="hint" id="onset-point-hint">For example 1.6{units} or 9min.</span>
        </p>
        <button type="submit" class="secondary">Set</button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}

// Correct or delete this run; after a delete, the page says what changed and offers undo.
function CorrectRun({ run, units, shown, onChange }: {
  run: RunDetail;
  units: Units;
  shown: Shown | null;
  onChange: (shown: Shown) => void;
}) {
  const [entry, setEntry] = useState<LogEntry | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<void>) => {
    try {
      await work();
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const edit = () => act(async () => {
    const found = (await api.history()).find((e) => e.id === run.id);
    if (!found) throw new Error('this run is no longer in the log');
    setEntry(found);
  });
  const remove = () => act(async () => onChange(correctionShown('Deleted. What changed in your plan', await api.deleteLog(run.id))));
  return (
    <section aria-labelledby="correct-heading">
      <h2 id="correct-heading" class="visually-hidden">Correct this run</h2>
      <div aria-live="polite">{shown && <ChangedCard shown={shown} onChange={onChange} />}</div>
      <ErrorNote error={error} />
      {entry ? (
        <EntryEditor entry={entry} units={units} onCancel={() => setEntry(null)}
          onSaved={(answer) => { setEntry(null); onChange(correctionShown('Corrected. What changed in your plan', answer)); }} />
      ) : (
        <p class="actions">
          <button type="button" class="secondary" onClick={edit}>Edit this run</button>
          <button type="button" class="secondary" onClick={remove}>Delete this run</button>
        </p>
      )}
    </section>
  );
}

const serviceNames: Record<RecordingSource, string> = {
  file: 'a watch file',
  strava: 'Strava',
  garmin: 'Garmin Connect',
  apple: 'Apple Health',
};

// Where else the same run came from, each place once, the run's own left out.
function alsoIn(run: RunDetail): string[] {
  const own = run.recording_source ?? 'file';
  const names = new Set((run.aliases ?? []).filter((a) => a.source !== own).map((a) => serviceNames[a.source]));
  return [...names].sort();
}

export function RunPage({ id }: { id: number }) {
  // Aborted when the page moves to another run, so one run's answer never shows as another's.
  const { data: run, error, reload } = useLoad((signal) => api.run(id, signal), [id]);
  const { settings } = useSettings();
  const [shown, setShown] = useState<Shown | null>(null);
  const changed = (next: Shown) => {
    setShown(next);
    reload();
    showOutcome();
  };
  if (error) {
    return (
      <>
        <PageTitle>Run</PageTitle>
        {shown ? <ChangedCard shown={shown} onChange={changed} /> : <ErrorNote error={error} />}
        <p><a href="#/runs">All runs</a></p>
      </>
    );
  }
  if (!run || !settings) return (<><PageTitle>Run</PageTitle><Loading /></>);
  const units = settings.units;
  // The heart-rate column only when the watch recorded one.
  const splitsHaveHr = run.splits.some((split) => split.avg_hr_bpm !== null);
  return (
    <>
      <PageTitle>Run on {run.date}</PageTitle>
      <p><a href="#/runs">All runs</a></p>
      {run.title && <p class="run-name"><UserText text={run.title} /></p>}
      {run.description && <p class="run-description"><UserText text={run.description} /></p>}
      <dl class="facts">
        <div><dt>Distance</dt><dd>{run.distance_m === null ? 'not recorded' : distance(run.distance_m, units)}</dd></div>
        <div><dt>Time</dt><dd>{duration(run.duration_s)}</dd></div>
        {run.distance_m !== null && run.distance_m > 0 && <div><dt>Pace</dt><dd>{pace(run.duration_s / (run.distance_m / 1000), units)}</dd></div>}
        {run.avg_hr_bpm != null && <div><dt>Heart rate</dt><dd>{Math.round(run.avg_hr_bpm)} bpm</dd></div>}
        {run.avg_cadence_spm != null && <div><dt>Cadence</dt><dd>{Math.round(run.avg_cadence_spm)} steps/min</dd></div>}
        <div><dt>Pain during</dt><dd>{run.pain ?? 'not given yet'}</dd></div>
        {run.recording_source && run.recording_source !== 'file' && <div><dt>From</dt><dd>{serviceNames[run.recording_source]}</dd></div>}
        {alsoIn(run).length > 0 && <div><dt>Also in</dt><dd>{alsoIn(run).join(', ')}</dd></div>}
      </dl>
      {run.reason && <p class="note">{run.reason}</p>}
      {run.pain === null && <p>Say how your back felt during this run on the <a href="#/log">log page</a>.</p>}
      <CorrectRun run={run} units={units} shown={shown} onChange={changed} />
      <OnsetForm run={run} units={units} onSaved={reload} />
      <PaceAlongTheRun run={run} units={units} />
      <HeartAndCadence run={run} units={units} />
      {run.laps.length > 0 && (
        <div class="scroll" tabIndex={0} role="region" aria-labelledby="laps-caption">
          <table>
            <caption id="laps-caption">Laps</caption>
            <thead><tr><th scope="col">Lap</th><th scope="col">Starts at</th><th scope="col">Time</th><th scope="col">Distance</th><th scope="col">Ended by</th></tr></thead>
            <tbody>
              {run.laps.map((lap) => (
                <tr key={lap.number}>
                  <td>{lap.number}</td>
                  <td>{duration(lap.start_s)}</td>
                  <td>{duration(lap.elapsed_s)}</td>
                  <td>{lap.distance_m === null ? '–' : distance(lap.distance_m, units)}</td>
                  <td>{lap.trigger === 'manual' ? 'lap button' : lap.trigger.replace(/_/g, ' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {run.splits.length > 0 && (
        <div class="scroll" tabIndex={0} role="region" aria-labelledby="splits-caption">
          <table>
            <caption id="splits-caption">Splits per {units}</caption>
            <thead><tr><th scope="col">{units}</th><th scope="col">Distance</th><th scope="col">Time</th><th scope="col">Pace</th>{splitsHaveHr && <th scope="col">Heart rate</th>}</tr></thead>
            <tbody>
              {run.splits.map((split) => (
                <tr key={split.number}>
                  <td>{split.number}</td>
                  <td>{distance(split.distance_m, units)}</td>
                  <td>{duration(split.duration_s)}</td>
                  <td>{split.pace_text ?? '–'}</td>
                  {splitsHaveHr && <td>{split.avg_hr_bpm === null ? '–' : `${Math.round(split.avg_hr_bpm)} bpm`}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
