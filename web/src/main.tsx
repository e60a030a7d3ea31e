import { render } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';

import './styles.css';
import { useWho, WhoContext, type Who } from './account';
import { ApiError, call, setCsrfToken, whenSignedOut } from './api';
import { clinicApi, type Account, type SignedIn } from './clinic-api';
import { AccountSection } from './pages/account';
import { ClientPage, ClientsPage } from './pages/clients';
import { HomePage } from './pages/home';
import { ImportPage } from './pages/import';
import { LogPage } from './pages/log';
import { PlanPage } from './pages/plan';
import { ProgressPage } from './pages/progress';
import { QuestionsPage } from './pages/questions';
import { ResultPage } from './pages/result';
import { RunPage, RunsPage } from './pages/runs';
import { SettingsPage } from './pages/settings';
import { SignInPage } from './pages/sign-in';
import { WelcomePage } from './pages/welcome';
import { SettingsProvider } from './settings';
import { ErrorNote, PageTitle } from './ui';

interface Page {
  title: string;
  view: () => preact.JSX.Element;
}

// Pages by hash ("#/plan"), so the server has one page to serve and the back button works.
const runnerPages: Record<string, Page> = {
  '/': { title: 'Today', view: () => <HomePage /> },
  '/questions': { title: 'Questions', view: () => <QuestionsPage /> },
  '/result': { title: 'Your result', view: () => <ResultPage /> },
  '/plan': { title: 'Plan', view: () => <PlanPage /> },
  '/log': { title: 'Log', view: () => <LogPage /> },
  '/import': { title: 'Import', view: () => <ImportPage /> },
  '/runs': { title: 'Runs', view: () => <RunsPage /> },
  '/progress': { title: 'Progress', view: () => <ProgressPage /> },
  '/settings': { title: 'Settings', view: () => <SettingsPage /> },
};
const runnerNav = ['/', '/plan', '/log', '/runs', '/import', '/progress', '/settings'];

// A therapist on the clinic server reads their clients' data; they have no plan of their own.
const therapistPages: Record<string, Page> = {
  '/': { title: 'Clients', view: () => <ClientsPage /> },
  '/account': {
    title: 'Account',
    view: () => (<><PageTitle>Your account</PageTitle><AccountSection level={2} /></>),
  },
};
const therapistNav = ['/', '/account'];

const signedOutPages: Record<string, Page> = {};

// "/runs/12", "/clients/3", "/welcome/TOKEN": pages with a part of their own; everything
// else is a page of a table above. Signed out, every page but a link's is the sign-in page.
function view(path: string, pages: Record<string, Page>, signIn: Page, onLinkUsed: (session: SignedIn) => void): Page {
  const welcome = path.match(/^\/welcome\/([^/]+)$/);
  if (welcome) return { title: 'Welcome', view: () => <WelcomePage token={welcome[1]} onSignedIn={onLinkUsed} /> };
  if (pages === signedOutPages) return signIn;
  const run = path.match(/^\/runs\/(\d+)$/);
  if (run && pages === runnerPages) return { title: 'Run', view: () => <RunPage id={Number(run[1])} /> };
  const client = path.match(/^\/clients\/(\d+)$/);
  if (client && pages === therapistPages) return { title: 'Client', view: () => <ClientPage id={Number(client[1])} /> };
  return pages[path] ?? pages['/'];
}

