// The backstride API (docs/api.md): typed calls, with the session's CSRF token on every
// request that changes something, and errors as ApiError with the server's message.

export class ApiError extends Error {
  constructor(
    public status: number,
    message: string,
    public field?: string,
  ) {
    super(message);
  }
}

let token: string | null = null;

async function csrfToken(): Promise<string> {
  if (token === null) {
    const response = await fetch('/api/session');
    token = ((await response.json()) as { csrf_token: string }).csrf_token;
  }
  return token;
}

async function call<T>(method: string, path: string, body?: BodyInit, type?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = await csrfToken();
  if (type) headers['Content-Type'] = type;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError(0, 'backstride is not answering. Is `backstride serve` still running?');
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = data?.error ?? { message: `the server answered ${response.status}` };
    throw new ApiError(response.status, error.message, error.field);
  }
  return data as T;
}

const get = <T>(path: string) => call<T>('GET', path);
const send = <T>(method: string, path: string, body: unknown) =>
  call<T>(method, path, JSON.stringify(body), 'application/json');

// --- Shapes -------------------------------------------------------------------------

export interface Choice {
  id: string;
  label: string;
}
export interface Question {
  id: string;
  kind: 'yes_no' | 'yes_no_unsure' | 'whole_number' | 'decimal' | 'choice' | 'duration';
  prompt: string;
  why: string;
  optional: boolean;
  min?: number;
  max?: number;
  unit?: 'months' | 'weeks';  // duration only
  choices: Choice[];
}
export interface QuestionnaireState {
  number: number;
  total: number;
  stopped: boolean;
  finished: boolean;
  question: Question | null;
  // The last reply, when a duration said another way: "6 weeks = 1.4 months".
  noted: string | null;
  answers?: unknown;
  assessment?: Assessment;
}
export interface TextItem {
  id: string;
  title: string;
  text: string;
  why: string;
}
export interface Reason {
  rule: string;
  field: string;
  answer: unknown;
  text: string;
}
export interface WarningSign {
  id: string;
  label: string;
  unsure: boolean;
}
export interface Assessment {
  route: string;
  route_title: string;
  summary: string;
  next: string;
  leads_to_plan: boolean;
  urgency: 'now' | 'today' | 'soon' | 'week' | null;
  urgency_text: TextItem | null;
  notices: string[];
  notice_texts: TextItem[];
  safety_net: TextItem;
  red_flags: string[];
  red_flags_unsure: string[];
  warning_signs: WarningSign[];
  reasons: Reason[];
  safety: TextItem | null;
  advice: TextItem[];
  disclaimer: string;
  problems: string[];
}
export interface Cap {
  unit: 'distance' | 'time';
  value: number;
  text: string;
}
export interface Exercise {
  name: string;
  sets: number;
  reps: string;
  load: string;
  cues: string[];  // set-up, the movement, the common fault, what you should feel
}
export interface Session {
  uid: string;
  date: string;
  weekday: string;
  kind: string;
  phase: string;
  title: string;
  headline: string;
  details: string;
  cap: Cap | null;
  pace_aim_text: string | null;
  exercises: Exercise[];
  why: string | null;
}
export interface Phase {
  id: string;
  name: string;
  purpose: string;
  start: string;
  end: string;
}
export interface Plan {
  route: string;
  route_title: string;
  start: string;
  end: string;
  today: string;
  runs_per_week: number;
  weeks: number;
  phase_today: string | null;
  phases: Phase[];
  cap_today: Cap;
  cap_limited_reason: string | null;
  sessions: Session[];
  notes: string[];
}
export interface Decision {
  run_id: number;
  date: string;
  verdict: string;
  verdict_text: string;
  change: string;
  cap_before: Cap;
  cap_after: Cap;
  spike: boolean;
  reason: string;
}
export interface Status {
  route: string;
  phase: string | null;
  cap: Cap;
  cap_limited_reason: string | null;
  pace_to_beat_text: string | null;
  good_streak: number;
  paused_until: string | null;
  decisions: Decision[];
}
export interface Day {
  date: string;
  weekday: string;
  sessions: Session[];
}
export interface Today extends Day {
  status: Status;
}
export interface Week {
  week: number;
  from: string;
  days: Day[];
}
export interface RunView {
  id: number;
  date: string;
  source: string;
  distance_m: number;
  duration_s: number;
  pain: number | null;
  onset_m: number | null;
  onset_s: number | null;
  verdict: string | null;
  verdict_text: string | null;
  spike: boolean;
  file?: string;
}
export interface Lap {
  number: number;
  start_s: number;
  elapsed_s: number;
  distance_m: number | null;
  trigger: string;
}
export interface Split {
  number: number;
  distance_m: number;
  duration_s: number;
  avg_hr_bpm: number | null;
  pace_text?: string;
}
export interface RunDetail extends RunView {
  reason?: string;
  laps: Lap[];
  splits: Split[];
  profile: [number, number][];  // [distance_m, elapsed_s] every 50 m
}
export interface ImportedFile {
  file: string;
  status: 'imported' | 'duplicate' | 'skipped' | 'failed';
  reason: string;
  run_id?: number;
  activity?: { sport: string; distance_m: number | null; elapsed_s: number; points: number };
}
export interface ProgressRun {
  id: number;
  date: string;
  distance_m: number;
  duration_s: number;
  pace_s_per_km: number | null;
  pain: number | null;
  onset_m: number | null;
  source: string;
  verdict: string | null;
  verdict_text: string | null;
  cap_before: Cap | null;
  cap_after: Cap | null;
}
export interface Progress {
  runs: ProgressRun[];
  weeks: { week_start: string; distance_m: number }[];
}
export interface Settings {
  units: 'km' | 'mi';
  runs_per_week: number;
  onset_lap: boolean;
}
export interface LogEntry {
  id: number;
  date: string;
  kind: string;
  distance_m: number | null;
  duration_s: number | null;
  pain: number | null;
  pain_before: number | null;
  reps_in_reserve: number | null;
  onset_m: number | null;
  onset_s: number | null;
  done: boolean | null;
  helped: boolean | null;
  source: string;
  note: string;
}
export interface LogOutcome {
  id: number;
  changes: string[];
}
// The answer to an edit, a delete or an undo: what changed, and what undo would undo next.
export interface Correction extends LogOutcome {
  undo: string | null;
}
export interface LogForm {
  kind: string;
  date?: string;
  distance?: string;
  time?: string;
  pain?: number;
  pain_before?: number;
  reserve?: number;  // strength, sprints: repetitions in reserve at the end of the hardest set
  onset?: string;
  done?: boolean;
  helped?: string;
  note?: string;
}

