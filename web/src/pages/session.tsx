import type { Session } from '../api';

const kindLabel: Record<string, string> = {
  run: 'Run',
  sprint: 'Sprints',
  strength: 'Strength',
  mobility: 'Mobility',
  treatment: 'Treatment',
  rest: 'Rest',
  checkin: 'Check-in',
};

export function kindName(kind: string): string {
  return kindLabel[kind] ?? kind;
}

// One session: what to do, how much, and why.
export function SessionCard({ session, headingLevel = 3 }: { session: Session; headingLevel?: 2 | 3 | 4 }) {
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2];
  return (
    <article class={`session kind-${session.kind}`}>
      <Heading>{session.headline}</Heading>
      <p>{session.details}</p>
      {session.kind === 'run' && (
        <p>
          {session.pace_aim_text
            ? `Pace to beat for the next step: ${session.pace_aim_text}.`
            : 'Pace: comfortable and controlled; note your time.'}
        </p>
      )}
      {session.exercises.length > 0 && (
        <ul>
          {session.exercises.map((exercise) => (
            <li key={exercise.name}>
              {exercise.name}: {exercise.sets} × {exercise.reps} ({exercise.load})
            </li>
          ))}
        </ul>
      )}
      {session.why && (
        <p class="why">
          <strong>Why:</strong> {session.why}
        </p>
      )}
    </article>
  );
}
