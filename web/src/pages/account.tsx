// The account on the clinic server: who is signed in, who has read the runner's data,
// signing out (here or everywhere), a new password, and deleting the account with all its
// data. A runner's settings page shows it; a therapist has it as a page of its own.
import { useState } from 'preact/hooks';

import { useWho } from '../account';
import { clinicApi, moment } from '../clinic-api';
import { ErrorNote, Loading, useLoad } from '../ui';

// What a therapist opened, in words ("runs/3" is one run).
function readWhat(what: string): string {
  if (/^runs\/\d+/.test(what)) return 'one of your runs';
  const words: Record<string, string> = {
    today: 'your day (Today)',
    plan: 'your plan',
    week: 'a week of your plan',
    log: 'your log',
    runs: 'your runs',
    status: 'where you stand in the plan',
    pain: 'your pain chart',
    progress: 'your progress',
    assessment: 'your answers to the questions',
    settings: 'your settings',
  };
  return words[what] ?? what;
}

// Headings at `level`: the account's parts are h3 under the runner's settings, h2 on a
// therapist's account page.
type Level = 2 | 3;
function Heading({ level, id, children }: { level: Level; id: string; children: string }) {
  return level === 2 ? <h2 id={id}>{children}</h2> : <h3 id={id}>{children}</h3>;
}

function Reads({ level }: { level: Level }) {
  const { data, error } = useLoad((signal) => clinicApi.audit(signal), []);
  return (
    <section aria-labelledby="reads-heading">
      <Heading level={level} id="reads-heading">Who has read your data</Heading>
      {error ? <ErrorNote error={error} /> : !data ? <Loading /> : data.reads.length === 0 ? (
        <p>No one has read your data yet.</p>
      ) : (
        <ul class="plain reads">
          {[...data.reads].reverse().slice(0, 50).map((read, i) => (
            <li key={`${read.at}-${i}`}>
              <bdi>{read.therapist || 'Your therapist'}</bdi> read {readWhat(read.what)}
              <span class="hint">{moment(read.at)}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="hint">Only your own therapist can read your data, and each time they do, it is listed here.</p>
    </section>
  );
}

function PasswordForm({ level }: { level: Level }) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <section aria-labelledby="password-heading">
      <Heading level={level} id="password-heading">Change your password</Heading>
      <form
        class="card narrow"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await clinicApi.changePassword(current, password);
            setDone('Your password is changed.');
            setError(null);
            setCurrent('');
            setPassword('');
          } catch (err) {
            setError(err);
            setDone('');
          }
        }}
      >
        <p>
          <label for="password-current">Current password</label>
          <input id="password-current" type="password" autoComplete="current-password" required value={current}
            onInput={(e) => setCurrent((e.target as HTMLInputElement).value)} />
        </p>
        <p>
          <label for="password-new">New password</label>
          <input id="password-new" type="password" autoComplete="new-password" required minLength={10} value={password}
            aria-describedby="password-new-hint" onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
          <span class="hint" id="password-new-hint">At least 10 characters.</span>
        </p>
        <ErrorNote error={error} />
        <p class="actions">
          <button type="submit" class="secondary">Change password</button>
          <span role="status">{done}</span>
        </p>
      </form>
    </section>
  );
}

function DeleteAccount({ level }: { level: Level }) {
  const { signedOut } = useWho();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <section aria-labelledby="delete-heading">
      <Heading level={level} id="delete-heading">Delete your account</Heading>
      {!open ? (
        <p>
          <button type="button" class="secondary" onClick={() => setOpen(true)}>Delete my account…</button>
        </p>
      ) : (
        <form
          class="card urgent"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await clinicApi.deleteAccount(password);
              signedOut('Your account and all its data are deleted.');
            } catch (err) {
              setError(err);
            }
          }}
        >
          <p>
            <strong>This deletes everything:</strong> your answers, your plans, your log, your
            runs, your settings and the list of who read them. Your therapist will no longer see
            you among their clients. It cannot be undone.
          </p>
          <p>
            To keep a copy first, download <strong>All your data (.json)</strong> above.
          </p>
          <p>
            <label for="delete-password">Your password, to confirm</label>
            <input id="delete-password" type="password" autoComplete="current-password" required value={password}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
          </p>
          <ErrorNote error={error} />
          <p class="actions">
            <button type="submit" class="danger">Delete my account and all my data</button>
            <button type="button" class="secondary" onClick={() => setOpen(false)}>Keep my account</button>
          </p>
        </form>
      )}
    </section>
  );
}

// `level`: the level of the parts' headings; at 3 the section has a heading of its own.
export function AccountSection({ level }: { level: Level }) {
  const { account, signOut } = useWho();
  const [error, setError] = useState<unknown>(null);
  if (!account) return null;
  const runner = account.role === 'runner';
  const out = (everywhere: boolean) => async () => {
    try {
      await signOut(everywhere);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby={level === 3 ? 'account-heading' : undefined} id="account">
      {level === 3 && <h2 id="account-heading">Your account</h2>}
      <p>
        Signed in as <strong><bdi>{account.name || account.email}</bdi></strong>
        {account.name && <> (<bdi>{account.email}</bdi>)</>} at <bdi>{account.clinic}</bdi>.
      </p>
      <ErrorNote error={error} />
      <p class="actions">
        <button type="button" class="secondary" onClick={out(false)}>Sign out</button>
        <button type="button" class="secondary" onClick={out(true)}>Sign out on every device</button>
      </p>
      {runner && <Reads level={level} />}
      <PasswordForm level={level} />
      {runner && <DeleteAccount level={level} />}
    </section>
  );
}
