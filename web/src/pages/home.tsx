// Today: the sessions of the day first, then where the runner stands.
import { api, ApiError } from '../api';
import { Loading, NoPlan, PageTitle, useLoad } from '../ui';
import { SessionCard } from './session';

function Welcome() {
  return (
    <>
      <PageTitle>Keep running with a sore back</PageTitle>
      <section class="card">
        <p>
          backstride asks a few questions about your back and your running. It first checks
          for warning signs that need a doctor, then works out your situation, explains why,
          and gives you a 12-week plan that moves forward, or back, with how your runs feel.
        </p>
        <p>It takes about three minutes. It is guidance, not a diagnosis.</p>
        <p>
          <a class="button" href="#/questions">Start the questions</a>
        </p>
      </section>
    </>
  );
}

export function HomePage() {
  const { data, error } = useLoad((signal) => api.today(signal), []);
  if (error instanceof ApiError && error.status === 404) return <Welcome />;
  if (error) return (<><PageTitle>Today</PageTitle><NoPlan error={error} /></>);
  if (!data) return (<><PageTitle>Today</PageTitle><Loading /></>);
  const status = data.status;
  const work = data.sessions.filter((s) => s.kind !== 'rest');
  return (
    <>
      <PageTitle>Today, {data.weekday} {data.date}</PageTitle>
      <section class="card today" aria-labelledby="today-heading">
        <h2 id="today-heading">Today's session{data.sessions.length === 1 ? '' : 's'}</h2>
        {data.sessions.length === 0 && <p>Nothing planned today.</p>}
        {data.sessions.map((session) => (
          <SessionCard key={session.uid} session={session} />
        ))}
        {work.some((s) => s.kind === 'run') && (
          <p>
            <a class="button" href="#/log">Log today's run</a>
          </p>
        )}
      </section>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Where you stand</h2>
        <dl class="facts">
          <div>
            <dt>Your run cap</dt>
            <dd>{status.cap.text}</dd>
          </div>
          <div>
            <dt>Good runs in a row at the cap</dt>
            <dd>{status.good_streak} of 3</dd>
          </div>
          {status.pace_to_beat_text && (
            <div>
              <dt>Pace to beat</dt>
              <dd>{status.pace_to_beat_text}</dd>
            </div>
          )}
          {status.phase && (
            <div>
              <dt>Phase</dt>
              <dd>{status.phase}</dd>
            </div>
          )}
        </dl>
        {status.paused_until && (
          <p class="note" role="status">
            Running is paused until {status.paused_until}: two step-backs in a row. Walk
            instead, and keep up the exercises.
          </p>
        )}
        {status.cap_limited_reason && <p class="note">{status.cap_limited_reason}</p>}
        {status.decisions.length > 0 && (
          <>
            <h3>Your last run</h3>
            <p>{status.decisions[status.decisions.length - 1].reason}</p>
          </>
        )}
      </section>
    </>
  );
}
