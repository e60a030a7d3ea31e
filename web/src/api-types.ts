// Generated from docs/api.schema.json by scripts/api-types.mjs (npm run types): do not
// edit. Change the schema, then run `npm run types`; `npm run lint` checks it is current.
/* eslint-disable */

/**
 * How a question is answered.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "QuestionKind".
 */
export type QuestionKind =
  'yes_no' | 'yes_no_unsure' | 'whole_number' | 'decimal' | 'duration' | 'choice';
/**
 * Where the assessment leads (DESIGN 2).
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "RouteId".
 */
export type RouteId =
  | 'emergency'
  | 'see_doctor'
  | 'see_clinician'
  | 'returning_runner'
  | 'new_runner'
  | 'seasoned_rehab'
  | 'seasoned_treatment';
/**
 * How soon a doctor should be seen.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Urgency".
 */
export type Urgency = 'now' | 'today' | 'soon' | 'week';
/**
 * Something the runner should know beside the route.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Notice".
 */
export type Notice = 'inflammatory_back_pain' | 'answers_first_version';
/**
 * A warning sign.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "RedFlag".
 */
export type RedFlag =
  | 'saddle_numbness'
  | 'bladder_or_bowel_change'
  | 'leg_weakness_worsening'
  | 'sexual_function_change'
  | 'both_legs'
  | 'sudden_severe_pain_faint'
  | 'major_trauma'
  | 'fever_or_unwell'
  | 'cancer_history'
  | 'unexplained_weight_loss'
  | 'recent_fall_or_impact'
  | 'night_pain_no_relief'
  | 'osteoporosis_or_steroids'
  | 'infection_risk';
/**
 * The triage rule behind a reason.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ReasonRule".
 */
export type ReasonRule =
  | 'emergency_sign'
  | 'unsure_emergency_sign'
  | 'warning_sign'
  | 'unsure_warning_sign'
  | 'constant_pain'
  | 'mid_upper_back'
  | 'first_episode_50'
  | 'leg_below_knee'
  | 'numbness_or_tingling'
  | 'severe_pain'
  | 'under_16'
  | 'location_other'
  | 'not_improving'
  | 'bone_stress'
  | 'returning_runner'
  | 'new_runner'
  | 'seasoned'
  | 'treatment_not_helped'
  | 'treatment_first';
/**
 * A warning sign's answer: yes, no or not sure.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "FlagAnswer".
 */
export type FlagAnswer = boolean | 'unsure';
/**
 * A stored row's id.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = number;
/**
 * A day: YYYY-MM-DD.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "IsoDate".
 */
export type IsoDate = string;
/**
 * A plan's phase.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "PhaseId".
 */
export type PhaseId =
  'foundation' | 'build' | 'extend' | 'maintenance' | 'settle' | 'rehab' | 'return';
/**
 * A cap is a distance or, when the pain came after some minutes, a time.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "CapUnit".
 */
export type CapUnit = 'distance' | 'time';
/**
 * What a planned session is.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "SessionKind".
 */
export type SessionKind =
  'run' | 'sprint' | 'strength' | 'mobility' | 'treatment' | 'rest' | 'check_in';
/**
 * What a log entry records.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "LogKind".
 */
export type LogKind =
  'run' | 'morning' | 'strength' | 'sprint' | 'mobility' | 'treatment' | 'checkin';
/**
 * Back pain on the 0-10 numeric rating scale.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "PainScore".
 */
export type PainScore = number;
/**
 * Where a log entry came from: "manual", or "import:" and the file's format.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "LogSource".
 */
export type LogSource = string;
/**
 * The run rule's verdict on a run.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "RunVerdict".
 */
export type RunVerdict =
  | 'good'
  | 'hold'
  | 'step_back'
  | 'below_cap'
  | 'over_cap'
  | 'reduced'
  | 'during_pause'
  | 'during_rest'
  | 'by_time';
/**
 * What a run did to the cap.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "CapChange".
 */
export type CapChange = 'none' | 'progress' | 'step_back' | 'pause';
/**
 * A file's bytes, as they are.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Bytes".
 */
export type Bytes = string;
/**
 * What became of an imported file.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ImportStatus".
 */
export type ImportStatus = 'imported' | 'duplicate' | 'skipped' | 'failed' | 'not_activity';
/**
 * Why a file was not imported, or what to know of a run that was.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ImportReason".
 */
