// A therapist's pages: their clients, inviting a new one, a new password link for one who
// forgot theirs, and one client's Today, plan, log and runs to read (never to change).
// The full caseload, with who needs attention first, is a later page (DESIGN 9).
import { useEffect, useState } from 'preact/hooks';

import { ApiError } from '../api';
import { clinicApi, linkAddress, moment, type Client, type IssuedLink } from '../clinic-api';
import { EntrySummary } from '../entries';
import { dateWithYear, distance, duration } from '../format';
import { ErrorNote, Loading, PageTitle, useLoad } from '../ui';
import { kindTitle } from './log';

// A link to send, shown whole (wrapped on a phone), with a button that copies it. Where
// the browser will not copy (a page served over plain HTTP), the text is selected for the
// person to copy themselves.
function LinkToSend({ link, intro }: { link: IssuedLink; intro: string }) {
  const address = linkAddress(link);
  const [copied, setCopied] = useState('');
  const id = `link-${link.token.slice(0, 8)}`;
  const select = () => {
    const text = document.getElementById(id);
    if (text) getSelection()?.selectAllChildren(text);
  };
  return (
    <div class="card link-card" role="status">
      <p>{intro}</p>
      <p class="link-text" id={id}>{address}</p>
      <p class="actions">
        <button type="button" onClick={async () => {
          try {
            await navigator.clipboard.writeText(address);
            setCopied('Copied.');
          } catch {
            select();
            setCopied('This browser does not let the page copy: the link is selected, copy it from the menu.');
          }
        }}>Copy link</button>
        <span aria-live="polite">{copied}</span>
      </p>
      <p class="hint">It works once, until {moment(link.expires_at)}. Send it only to your client.</p>
    </div>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [link, setLink] = useState<IssuedLink | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a client</h2>
      <form
        class="card"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            setLink(await clinicApi.invite(email.trim(), name.trim()));
            setError(null);
            setEmail('');
            setName('');
            onInvited();
          } catch (err) {
            setError(err);
          }
          setBusy(false);
        }}
      >
        <p>
          Make a link for a client to create their account. They can change the email and name
          you give here when they open it.
        </p>
        <p>
          <label for="invite-email">Their email (optional)</label>
          <input id="invite-email" type="email" autoComplete="off" value={email}
            onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
        </p>
        <p>
          <label for="invite-name">Their name (optional)</label>
          <input id="invite-name" type="text" autoComplete="off" value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </p>
        <ErrorNote error={error} />
        <p class="actions">
          <button type="submit" disabled={busy}>Make an invitation link</button>
        </p>
      </form>
      {link && <LinkToSend link={link} intro="Send this link to your client. When they open it, they set a password and answer the questions." />}
    </section>
  );
}

function ClientRow({ client }: { client: Client }) {
  const [link, setLink] = useState<IssuedLink | null>(null);
  const [error, setError] = useState<unknown>(null);
  const label = client.name || client.email;
  return (
    <li>
      <p class="client-name">
        <a href={`#/clients/${client.id}`}><bdi>{label}</bdi></a>
        {client.name && <span class="muted"> · <bdi>{client.email}</bdi></span>}
      </p>
      <p class="hint">Client since {moment(client.since)}</p>
      <p class="actions">
        <button type="button" class="secondary small" aria-label={`New password link for ${label}`}
          onClick={async () => {
            try {
              setLink(await clinicApi.resetLink(client.id));
              setError(null);
            } catch (err) {
              setError(err);
            }
          }}>New password link</button>
      </p>
      <ErrorNote error={error} />
      {link && <LinkToSend link={link} intro={`Send this link to ${label} to set a new password. Their other devices will be signed out when they do.`} />}
    </li>
  );
}

export function ClientsPage() {
  const { data, error, reload } = useLoad((signal) => clinicApi.clients(signal), []);
  // Back from sending an invitation (another app, another tab): a client who has accepted
  // it since is listed without reloading the page.
  useEffect(() => {
    addEventListener('focus', reload);
    return () => removeEventListener('focus', reload);
  }, [reload]);
  return (
    <>
      <PageTitle>Your clients</PageTitle>
      <section aria-labelledby="clients-heading">
        <h2 id="clients-heading" class="visually-hidden">Clients</h2>
        {error ? <ErrorNote error={error} /> : !data ? <Loading /> : data.clients.length === 0 ? (
          <p>No clients yet. Invite one below: they appear here once they have set a password.</p>
        ) : (
          <ul class="plain clients">
            {data.clients.map((client) => <ClientRow key={client.id} client={client} />)}
          </ul>
        )}
      </section>
      <InviteForm onInvited={reload} />
    </>
  );
}

// --- One client, read-only ----------------------------------------------------------------

// A 404 or 409 of a client's plan routes: no assessment yet, or a route without a plan.
function NotYet({ error, name }: { error: unknown; name: string }) {
  if (error instanceof ApiError && error.status === 404) {
    return <p><bdi>{name}</bdi> has not answered the questions yet, so there is no plan.</p>;
  }
  if (error instanceof ApiError && error.status === 409) {
    return <p>The questions sent <bdi>{name}</bdi> to a doctor or a clinician: there is no running plan.</p>;
  }
  return <ErrorNote error={error} />;
}

