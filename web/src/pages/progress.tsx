// Progress: pain over time with the cap's changes marked, the cap and pace over time, pain
// against distance with where it started, and the distance run each week. The charts open
// on the current plan's period; a switch shows three months, a year or everything. Each
// chart has its table.
import { useMemo, useState } from 'preact/hooks';
import uPlot from 'uplot';

import { api, ApiError, type CapMark, type PainHistory, type PainPoint, type Progress, type ProgressRun } from '../api';
import { Chart, DAY, barAxis, colour, dateAxis, dateScale, day, longDate, useScheme, type Mark } from '../chart';
import { distance, duration, inUnits, pace, type Units } from '../format';
import { useSettings } from '../settings';
import { ErrorNote, Loading, PageTitle, useLoad } from '../ui';

// --- The range ------------------------------------------------------------------------------

type RangeId = 'plan' | '3m' | 'year' | 'all';
const ranges: { id: RangeId; label: string }[] = [
  { id: 'plan', label: 'This plan' },
  { id: '3m', label: '3 months' },
  { id: 'year', label: 'A year' },
  { id: 'all', label: 'All' },
];

// The dates a chart shows, as chart x values (see `day`), both ends included.
interface Range {
  id: RangeId;
  from: number;
  to: number;
}

// Without a plan (`pain` null: no assessment yet, or a route without running), there is no
// plan's period: the charts show everything.
function rangeOf(id: RangeId, pain: PainHistory | null, progress: Progress): Range {
  const today = day(progress.today);
  if (id === 'plan' && !pain) id = 'all';
  switch (id) {
    case 'plan': {
      const start = day(pain!.plan_start);
      // A plan not started yet, or on its first days: its first weeks still show.
      return { id, from: start, to: Math.max(today, start + 14 * DAY) };
    }
    case '3m':
      return { id, from: today - 91 * DAY, to: today };
    case 'year':
      return { id, from: today - 365 * DAY, to: today };
    case 'all': {
      const first = Math.min(
        today,
        ...progress.runs.slice(0, 1).map((r) => day(r.date)),
        ...(pain?.scores ?? []).slice(0, 1).map((s) => day(s.date)),
      );
      return { id, from: first, to: today };
    }
  }
}

const within = (range: Range, iso: string) => {
  const x = day(iso);
  return x >= range.from - DAY / 2 && x <= range.to + DAY / 2;
};