// --- Calls ------------------------------------------------------------------------------

export const api = {
  questionnaire: (replies: string[]) =>
    send<QuestionnaireState>('POST', '/api/questionnaire', { replies }),
  // stored is false for a warning sign: nothing is kept, so show the assessment at once.
  assess: (answers: unknown) =>
    send<{ assessment: Assessment; stored: boolean; plan_id: number | null }>(
      'POST',
      '/api/assessment',
      answers,
    ),
  assessment: () => get<{ assessment: Assessment; date: string }>('/api/assessment'),
  plan: () => get<Plan>('/api/plan'),
  today: () => get<Today>('/api/today'),
  week: (next: boolean) => get<Week>(`/api/week${next ? '?next=1' : ''}`),
  status: () => get<Status>('/api/status'),
  log: (form: LogForm) => send<LogOutcome>('POST', '/api/log', form),
  history: () => get<LogEntry[]>('/api/log'),
  editLog: (id: number, form: LogForm) => send<Correction>('PUT', `/api/log/${id}`, form),
  deleteLog: (id: number) => call<Correction>('DELETE', `/api/log/${id}`),
  undo: () => send<Correction>('POST', '/api/undo', {}),
  runs: () => get<RunView[]>('/api/runs'),
  run: (id: number) => get<RunDetail>(`/api/runs/${id}`),
  setOnset: (id: number, onset: { lap: number } | { onset: string }) =>
    send<unknown>('POST', `/api/runs/${id}/onset`, onset),
  restore: (file: File, replace: boolean) =>
    call<Record<string, number>>('POST', `/api/import-data${replace ? '?replace=1' : ''}`, file, 'application/json'),
  ratePain: (id: number, pain: number) => send<LogOutcome>('POST', `/api/runs/${id}/pain`, { pain }),
  importFile: (file: File) =>
    call<ImportedFile>(
      'POST',
      `/api/import?name=${encodeURIComponent(file.webkitRelativePath || file.name)}`,
      file,
      'application/octet-stream',
    ),
  progress: () => get<Progress>('/api/progress'),
  settings: () => get<Settings>('/api/settings'),
  saveSettings: (settings: Partial<Settings>) => send<Settings>('PUT', '/api/settings', settings),
};
