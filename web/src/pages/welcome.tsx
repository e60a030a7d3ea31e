// A one-use link from the clinic (#/welcome/TOKEN): what it is for, then a password set
// with it. A therapist's first link and a new password link ask for a password only; an
// invitation also asks the client's email and name. The token stays in the address's part
// after '#', which the browser never sends, and is dropped from the history once used.
import { useState } from 'preact/hooks';

import { ApiError } from '../api';
import { clinicApi, moment, type LinkDetails, type SignedIn } from '../clinic-api';
import { ErrorNote, Loading, PageTitle, useLoad } from '../ui';

// The rule the server checks (app/credentials.h), said before the runner types.
const passwordRule = 'At least 10 characters. A few words you will remember make a good one.';

function Field({ id, label, type, value, onInput, autoComplete, hint, required = true }: {
  id: string;
  label: string;
  type: 'email' | 'text' | 'password';
  value: string;
  onInput: (value: string) => void;
  autoComplete: string;
  hint?: string;
  required?: boolean;
}) {
  return (
    <p>
      <label for={id}>{label}</label>
      {/* The union of types is one of preact's input kinds at a time; any of the three fits. */}
      <input id={id} type={type as 'text'} autoComplete={autoComplete} required={required} value={value}
        minLength={type === 'password' ? 10 : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)} />
      {hint && <span class="hint" id={`${id}-hint`}>{hint}</span>}
    </p>
  );
}

function UseLinkForm({ token, link, onSignedIn }: {
  token: string;
  link: LinkDetails;
  onSignedIn: (session: SignedIn) => void;
}) {
  const invite = link.purpose === 'invite';
  const [email, setEmail] = useState(link.email);
  const [name, setName] = useState(link.name);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      class="card narrow"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          const session = invite
            ? await clinicApi.useLink(token, password, email.trim(), name.trim())
            : await clinicApi.useLink(token, password);
          onSignedIn(session);
        } catch (err) {
          setError(err);
          setBusy(false);
        }
      }}
    >
      {/* The account's email, for the browser to save with the password. */}
      {!invite && <input type="hidden" autoComplete="username" value={link.email} />}
      {invite && (
        <>
          <Field id="link-email" label="Your email" type="email" autoComplete="username" value={email} onInput={setEmail}
            hint="You sign in with it." />
          <Field id="link-name" label="Your name" type="text" autoComplete="name" value={name} onInput={setName}
            hint={`As ${link.therapist || 'your therapist'} will see it.`} required={false} />
        </>
      )}
      <Field id="link-password" label={invite ? 'Choose a password' : 'New password'} type="password"
        autoComplete="new-password" value={password} onInput={setPassword} hint={passwordRule} />
      <div aria-live="polite"><ErrorNote error={error} /></div>
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Setting up…' : invite ? 'Create my account' : 'Set password and sign in'}
        </button>
      </p>
      <p class="hint">This link works once, until {moment(link.expires_at)}.</p>
    </form>
  );
}

export function WelcomePage({ token, onSignedIn }: { token: string; onSignedIn: (session: SignedIn) => void }) {
  const { data: link, error } = useLoad((signal) => clinicApi.lookUpLink(token, signal), [token]);
  if (error) {
    const used = error instanceof ApiError && (error.status === 401 || error.status === 400);
    return (
      <>
        <PageTitle>This link no longer works</PageTitle>
        {used ? (
          <section class="card">
            <p>
              Each link works only once, and only for a while, so that no one else can use it.
              This one has been used already, has expired, or was not copied in full.
            </p>
            <p>
              Please ask your therapist for a new one. If you have set a password already, you
              can <a href="#/">sign in</a>.
            </p>
          </section>
        ) : (
          <ErrorNote error={error} />
        )}
      </>
    );
  }
  if (!link) return (<><PageTitle>Welcome</PageTitle><Loading /></>);
  if (link.purpose === 'invite') {
    return (
      <>
        <PageTitle>
          {link.therapist || 'Your therapist'} at {link.clinic} invites you
        </PageTitle>
        <p>
          backstride helps you keep running with a sore back, or get back to it safely: a few
          questions about your back and your running, then a plan that follows how your runs
          feel. {link.therapist || 'Your therapist'} can see your plan, your log and your runs,
          and you can see each time they do.
        </p>
        <UseLinkForm token={token} link={link} onSignedIn={onSignedIn} />
      </>
    );
  }
  return (
    <>
      <PageTitle>{link.purpose === 'setup' ? `Welcome to ${link.clinic}` : 'Set a new password'}</PageTitle>
      <p>
        {link.purpose === 'setup' ? 'Set a password for your account ' : 'Choose a new password for your account '}
        <strong>{link.email}</strong> at {link.clinic}.
        {link.purpose === 'reset' && ' Other devices signed in to it will be signed out.'}
      </p>
      <UseLinkForm token={token} link={link} onSignedIn={onSignedIn} />
    </>
  );
}
