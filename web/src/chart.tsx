// A uPlot chart that fits its container, in the page's colours (light or dark, as the
// system says), with its numbers in a table for screen readers and anyone who prefers
// them; and the pieces the charts share: a date axis that reads like dates at every width.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

// --- Colours --------------------------------------------------------------------------------

const darkQuery = '(prefers-color-scheme: dark)';

// 'dark' or 'light', following the system as it changes; charts are drawn again on a change.
export function useScheme(): 'dark' | 'light' {
  const [dark, setDark] = useState(() => matchMedia(darkQuery).matches);
  useEffect(() => {
    const query = matchMedia(darkQuery);
    const changed = () => setDark(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return dark ? 'dark' : 'light';
}

// A colour of the stylesheet (`--chart-pain`, ...), as the current scheme sets it.
export function colour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim() || '#777';
}

// --- Dates ----------------------------------------------------------------------------------

export const DAY = 86400;
// A date of the API ("2026-03-02") as the charts' x: seconds, at noon UTC.
export const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`) / 1000;

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;
// The steps between labels, smallest first; uPlot takes the first that leaves room.
const dateIncrs = [DAY, 2 * DAY, 7 * DAY, 14 * DAY, MONTH, 3 * MONTH, 6 * MONTH, YEAR, 2 * YEAR, 5 * YEAR, 10 * YEAR];

// Where the labels go: on days (weeks from a Monday), on the first of a month, or on the
// first of January, so every label is a date a person would write.
function dateSplits(_u: uPlot, _axis: number, min: number, max: number, incr: number): number[] {
  const splits: number[] = [];
  if (incr < MONTH * 0.9) {
    const monday = 4 * DAY;  // 1970-01-05 was a Monday
    const base = incr >= 7 * DAY ? monday : 0;
    for (let t = base + Math.ceil((min - base) / incr) * incr; t <= max; t += incr) splits.push(t);
    return splits;
  }
  const start = new Date(min * 1000);
  if (incr < YEAR * 0.9) {
    const step = Math.round(incr / MONTH);
    const year = start.getUTCFullYear();
    let month = start.getUTCMonth();
    if (Date.UTC(year, month, 1) / 1000 < min) month += 1;
    month = Math.ceil(month / step) * step;
    for (;;) {
      const t = Date.UTC(year + Math.floor(month / 12), month % 12, 1) / 1000;
      if (t > max) break;
      splits.push(t);
      month += step;
      if (month >= 12 * 200) break;
    }
    return splits;
  }
  const step = Math.round(incr / YEAR);
  let year = start.getUTCFullYear();
  if (Date.UTC(year, 0, 1) / 1000 < min) year += 1;
  year = Math.ceil(year / step) * step;
  for (let t = Date.UTC(year, 0, 1) / 1000; t <= max; year += step, t = Date.UTC(year, 0, 1) / 1000) splits.push(t);
  return splits;
}

// "3 Mar", "Mar" or "2026", with the year under the first label and wherever it changes.
function dateValues(_u: uPlot, splits: number[], _axis: number, _space: number, incr: number): string[] {
  let lastYear: number | null = null;
  return splits.map((t) => {
    const date = new Date(t * 1000);
    const year = date.getUTCFullYear();
    const newYear = year !== lastYear;
    lastYear = year;
    if (incr >= YEAR * 0.9) return String(year);
    const label = incr < MONTH * 0.9 ? `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]}` : monthNames[date.getUTCMonth()];
    return newYear ? `${label}\n${year}` : label;
  });
}

// The x axis of a chart over dates, from `from` to `to` (chart x values, see `day`).
export function dateScale(from: number, to: number) {
  return { time: false, range: (): [number, number] => [from - DAY, to + DAY] };
}
export const dateAxis: uPlot.Axis = { incrs: dateIncrs, splits: dateSplits, values: dateValues, space: 64, size: 52 };

// The x axis of a bar chart, one bar for each x of the data, starting on the dates `starts`
// (weeks or months): each label stands under the middle of its bar, "3 Mar" for a week, "Mar"
// for a month, with the year under the first label and wherever the year changes. When the
// bars are too narrow for a label each, every second (third, ...) bar has one, counted back
// from the newest, which is always labelled.
export function barAxis(starts: string[], monthly: boolean, minSpace = 64): uPlot.Axis {
  return {
    space: minSpace,
    size: 52,
    splits: (u: uPlot) => {
      const xs = u.data[0] as number[];
      const width = u.bbox.width / uPlot.pxRatio;
      const stride = Math.max(1, Math.ceil((xs.length * minSpace) / Math.max(width, 1)));
      return xs.filter((_x, i) => (xs.length - 1 - i) % stride === 0);
    },
    values: (u: uPlot, splits: number[]) => {
      const xs = u.data[0] as number[];
      let lastYear = '';
      return splits.map((x) => {
        const iso = starts[xs.indexOf(x)];
        if (!iso) return '';
        const date = new Date(`${iso}T12:00:00Z`);
        const month = monthNames[date.getUTCMonth()];
        const label = monthly ? month : `${date.getUTCDate()} ${month}`;
        const year = iso.slice(0, 4);
        const newYear = year !== lastYear;
        lastYear = year;
        return newYear ? `${label}\n${year}` : label;
      });
    },
  };
}

// "12 Mar 2026", for tables and notes.
export function longDate(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  return `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

