// Small pieces every page uses: loading data, showing errors, headings that take focus.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';

import { ApiError } from './api';

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

// Loads data for a page; `reload` fetches it again after a change.
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    load().then(
      (value) => {
        setData(value);
        setError(null);
      },
      (e) => setError(e),
    );
  }, deps);
  useEffect(reload, [reload]);
  return { data, error, reload };
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