function currentPath(): string {
  return location.hash.replace(/^#/, '') || '/';
}

// Who the page is for: the local app (no accounts), or on the clinic server someone
// signed in, or no one yet.
type Visitor =
  | { kind: 'loading' }
  | { kind: 'local' }
  | { kind: 'signed-out'; note: string }
  | { kind: 'signed-in'; account: Account };

function Frame({ nav, pages, path, local, account, children }: {
  nav: string[];
  pages: Record<string, Page>;
  path: string;
  local: boolean;
  account: Account | null;
  children: preact.ComponentChildren;
}) {
  const { signOut } = useWho();
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const footer = local
    ? 'backstride gives guidance, not a diagnosis. Your data stays on this computer.'
    : !account
      ? 'backstride gives guidance, not a diagnosis.'
      : account.role === 'therapist'
      ? 'backstride gives guidance, not a diagnosis. Each time you open a client’s data, it is listed in their account for them to see.'
      : `backstride gives guidance, not a diagnosis. Your data is kept on ${account.clinic}’s server: only your therapist can read it, and Settings shows each time they have.`;
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        Skip to the page
      </a>
      <header class="top">
        <a class="brand" href="#/">backstride</a>
        {nav.length > 0 && (
          <nav aria-label="Main">
            <ul>
              {nav.map((target) => (
                <li key={target}>
                  <a href={`#${target}`} aria-current={path === target || (target !== '/' && path.startsWith(`${target}/`)) || (target === '/' && path.startsWith('/clients/')) ? 'page' : undefined}>
                    {pages[target].title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {account && (
          <p class="who">
            <span>Signed in as <bdi>{account.name || account.email}</bdi></span>
            <button type="button" class="link" onClick={() => signOut().catch(setSignOutError)}>Sign out</button>
          </p>
        )}
      </header>
      <ErrorNote error={signOutError} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="bottom">
        <p>{footer}</p>
      </footer>
    </>
  );
}

function App() {
  const [path, setPath] = useState(currentPath());
  const [visitor, setVisitor] = useState<Visitor>({ kind: 'loading' });

  useEffect(() => {
    const onChange = () => {
      setPath(currentPath());
      // Move focus to the new page's heading, so keyboard and screen reader users land
      // at its start.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    };
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);

  // The local app answers GET /api/session with a token only; the clinic server with the
  // account signed in, or 401 when no one is.
  useEffect(() => {
    call('GET', '/api/session').then(
      (data) => {
        const session = data as Partial<SignedIn> & { csrf_token: string };
        setCsrfToken(session.csrf_token);
        setVisitor(session.signed_in && session.account ? { kind: 'signed-in', account: session.account } : { kind: 'local' });
      },
      (error: unknown) => {
        // Anything but "no one is signed in" leaves the pages to say what is wrong.
        setVisitor(error instanceof ApiError && error.status === 401 ? { kind: 'signed-out', note: '' } : { kind: 'local' });
      },
    );
  }, []);

  const signedOut = useCallback((note: string) => {
    setCsrfToken(null);
    setVisitor({ kind: 'signed-out', note });
    if (!currentPath().startsWith('/welcome/')) location.hash = '#/';
  }, []);
  // A link was used: signed in, and the link's address (with its token) replaced in the
  // history, so Back cannot return to it. A runner starts with the app's first visit (the
  // questions); a therapist with their clients.
  const linkUsed = useCallback((session: SignedIn) => {
    setVisitor({ kind: 'signed-in', account: session.account });
    location.replace('#/');
  }, []);
  const signedIn = visitor.kind === 'signed-in';
  useEffect(() => {
    // A session that ends while a page is open (signed out on another device) brings the
    // sign-in page back, with a word on why.
    whenSignedOut(signedIn ? () => signedOut('Your session has ended. Please sign in again.') : null);
  }, [signedIn, signedOut]);

  const account = visitor.kind === 'signed-in' ? visitor.account : null;
  const who = useMemo<Who>(() => ({
    account,
    signOut: async (everywhere = false) => {
      await (everywhere ? clinicApi.signOutEverywhere() : clinicApi.signOut());
      signedOut(everywhere ? 'You are signed out on every device.' : 'You are signed out.');
    },
    signedOut,
  }), [account, signedOut]);

  const pages = visitor.kind === 'signed-out' ? signedOutPages
    : account?.role === 'therapist' ? therapistPages : runnerPages;
  const signIn: Page = {
    title: 'Sign in',
    view: () => (
      <SignInPage note={visitor.kind === 'signed-out' ? visitor.note : ''}
        onSignedIn={(session) => setVisitor({ kind: 'signed-in', account: session.account })} />
    ),
  };
  const page = visitor.kind === 'loading' ? null : view(path, pages, signIn, linkUsed);
  useEffect(() => {
    document.title = `${page?.title ?? 'backstride'} · backstride`;
  }, [page?.title]);

  if (!page) return <main id="main"><p aria-live="polite">Loading…</p></main>;
  const nav = visitor.kind === 'signed-out' || path.startsWith('/welcome/') ? []
    : account?.role === 'therapist' ? therapistNav : runnerNav;
  const frame = (
    <Frame nav={nav} pages={pages} path={path} local={visitor.kind === 'local'} account={account}>
      {page.view()}
    </Frame>
  );
  return (
    <WhoContext.Provider value={who}>
      {/* A runner's settings are theirs: fetched again for each account signed in. */}
      {pages === runnerPages ? <SettingsProvider key={account?.id ?? 0}>{frame}</SettingsProvider> : frame}
    </WhoContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
