// The clinic server's front door: email and password. Wrong details and too many attempts
// each get a plain answer; a link from the therapist is the way in for someone new.
import { useState } from 'preact/hooks';

import { ApiError } from '../api';
import { clinicApi, type SignedIn } from '../clinic-api';
import { ErrorNote, PageTitle } from '../ui';

// "5 minutes", "1 minute", "30 seconds": a wait said as people say it.
export function waitText(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function signInProblem(error: unknown): unknown {
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterS ? waitText(error.retryAfterS) : 'a few minutes';
    return new Error(`Too many attempts to sign in. To keep your account safe, please wait ${wait} and try again.`);
  }
  if (error instanceof ApiError && error.status === 401) {
    return new Error('The email or the password is not right. Please check both and try again.');
  }
  return error;
}

export function SignInPage({ note, onSignedIn }: { note: string; onSignedIn: (session: SignedIn) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <PageTitle>Sign in</PageTitle>
      {note && <p class="note" role="status">{note}</p>}
      <form
        class="card narrow"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            onSignedIn(await clinicApi.signIn(email.trim(), password));
          } catch (err) {
            setError(signInProblem(err));
            setBusy(false);
          }
        }}
      >
        <p>
          <label for="sign-in-email">Email</label>
          <input id="sign-in-email" type="email" autoComplete="username" required value={email}
            onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
        </p>
        <p>
          <label for="sign-in-password">Password</label>
          <input id="sign-in-password" type="password" autoComplete="current-password" required value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        </p>
        <div aria-live="polite"><ErrorNote error={error} /></div>
        <p class="actions">
          <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        </p>
      </form>
      <p class="muted">
        New here? Your therapist sends you a link to set up your account. Forgot your password?
        Ask your therapist for a new password link.
      </p>
    </>
  );
}