function ClientToday({ id, name }: { id: number; name: string }) {
  const { data: today, error } = useLoad((signal) => clinicApi.clientToday(id, signal), [id]);
  return (
    <section aria-labelledby="client-today-heading">
      <h2 id="client-today-heading">Today</h2>
      {error ? <NotYet error={error} name={name} /> : !today ? <Loading /> : (
        <div class="card">
          <p>
            {today.weekday} {dateWithYear(today.date)}: {today.status.phase ? `${today.status.phase}, ` : ''}
            run cap <strong>{today.status.cap.text}</strong>
            {today.status.paused_until ? `, running paused until ${dateWithYear(today.status.paused_until)}` : ''}.
          </p>
          <ul class="plain tight">
            {today.sessions.filter((item) => item.session.kind !== 'rest').map((item) => (
              <li key={item.session.uid}>
                <strong>{item.session.title}</strong>: {item.logged ? 'done' : 'not logged yet'}
                {item.logged && <> (<EntrySummary entry={item.logged} units="km" />)</>}
              </li>
            ))}
          </ul>
          {today.sessions.every((item) => item.session.kind === 'rest') && <p>A rest day.</p>}
        </div>
      )}
    </section>
  );
}

function ClientPlan({ id, name }: { id: number; name: string }) {
  const { data: plan, error } = useLoad((signal) => clinicApi.clientPlan(id, signal), [id]);
  return (
    <section aria-labelledby="client-plan-heading">
      <h2 id="client-plan-heading">Plan</h2>
      {error ? <NotYet error={error} name={name} /> : !plan ? <Loading /> : (
        <div class="card">
          <p>
            {plan.route_title}: {plan.weeks} weeks from {dateWithYear(plan.start)}, {plan.runs_per_week} runs a
            week. Run cap today: <strong>{plan.cap_today.text}</strong>.
            {plan.cap_limited_reason && ` ${plan.cap_limited_reason}`}
          </p>
          <ol>
            {plan.phases.map((phase) => (
              <li key={phase.id} aria-current={plan.phase_today === phase.id ? 'step' : undefined}>
                <strong>{phase.name}</strong> ({dateWithYear(phase.start)} to {dateWithYear(phase.end)})
                {plan.phase_today === phase.id ? ' (now)' : ''}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

function ClientLog({ id }: { id: number }) {
  const { data: log, error } = useLoad((signal) => clinicApi.clientLog(id, signal), [id]);
  const recent = log ? [...log].reverse().slice(0, 30) : [];
  return (
    <section aria-labelledby="client-log-heading">
      <h2 id="client-log-heading">Log</h2>
      {error ? <ErrorNote error={error} /> : !log ? <Loading /> : log.length === 0 ? <p>Nothing logged yet.</p> : (
        <ul class="plain">
          {recent.map((entry) => (
            <li key={entry.id}>
              <span class="date">{dateWithYear(entry.date)}</span> · <strong>{kindTitle[entry.kind]}</strong>:{' '}
              <EntrySummary entry={entry} units="km" />
            </li>
          ))}
        </ul>
      )}
      {log && log.length > recent.length && <p class="hint">The latest {recent.length} of {log.length} entries.</p>}
    </section>
  );
}

function ClientRuns({ id }: { id: number }) {
  const { data: runs, error } = useLoad((signal) => clinicApi.clientRuns(id, signal), [id]);
  return (
    <section aria-labelledby="client-runs-heading">
      <h2 id="client-runs-heading">Runs</h2>
      {error ? <ErrorNote error={error} /> : !runs ? <Loading /> : runs.length === 0 ? <p>No runs yet.</p> : (
        // A list, not a table: on a phone each run's verdict stays in view.
        <ul class="plain client-runs">
          {[...runs].reverse().slice(0, 30).map((run) => (
            <li key={run.id}>
              <span class="date">{dateWithYear(run.date)}</span> ·{' '}
              {run.distance_m === null ? 'distance not recorded' : distance(run.distance_m, 'km')} in{' '}
              {duration(run.duration_s)}, {run.pain === null ? 'pain not given yet' : `pain ${run.pain}`}
              {run.verdict_text && <span class="hint">{run.verdict_text}{run.spike ? ' (longer than the guard allowed)' : ''}</span>}
            </li>
          ))}
        </ul>
      )}
      {runs && runs.length > 30 && <p class="hint">The latest 30 of {runs.length} runs.</p>}
    </section>
  );
}

export function ClientPage({ id }: { id: number }) {
  const { data, error } = useLoad((signal) => clinicApi.clients(signal), []);
  const client = data?.clients.find((c) => c.id === id);
  if (error) return (<><PageTitle>Client</PageTitle><ErrorNote error={error} /></>);
  if (!data) return (<><PageTitle>Client</PageTitle><Loading /></>);
  if (!client) {
    return (
      <>
        <PageTitle>Client not found</PageTitle>
        <p>This is not one of your clients. <a href="#/">Back to your clients</a></p>
      </>
    );
  }
  const name = client.name || client.email;
  return (
    <>
      <p><a href="#/">← Your clients</a></p>
      <PageTitle><bdi>{name}</bdi></PageTitle>
      <p class="muted">
        What <bdi>{name}</bdi> sees, to read only. Each time you open this page, it is written in
        their account's list of who has read their data.
      </p>
      <ClientToday id={id} name={name} />
      <ClientPlan id={id} name={name} />
      <ClientRuns id={id} />
      <ClientLog id={id} />
    </>
  );
}
