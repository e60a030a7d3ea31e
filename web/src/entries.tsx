// A log entry in a few words ("1.00 km, 6:10, pain 2, “stiff”"), the runner's note isolated
// so that its direction (a right-to-left control character, an Arabic or Hebrew word)
// cannot reorder the rest of the line.
import type { LogEntry } from './api';
import { distance, duration, type Units } from './format';

export function entryParts(entry: LogEntry, units: Units): string[] {
  const parts: string[] = [];
  if (entry.distance_m !== null) parts.push(distance(entry.distance_m, units));
  if (entry.duration_s !== null) parts.push(duration(entry.duration_s));
  if (entry.pain !== null) parts.push(`pain ${entry.pain}`);
  if (entry.reps_in_reserve !== null) parts.push(`${entry.reps_in_reserve} in reserve`);
  if (entry.onset_m !== null) parts.push(`pain from ${distance(entry.onset_m, units)}`);
  if (entry.done !== null) parts.push(entry.done ? 'done' : 'skipped');
  if (entry.helped !== null) parts.push(entry.helped ? 'helped' : 'did not help');
  return parts;
}

// The runner's own words, isolated from the text around them.
export function UserText({ text }: { text: string }) {
  return <bdi class="user-text" dir="auto">{text}</bdi>;
}

export function EntrySummary({ entry, units }: { entry: LogEntry; units: Units }) {
  const parts = entryParts(entry, units);
  return (
    <>
      {parts.join(', ')}
      {entry.note && (
        <>
          {parts.length ? ', ' : ''}“<UserText text={entry.note} />”
        </>
      )}
    </>
  );
}
