// Every number the assessment decides by, in one place, each with its source.
//
// Sources (DESIGN 3.2):
//  - IFOMPT framework for red flags for potential serious spinal pathologies
//    (Finucane et al., JOSPT 2020): the warning signs of routes 1 and 2.
//  - NICE guideline NG59, low back pain and sciatica in over-16s (2016, updated 2020):
//    the adult age range the product's self-guided routes are for.
//  - NICE guideline NG234, suspected cancer: recognition and referral (2023): which
//    signs with a history of cancer make back pain urgent.
//  - NICE guideline NG65, spondyloarthritis in over-16s (2017): the features of
//    inflammatory back pain.
//  - The clinic article (seed): the runner's situations (new, returning, seasoned) and
//    "a series of treatments" before the rehabilitation approach.
#ifndef BACKSTRIDE_CORE_THRESHOLDS_H_
#define BACKSTRIDE_CORE_THRESHOLDS_H_

namespace backstride::thresholds {

// --- Valid ranges of the answers (DESIGN 2) ---------------------------------------
inline constexpr int kMinAge = 10;
inline constexpr int kMaxAge = 100;
inline constexpr int kMinPainScore = 0;
inline constexpr int kMaxPainScore = 10;  // 0-10 numeric rating scale
// Upper bounds that only catch typing slips (a century of months or weeks); the
// design sets no maximum, and no real answer comes near these.
inline constexpr int kMaxMonths = 1200;
inline constexpr int kMaxWeeks = 5200;
inline constexpr int kMaxTreatmentSessions = 500;
inline constexpr double kMaxOnsetMinutes = 24 * 60;
inline constexpr double kMaxOnsetKm = 500;

// --- Route 2, the second screen (DESIGN 2.1a) -------------------------------------
// A first episode of back pain at 50 or over is a warning sign of serious disease
// (IFOMPT 2020, age over 50 with new back pain; NICE NG59 lists it among the signs).
inline constexpr int kFirstEpisodeMinAge = 50;
// Unexplained weight loss that counts: more than 5 % of body weight over 6 to 12 months
// (IFOMPT 2020). Used in the question's words, not in a rule: the runner answers yes/no.
inline constexpr int kWeightLossPercent = 5;
inline constexpr int kWeightLossMinMonths = 6;
inline constexpr int kWeightLossMaxMonths = 12;
// Steroid tablets taken for this long or more thin the bones (IFOMPT 2020: prolonged
// corticosteroid use); inhalers and creams do not count. Used in the question's words.
inline constexpr int kSteroidMinMonths = 3;

// --- Route 3, pain that does not settle (DESIGN 2.1a) -------------------------------
// Pain for more than 12 weeks is persistent (NICE NG59: low back pain lasting more than
// 12 weeks); if it is not getting better, a clinician should look.
inline constexpr int kPersistentPainWeeks = 12;

// --- Notice: inflammatory back pain (NICE NG65) -------------------------------------
// NG65 1.1.1: low back pain for 3 months or more (13 weeks), begun before age 45, and
// 4 or more of its features: refer for a spondyloarthritis assessment.
inline constexpr int kInflammatoryMinWeeks = 13;
inline constexpr int kInflammatoryOnsetBeforeAge = 45;
inline constexpr int kInflammatoryMinFeatures = 4;
inline constexpr int kWeeksPerYear = 52;

// --- Route 3, see a clinician first ------------------------------------------------
// NICE NG59 covers people aged 16 and over; a younger runner with back pain should be
// assessed in person, not guided by a program.
inline constexpr int kMinSelfGuidedAge = 16;
// Worst pain at or above this on the 0-10 scale is severe; a clinician should look first.
inline constexpr int kSeverePainScore = 8;

// --- Route 4, returning runner (the article's second situation) --------------------
// A runner with at least six months of regular running has conditioning to lose...
inline constexpr int kReturningMinMonthsRunning = 6;
// ...a break of three months or more is long enough to lose it...
inline constexpr int kReturningMinBreakMonths = 3;
// ...and for the first three months back they are still returning (strictly fewer).
inline constexpr int kReturningMaxMonthsSinceReturn = 3;

// --- Route 5, new runner (the article's first situation) ---------------------------
// Under a year of regular running is "new to running"; a year or more is seasoned.
inline constexpr int kSeasonedMinMonthsRunning = 12;

// --- Route 6, seasoned runner whom treatment has not helped ------------------------
// The article's "series of treatments": three sessions without relief before the
// rehabilitation approach replaces treatment as the first step.
inline constexpr int kTreatmentSessionsBeforeRehab = 3;

// ================================================================================
// The run rule (DESIGN 3.1): speed before distance, adapted by pain.
// ================================================================================

// --- Starting cap: below where the pain starts (the article: most runners are fine
// for the first ~5 minutes or 1-2 km, so start inside that stretch).
inline constexpr double kStartingCapFraction = 0.75;  // of the reported onset
inline constexpr double kCapStepMetres = 250;         // caps round down to 0.25 km...
inline constexpr double kCapStepSeconds = 60;         // ...or to 1 minute
inline constexpr double kMinCapMetres = 500;
inline constexpr double kMinCapSeconds = 180;
inline constexpr double kDefaultCapMetres = 1000;  // when no onset was given

// --- Pain during a run and the next morning. The pain-monitoring model (Silbernagel et
// al., Am J Sports Med 2007) allows up to 5/10 during activity if it settles by the next
// morning; backstride is stricter for the back: good up to 3, step back from 6.
inline constexpr int kGoodMaxPain = 3;
inline constexpr int kHoldMaxPain = 5;              // 4-5: hold the cap
inline constexpr int kHoldMorningIncrease = 1;      // next morning one point worse: hold
inline constexpr int kStepBackMorningIncrease = 2;  // two or more points worse: step back

// --- Progress: three good runs in a row at the cap, and 3 % faster than at the cap's
// first run; then +10 % (at least 0.25 km or 1 minute). Speed first, then distance.
inline constexpr int kGoodRunsToProgress = 3;
inline constexpr double kPaceGainToProgress = 0.03;
inline constexpr double kProgressFraction = 0.10;
inline constexpr double kMinProgressMetres = 250;
inline constexpr double kMinProgressSeconds = 60;
// A run counts as "at the cap" when it covers at least this share of it (GPS and
// treadmill distances wobble by a few per cent).
inline constexpr double kAtCapFraction = 0.90;

// A speed plateau does not freeze the cap (DESIGN 3.1a): after this many good runs in a
// row at the cap without the pace gain, the back has shown it tolerates the distance and
// the cap rises anyway.
inline constexpr int kGoodRunsForPlateau = 6;
// A run longer than the cap by more than the at-cap tolerance is over the cap: it holds
// the cap and restarts the count, so only runs at the cap earn a longer one.
inline constexpr double kOverCapFraction = 2.0 - kAtCapFraction;

// --- The mile grid (DESIGN 5): a mile runner's caps are whole quarter miles, with the
// same floor and step in miles.
inline constexpr double kMileGridMetres = 402.336;  // 0.25 mi
inline constexpr double kMinCapMileMetres = 402.336;  // 0.25 mi: the 0.5 km floor, rounded down
inline constexpr double kDefaultCapMileMetres = 804.672;  // 0.5 mi, when no onset was given

// --- seasoned_rehab, rest or reduce (DESIGN 3.1a; the article's "rest or reduce running
// load"): with worst pain at most this and an onset given, the settle and rehab phases keep
// two short runs a week at half the onset; otherwise they rest from running.
inline constexpr int kReduceMaxWorstPain = 5;
inline constexpr double kReducedCapFraction = 0.50;
inline constexpr int kReducedRunsPerWeek = 2;

// --- Run-walk dose (DESIGN 3.1b). In the ASTEROID trial (Br J Sports Med 2024) adults with
// chronic low back pain who ran-walked three times a week for up to 30 minutes had less pain
// and disability. A run session is the cap run continuously, then, after each good week,
// one more repeat of the cap with a walk between, building to 20-30 minutes in all. The cap
// stays the longest continuous stretch and moves by the run rule.
inline constexpr int kRunWalkTargetMinutes = 20;
inline constexpr int kRunWalkMaxMinutes = 30;
inline constexpr double kWalkBreakSeconds = 90;  // 1-2 minutes' walking between repeats
inline constexpr double kWalkingPaceSecondsPerKm = 600;  // a brisk walk, 6 km/h
// A good week: at least two runs, none of them held or stepped back.
inline constexpr int kGoodWeekMinRuns = 2;
// For a distance cap's time before the runner's pace is known: an easy 7 min/km.
inline constexpr double kAssumedPaceSecondsPerKm = 420;

// --- Pain trend (DESIGN 3.1b): the pain-monitoring model (Silbernagel et al. 2007) also
// asks that pain does not rise week to week. The mean of the scores (during runs, mornings,
// check-ins) of the last 7 days at least a point above the 7 days before, each week with
// two scores or more, holds the cap even when each run is good.
inline constexpr int kTrendWindowDays = 7;
inline constexpr int kTrendMinScores = 2;
inline constexpr double kTrendRise = 1.0;

// --- Layoff (DESIGN 3.1b): after 30 days without a run, conditioning has faded; the
// return starts again at half the onset, as run-walk.
inline constexpr int kLayoffDays = 30;
inline constexpr double kLayoffCapFraction = 0.50;

// --- Strides (DESIGN 3.1b): at the end of an easy run, at least 48 hours after a deadlift
// session, never in a pause or a step-back week; below a 10-minute cap, a walking warm-up
// comes first.
inline constexpr int kStridesHoursAfterDeadlift = 48;
inline constexpr double kWalkWarmUpBelowSeconds = 600;

// --- Strength by criterion, not by calendar (DESIGN 3.1b). Resistance-training guidance
// progresses load when sets end with 2-3 repetitions in reserve; the pain-monitoring model
// adds pain of 3 or less during and a next morning no worse. Two such sessions in a row move
// up a level; pain of 6 or more in a session takes it a level down.
inline constexpr int kStrengthSessionsToLevelUp = 2;
inline constexpr int kMinRepsInReserveToLevelUp = 2;

// --- The easy movement around the sessions: a brisk walk before strides when the run is
// short, and 20-30 minutes of walking or cycling on settle and rehab days (NICE NG59:
// stay active).
inline constexpr int kSprintWarmUpMinutes = 10;
inline constexpr int kSettleWalkMinMinutes = 20;
inline constexpr int kSettleWalkMaxMinutes = 30;

// --- Two step-backs in a row pause running for a week.
inline constexpr int kStepBacksToPause = 2;
inline constexpr int kPauseDays = 7;

// --- Spike guard. Garmin-RUNSAFE (5,205 runners, Br J Sports Med 2025): a single run more
// than 10 % longer than the longest of the previous 30 days raised the injury rate
// (hazard ratio about 1.6), while week-to-week change did not predict injury.
inline constexpr int kSpikeWindowDays = 30;
inline constexpr double kSpikeFraction = 0.10;
inline constexpr double kSpikeMinMetres = 250;
// For time caps: two minutes is about 0.25 km at an easy pace of 8 min/km.
inline constexpr double kSpikeMinSeconds = 120;

// --- Plausible input (DESIGN 3.1a). A typo must not move the cap for good.
// 2:50 min/km is faster than the marathon world-record pace held for more than a kilometre;
// a typed run faster than that over more than 1 km is a slip (a wrong unit or a missing
// digit), not a run.
inline constexpr double kFastestPlausiblePaceSecondsPerKm = 170;
inline constexpr double kFastPaceCheckFromMetres = 1000;
// A run is logged within a year of the day it happened; older history comes from files.
inline constexpr int kMaxLogAgeDays = 365;
// A note is a few sentences; a page of text belongs elsewhere.
inline constexpr int kMaxNoteCharacters = 2000;
// Repetitions in reserve are counted 0-10, the pain score's range: with more than 10 left
// the hardest set was a warm-up, and the count says nothing more (DESIGN 3.1b asks for
// 2-3 before a strength level moves up).
inline constexpr int kMaxRepsInReserve = 10;
// A plan may start up to one plan length back (to match a start already made) and up to
// four weeks ahead.
inline constexpr int kMaxPlanStartDaysBack = 84;
inline constexpr int kMaxPlanStartDaysAhead = 28;

}  // namespace backstride::thresholds

#endif  // BACKSTRIDE_CORE_THRESHOLDS_H_
