// The runner's settings, fetched once for the whole app and shared by every page that
// writes distances, rather than fetched again by each. Saving them, or restoring a
// backup, updates every page at once.
import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';

import { api, isAborted, type Settings, type SettingsChange } from './api';

interface SettingsStore {
  // null until they have come (or when they could not be fetched: see error).
  settings: Settings | null;
  error: unknown;
  // Saves a change; every page sees the settings the server answers with.
  save: (change: SettingsChange) => Promise<Settings>;
  // Fetches them again, after something else changed them (a restored backup).
  reload: () => void;
}

const SettingsContext = createContext<SettingsStore | null>(null);

export function SettingsProvider({ children }: { children: ComponentChildren }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    api.settings(controller.signal).then(
      (loaded) => {
        setSettings(loaded);
        setError(null);
      },
      (e: unknown) => {
        if (!isAborted(e)) setError(e);
      },
    );
    return () => controller.abort();
  }, [version]);
  const save = useCallback(async (change: SettingsChange) => {
    const saved = await api.saveSettings(change);
    setSettings(saved);
    setError(null);
    return saved;
  }, []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const store = useMemo(() => ({ settings, error, save, reload }), [settings, error, save, reload]);
  return <SettingsContext.Provider value={store}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsStore {
  const store = useContext(SettingsContext);
  if (!store) throw new Error('useSettings is used outside SettingsProvider');
  return store;
}
