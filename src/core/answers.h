// The questionnaire's answers: the one form used by the CLI, the API and the web app.
//
// The wire form is the JSON object of DESIGN 2. ParseAnswers checks every field and
// reports each problem with its field path ("pain.worst: must be 0-10, got 11"). A
// missing red-flag answer is an error, never a "no": the program does not assume a
// warning sign away. A red-flag answer is true, false or "unsure" (not sure).
//
// Two formats (docs/answers.md). The second (DESIGN 2.1a) adds warning signs and
// questions; every one of them is required. Answers written before it (the first
// format) have none of the new fields: they are read as they were, with the new
// questions marked "not asked" (Answers::format, nullopt below), never as "no" to a
// question that was put. Answers with any new field are the second format, and then a
// missing one is an error like any other.
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

// A warning sign's answer. "Not sure" is its own answer, never read as "no".
enum class FlagAnswer { kNo, kYes, kUnsure };

// How the pain has gone over the last two weeks (DESIGN 2.1a).
enum class Improving { kBetter, kSame, kWorse };

// The warning signs of DESIGN 2.1 and 2.1a, in the order the questionnaire asks them: the
// ones that need emergency care first. The enum's order is the questionnaire's, not the
// JSON's: the first format's nine signs are written first in the JSON.
enum class RedFlag {
  kSaddleNumbness,
  kBladderOrBowelChange,
  kLegWeaknessWorsening,
  kSexualFunctionChange,  // 2.1a
  kBothLegs,              // 2.1a
  kSuddenSeverePainFaint, // 2.1a: abdominal aortic aneurysm
  kMajorTrauma,           // 2.1a
  kFeverOrUnwell,
  kCancerHistory,
  kUnexplainedWeightLoss,
  kRecentFallOrImpact,
  kNightPainNoRelief,
  kOsteoporosisOrSteroids,
  kInfectionRisk,  // 2.1a
};
inline constexpr std::size_t kRedFlagCount = 14;

inline constexpr std::array<RedFlag, kRedFlagCount> kAllRedFlags = {
    RedFlag::kSaddleNumbness,        RedFlag::kBladderOrBowelChange,
    RedFlag::kLegWeaknessWorsening,  RedFlag::kSexualFunctionChange,
    RedFlag::kBothLegs,              RedFlag::kSuddenSeverePainFaint,
    RedFlag::kMajorTrauma,           RedFlag::kFeverOrUnwell,
    RedFlag::kCancerHistory,         RedFlag::kUnexplainedWeightLoss,
    RedFlag::kRecentFallOrImpact,    RedFlag::kNightPainNoRelief,
    RedFlag::kOsteoporosisOrSteroids, RedFlag::kInfectionRisk,
};

// True for the signs added by the second format (DESIGN 2.1a).
bool IsSecondFormatFlag(RedFlag flag);

// The features of inflammatory back pain NICE NG65 lists (DESIGN 2.1a).
enum class InflammatoryFeature {
  kBeganBefore35,
  kWakesSecondHalfNight,
  kButtockPain,
  kBetterWithMovement,
  kNsaidRelief,
  kFamilyHistory,
  kRelatedCondition,
  kMorningStiffness,
};
inline constexpr std::size_t kInflammatoryFeatureCount = 8;
using InflammatoryFeatures = std::array<bool, kInflammatoryFeatureCount>;

using RedFlagAnswers = std::array<FlagAnswer, kRedFlagCount>;

// Stable ids, as in the JSON ("lower_back", "during_and_after", "saddle_numbness").
std::string_view PainLocationId(PainLocation location);
std::string_view PainTimingId(PainTiming timing);
std::string_view LegSymptomsId(LegSymptoms symptoms);
std::string_view RedFlagId(RedFlag flag);
std::string_view ImprovingId(Improving improving);
std::string_view InflammatoryFeatureId(InflammatoryFeature feature);

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
  // More or longer runs, hills, speed work or a race in the weeks before the pain.
  // nullopt: not asked (first format).
  std::optional<bool> recent_increase = std::nullopt;
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
  // The first back pain of the runner's life; nullopt: not asked (first format).
  std::optional<bool> first_episode = std::nullopt;
  // Over the last two weeks; nullopt: not asked (first format).
  std::optional<Improving> improving = std::nullopt;
};

// Signs of a bone stress injury in a runner (DESIGN 2.1a). Warning signs: "not sure" is
// kept, and counts as yes.
struct BoneStress {
  FlagAnswer hop_pain = FlagAnswer::kNo;  // hopping on one leg brings the back pain on
  FlagAnswer risk = FlagAnswer::kNo;  // missed periods, too little food, an earlier fracture
};

enum class AnswersFormat { kFirst, kSecond };

struct Answers {
  // kFirst: read from answers written before DESIGN 2.1a. The new questions were not
  // asked: the new signs read kNo in red_flags, and the new fields are nullopt.
  AnswersFormat format = AnswersFormat::kSecond;
  int age = 0;
  History history;
  Pain pain;
  RedFlagAnswers red_flags{};  // every sign kNo until answered
  std::optional<BoneStress> bone_stress;            // nullopt: not asked (first format)
  std::optional<InflammatoryFeatures> inflammatory;  // nullopt: not asked (first format)

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

// Returns the canonical JSON wire form of `answers` (ParseAnswers reads it back equal),
// in the answers' own format: first-format answers are written without the new fields.
std::string AnswersToJson(const Answers& answers, int indent = 2);

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_ANSWERS_H_
