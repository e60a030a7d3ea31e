// Small pieces every page uses: loading data, showing errors, headings that take focus.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';

import { ApiError, isAborted } from './api';

export function PageTitle({ children }: { children: ComponentChildren }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p class="error" role="alert">
      {message.charAt(0).toUpperCase() + message.slice(1)}
    </p>
  );
}

export function Loading() {
  return <p aria-live="polite">Loading…</p>;
}

// Loads data for a page, again when `deps` change; `reload` fetches it again after a
// change. A load the page has moved on from (another week, another run) is aborted, and
// its answer, should it still come, is never shown: `data` is only ever the answer to the
// load for the current `deps`. While that one is on its way, `data` is null (Loading),
// except after `reload`, when the page keeps what it shows until the new answer comes.
// `deps` are checked by the linter like an effect's (eslint.config.js: additionalHooks).
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  // A new loader only when `deps` change: the page's own deps, checked where it calls this.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const current = useCallback(load, deps);
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<{ load: typeof current; data: T | null; error: unknown } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ load: current, data, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAborted(error)) return;
        setResult((before) => ({ load: current, data: before?.load === current ? before.data : null, error }));
      },
    );
    return () => controller.abort();
  }, [current, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const mine = result?.load === current ? result : null;
  return { data: mine?.data ?? null, error: mine?.error ?? null, reload };
}

// The 404 and 409 of plan routes: no assessment yet, or a route without a plan.
export function NoPlan({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <section class="card">
        <p>You have not answered the questions yet. They take about three minutes.</p>
        <p>
          <a class="button" href="#/questions">Start the questions</a>
        </p>
      </section>
    );
  }
  if (error instanceof ApiError && error.status === 409) {
    return (
      <section class="card">
        <p>{error.message}</p>
        <p>
          <a href="#/result">See your result again</a>
        </p>
      </section>
    );
  }
  return <ErrorNote error={error} />;
}

// Strength and sprints: how hard the session felt, as the repetitions left in reserve at
// the end of the hardest set (DESIGN 3.1b moves a level up at 2-3 in reserve).
export function ReserveChoice({ id, value, onChange }: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <p>
      <label for={id}>Repetitions you could still have done at the end of the hardest set</label>
      <select id={id} value={value} aria-describedby={`${id}-hint`}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">Not given</option>
        {Array.from({ length: 11 }, (_, i) => (
          <option key={i} value={String(i)}>
            {i}
            {i === 0 ? ' (not one more)' : i === 10 ? ' (10 or more)' : ''}
          </option>
        ))}
      </select>
      <span class="hint" id={`${id}-hint`}>
        How hard it was. Two or three left is the aim: with pain of 3 or less and your back no
        worse the next morning, the level can move up.
      </span>
    </p>
  );
}

// A 0-10 pain score, the ends of the scale named; optional scores may stay blank.
export function PainSelect({ id, label, value, onChange, optional = false }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  optional?: boolean;
}) {
  return (
    <p>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)} required={!optional}>
        <option value="">{optional ? 'Not given' : 'Choose 0 to 10'}</option>
        {Array.from({ length: 11 }, (_, i) => (
          <option key={i} value={String(i)}>
            {i}
            {i === 0 ? ' (no pain)' : i === 10 ? ' (worst imaginable)' : ''}
          </option>
        ))}
      </select>
    </p>
  );
}
