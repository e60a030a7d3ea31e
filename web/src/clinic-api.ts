// The clinic server's own routes (docs/api.md, "The clinic server"): signing in and out,
// one-use links, a therapist's clients and invitations, a runner's audit log and account.
// The local app's routes keep their types from the schema (api.ts); these are not in it
// yet, so their shapes are written here, as the server's clinic_api.cc answers them.
import { call, setCsrfToken, type LogEntry, type Plan, type RunView, type Today } from './api';

export type Role = 'therapist' | 'runner';

export interface Account {
  id: number;
  role: Role;
  email: string;
  name: string;
  clinic: string;
}

// GET /api/session on the clinic server, once someone is signed in. The local app answers
// with csrf_token only.
export interface SignedIn {
  signed_in: true;
  account: Account;
  csrf_token: string;
  expires_at: number;  // seconds since 1970, UTC
}

export type LinkPurpose = 'setup' | 'invite' | 'reset';

// What a one-use link is for, before it is used.
export interface LinkDetails {
  purpose: LinkPurpose;
  clinic: string;
  therapist: string;  // an invitation's therapist
  email: string;      // the account's, or the one written on the invitation; may be ""
  name: string;
  expires_at: number;
}

// A link a therapist made: `path` goes after the server's address.
export interface IssuedLink {
  purpose: LinkPurpose;
  path: string;
  token: string;
  expires_at: number;
}

export interface Client extends Account {
  since: number;  // when they accepted the invitation
}

export interface AuditRead {
  therapist: string;
  what: string;  // the route read: "today", "plan", "log", "runs", "runs/3"
  at: number;
}

// A session's reply makes its token the one every change sends.
async function signedIn(reply: Promise<unknown>): Promise<SignedIn> {
  const session = (await reply) as SignedIn;
  setCsrfToken(session.csrf_token);
  return session;
}

async function signedOut(reply: Promise<unknown>): Promise<void> {
  await reply;
  setCsrfToken(null);
}

const client = (id: number, what: string, signal?: AbortSignal) =>
  call('GET', `/api/clinic/clients/${id}/${what}`, undefined, { signal });

export const clinicApi = {
  signIn: (email: string, password: string) => signedIn(call('POST', '/api/auth/sign-in', { email, password })),
  signOut: () => signedOut(call('POST', '/api/auth/sign-out', {})),
  signOutEverywhere: () => signedOut(call('POST', '/api/auth/sign-out-everywhere', {})),
  changePassword: (current: string, password: string) =>
    call('PUT', '/api/auth/password', { current, password }) as Promise<{ ok: true }>,
  lookUpLink: (token: string, signal?: AbortSignal) =>
    call('POST', '/api/auth/link', { token }, { signal }) as Promise<LinkDetails>,
  useLink: (token: string, password: string, email?: string, name?: string) =>
    signedIn(call('POST', '/api/auth/use-link', { token, password, email, name })),
  audit: (signal?: AbortSignal) => call('GET', '/api/audit', undefined, { signal }) as Promise<{ reads: AuditRead[] }>,
  deleteAccount: (password: string) => signedOut(call('DELETE', '/api/account', { password })),

  invite: (email: string, name: string) =>
    call('POST', '/api/clinic/invitations', { email, name }) as Promise<IssuedLink>,
  clients: (signal?: AbortSignal) => call('GET', '/api/clinic/clients', undefined, { signal }) as Promise<{ clients: Client[] }>,
  resetLink: (id: number) => call('POST', `/api/clinic/clients/${id}/reset-link`, {}) as Promise<IssuedLink>,
  // A client's data, read-only; each read goes into the client's audit log.
  clientToday: (id: number, signal?: AbortSignal) => client(id, 'today', signal) as Promise<Today>,
  clientPlan: (id: number, signal?: AbortSignal) => client(id, 'plan', signal) as Promise<Plan>,
  clientLog: (id: number, signal?: AbortSignal) => client(id, 'log', signal) as Promise<LogEntry[]>,
  clientRuns: (id: number, signal?: AbortSignal) => client(id, 'runs', signal) as Promise<RunView[]>,
};

// The full address of a link, to copy and send.
export function linkAddress(link: IssuedLink): string {
  return `${location.origin}${link.path}`;
}

// "Thu 17 Dec 2026, 14:05", in the reader's own time zone.
export function moment(seconds: number): string {
  return new Date(seconds * 1000).toLocaleString('en-GB', {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}