export type ImportReason =
  | 'none'
  | 'unreadable'
  | 'broken'
  | 'not_activity_file'
  | 'no_activity'
  | 'not_a_run'
  | 'pace_not_a_run'
  | 'no_start_time'
  | 'clock_not_set'
  | 'too_short'
  | 'duplicate'
  | 'duplicate_deleted'
  | 'duplicate_in_import'
  | 'dry_run'
  | 'could_not_check'
  | 'could_not_store'
  | 'duplicate_richer'
  | 'export_stopped';
/**
 * The sport a watch file records.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Sport".
 */
export type Sport = 'running' | 'walking' | 'hiking' | 'cycling' | 'swimming' | 'other' | 'unknown';
/**
 * An instant in UTC, ISO 8601: 2026-03-02T07:12:00Z.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "IsoInstant".
 */
export type IsoInstant = string;
/**
 * Where an imported run's recording came from: a watch file, or a service's export.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "RecordingSource".
 */
export type RecordingSource = 'file' | 'strava' | 'garmin' | 'apple';
/**
 * What ended a lap: "manual" is the lap button.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "LapTrigger".
 */
export type LapTrigger =
  | 'manual'
  | 'time'
  | 'distance'
  | 'position'
  | 'session_end'
  | 'fitness_equipment'
  | 'heart_rate'
  | 'unknown';
/**
 * [distance_m, elapsed_s]
 *
 * @minItems 2
 * @maxItems 2
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ProfilePoint".
 */
export type ProfilePoint = [number, number];
/**
 * Either lap (the lap at whose end the pain started) or onset (a distance or a time).
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "OnsetForm".
 */
export type OnsetForm =
  | {
      lap: number;
    }
  | {
      onset: string;
    };
/**
 * The runner's units: kilometres or miles.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Units".
 */
export type Units = 'km' | 'mi';
/**
 * An RFC 5545 calendar.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Calendar".
 */
export type Calendar = string;
/**
 * A watch file's format.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "FileFormat".
 */
export type FileFormat = 'fit' | 'gpx' | 'tcx';

/**
 * The backstride web API (docs/api.md), one property per route: "METHOD /api/path", with {id} for a number in the path. Each route gives its query parameters, its request body, its response body (status 200) and the body of its error replies. The web app's types are generated from this file (web/src/api-types.ts, `npm run types`), and web/e2e/api-schema.mjs checks every answer of a running server against it.
 */
