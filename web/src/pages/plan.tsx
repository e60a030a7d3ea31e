// The plan: this week in full, then the whole plan as a calendar, phase by phase.
import { useState } from 'preact/hooks';

import { api, type Plan, type PlanSession } from '../api';
import { shortDate } from '../format';
import { Loading, NoPlan, PageTitle, useLoad } from '../ui';
import { kindName, SessionCard } from './session';

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function Calendar({ plan }: { plan: Plan }) {
  const byDate = new Map<string, PlanSession[]>();
  for (const session of plan.sessions) {
    byDate.set(session.date, [...(byDate.get(session.date) ?? []), session]);
  }
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Date(`${addDays(plan.start, i)}T12:00:00Z`).toLocaleDateString('en-GB', {
      weekday: 'short',
      timeZone: 'UTC',
    }),
  );
  return (
    <div class="scroll" tabIndex={0} role="region" aria-labelledby="calendar-caption">
      <table class="calendar">
        <caption id="calendar-caption">
          The whole plan, {plan.weeks} weeks from {plan.start} to {plan.end}
        </caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            {weekdays.map((day) => (
              <th scope="col" key={day}>
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: plan.weeks }, (_, week) => (
            <tr key={week}>
              <th scope="row">{week + 1}</th>
              {Array.from({ length: 7 }, (_, day) => {
                const date = addDays(plan.start, week * 7 + day);
                const sessions = (byDate.get(date) ?? []).filter((s) => s.kind !== 'rest');
                const isToday = date === plan.today;
                return (
                  <td key={date} class={isToday ? 'is-today' : undefined} aria-current={isToday ? 'date' : undefined}>
                    <span class="date">{shortDate(date).replace(/^\w+ /, '')}</span>
                    {sessions.length === 0 ? (
                      <span class="rest">rest</span>
                    ) : (
                      <ul>
                        {sessions.map((s) => (
                          <li key={s.uid} class={`tag kind-${s.kind}`} title={s.headline}>
                            {s.kind === 'run' && s.cap ? `Run ${s.cap.text}` : kindName(s.kind)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PlanPage() {
  const { data: plan, error } = useLoad((signal) => api.plan(signal), []);
  const [next, setNext] = useState(false);
  // Aborted when the runner switches weeks, so a slow answer for one week never shows
  // under the other's heading.
  const { data: week } = useLoad((signal) => api.week(next, signal), [next]);
  if (error) return (<><PageTitle>Your plan</PageTitle><NoPlan error={error} /></>);
  if (!plan) return (<><PageTitle>Your plan</PageTitle><Loading /></>);
  return (
    <>
      <PageTitle>Your plan</PageTitle>
      <p>
        {plan.route_title}: {plan.weeks} weeks from {plan.start}, {plan.runs_per_week} runs a
        week. Your run cap today is <strong>{plan.cap_today.text}</strong>; it rises after three
        good runs in a row at the cap, the last a little faster than the first.
      </p>
      <section aria-labelledby="week-heading">
        <h2 id="week-heading">
          {next ? 'Next week' : 'This week'}
          {week ? ` (week ${week.week}, from ${week.from})` : ''}
        </h2>
        <p>
          <button type="button" class="secondary" onClick={() => setNext(!next)}>
            {next ? 'Show this week' : 'Show next week'}
          </button>
        </p>
        {week ? (
          <ol class="days">
            {week.days.map((day) => (
              <li key={day.date} class={day.date === plan.today ? 'day is-today' : 'day'}>
                <h3>
                  {day.weekday} {day.date}
                  {day.date === plan.today ? ' (today)' : ''}
                </h3>
                {day.sessions.filter((s) => s.kind !== 'rest').length === 0 ? (
                  <p class="muted">Rest day.</p>
                ) : (
                  day.sessions
                    .filter((s) => s.kind !== 'rest')
                    .map((session) => <SessionCard key={session.uid} session={session} headingLevel={4} />)
                )}
              </li>
            ))}
          </ol>
        ) : (
          <Loading />
        )}
      </section>
      <section aria-labelledby="phases-heading">
        <h2 id="phases-heading">Phases</h2>
        <ol>
          {plan.phases.map((phase) => (
            <li key={phase.id} aria-current={plan.phase_today === phase.id ? 'step' : undefined}>
              <strong>{phase.name}</strong> ({phase.start} to {phase.end})
              {plan.phase_today === phase.id ? ' (now)' : ''}: {phase.purpose}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Calendar</h2>
        <Calendar plan={plan} />
      </section>
      {plan.notes.length > 0 && (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          <ul>
            {plan.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