function RangeSwitch({ value, onChange, plan }: { value: RangeId; onChange: (id: RangeId) => void; plan: boolean }) {
  return (
    <fieldset class="range">
      <legend>Show</legend>
      <div class="segmented">
        {ranges.filter((r) => plan || r.id !== 'plan').map((r) => (
          <label key={r.id} class={value === r.id ? 'on' : undefined}>
            <input type="radio" name="range" value={r.id} checked={value === r.id} onChange={() => onChange(r.id)} />
            <span>{r.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const minutes = (_u: uPlot, splits: number[]) =>
  splits.map((v) => `${Math.floor(v)}:${String(Math.round((v % 1) * 60)).padStart(2, '0')}`);

// --- Pain over time -------------------------------------------------------------------------

const markWords: Record<CapMark['mark'], { glyph: string; word: string }> = {
  rise: { glyph: '▲', word: 'Cap rose' },
  hold: { glyph: '■', word: 'Cap held' },
  step_back: { glyph: '▼', word: 'Cap stepped back' },
  pause: { glyph: '‖', word: 'Running paused' },
};

const scoreWords: Record<PainPoint['kind'], string> = {
  run: 'During a run',
  morning: 'Next morning',
  checkin: 'Check-in',
};

function PainOverTime({ pain, range }: { pain: PainHistory; range: Range }) {
  const scheme = useScheme();
  const scores = useMemo(() => pain.scores.filter((s) => within(range, s.date)), [pain, range]);
  const changes = useMemo(() => pain.changes.filter((c) => within(range, c.decision.date)), [pain, range]);
  const [selected, setSelected] = useState<number | null>(null);
  const shown = selected !== null && selected < changes.length ? changes[selected] : changes[changes.length - 1];
  const data = useMemo<uPlot.AlignedData>(() => {
    // One x per day that has a score; each kind its own series.
    const days = [...new Set(scores.map((s) => day(s.date)))].sort((a, b) => a - b);
    const series = (kind: PainPoint['kind']) =>
      days.map((x) => {
        const found = scores.filter((s) => s.kind === kind && day(s.date) === x);
        return found.length ? Math.max(...found.map((s) => s.pain)) : null;
      });
    return [days, series('run'), series('morning'), series('checkin')];
  }, [scores]);
  const options = useMemo(() => ({
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: dateScale(range.from, range.to), y: { range: [0, 10] as [number, number] } },
    axes: [dateAxis, { label: 'Pain (0-10)', splits: () => [0, 2, 4, 6, 8, 10] }],
    series: [
      {},
      { label: scoreWords.run, stroke: colour('chart-pain'), paths: () => null, points: { show: true, size: 10, fill: colour('chart-pain') } },
      { label: scoreWords.morning, stroke: colour('chart-morning'), paths: () => null, points: { show: true, size: 10, width: 2, fill: colour('paper') } },
      { label: scoreWords.checkin, stroke: colour('chart-checkin'), paths: () => null, points: { show: true, size: 7, fill: colour('chart-checkin') } },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [range, scheme]);
  const marks: Mark[] = changes.map((c, i) => ({
    key: `${c.decision.run_id}`,
    x: day(c.decision.date),
    glyph: markWords[c.mark].glyph,
    label: `${markWords[c.mark].word} on ${longDate(c.decision.date)}: show why`,
    className: `mark-${c.mark.replace('_', '-')}`,
    selected: shown === c,
    onSelect: () => setSelected(i),
  }));
  if (scores.length === 0 && changes.length === 0) {
    return (
      <section aria-labelledby="pain-time-title">
        <h2 id="pain-time-title">Pain over time</h2>
        <p>
          Nothing to chart in this period. Say how your back feels on the <a href="#/">Today page</a>: during
          your runs, the next morning, and on any day.
        </p>
      </section>
    );
  }
  return (
    <Chart id="pain-time" title="Pain over time" options={options} data={data} marks={marks}
      description="Your back pain during runs (filled), the next mornings (hollow) and on check-ins (small), with the cap's changes marked: ▲ rose, ■ held, ▼ stepped back, ‖ paused. Tap a mark for the reason."
      table={
        <table>
          <caption>Pain scores</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">When</th><th scope="col">Pain</th><th scope="col">Note</th></tr></thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.id}>
                <td>{longDate(s.date)}</td>
                <td>{scoreWords[s.kind]}</td>
                <td>{s.pain}</td>
                <td><bdi>{s.note}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
      }>
      <div class="mark-reason" aria-live="polite">
        {shown ? (
          <p>
            <strong>{markWords[shown.mark].word}, {longDate(shown.decision.date)}</strong>
            {shown.decision.cap_before.text !== shown.decision.cap_after.text
              ? ` (${shown.decision.cap_before.text} to ${shown.decision.cap_after.text})`
              : ` (${shown.decision.cap_after.text})`}
            : {shown.decision.reason}
          </p>
        ) : (
          <p class="muted">No change to your cap in this period.</p>
        )}
      </div>
    </Chart>
  );
}

// --- Cap and pace ---------------------------------------------------------------------------

function CapAndPace({ runs, units, range }: { runs: ProgressRun[]; units: Units; range: Range }) {
  const scheme = useScheme();
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
      runs.map((r) => (r.pace_s_per_km === null || !r.counts_for_pace ? null : (units === 'mi' ? r.pace_s_per_km * 1.609344 : r.pace_s_per_km) / 60)),
    ];
  }, [runs, units, timeCaps]);
  const options = useMemo(() => ({
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: dateScale(range.from, range.to),
      // From zero, so a cap of 1.25 after 1.00 looks like the quarter more it is.
      cap: { range: (_u: uPlot, _min: number, max: number): [number, number] => [0, Math.max(1, max * 1.15)] },
      pace: { dir: -1 as const },
    },
    axes: [
      dateAxis,
      { scale: 'cap', label: timeCaps ? 'Cap (minutes)' : `Cap (${units})` },
      { scale: 'pace', side: 1 as const, label: `Pace (min/${units})`, grid: { show: false }, values: minutes },
    ],
    series: [
      {},
      { label: 'Cap', scale: 'cap', stroke: colour('chart-cap'), width: 3, points: { show: runs.length <= 60, size: 7 } },
      // Over years of runs, points would hide the line.
      { label: 'Pace', scale: 'pace', stroke: colour('chart-pace'), width: 2, dash: [6, 4], spanGaps: true, points: { show: runs.length <= 60 } },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [units, timeCaps, range, scheme, runs.length]);
  const left = runs.filter((r) => !r.counts_for_pace).length;
  return (
    <Chart id="cap" title="Cap and pace" options={options} data={data}
      description={`Your run cap after each run (solid), and your pace (dashed; higher on the chart is faster).${left ? ` ${left} ${left === 1 ? 'activity is' : 'activities are'} left out of the pace: too fast for running, or another sport.` : ''}`}
      table={
        <table>
          <caption>Cap and pace by run</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Distance</th><th scope="col">Pace</th><th scope="col">Cap after</th><th scope="col">Verdict</th></tr></thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>{longDate(r.date)}</td>
                <td>{r.distance_m === null ? 'by time' : distance(r.distance_m, units)}</td>
                <td>{r.pace_s_per_km === null ? '–' : `${pace(r.pace_s_per_km, units)}${r.counts_for_pace ? '' : ' (left out)'}`}</td>
                <td>{r.cap_after?.text ?? '–'}</td>
                <td>{r.verdict_text ?? 'no pain score yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      } />
  );
}

// --- Pain and distance ----------------------------------------------------------------------

function PainAndDistance({ runs, units, anyRated }: { runs: ProgressRun[]; units: Units; anyRated: boolean }) {
  const scheme = useScheme();
  // Pain against distance: the runs with a pain score and a distance (not those by time only).
  const rated = useMemo(
    () => runs.filter((r): r is ProgressRun & { distance_m: number } => r.pain !== null && r.distance_m !== null),
    [runs],
  );
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
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false, range: (_u: uPlot, _min: number, max: number): [number, number] => [0, Math.max(1, Math.ceil(max * 1.1))] }, y: { range: [0, 10] as [number, number] } },
    axes: [{ label: `Distance (${units})` }, { label: 'Pain (0-10)', splits: () => [0, 2, 4, 6, 8, 10] }],
    series: [
      {},
      { label: 'Pain during the run, at its distance', stroke: colour('chart-pain'), paths: () => null, points: { show: true, size: 9, fill: colour('chart-pain') } },
      { label: 'Where the pain started', stroke: colour('chart-onset'), paths: () => null, points: { show: true, size: 9, width: 2, fill: colour('paper') } },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [units, scheme]);
  if (rated.length === 0) {
    return (
      <section aria-labelledby="pain-title">
        <h2 id="pain-title">Pain and distance</h2>
        <p>
          {anyRated
            ? 'No runs with a pain score in this period.'
            : 'No pain scores yet. Say how your back felt during your runs, and this chart shows pain against distance.'}
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
                <td>{longDate(r.date)}</td>
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

// --- Load -----------------------------------------------------------------------------------

// Over more than about a year, weekly bars are too thin to read: months instead.
function Load({ progress, units, range }: { progress: Progress; units: Units; range: Range }) {
  const scheme = useScheme();
  const monthly = range.to - range.from > 400 * DAY;
  const buckets = useMemo(() => {
    if (!monthly) {
      return progress.weeks
        .filter((w) => within(range, w.week_start) || (day(w.week_start) < range.from && day(w.week_start) + 7 * DAY > range.from))
        .map((w) => ({ start: w.week_start, distance_m: w.distance_m }));
    }
    const sums = new Map<string, number>();
    for (const r of progress.runs) {
      if (!within(range, r.date)) continue;
      const month = `${r.date.slice(0, 7)}-01`;
      sums.set(month, (sums.get(month) ?? 0) + (r.distance_m ?? 0));
    }
    // Every month of the range, empty ones too, so a gap shows.
    const out: { start: string; distance_m: number }[] = [];
    const first = new Date(range.from * 1000);
    for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); Date.UTC(y, m, 1) / 1000 <= range.to; m += 1) {
      if (m === 12) {
        m = 0;
        y += 1;
      }
      const key = `${y}-${String(m + 1).padStart(2, '0')}-01`;
      out.push({ start: key, distance_m: sums.get(key) ?? 0 });
    }
    return out;
  }, [progress, range, monthly]);
  const data = useMemo<uPlot.AlignedData>(() => [
    // Each bar in the middle of its week or month.
    buckets.map((b) => day(b.start) + (monthly ? 15 : 3) * DAY),
    buckets.map((b) => inUnits(b.distance_m, units)),
  ], [buckets, units, monthly]);
  // Half a bar's slot: half a week, or about half a month.
  const half = (monthly ? 15.5 : 3.5) * DAY;
  const options = useMemo(() => ({
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
    // The x scale runs from the start of the first bar's week (month) to the end of the
    // last's, so every bar, the current week's too, stands whole inside the plot.
    scales: {
      x: buckets.length
        ? { time: false, range: (): [number, number] => [data[0][0] - half, data[0][buckets.length - 1] + half] }
        : dateScale(range.from, range.to),
      y: { range: (_u: uPlot, _min: number, max: number): [number, number] => [0, Math.max(1, max * 1.15)] },
    },
    axes: [{ ...barAxis(buckets.map((b) => b.start), monthly), grid: { show: false } }, { label: `Distance (${units})` }],
    series: [
      {},
      { label: monthly ? 'Distance that month' : 'Distance that week', stroke: colour('chart-load'), fill: colour('chart-load-fill'), paths: uPlot.paths.bars!({ size: [0.7, 60, 2] }), points: { show: false } },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [units, range, monthly, scheme, buckets, data]);
  const title = monthly ? 'Monthly load' : 'Weekly load';
  return (
    <Chart id="load" title={title} options={options} data={data}
      description={monthly ? 'How far you ran each month.' : 'How far you ran each week, Monday to Sunday.'}
      table={
        <table>
          <caption>{monthly ? 'Distance by month' : 'Distance by week'}</caption>
          <thead><tr><th scope="col">{monthly ? 'Month' : 'Week from'}</th><th scope="col">Distance</th></tr></thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.start}><td>{monthly ? longDate(b.start).replace(/^1 /, '') : longDate(b.start)}</td><td>{distance(b.distance_m, units)}</td></tr>
            ))}
          </tbody>
        </table>
      } />
  );
}

// --- The page -------------------------------------------------------------------------------

export function ProgressPage() {
  const { data, error } = useLoad(
    async (signal) => {
      // Pain over time needs a plan: without one (404, 409) the other charts still show.
      const [progress, pain] = await Promise.all([
        api.progress(signal),
        api.pain(signal).catch((error: unknown) => {
          if (error instanceof ApiError && (error.status === 404 || error.status === 409)) return null;
          throw error;
        }),
      ]);
      return { progress, pain };
    },
    [],
  );
  const { settings, error: settingsError } = useSettings();
  const [chosen, setRangeId] = useState<RangeId>('plan');
  const rangeId = chosen === 'plan' && data && !data.pain ? 'all' : chosen;
  const range = useMemo(() => (data ? rangeOf(rangeId, data.pain, data.progress) : null), [rangeId, data]);
  const runs = useMemo(() => (data && range ? data.progress.runs.filter((r) => within(range, r.date)) : []), [data, range]);
  if (error || settingsError) return (<><PageTitle>Progress</PageTitle><ErrorNote error={error ?? settingsError} /></>);
  if (!data || !settings || !range) return (<><PageTitle>Progress</PageTitle><Loading /></>);
  const { progress, pain } = data;
  if (progress.runs.length === 0 && (pain?.scores.length ?? 0) === 0) {
    return (
      <>
        <PageTitle>Progress</PageTitle>
        <p>No runs yet. <a href="#/log">Log a run</a> or <a href="#/import">import from your watch</a>, and your charts appear here.</p>
      </>
    );
  }
  const from = new Date(range.from * 1000).toISOString().slice(0, 10);
  const to = new Date(range.to * 1000).toISOString().slice(0, 10);
  return (
    <>
      <PageTitle>Progress</PageTitle>
      <p>{progress.runs.length} run{progress.runs.length === 1 ? '' : 's'} so far.</p>
      <RangeSwitch value={rangeId} onChange={setRangeId} plan={pain !== null} />
      <p class="range-note">
        Showing {longDate(from)} to {longDate(to)}: {runs.length} run{runs.length === 1 ? '' : 's'}.
      </p>
      {pain && <PainOverTime pain={pain} range={range} />}
      <CapAndPace runs={runs} units={settings.units} range={range} />
      <PainAndDistance runs={runs} units={settings.units} anyRated={progress.runs.some((r) => r.pain !== null)} />
      <Load progress={progress} units={settings.units} range={range} />
    </>
  );
}
