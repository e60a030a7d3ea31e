import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import './styles.css';
import { HomePage } from './pages/home';
import { ImportPage } from './pages/import';
import { LogPage } from './pages/log';
import { PlanPage } from './pages/plan';
import { ProgressPage } from './pages/progress';
import { QuestionsPage } from './pages/questions';
import { ResultPage } from './pages/result';
import { RunPage, RunsPage } from './pages/runs';
import { SettingsPage } from './pages/settings';
import { SettingsProvider } from './settings';

// Pages by hash ("#/plan"), so the server has one page to serve and the back button works.
const pages: Record<string, { title: string; view: () => preact.JSX.Element }> = {
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

const nav = ['/', '/plan', '/log', '/runs', '/import', '/progress', '/settings'];

function currentPath(): string {
  const path = location.hash.replace(/^#/, '') || '/';
  if (/^\/runs\/\d+$/.test(path)) return path;
  return path in pages ? path : '/';
}

// "/runs/12": one run; everything else is a page of the table above.
function view(path: string) {
  const run = path.match(/^\/runs\/(\d+)$/);
  if (run) return { title: 'Run', view: () => <RunPage id={Number(run[1])} /> };
  return pages[path];
}

function App() {
  const [path, setPath] = useState(currentPath());
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
  useEffect(() => {
    document.title = `${view(path).title} · backstride`;
  }, [path]);
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
        <nav aria-label="Main">
          <ul>
            {nav.map((target) => (
              <li key={target}>
                <a href={`#${target}`} aria-current={path === target || (target === '/runs' && path.startsWith('/runs/')) ? 'page' : undefined}>
                  {pages[target].title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {view(path).view()}
      </main>
      <footer class="bottom">
        <p>backstride gives guidance, not a diagnosis. Your data stays on this computer.</p>
      </footer>
    </>
  );
}

render(
  <SettingsProvider>
    <App />
  </SettingsProvider>,
  document.getElementById('app')!,
);
