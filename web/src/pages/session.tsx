import type { Exercise, PlanSession, SessionKind } from '../api';

const kindLabel: Record<SessionKind, string> = {
  run: 'Run',
  sprint: 'Sprints',
  strength: 'Strength',
  mobility: 'Mobility',
  treatment: 'Treatment',
  rest: 'Rest',
  check_in: 'Check-in',
};

export function kindName(kind: SessionKind): string {
  return kindLabel[kind];
}

// The labels of an exercise's four cues, in the content's order.
const cueLabels = ['Set up', 'Move', 'Avoid', 'Feel'];

// One exercise, with its how-to cues folded away: on a phone a strength session's cues
// would otherwise be several screens long.
function ExerciseItem({ exercise }: { exercise: Exercise }) {
  return (
    <li class="exercise">
      <span>
        <strong>{exercise.name}</strong>: {exercise.sets} × {exercise.reps} ({exercise.load})
      </span>
      {exercise.cues.length > 0 && (
        <details class="howto">
          <summary>
            How to do it<span class="visually-hidden">: {exercise.name}</span>
          </summary>
          <dl class="cues">
            {exercise.cues.map((cue, i) => (
              <div key={cueLabels[i] ?? i}>
                <dt>{cueLabels[i] ?? 'Also'}</dt>
                <dd>{cue}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}

// One session: what to do, how much, and why. On Today, `status` shows it ticked off
// (done) or still to do (open).
export function SessionCard({ session, headingLevel = 3, status }: {
  session: PlanSession;
  headingLevel?: 2 | 3 | 4;
  status?: 'done' | 'open';
}) {
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2];
  return (
    <article class={`session kind-${session.kind}`}>
      <Heading>
        {status && <span class={`status ${status}`} aria-hidden="true">{status === 'done' ? '✓' : ''}</span>}
        {session.headline}
        {status === 'done' && <span class="visually-hidden"> (done)</span>}
      </Heading>
      <p>{session.details}</p>
      {session.kind === 'run' && (
        <p>
          {session.pace_aim_text
            ? `Pace to beat for the next step: ${session.pace_aim_text}.`
            : 'Pace: comfortable and controlled; note your time.'}
        </p>
      )}
      {session.exercises.length > 0 && (
        <ul class="exercises">
          {session.exercises.map((exercise) => (
            <ExerciseItem key={exercise.name} exercise={exercise} />
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
