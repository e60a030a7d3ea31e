// Progress: the cap and pace over time, pain against distance with where it started,
// and the distance run each week. Each chart has its table.
import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';

import { api, type Progress, type ProgressRun } from '../api';
import { Chart } from '../chart';
import { distance, duration, inUnits, pace, type Units } from '../format';
import { useSettings } from '../settings';
import { ErrorNote, Loading, PageTitle, useLoad } from '../ui';

const DAY = 86400;
const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`) / 1000;

// A time axis in whole days ("3 Mar"), with a margin so one point is not at the edge.
const dateScale = {
  time: true,
  range: (_u: uPlot, min: number, max: number): [number, number] =>
    min === max ? [min - 7 * DAY, max + 7 * DAY] : [min - 2 * DAY, max + 2 * DAY],
};
const dateAxis = {
  incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 182 * DAY, 364 * DAY],
  values: (_u: uPlot, splits: number[]) =>
    splits.map((v) =>
      new Date(v * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' }),
    ),
};
const minutes = (_u: uPlot, splits: number[]) =>
  splits.map((v) => `${Math.floor(v)}:${String(Math.round((v % 1) * 60)).padStart(2, '0')}`);
const colours = { cap: '#1b5e20', pace: '#0d47a1', pain: '#b71c1c', onset: '#e65100', load: '#4a148c' };

function CapAndPace({ progress, units }: { progress: Progress; units: Units }) {
  const runs = progress.runs;
  // A plan's cap is a distance or, when the pain came after some minutes, a time; the chart
  // shows the kind of the latest one.
  const latest = [...runs].reverse().find((r) => r.cap_after !== null)?.cap_after;
  const timeCaps = latest?.unit === 'time';
  const data = useMemo<uPlot.AlignedData>(() => {
    const capValue = (r: ProgressRun) =>
      r.cap_after === null || (r.cap_after.unit === 'time') !== timeCaps
        ? null
        : timeCaps
          ? r.cap_after.value / 60
          : inUnits(r.cap_after.value, units);
    return [
      runs.map((r) => day(r.date)),
      runs.map(capValue),
      runs.map((r) => (r.pace_s_per_km === null ? null : (units === 'mi' ? r.pace_s_per_km * 1.609344 : r.pace_s_per_km) / 60)),
    ];
  }, [runs, units, timeCaps]);
  const options = useMemo(() => ({
    legend: { live: false },
    scales: { x: dateScale, cap: {}, pace: { dir: -1 as const } },
    axes: [
      dateAxis,
      { scale: 'cap', label: timeCaps ? 'Cap (minutes)' : `Cap (${units})` },
      { scale: 'pace', side: 1 as const, label: `Pace (min/${units})`, grid: { show: false }, values: minutes },
    ],
    series: [
      {},
      { label: 'Cap', scale: 'cap', stroke: colours.cap, width: 2, points: { show: true } },
      { label: 'Pace', scale: 'pace', stroke: colours.pace, width: 2, dash: [6, 4], points: { show: true } },
    ],
  }), [units, timeCaps]);
  return (
    <Chart id="cap" title="Cap and pace" options={options} data={data}
      description={`Your run cap after each run (solid), and your pace (dashed; higher on the chart is faster).`}
      table={
        <table>
          <caption>Cap and pace by run</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Distance</th><th scope="col">Pace</th><th scope="col">Cap after</th><th scope="col">Verdict</th></tr></thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>{r.date}</td>
                <td>{distance(r.distance_m, units)}</td>
                <td>{r.pace_s_per_km === null ? '–' : pace(r.pace_s_per_km, units)}</td>
                <td>{r.cap_after?.text ?? '–'}</td>
                <td>{r.verdict_text ?? 'no pain score yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      } />
  );
}

function PainAndDistance({ progress, units }: { progress: Progress; units: Units }) {
  const rated = useMemo(() => progress.runs.filter((r) => r.pain !== null), [progress]);
  const data = useMemo<uPlot.AlignedData>(() => {
    // One x per point: the run's distance (pain) or its onset (where the pain started).
    const points: [number, number | null, number | null][] = [];
    for (const r of rated) {
      points.push([inUnits(r.distance_m, units), r.pain, null]);
      if (r.onset_m !== null) points.push([inUnits(r.onset_m, units), null, r.pain]);
    }
    points.sort((a, b) => a[0] - b[0]);
    return [points.map((p) => p[0]), points.map((p) => p[1]), points.map((p) => p[2])];
  }, [rated, units]);
  const options = useMemo(() => ({
    legend: { live: false },
    scales: { x: { time: false, range: (_u: uPlot, _min: number, max: number): [number, number] => [0, Math.max(1, Math.ceil(max * 1.1))] }, y: { range: [0, 10] as [number, number] } },
    axes: [{ label: `Distance (${units})` }, { label: 'Pain (0-10)' }],
    series: [
      {},
      { label: 'Pain during the run, at its distance', stroke: colours.pain, paths: () => null, points: { show: true, size: 9, fill: colours.pain } },
      { label: 'Where the pain started', stroke: colours.onset, paths: () => null, points: { show: true, size: 9, fill: '#fff' } },
    ],
  }), [units]);
  if (rated.length === 0) {
    return (
      <section aria-labelledby="pain-title">
        <h2 id="pain-title">Pain and distance</h2>
        <p>
          No pain scores yet. Say how your back felt during your runs on the{' '}
          <a href="#/log">log page</a>, and this chart shows pain against distance.
        </p>
      </section>
    );
  }
  return (
    <Chart id="pain" title="Pain and distance" options={options} data={data}
      description="Each run's pain against how far you ran (filled), and where the pain started when you noted it (hollow)."
      table={
        <table>
          <caption>Pain and onset by run</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Distance</th><th scope="col">Time</th><th scope="col">Pain</th><th scope="col">Pain started at</th></tr></thead>
          <tbody>
            {rated.map((r) => (
              <tr key={r.id}>
                <td>{r.date}</td>
                <td>{distance(r.distance_m, units)}</td>
                <td>{duration(r.duration_s)}</td>
                <td>{r.pain}</td>
                <td>{r.onset_m === null ? '–' : distance(r.onset_m, units)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      } />
  );
}

function WeeklyLoad({ progress, units }: { progress: Progress; units: Units }) {
  const data = useMemo<uPlot.AlignedData>(() => [
    progress.weeks.map((w) => day(w.week_start)),
    progress.weeks.map((w) => inUnits(w.distance_m, units)),
  ], [progress, units]);
  const options = useMemo(() => ({
    legend: { live: false },
    scales: { x: dateScale },
    axes: [dateAxis, { label: `Distance (${units})` }],
    series: [
      {},
      { label: 'Distance that week', stroke: colours.load, fill: 'rgba(74, 20, 140, 0.35)', paths: uPlot.paths.bars!({ size: [0.6, 60] }) },
    ],
  }), [units]);
  return (
    <Chart id="load" title="Weekly load" options={options} data={data}
      description="How far you ran each week, Monday to Sunday."
      table={
        <table>
          <caption>Distance by week</caption>
          <thead><tr><th scope="col">Week from</th><th scope="col">Distance</th></tr></thead>
          <tbody>
            {progress.weeks.map((w) => (
              <tr key={w.week_start}><td>{w.week_start}</td><td>{distance(w.distance_m, units)}</td></tr>
            ))}
          </tbody>
        </table>
      } />
  );
}

export function ProgressPage() {
  const { data: progress, error } = useLoad((signal) => api.progress(signal), []);
  const { settings, error: settingsError } = useSettings();
  if (error || settingsError) return (<><PageTitle>Progress</PageTitle><ErrorNote error={error ?? settingsError} /></>);
  if (!progress || !settings) return (<><PageTitle>Progress</PageTitle><Loading /></>);
  if (progress.runs.length === 0) {
    return (
      <>
        <PageTitle>Progress</PageTitle>
        <p>No runs yet. <a href="#/log">Log a run</a> or <a href="#/import">import from your watch</a>, and your charts appear here.</p>
      </>
    );
  }
  return (
    <>
      <PageTitle>Progress</PageTitle>
      <p>{progress.runs.length} run{progress.runs.length === 1 ? '' : 's'} so far.</p>
      <CapAndPace progress={progress} units={settings.units} />
      <PainAndDistance progress={progress} units={settings.units} />
      <WeeklyLoad progress={progress} units={settings.units} />
    </>
  );
}
