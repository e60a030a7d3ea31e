// Who is using the app: the local app's one runner, or on the clinic server the account
// signed in. Pages that differ between the two (settings, the footer) read it here.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import type { Account } from './clinic-api';

export interface Who {
  // null on the local app, which has no accounts.
  account: Account | null;
  // Ends this session (or every session) and shows the sign-in page.
  signOut: (everywhere?: boolean) => Promise<void>;
  // After the account was deleted: the sign-in page, with a word that it is gone.
  signedOut: (message: string) => void;
}

export const WhoContext = createContext<Who>({
  account: null,
  signOut: async () => {},
  signedOut: () => {},
});

export function useWho(): Who {
  return useContext(WhoContext);
}