export interface Api {
  /**
   * The CSRF token every POST, PUT and DELETE sends as X-CSRF-Token.
   */
  'GET /api/session': {
    response: SessionToken;
    error: ErrorReply;
  };
  /**
   * Replays the replies so far and says what to ask next; the server keeps no state.
   */
  'POST /api/questionnaire': {
    body: QuestionnaireReplies;
    response: QuestionnaireState;
    error: ErrorReply;
  };
  /**
   * Assesses the answers and stores them, starting a plan on the routes that lead to one. A warning sign stores nothing.
   */
  'POST /api/assessment': {
    body: Answers;
    response: AssessmentSaved;
    error: AssessmentErrorReply;
  };
  /**
   * The latest stored assessment; 404 before the first.
   */
  'GET /api/assessment': {
    response: LatestAssessment;
    error: ErrorReply;
  };
  /**
   * The plan in force; 404 before any assessment, 409 when the route has no plan.
   */
  'GET /api/plan': {
    response: Plan;
    error: ErrorReply;
  };
  /**
   * Starts a new plan; the old one is kept.
   */
  'POST /api/plan': {
    body: NewPlan;
    response: Plan;
    error: ErrorReply;
  };
  'GET /api/today': {
    response: Today;
    error: ErrorReply;
  };
  'GET /api/week': {
    query: WeekQuery;
    response: Week;
    error: ErrorReply;
  };
  /**
   * Where the runner stands, with one page of the run verdicts: the newest page at offset 0.
   */
  'GET /api/status': {
    query: DecisionsQuery;
    response: Status;
    error: ErrorReply;
  };
  /**
   * Pain over time: every pain score and every change to the cap, with its reason.
   */
  'GET /api/pain': {
    query: DateRangeQuery;
    response: PainHistory;
    error: ErrorReply;
  };
  /**
   * The log's entries, by date.
   */
  'GET /api/log': {
    query: LogQuery;
    response: LogEntry[];
    error: ErrorReply;
  };
  'POST /api/log': {
    body: LogForm;
    response: LogOutcome;
    error: ErrorReply;
  };
  /**
   * The whole entry again: a field left out is blanked; the kind cannot change.
   */
  'PUT /api/log/{id}': {
    body: LogForm;
    response: Correction;
    error: ErrorReply;
  };
  'DELETE /api/log/{id}': {
    response: Correction;
    error: ErrorReply;
  };
  'GET /api/undo': {
    response: UndoState;
    error: ErrorReply;
  };
  /**
   * Undoes the last entry logged, corrected or deleted; 404 when there is nothing to undo. The body is not read.
   */
  'POST /api/undo': {
    body?: Empty;
    response: Correction;
    error: ErrorReply;
  };
  /**
   * One watch file's bytes, sent as application/octet-stream.
   */
  'POST /api/import': {
    query: ImportQuery;
    body: Bytes;
    response: ImportedFile;
    error: ErrorReply;
  };
  /**
   * Runs, logged and imported, by date.
   */
  'GET /api/runs': {
    query: DateRangeQuery;
    response: RunView[];
    error: ErrorReply;
  };
  'GET /api/runs/{id}': {
    response: RunDetail;
    error: ErrorReply;
  };
  /**
   * Sets where the pain started, from a lap or a distance or time; answers with the run's log entry.
   */
  'POST /api/runs/{id}/onset': {
    body: OnsetForm;
    response: LogEntry;
    error: ErrorReply;
  };
  /**
   * The pain of an imported run.
   */
  'POST /api/runs/{id}/pain': {
    body: PainForm;
    response: LogOutcome;
    error: ErrorReply;
  };
  'GET /api/progress': {
    response: Progress;
    error: ErrorReply;
  };
  'GET /api/settings': {
    response: Settings;
    error: ErrorReply;
  };
  /**
   * Any of the settings; all are checked before any is saved. Answers with every setting.
   */
  'PUT /api/settings': {
    body: SettingsChange;
    response: Settings;
    error: ErrorReply;
  };
  /**
   * The plan as an iCalendar download (backstride-plan.ics).
   */
  'GET /api/export.ics': {
    response: Calendar;
    error: ErrorReply;
  };
  /**
   * Everything stored, as `backstride export --json` writes it (a download).
   */
  'GET /api/export.json': {
    response: DataExport;
    error: ErrorReply;
  };
  /**
   * Restores an export: into an empty store, or over what is there with replace.
   */
  'POST /api/import-data': {
    query: ReplaceQuery;
    body: DataExport;
    response: Restored;
    error: ErrorReply;
  };
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "SessionToken".
 */
export interface SessionToken {
  csrf_token: string;
}
/**
 * Every error: the status again, a message for the runner and the field it is about.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ErrorReply".
 */
export interface ErrorReply {
  error: ErrorDetail;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ErrorDetail".
 */
export interface ErrorDetail {
  status: number;
  message: string;
  field?: string;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "QuestionnaireReplies".
 */
export interface QuestionnaireReplies {
  /**
   * Every reply so far, as typed: yes, no, not sure, a number, a duration or a choice id.
   */
  replies: string[];
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "QuestionnaireState".
 */
export interface QuestionnaireState {
  number: number;
  total: number;
  /**
   * A warning sign stopped the questions: see assessment.
   */
  stopped: boolean;
  /**
   * Every question is answered: post answers to /api/assessment.
   */
  finished: boolean;
  question: Question | null;
  /**
   * The last reply read back when it was a duration in another unit: "6 weeks = 1.4 months".
   */
  noted: string | null;
  assessment?: Assessment;
  answers?: Answers;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Question".
 */
export interface Question {
  id: string;
  kind: QuestionKind;
  prompt: string;
  why: string;
  optional: boolean;
  /**
   * Numbers only.
   */
  min?: number;
  /**
   * Numbers and durations.
   */
  max?: number;
  /**
   * Durations only: what a bare number counts.
   */
  unit?: 'months' | 'weeks';
  choices: Choice[];
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Choice".
 */
export interface Choice {
  id: string;
  label: string;
}
/**
 * The JSON of `backstride assess --format json`.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Assessment".
 */
export interface Assessment {
  route: RouteId;
  route_title: string;
  summary: string;
  next: string;
  leads_to_plan: boolean;
  urgency: Urgency | null;
  urgency_text: TextItem | null;
  notices: Notice[];
  notice_texts: TextItem[];
  /**
   * Every warning sign answered yes or not sure.
   */
  red_flags: RedFlag[];
  /**
   * Those answered not sure.
   */
  red_flags_unsure: RedFlag[];
  warning_signs: WarningSign[];
  reasons: Reason[];
  safety: TextItem | null;
  advice: TextItem[];
  safety_net: TextItem;
  disclaimer: string;
  /**
   * What is wrong in the answers, one line each (a warning sign is read first).
   */
  problems: string[];
  /**
   * The answers read, when they were complete.
   */
  answers: Answers | null;
}
/**
 * A text from the content: an advice item, a notice, the urgency, the safety net.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "TextItem".
 */
export interface TextItem {
  id: string;
  title: string;
  text: string;
  why: string;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "WarningSign".
 */
export interface WarningSign {
  id: RedFlag;
  label: string;
  unsure: boolean;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Reason".
 */
export interface Reason {
  rule: ReasonRule;
  /**
   * The answer's field path: pain.worst.
   */
  field: string;
  /**
   * The answer as the JSON gives it: 9, 2.5, unsure.
   */
  answer: string;
  /**
   * The rule's condition on the field: ≥ 8.
   */
  threshold: string;
  /**
   * The reason in words.
   */
  text: string;
}
/**
 * The answers of DESIGN 2, as `backstride assess --answers` reads them. The first format (before DESIGN 2.1a) lacks the second's fields, marked optional here.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Answers".
 */
export interface Answers {
  age: number;
  history: HistoryAnswers;
  pain: PainAnswers;
  red_flags: RedFlagAnswers;
  bone_stress?: BoneStressAnswers;
  inflammatory?: InflammatoryAnswers;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "HistoryAnswers".
 */
export interface HistoryAnswers {
  months_running: number;
  break_months: number;
  months_since_return: number;
  recent_increase?: boolean;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "PainAnswers".
 */
export interface PainAnswers {
  location: 'lower_back' | 'mid_back' | 'upper_back' | 'buttock' | 'other';
  timing: 'during' | 'after' | 'during_and_after' | 'constant';
  onset_minutes?: number | null;
  onset_km?: number | null;
  worst: number;
  weeks: number;
  leg_symptoms: 'none' | 'above_knee' | 'below_knee';
  numbness_or_tingling: boolean;
  treatment_sessions: number;
  treatment_helped?: boolean | null;
  first_episode?: boolean;
  improving?: 'better' | 'same' | 'worse';
}
/**
 * Every warning sign, answered; the first format has only the first nine.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "RedFlagAnswers".
 */
export interface RedFlagAnswers {
  saddle_numbness: FlagAnswer;
  bladder_or_bowel_change: FlagAnswer;
  leg_weakness_worsening: FlagAnswer;
  fever_or_unwell: FlagAnswer;
  cancer_history: FlagAnswer;
  unexplained_weight_loss: FlagAnswer;
  recent_fall_or_impact: FlagAnswer;
  night_pain_no_relief: FlagAnswer;
  osteoporosis_or_steroids: FlagAnswer;
  sexual_function_change?: FlagAnswer;
  both_legs?: FlagAnswer;
  sudden_severe_pain_faint?: FlagAnswer;
  major_trauma?: FlagAnswer;
  infection_risk?: FlagAnswer;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "BoneStressAnswers".
 */
export interface BoneStressAnswers {
  hop_pain: FlagAnswer;
  risk: FlagAnswer;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "InflammatoryAnswers".
 */
export interface InflammatoryAnswers {
  began_before_35: boolean;
  wakes_second_half_night: boolean;
  buttock_pain: boolean;
  better_with_movement: boolean;
  nsaid_relief: boolean;
  family_history: boolean;
  related_condition: boolean;
  morning_stiffness: boolean;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "AssessmentSaved".
 */
export interface AssessmentSaved {
  assessment: Assessment;
  /**
   * False for a warning sign: nothing is kept.
   */
  stored: boolean;
  assessment_id: Id | null;
  plan_id: Id | null;
}
/**
 * An error; answers with a warning sign set but other problems also carry the sign's assessment.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "AssessmentErrorReply".
 */
export interface AssessmentErrorReply {
  error: ErrorDetail;
  assessment?: Assessment;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "LatestAssessment".
 */
export interface LatestAssessment {
  assessment: Assessment;
  date: IsoDate;
}
/**
 * The plan in force; assessed is the day of the assessment it follows.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Plan".
 */
export interface Plan {
  route: RouteId;
  route_title: string;
  assessed: IsoDate;
  start: IsoDate;
  end: IsoDate;
  today: IsoDate;
  runs_per_week: number;
  weeks: number;
  phase_today: PhaseId | null;
  phases: Phase[];
  cap_today: Cap;
  /**
   * Why today's cap is lower than the rule's, when the spike guard or a layoff limits it.
   */
  cap_limited_reason: string | null;
  sessions: PlanSession[];
  notes: string[];
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Phase".
 */
export interface Phase {
  id: PhaseId;
  name: string;
  purpose: string;
  start: IsoDate;
  end: IsoDate;
}
/**
 * A run cap: metres or seconds, and the same in the runner's units.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Cap".
 */
export interface Cap {
  unit: CapUnit;
  value: number;
  text: string;
}
/**
 * One session of the plan.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "PlanSession".
 */
export interface PlanSession {
  /**
   * Stable across plans: the date, the kind and the order in the day.
   */
  uid: string;
  date: IsoDate;
  weekday: string;
  kind: SessionKind;
  phase: PhaseId;
  title: string;
  headline: string;
  details: string;
  cap: Cap | null;
  pace_aim_text: string | null;
  exercises: Exercise[];
  why: string | null;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Exercise".
 */
export interface Exercise {
  name: string;
  sets: number;
  reps: string;
  load: string;
  /**
   * The set-up, the movement, the common fault to avoid, what you should feel.
   */
  cues: string[];
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "NewPlan".
 */
export interface NewPlan {
  runs_per_week?: number | null;
  start?: IsoDate | null;
}
/**
 * Today as a checklist. Its status carries the latest few run verdicts only; GET /api/status pages the rest.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Today".
 */
export interface Today {
  date: IsoDate;
  weekday: string;
  sessions: TodaySession[];
  /**
   * Today's latest check-in, if one was logged.
   */
  checkin: LogEntry | null;
  /**
   * The morning question: a run of the day before (or of today, logged before) waiting for its next-morning score, or the one answered today; null otherwise.
   */
  morning: MorningQuestion | null;
  status: Status;
}
/**
 * One of today's sessions, with what ticked it off.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "TodaySession".
 */
export interface TodaySession {
  session: PlanSession;
  /**
   * The kind of log entry that ticks the session off; null for a rest day.
   */
  log_kind: LogKind | null;
  /**
   * The entry that ticked it off today; null while it is open.
   */
  logged: LogEntry | null;
}
/**
 * An entry as the log lists it.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "LogEntry".
 */
export interface LogEntry {
  id: Id;
  date: IsoDate;
  kind: LogKind;
  distance_m: number | null;
  duration_s: number | null;
  pain: PainScore | null;
  pain_before: PainScore | null;
  reps_in_reserve: number | null;
  onset_m: number | null;
  onset_s: number | null;
  done: boolean | null;
  helped: boolean | null;
  /**
   * A next-morning score: the run it follows.
   */
  run_id: Id | null;
  source: LogSource;
  note: string;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "MorningQuestion".
 */
export interface MorningQuestion {
  run: LogEntry;
  /**
   * The next-morning score given today, once answered.
   */
  logged: LogEntry | null;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Status".
 */
export interface Status {
  route: RouteId;
  /**
   * Today's phase, by its name (not its id).
   */
  phase: string | null;
  cap: Cap;
  cap_limited_reason: string | null;
  pace_to_beat_text: string | null;
  good_streak: number;
  paused_until: IsoDate | null;
  /**
   * One page of the run verdicts, oldest first.
   */
  decisions: Decision[];
  /**
   * How many verdicts there are in all.
   */
  decisions_total: number;
  /**
   * The offset of the page before this one; null when this page reaches the first verdict.
   */
  older_offset: number | null;
}
/**
 * The run rule's judgement of one run.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Decision".
 */
export interface Decision {
  run_id: Id;
  date: IsoDate;
  verdict: RunVerdict;
  change: CapChange;
  cap_before: Cap;
  cap_after: Cap;
  verdict_text: string;
  /**
   * Longer than the spike guard allowed.
   */
  spike: boolean;
  reason: string;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "WeekQuery".
 */
export interface WeekQuery {
  /**
   * 1 or true: next week rather than this one.
   */
  next?: '1' | 'true';
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Week".
 */
export interface Week {
  /**
   * The plan's week, from 1; 0 before the plan starts.
   */
  week: number;
  from: IsoDate;
  /**
   * @minItems 7
   * @maxItems 7
   */
  days: [Day, Day, Day, Day, Day, Day, Day];
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Day".
 */
export interface Day {
  date: IsoDate;
  weekday: string;
  sessions: PlanSession[];
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "DecisionsQuery".
 */
export interface DecisionsQuery {
  /**
   * How many verdicts, 1 to 200; 50 when not given.
   */
  limit?: string;
  /**
   * How many of the newest verdicts to skip; 0 when not given.
   */
  offset?: string;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "DateRangeQuery".
 */
export interface DateRangeQuery {
  from?: IsoDate;
  to?: IsoDate;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "PainHistory".
 */
export interface PainHistory {
  plan_start: IsoDate;
  plan_end: IsoDate;
  today: IsoDate;
  scores: PainPoint[];
  changes: CapMark[];
}
/**
 * A pain score on the chart: during a run, the next morning, or a check-in.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "PainPoint".
 */
export interface PainPoint {
  id: Id;
  date: IsoDate;
  kind: 'run' | 'morning' | 'checkin';
  pain: PainScore;
  run_id: Id | null;
  note: string;
}
/**
 * A change of the cap on the pain chart: a run verdict, with the mark it makes.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "CapMark".
 */
export interface CapMark {
  decision: Decision;
  mark: 'rise' | 'hold' | 'step_back' | 'pause';
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "LogQuery".
 */
export interface LogQuery {
  from?: IsoDate;
  to?: IsoDate;
  kind?: LogKind;
}
/**
 * One entry, as the log form sends it; date is today when left out. Distance, time and onset are read as the CLI reads them: 2.1 in the runner's units, 2100m, 12:34, 9min.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "LogForm".
 */
export interface LogForm {
  kind: LogKind;
  date?: IsoDate;
  distance?: string;
  time?: string;
  pain?: PainScore;
  pain_before?: PainScore;
  /**
   * Strength and sprints, done: the repetitions that could still have been done at the end of the hardest set.
   */
  reserve?: number;
  /**
   * Where the pain started: a distance or a time.
   */
  onset?: string;
  done?: boolean;
  helped?: 'yes' | 'no';
  note?: string;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "LogOutcome".
 */
export interface LogOutcome {
  id: Id;
  /**
   * What changed in the entry and in the plan, in words.
   */
  changes: string[];
}
/**
 * The answer to an edit, a delete or an undo: what changed, and what undo would undo next.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Correction".
 */
export interface Correction {
  id: Id;
  changes: string[];
  undo: string | null;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "UndoState".
 */
export interface UndoState {
  /**
   * What POST /api/undo would undo, in words, or null.
   */
  undo: string | null;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Empty".
 */
export interface Empty {}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ImportQuery".
 */
export interface ImportQuery {
  /**
   * The file's name: it tells the format and .gz apart.
   */
  name: string;
  /**
   * 1 or true: decode and report, store nothing.
   */
  dry_run?: '1' | 'true';
}
/**
 * One line of `backstride import --format json`: activity for every file that decoded, run_id when the run is in the log.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ImportedFile".
 */
export interface ImportedFile {
  file: string;
  status: ImportStatus;
  /**
   * Why it was not imported, in a sentence; empty for a run imported with nothing to add.
   */
  reason: string;
  reason_id: ImportReason;
  /**
   * Damage read past, one sentence each.
   */
  warnings: string[];
  /**
   * What to check about an imported run (a pace no one runs, no distance recorded), one sentence each.
   */
  notices: string[];
  /**
   * The file says it is a run, at a pace no one runs.
   */
  pace_implausible: boolean;
  activity?: Activity;
  run?: ImportedRun;
  match?: MatchedRun;
  run_id?: Id;
  /**
   * From a lap press, when the settings ask for it.
   */
  onset_m?: number;
  /**
   * The service's name for the run, in an export's summary (POST /api/import-archive); null when none.
   */
  title?: string | null;
}
/**
 * What a watch file holds, without its samples.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Activity".
 */
export interface Activity {
  sport: Sport;
  start_utc: IsoInstant | null;
  utc_offset_s: number | null;
  indoor: boolean;
  distance_m: number | null;
  elapsed_s: number;
  timer_s: number | null;
  moving_s: number;
  points: number;
  laps: number;
  avg_hr_bpm: number | null;
  avg_cadence_spm: number | null;
}
/**
 * A run of an imported file as the log keeps it (or would): its day, distance (null: recorded by time only) and the time the run rule uses (timer, else moving time).
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ImportedRun".
 */
export interface ImportedRun {
  date: IsoDate;
  distance_m: number | null;
  duration_s: number;
}
/**
 * The stored run (or the file earlier in the same import) a duplicate repeats; run_id null in a dry run.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "MatchedRun".
 */
export interface MatchedRun {
  run_id: Id | null;
  file: string;
  date: IsoDate;
  distance_m: number | null;
  duration_s: number;
}
/**
 * A run, logged or imported; distance_m null for a run recorded by time only; file, start_utc, avg_hr_bpm and avg_cadence_spm only when imported.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "RunView".
 */
export interface RunView {
  id: Id;
  date: IsoDate;
  source: LogSource;
  distance_m: number | null;
  duration_s: number;
  pain: PainScore | null;
  onset_m: number | null;
  onset_s: number | null;
  /**
   * Null for a run the rule has not judged (no pain score yet).
   */
  verdict: RunVerdict | null;
  verdict_text: string | null;
  spike: boolean;
  file?: string;
  start_utc?: IsoInstant;
  avg_hr_bpm?: number | null;
  avg_cadence_spm?: number | null;
  /**
   * The service's name for the run (an export's), null when none was given.
   */
  title?: string | null;
  /**
   * The runner's words on the run at the service, null when none.
   */
  description?: string | null;
  recording_source?: RecordingSource;
  /**
   * The same run from other sources, kept once (the run page only; empty in the list).
   */
  aliases?: RecordingAlias[];
}
/**
 * The same run as another source gave it.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "RecordingAlias".
 */
export interface RecordingAlias {
  source: RecordingSource;
  file: string;
}
/**
 * One run with its laps, splits and its track every 50 m (empty for a run logged by hand); reason when the rule judged it.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "RunDetail".
 */
export interface RunDetail {
  id: Id;
  date: IsoDate;
  source: LogSource;
  distance_m: number | null;
  duration_s: number;
  pain: PainScore | null;
  onset_m: number | null;
  onset_s: number | null;
  verdict: RunVerdict | null;
  verdict_text: string | null;
  spike: boolean;
  file?: string;
  start_utc?: IsoInstant;
  avg_hr_bpm?: number | null;
  avg_cadence_spm?: number | null;
  /**
   * The service's name for the run (an export's), null when none was given.
   */
  title?: string | null;
  /**
   * The runner's words on the run at the service, null when none.
   */
  description?: string | null;
  recording_source?: RecordingSource;
  /**
   * The same run from other sources, kept once (the run page only; empty in the list).
   */
  aliases?: RecordingAlias[];
  reason?: string;
  laps: Lap[];
  splits: Split[];
  profile: ProfilePoint[];
  along: AlongTrack;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Lap".
 */
export interface Lap {
  number: number;
  start_s: number;
  elapsed_s: number;
  distance_m: number | null;
  trigger: LapTrigger;
}
/**
 * A kilometre or a mile of the run; pace_text when it has a distance.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Split".
 */
export interface Split {
  number: number;
  distance_m: number;
  duration_s: number;
  avg_hr_bpm: number | null;
  pace_text?: string;
}
/**
 * Heart rate and cadence along the run, as columns of one length: each point the average over 50 m (distance_m set) or 15 s (distance_m null, a run recorded by time only). Empty columns when the watch recorded neither.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "AlongTrack".
 */
export interface AlongTrack {
  distance_m: (number | null)[];
  elapsed_s: number[];
  heart_rate_bpm: (number | null)[];
  cadence_spm: (number | null)[];
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "PainForm".
 */
export interface PainForm {
  pain: PainScore;
  pain_before?: PainScore;
}
/**
 * The data behind the charts: every run, and the distance of every week from the first run's to this one.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Progress".
 */
export interface Progress {
  /**
   * A day: YYYY-MM-DD.
   */
  today: string;
  runs: ProgressRun[];
  weeks: WeekLoad[];
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ProgressRun".
 */
export interface ProgressRun {
  id: Id;
  date: IsoDate;
  /**
   * Null for a run recorded by time only (a treadmill run).
   */
  distance_m: number | null;
  duration_s: number;
  pace_s_per_km: number | null;
  /**
   * False for a recording of another sport, or a pace no runner holds over more than a kilometre: left off the pace chart.
   */
  counts_for_pace: boolean;
  pain: PainScore | null;
  onset_m: number | null;
  source: LogSource;
  verdict: RunVerdict | null;
  verdict_text: string | null;
  /**
   * Null for a run the rule has not judged.
   */
  cap_before: Cap | null;
  cap_after: Cap | null;
}
/**
 * The distance run in the week from week_start, a Monday.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "WeekLoad".
 */
export interface WeekLoad {
  week_start: IsoDate;
  distance_m: number;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Settings".
 */
export interface Settings {
  units: Units;
  /**
   * For the next plan.
   */
  runs_per_week: number;
  /**
   * A lap press in an imported run marks where the pain started.
   */
  onset_lap: boolean;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "SettingsChange".
 */
export interface SettingsChange {
  units?: Units;
  runs_per_week?: number;
  onset_lap?: boolean;
}
/**
 * Every stored row: `backstride export --json`, read back by /api/import-data.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "DataExport".
 */
export interface DataExport {
  format: 'backstride-data';
  version: 1;
  /**
   * The stored settings, by their CLI names: units, runs-per-week, onset-lap.
   */
  settings: {
    [k: string]: string;
  };
  assessments: ExportedAssessment[];
  plans: ExportedPlan[];
  log: ExportedLogEntry[];
  activities?: ExportedActivity[];
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ExportedAssessment".
 */
export interface ExportedAssessment {
  id: Id;
  date: IsoDate;
  route: RouteId;
  answers: Answers;
  /**
   * questionnaire, or checkin when a check-in changed the route.
   */
  source: string;
  created_at: string;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ExportedPlan".
 */
export interface ExportedPlan {
  id: Id;
  assessment_id: Id;
  start: IsoDate;
  runs_per_week: number;
  created_at: string;
}
/**
 * A log entry; the fields it has no value for are left out.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ExportedLogEntry".
 */
export interface ExportedLogEntry {
  id: Id;
  date: IsoDate;
  kind: LogKind;
  distance_m?: number;
  duration_s?: number;
  pain?: PainScore;
  pain_before?: PainScore;
  reps_in_reserve?: number;
  onset_m?: number;
  onset_s?: number;
  done?: boolean;
  helped?: boolean;
  run_id?: Id;
  note: string;
  source: LogSource;
  created_at: string;
}
/**
 * An imported run's recording; the track is little-endian float32 pairs (seconds, metres; NaN where no distance was recorded), base64; track_hr and track_cadence, when recorded, one float32 a point (NaN where missing).
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ExportedActivity".
 */
export interface ExportedActivity {
  id: Id;
  log_id: Id;
  file: string;
  format: FileFormat;
  sport: Sport;
  /**
   * Seconds since 1970, UTC.
   */
  start_utc: number;
  indoor: boolean;
  elapsed_s: number;
  moving_s: number;
  points: number;
  utc_offset_s?: number;
  distance_m?: number;
  timer_s?: number;
  avg_hr_bpm?: number;
  avg_cadence_spm?: number;
  elevation_gain_m?: number;
  laps: ExportedLap[];
  track: string;
  track_hr?: string;
  track_cadence?: string;
  created_at: string;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ExportedLap".
 */
export interface ExportedLap {
  start_s: number;
  elapsed_s: number;
  trigger: LapTrigger;
  timer_s?: number;
  distance_m?: number;
}
/**
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ReplaceQuery".
 */
export interface ReplaceQuery {
  /**
   * 1 or true: replace what is stored.
   */
  replace?: '1' | 'true';
}
/**
 * The counts restored.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "Restored".
 */
export interface Restored {
  assessments: number;
  plans: number;
  log_entries: number;
  settings: number;
}
/**
 * POST /api/import-archive (the body streamed as application/octet-stream; served outside the route table, so not among the routes above): the file's name, its size in bytes for the progress, and a job id of the page's choosing for GET /api/import-progress.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ImportArchiveQuery".
 */
export interface ImportArchiveQuery {
  name: string;
  size?: string;
  job: string;
}
/**
 * The answer of POST /api/import-archive: the counts, and one line per run (imported or already there) and per file skipped or failed; other counts the files not listed (photos, other data).
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ImportArchiveSummary".
 */
export interface ImportArchiveSummary {
  imported: number;
  duplicates: number;
  skipped: number;
  failed: number;
  not_activity: number;
  resumed: number;
  other: number;
  files: ImportedFile[];
}
/**
 * GET /api/import-progress?job=ID (answered while the import runs; 404 for a job not started): bytes of the export read, runs found so far, the time left when it can be told.
 *
 * This interface was referenced by `Api`'s JSON-Schema
 * via the `definition` "ImportJobProgress".
 */
export interface ImportJobProgress {
  bytes_read: number;
  bytes_total: number;
  files_read: number;
  runs_found: number;
  seconds: number;
  seconds_left: number | null;
  current: string;
  done: boolean;
}
