// The questionnaire's answers: the one form used by the CLI, the API and the web app.
//
// The wire form is the JSON object of DESIGN 2. ParseAnswers checks every field and
// reports each problem with its field path ("pain.worst: must be 0-10, got 11"). A
// missing red-flag answer is an error, never a "no": the program does not assume a
// warning sign away. A red-flag answer is true, false or "unsure" (not sure).
#ifndef BACKSTRIDE_CORE_ANSWERS_H_
#define BACKSTRIDE_CORE_ANSWERS_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace backstride {

enum class PainLocation { kLowerBack, kMidBack, kUpperBack, kButtock, kOther };
enum class PainTiming { kDuring, kAfter, kDuringAndAfter, kConstant };
enum class LegSymptoms { kNone, kAboveKnee, kBelowKnee };

// The warning signs of DESIGN 2.1, in the order the questionnaire asks them: the three
// that need emergency care first.
enum class RedFlag {
  kSaddleNumbness,
  kBladderOrBowelChange,
  kLegWeaknessWorsening,
  kFeverOrUnwell,
  kCancerHistory,
  kUnexplainedWeightLoss,
  kRecentFallOrImpact,
  kNightPainNoRelief,
  kOsteoporosisOrSteroids,
};
inline constexpr std::size_t kRedFlagCount = 9;

inline constexpr std::array<RedFlag, kRedFlagCount> kAllRedFlags = {
    RedFlag::kSaddleNumbness,     RedFlag::kBladderOrBowelChange, RedFlag::kLegWeaknessWorsening,
    RedFlag::kFeverOrUnwell,      RedFlag::kCancerHistory,        RedFlag::kUnexplainedWeightLoss,
    RedFlag::kRecentFallOrImpact, RedFlag::kNightPainNoRelief,    RedFlag::kOsteoporosisOrSteroids,
};

// A warning sign's answer. "Not sure" is its own answer, never read as "no".
enum class FlagAnswer { kNo, kYes, kUnsure };
using RedFlagAnswers = std::array<FlagAnswer, kRedFlagCount>;

// Stable ids, as in the JSON ("lower_back", "during_and_after", "saddle_numbness").
std::string_view PainLocationId(PainLocation location);
std::string_view PainTimingId(PainTiming timing);
std::string_view LegSymptomsId(LegSymptoms symptoms);
std::string_view RedFlagId(RedFlag flag);

// Return the value with that id, or nullopt if the id is unknown.
std::optional<PainLocation> PainLocationFromId(std::string_view id);
std::optional<PainTiming> PainTimingFromId(std::string_view id);
std::optional<LegSymptoms> LegSymptomsFromId(std::string_view id);
std::optional<RedFlag> RedFlagFromId(std::string_view id);

// True for the signs that need emergency care now (route 1).
bool IsEmergencyFlag(RedFlag flag);

// Months may be fractions ("6 weeks" is 1.4 months).
struct History {
  double months_running = 0;       // months of regular running (2+ runs a week), lifetime
  double break_months = 0;         // length of the latest break; 0 = none
  double months_since_return = 0;  // months since running again; 0 = not yet or no break
};

struct Pain {
  PainLocation location = PainLocation::kLowerBack;
  PainTiming timing = PainTiming::kDuring;
  std::optional<double> onset_minutes;  // how far into a run the pain starts
  std::optional<double> onset_km;
  int worst = 0;  // 0-10
  int weeks = 0;  // since it first appeared
  LegSymptoms leg_symptoms = LegSymptoms::kNone;
  bool numbness_or_tingling = false;
  int treatment_sessions = 0;
  std::optional<bool> treatment_helped;  // nullopt: not treated, or not known yet
};

struct Answers {
  int age = 0;
  History history;
  Pain pain;
  RedFlagAnswers red_flags{};  // every sign kNo until answered

  FlagAnswer Flag(RedFlag flag) const { return red_flags[static_cast<std::size_t>(flag)]; }
  // True when the sign was answered yes or not sure: either way it is not ruled out.
  bool IsSet(RedFlag flag) const { return Flag(flag) != FlagAnswer::kNo; }
  void Set(RedFlag flag, FlagAnswer answer) { red_flags[static_cast<std::size_t>(flag)] = answer; }
  void Set(RedFlag flag, bool yes) { Set(flag, yes ? FlagAnswer::kYes : FlagAnswer::kNo); }
};

// True when any warning sign in `flags` is answered yes or not sure.
bool AnyRedFlagSet(const RedFlagAnswers& flags);

// Parses and checks the JSON wire form. On failure the Error's message has one line per
// problem found, each starting with the field path, and Error::path names the first.
// Malformed JSON is reported with its byte offset.
//
// A red flag is read first (DESIGN 2): whether it succeeds or fails, if `red_flags_read`
// is not null it receives every red-flag answer that could be read; a sign missing or
// invalid is left kNo there, and is one of the problems reported.
Result<Answers> ParseAnswers(std::string_view json_text, RedFlagAnswers* red_flags_read = nullptr);

// Returns the canonical JSON wire form of `answers` (ParseAnswers reads it back equal).
std::string AnswersToJson(const Answers& answers, int indent = 2);

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_ANSWERS_H_
