// Every number the assessment decides by, in one place, each with its source.
//
// Sources (DESIGN 3.2):
//  - IFOMPT framework for red flags for potential serious spinal pathologies
//    (Finucane et al., JOSPT 2020): the warning signs of routes 1 and 2.
//  - NICE guideline NG59, low back pain and sciatica in over-16s (2016, updated 2020):
//    the adult age range the product's self-guided routes are for.
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

}  // namespace backstride::thresholds

#endif  // BACKSTRIDE_CORE_THRESHOLDS_H_