// --- The chart ------------------------------------------------------------------------------

// Axes in the scheme's ink and grid colours, unless an axis sets its own.
function themed(options: Omit<uPlot.Options, 'width' | 'height'>): Omit<uPlot.Options, 'width' | 'height'> {
  const ink = colour('ink');
  const grid = colour('chart-grid');
  return {
    ...options,
    axes: (options.axes ?? []).map((axis) => ({
      stroke: ink,
      ...axis,
      grid: { stroke: grid, width: 1, ...axis.grid },
      ticks: { stroke: grid, width: 1, ...axis.ticks },
    })),
  };
}

// A moment marked on a chart (a change of the cap): a button standing over the plot at its
// date, so it can be tapped, hovered or reached with the keyboard.
export interface Mark {
  key: string;
  x: number;
  glyph: string;
  label: string;  // what a screen reader says: "Stepped back on 6 Mar 2026: why"
  className: string;
  selected: boolean;
  onSelect: () => void;
}

// Where the plot area is inside the chart's box, in CSS pixels, and the x scale's ends,
// after the last draw.
interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
  min: number;
  max: number;
}

export function Chart({
  id,
  title,
  description,
  options,
  data,
  table,
  marks = [],
  children,
}: {
  id: string;
  title: string;
  description: string;
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  table: ComponentChildren;
  marks?: Mark[];
  children?: ComponentChildren;  // shown between the chart and its table
}) {
  const box = useRef<HTMLDivElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const [area, setArea] = useState<Area | null>(null);
  const scheme = useScheme();
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const size = () => ({ width: Math.max(element.clientWidth, 280), height: 260 });
    // After each draw, where the plot area is, for the marks standing over it.
    const placeMarks = (u: uPlot) => {
      const outer = wrap.current?.getBoundingClientRect();
      const over = u.over.getBoundingClientRect();
      if (!outer) return;
      const { min = 0, max = 1 } = u.scales.x;
      setArea({ left: over.left - outer.left, top: over.top - outer.top, width: over.width, height: over.height, min, max });
    };
    const themedOptions = themed(options);
    const plot = new uPlot(
      { ...themedOptions, ...size(), hooks: { ...themedOptions.hooks, draw: [...(themedOptions.hooks?.draw ?? []), placeMarks] } },
      data,
      element,
    );
    // Resized in the next frame, not inside the observer's callback: resizing there changes
    // the layout it observes, which browsers report as a "ResizeObserver loop" error.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => plot.setSize(size()));
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      plot.destroy();
    };
  }, [options, data, scheme]);
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        <p>{description}</p>
      </figcaption>
      <div ref={wrap} class="plot-wrap">
        <div ref={box} class="plot" id={`${id}-plot`} role="img" aria-label={`${title}: chart; the same numbers are in the table below.`} />
        {area && area.max > area.min && marks.map((mark) => {
          const x = ((mark.x - area.min) / (area.max - area.min)) * area.width;
          if (!(x >= 0 && x <= area.width)) return null;
          return (
            <button key={mark.key} type="button" class={`mark ${mark.className}`} aria-label={mark.label}
              aria-pressed={mark.selected} onClick={mark.onSelect} onMouseEnter={mark.onSelect}
              style={{ left: `${area.left + x - 14}px`, top: `${area.top}px`, height: `${area.height}px` }}>
              <span aria-hidden="true">{mark.glyph}</span>
            </button>
          );
        })}
      </div>
      {children}
      <details>
        <summary>The numbers, as a table</summary>
        <div class="scroll">{table}</div>
      </details>
    </figure>
  );
}
