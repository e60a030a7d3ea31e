#include "core/answers.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <span>
#include <utility>
#include <vector>

#include "base/enum_ids.h"
#include "core/json_limits.h"
#include "core/thresholds.h"

namespace backstride {
namespace {

using nlohmann::json;

constexpr std::array<Named<PainLocation>, 5> kPainLocations = {{
    {PainLocation::kLowerBack, "lower_back"},
    {PainLocation::kMidBack, "mid_back"},
    {PainLocation::kUpperBack, "upper_back"},
    {PainLocation::kButtock, "buttock"},
    {PainLocation::kOther, "other"},
}};
constexpr std::array<Named<PainTiming>, 4> kPainTimings = {{
    {PainTiming::kDuring, "during"},
    {PainTiming::kAfter, "after"},
    {PainTiming::kDuringAndAfter, "during_and_after"},
    {PainTiming::kConstant, "constant"},
}};
constexpr std::array<Named<LegSymptoms>, 3> kLegSymptoms = {{
    {LegSymptoms::kNone, "none"},
    {LegSymptoms::kAboveKnee, "above_knee"},
    {LegSymptoms::kBelowKnee, "below_knee"},
}};
constexpr std::array<Named<RedFlag>, kRedFlagCount> kRedFlagIds = {{
    {RedFlag::kSaddleNumbness, "saddle_numbness"},
    {RedFlag::kBladderOrBowelChange, "bladder_or_bowel_change"},
    {RedFlag::kLegWeaknessWorsening, "leg_weakness_worsening"},
    {RedFlag::kSexualFunctionChange, "sexual_function_change"},
    {RedFlag::kBothLegs, "both_legs"},
    {RedFlag::kSuddenSeverePainFaint, "sudden_severe_pain_faint"},
    {RedFlag::kMajorTrauma, "major_trauma"},
    {RedFlag::kFeverOrUnwell, "fever_or_unwell"},
    {RedFlag::kCancerHistory, "cancer_history"},
    {RedFlag::kUnexplainedWeightLoss, "unexplained_weight_loss"},
    {RedFlag::kRecentFallOrImpact, "recent_fall_or_impact"},
    {RedFlag::kNightPainNoRelief, "night_pain_no_relief"},
    {RedFlag::kOsteoporosisOrSteroids, "osteoporosis_or_steroids"},
    {RedFlag::kInfectionRisk, "infection_risk"},
}};
constexpr std::array<Named<Improving>, 3> kImproving = {{
    {Improving::kBetter, "better"},
    {Improving::kSame, "same"},
    {Improving::kWorse, "worse"},
}};
constexpr std::array<Named<InflammatoryFeature>, kInflammatoryFeatureCount> kInflammatoryIds = {{
    {InflammatoryFeature::kBeganBefore35, "began_before_35"},
    {InflammatoryFeature::kWakesSecondHalfNight, "wakes_second_half_night"},
    {InflammatoryFeature::kButtockPain, "buttock_pain"},
    {InflammatoryFeature::kBetterWithMovement, "better_with_movement"},
    {InflammatoryFeature::kNsaidRelief, "nsaid_relief"},
    {InflammatoryFeature::kFamilyHistory, "family_history"},
    {InflammatoryFeature::kRelatedCondition, "related_condition"},
    {InflammatoryFeature::kMorningStiffness, "morning_stiffness"},
}};

// The tables are indexed by the enum's value; these keep them in step with the enums.
static_assert(InEnumOrder(kPainLocations));
static_assert(InEnumOrder(kPainTimings));
static_assert(InEnumOrder(kLegSymptoms));
static_assert(InEnumOrder(kRedFlagIds));
static_assert(InEnumOrder(kImproving));
static_assert(InEnumOrder(kInflammatoryIds));
static_assert(static_cast<std::size_t>(RedFlag::kInfectionRisk) + 1 == kRedFlagCount);
static_assert(static_cast<std::size_t>(InflammatoryFeature::kMorningStiffness) + 1 ==
              kInflammatoryFeatureCount);

template <typename Enum, std::size_t N>
std::string JoinIds(const std::array<Named<Enum>, N>& table) {
  std::string out;
  for (const auto& entry : table) {
    if (!out.empty()) out += ", ";
    out += entry.id;
  }
  return out;
}

// Levenshtein distance, to suggest the field a typo meant.
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// A short rendering of an offending value for messages, cut between characters: a cut
// inside one leaves invalid UTF-8, which no JSON writer accepts.
std::string Shown(const json& value) {
  std::string text = value.dump();
  constexpr std::size_t kMaxShown = 40;
  if (text.size() > kMaxShown) {
    std::size_t cut = kMaxShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "…";
  }
  return text;
}

std::string Join(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  std::string path(parent);
  path += '.';
  path += key;
  return path;
}

// Collects every problem in the answers rather than stopping at the first, so a
// person fixing a file sees the whole list at once.
class Checker {
 public:
  void Problem(std::string path, std::string what) {
    problems_.push_back({std::move(path), std::move(what)});
  }
  bool ok() const { return problems_.empty(); }

  Error ToError() const {
    std::string message;
    for (const auto& [path, what] : problems_) {
      if (!message.empty()) message += '\n';
      message += path + ": " + what;
    }
    return Error::InvalidArgument(std::move(message), problems_.front().first);
  }

  // Checks that `value` is an object with only the `allowed` keys.
  bool Object(const json& value, const std::string& path,
              std::span<const std::string_view> allowed) {
    if (!value.is_object()) {
      Problem(path.empty() ? "answers" : path, "must be an object, got " + Shown(value));
      return false;
    }
    for (const auto& [key, unused] : value.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string what = "unknown field";
      std::string_view closest;
      std::size_t best = 3;  // suggest only near misses
      for (std::string_view candidate : allowed) {
        const std::size_t distance = EditDistance(key, candidate);
        if (distance < best) {
          best = distance;
          closest = candidate;
        }
      }
      if (!closest.empty()) what += " (did you mean " + Join(path, closest) + "?)";
      Problem(Join(path, key), what);
    }
    return true;
  }

  // Returns the member, or nullptr after reporting it missing (when required).
  const json* Member(const json& object, const std::string& parent, std::string_view key,
                     std::string_view expected, bool required = true) {
    const auto it = object.find(key);
    if (it == object.end()) {
      if (required) Problem(Join(parent, key), "missing; expected " + std::string(expected));
      return nullptr;
    }
    return &*it;
  }

  std::optional<int> WholeNumber(const json& object, const std::string& parent,
                                 std::string_view key, int min, int max) {
    const std::string range = RangeText(min, max);
    const json* value = Member(object, parent, key, "a whole number " + range);
    if (value == nullptr) return std::nullopt;
    const std::string path = Join(parent, key);
    if (!value->is_number()) {
      Problem(path, "must be a whole number " + range + ", got " + Shown(*value));
      return std::nullopt;
    }
    const double number = value->get<double>();
    if (number != std::floor(number)) {
      Problem(path, "must be a whole number " + range + ", got " + Shown(*value));
      return std::nullopt;
    }
    if (number < min || number > max) {
      Problem(path, "must be " + std::to_string(min) + "–" + std::to_string(max) + ", got " +
                        Shown(*value));
      return std::nullopt;
    }
    return static_cast<int>(number);
  }

  // A required number of at least 0, fractions allowed (months of running).
  std::optional<double> NonNegative(const json& object, const std::string& parent,
                                    std::string_view key, double max) {
    const std::string range = "of 0 or more (fractions allowed, such as 1.5)";
    const json* value = Member(object, parent, key, "a number " + range);
    if (value == nullptr) return std::nullopt;
    const std::string path = Join(parent, key);
    if (!value->is_number()) {
      Problem(path, "must be a number " + range + ", got " + Shown(*value));
      return std::nullopt;
    }
    const double number = value->get<double>();
    if (!(number >= 0) || number > max) {
      Problem(path, "must be 0–" + json(max).dump() + ", got " + Shown(*value));
      return std::nullopt;
    }
    return number;
  }

  // A warning sign: true, false or "unsure".
  std::optional<FlagAnswer> RedFlagAnswer(const json& object, std::string_view key,
                                          const std::string& parent = "red_flags") {
    constexpr std::string_view kExpected = "true, false or \"unsure\"";
    const json* value = Member(
        object, parent, key, std::string(kExpected) + " (a warning sign is never assumed absent)");
    if (value == nullptr) return std::nullopt;
    if (value->is_boolean()) return value->get<bool>() ? FlagAnswer::kYes : FlagAnswer::kNo;
    if (value->is_string() && value->get_ref<const std::string&>() == "unsure") {
      return FlagAnswer::kUnsure;
    }
    Problem(Join(parent, key), "must be " + std::string(kExpected) + ", got " + Shown(*value));
    return std::nullopt;
  }

  // An optional positive number; null or absent means "not given".
  std::optional<double> PositiveNumber(const json& object, const std::string& parent,
                                       std::string_view key, double max, bool* ok) {
    const json* value = Member(object, parent, key, "", /*required=*/false);
    if (value == nullptr || value->is_null()) return std::nullopt;
    const std::string path = Join(parent, key);
    if (!value->is_number()) {
      Problem(path, "must be a number greater than 0, or null, got " + Shown(*value));
      *ok = false;
      return std::nullopt;
    }
    const double number = value->get<double>();
    if (!(number > 0) || number > max) {
      Problem(path,
              "must be greater than 0 and at most " + json(max).dump() + ", got " + Shown(*value));
      *ok = false;
      return std::nullopt;
    }
    return number;
  }

  std::optional<bool> Boolean(const json& object, const std::string& parent, std::string_view key,
                              std::string_view missing_hint = {}) {
    std::string expected = "true or false";
    if (!missing_hint.empty()) {
      expected += ' ';
      expected += missing_hint;
    }
    const json* value = Member(object, parent, key, expected);
    if (value == nullptr) return std::nullopt;
    if (!value->is_boolean()) {
      Problem(Join(parent, key), "must be true or false, got " + Shown(*value));
      return std::nullopt;
    }
    return value->get<bool>();
  }

  template <typename Enum, std::size_t N>
  std::optional<Enum> Choice(const json& object, const std::string& parent, std::string_view key,
                             const std::array<Named<Enum>, N>& table) {
    const std::string choices = "one of " + JoinIds(table);
    const json* value = Member(object, parent, key, choices);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) {
      if (auto parsed = FromId(table, value->get_ref<const std::string&>())) return parsed;
    }
    Problem(Join(parent, key), "must be " + choices + "; got " + Shown(*value));
    return std::nullopt;
  }

 private:
  static std::string RangeText(int min, int max) {
    if (max >= thresholds::kMaxWeeks || max >= thresholds::kMaxMonths) {
      return "of " + std::to_string(min) + " or more";
    }
    return "from " + std::to_string(min) + " to " + std::to_string(max);
  }

  std::vector<std::pair<std::string, std::string>> problems_;
};

constexpr std::array<std::string_view, 6> kTopKeys = {"age",       "history",     "pain",
                                                      "red_flags", "bone_stress", "inflammatory"};
constexpr std::array<std::string_view, 4> kHistoryKeys = {"months_running", "break_months",
                                                          "months_since_return", "recent_increase"};
constexpr std::array<std::string_view, 12> kPainKeys = {"location",
                                                        "timing",
                                                        "onset_minutes",
                                                        "onset_km",
                                                        "worst",
                                                        "weeks",
                                                        "leg_symptoms",
                                                        "numbness_or_tingling",
                                                        "treatment_sessions",
                                                        "treatment_helped",
                                                        "first_episode",
                                                        "improving"};
constexpr std::array<std::string_view, 2> kBoneStressKeys = {"hop_pain", "risk"};

std::array<std::string_view, kInflammatoryFeatureCount> InflammatoryKeys() {
  std::array<std::string_view, kInflammatoryFeatureCount> keys{};
  for (std::size_t i = 0; i < kInflammatoryFeatureCount; ++i) keys[i] = kInflammatoryIds[i].id;
  return keys;
}

// The second format is told by any of its fields; answers with none are the first format
// (written before DESIGN 2.1a), whose new questions were never asked.
AnswersFormat FormatOf(const json& document) {
  if (!document.is_object()) return AnswersFormat::kSecond;
  const auto has = [&](std::string_view section, std::string_view key) {
    const auto it = document.find(section);
    return it != document.end() && it->is_object() && it->contains(key);
  };
  if (document.contains("bone_stress") || document.contains("inflammatory")) {
    return AnswersFormat::kSecond;
  }
  if (has("history", "recent_increase") || has("pain", "first_episode") ||
      has("pain", "improving")) {
    return AnswersFormat::kSecond;
  }
  for (const auto& [flag, id] : kRedFlagIds) {
    if (IsSecondFormatFlag(flag) && has("red_flags", id)) return AnswersFormat::kSecond;
  }
  return AnswersFormat::kFirst;
}

std::array<std::string_view, kRedFlagCount> RedFlagKeys() {
  std::array<std::string_view, kRedFlagCount> keys{};
  for (std::size_t i = 0; i < kRedFlagCount; ++i) keys[i] = kRedFlagIds[i].id;
  return keys;
}

void CheckHistory(Checker& check, const json& history, Answers& answers) {
  if (!check.Object(history, "history", kHistoryKeys)) return;
  using namespace thresholds;
  const auto months_running = check.NonNegative(history, "history", "months_running", kMaxMonths);
  const auto break_months = check.NonNegative(history, "history", "break_months", kMaxMonths);
  const auto since_return =
      check.NonNegative(history, "history", "months_since_return", kMaxMonths);
  if (months_running) answers.history.months_running = *months_running;
  if (break_months) answers.history.break_months = *break_months;
  if (since_return) answers.history.months_since_return = *since_return;
  if (answers.format == AnswersFormat::kSecond) {
    answers.history.recent_increase = check.Boolean(history, "history", "recent_increase");
  }
  if (break_months && since_return && *break_months == 0 && *since_return > 0) {
    check.Problem("history.months_since_return",
                  "must be 0 when history.break_months is 0 (no break, so no return), got " +
                      json(*since_return).dump());
  }
}

void CheckPain(Checker& check, const json& pain, Answers& answers) {
  if (!check.Object(pain, "pain", kPainKeys)) return;
  using namespace thresholds;
  Pain& out = answers.pain;
  if (auto v = check.Choice(pain, "pain", "location", kPainLocations)) out.location = *v;
  if (auto v = check.Choice(pain, "pain", "timing", kPainTimings)) out.timing = *v;
  bool onset_ok = true;
  out.onset_minutes =
      check.PositiveNumber(pain, "pain", "onset_minutes", kMaxOnsetMinutes, &onset_ok);
  out.onset_km = check.PositiveNumber(pain, "pain", "onset_km", kMaxOnsetKm, &onset_ok);
  if (auto v = check.WholeNumber(pain, "pain", "worst", kMinPainScore, kMaxPainScore))
    out.worst = *v;
  if (auto v = check.WholeNumber(pain, "pain", "weeks", 0, kMaxWeeks)) out.weeks = *v;
  if (auto v = check.Choice(pain, "pain", "leg_symptoms", kLegSymptoms)) out.leg_symptoms = *v;
  if (auto v = check.Boolean(pain, "pain", "numbness_or_tingling")) out.numbness_or_tingling = *v;
  const auto sessions =
      check.WholeNumber(pain, "pain", "treatment_sessions", 0, kMaxTreatmentSessions);
  if (sessions) out.treatment_sessions = *sessions;

  // treatment_helped: true, false, or null (absent means null: nothing to report yet).
  const auto helped = pain.find("treatment_helped");
  if (helped != pain.end() && !helped->is_null()) {
    if (!helped->is_boolean()) {
      check.Problem("pain.treatment_helped", "must be true, false or null, got " + Shown(*helped));
    } else if (sessions && *sessions == 0) {
      check.Problem("pain.treatment_helped",
                    "must be null when pain.treatment_sessions is 0 (no treatment yet), got " +
                        Shown(*helped));
    } else {
      out.treatment_helped = helped->get<bool>();
    }
  }
  if (answers.format == AnswersFormat::kSecond) {
    out.first_episode = check.Boolean(pain, "pain", "first_episode");
    out.improving = check.Choice(pain, "pain", "improving", kImproving);
  }
}

void CheckBoneStress(Checker& check, const json& bone, Answers& answers) {
  if (!check.Object(bone, "bone_stress", kBoneStressKeys)) return;
  BoneStress out;
  const auto hop = check.RedFlagAnswer(bone, "hop_pain", "bone_stress");
  const auto risk = check.RedFlagAnswer(bone, "risk", "bone_stress");
  if (hop) out.hop_pain = *hop;
  if (risk) out.risk = *risk;
  if (hop && risk) answers.bone_stress = out;
}

void CheckInflammatory(Checker& check, const json& features, Answers& answers) {
  const auto keys = InflammatoryKeys();
  if (!check.Object(features, "inflammatory", keys)) return;
  InflammatoryFeatures out{};
  bool all = true;
  for (const auto& [feature, id] : kInflammatoryIds) {
    const auto value = check.Boolean(features, "inflammatory", id);
    if (value) {
      out[static_cast<std::size_t>(feature)] = *value;
    } else {
      all = false;
    }
  }
  if (all) answers.inflammatory = out;
}

void CheckRedFlags(Checker& check, const json& flags, Answers& answers) {
  const auto keys = RedFlagKeys();
  if (!check.Object(flags, "red_flags", keys)) return;
  for (const auto& [flag, id] : kRedFlagIds) {
    // The first format never asked the second's signs: they stay kNo, marked by
    // answers.format as not asked.
    if (answers.format == AnswersFormat::kFirst && IsSecondFormatFlag(flag)) continue;
    if (auto v = check.RedFlagAnswer(flags, id)) answers.Set(flag, *v);
  }
}

}  // namespace

std::string_view PainLocationId(PainLocation location) { return IdOf(kPainLocations, location); }
std::string_view PainTimingId(PainTiming timing) { return IdOf(kPainTimings, timing); }
std::string_view LegSymptomsId(LegSymptoms symptoms) { return IdOf(kLegSymptoms, symptoms); }
std::string_view RedFlagId(RedFlag flag) { return IdOf(kRedFlagIds, flag); }

std::optional<PainLocation> PainLocationFromId(std::string_view id) {
  return FromId(kPainLocations, id);
}
std::optional<PainTiming> PainTimingFromId(std::string_view id) { return FromId(kPainTimings, id); }
std::optional<LegSymptoms> LegSymptomsFromId(std::string_view id) {
  return FromId(kLegSymptoms, id);
}
std::optional<RedFlag> RedFlagFromId(std::string_view id) { return FromId(kRedFlagIds, id); }
std::string_view ImprovingId(Improving improving) { return IdOf(kImproving, improving); }
std::string_view InflammatoryFeatureId(InflammatoryFeature feature) {
  return IdOf(kInflammatoryIds, feature);
}

bool IsSecondFormatFlag(RedFlag flag) {
  return flag == RedFlag::kSexualFunctionChange || flag == RedFlag::kBothLegs ||
         flag == RedFlag::kSuddenSeverePainFaint || flag == RedFlag::kMajorTrauma ||
         flag == RedFlag::kInfectionRisk;
}

bool AnyRedFlagSet(const RedFlagAnswers& flags) {
  return std::any_of(flags.begin(), flags.end(),
                     [](FlagAnswer answer) { return answer != FlagAnswer::kNo; });
}

bool IsEmergencyFlag(RedFlag flag) {
  return flag == RedFlag::kSaddleNumbness || flag == RedFlag::kBladderOrBowelChange ||
         flag == RedFlag::kLegWeaknessWorsening || flag == RedFlag::kSexualFunctionChange ||
         flag == RedFlag::kBothLegs || flag == RedFlag::kSuddenSeverePainFaint ||
         flag == RedFlag::kMajorTrauma;
}

Result<Answers> ParseAnswers(std::string_view json_text, RedFlagAnswers* red_flags_read) {
  if (red_flags_read != nullptr) red_flags_read->fill(FlagAnswer::kNo);
  if (auto within = CheckJsonLimits(json_text, "answers"); !within) return Fail(within.error());
  json document;
  try {
    document = json::parse(json_text);
  } catch (const json::parse_error& error) {
    // nlohmann's message starts with "[json.exception.parse_error.101] "; drop that tag.
    std::string detail = error.what();
    if (const auto tag_end = detail.find("] "); tag_end != std::string::npos) {
      detail.erase(0, tag_end + 2);
    }
    // Its "last read: '...'" quotes the input's bytes as they are, UTF-8 or not: a JSON
    // round trip replaces the invalid ones with U+FFFD.
    detail = json::parse(json(detail).dump(-1, ' ', false, json::error_handler_t::replace))
                 .get<std::string>();
    Error result = Error::InvalidArgument("answers: not valid JSON: " + detail);
    result.offset = error.byte;
    return Fail(std::move(result));
  }

  Checker check;
  Answers answers;
  answers.format = FormatOf(document);
  if (!check.Object(document, "", kTopKeys)) return Fail(check.ToError());
  if (auto age = check.WholeNumber(document, "", "age", thresholds::kMinAge, thresholds::kMaxAge)) {
    answers.age = *age;
  }
  if (const json* history = check.Member(document, "", "history", "an object")) {
    CheckHistory(check, *history, answers);
  }
  if (const json* pain = check.Member(document, "", "pain", "an object")) {
    CheckPain(check, *pain, answers);
  }
  if (const json* flags =
          check.Member(document, "", "red_flags", "an object answering every warning sign")) {
    CheckRedFlags(check, *flags, answers);
  }
  if (answers.format == AnswersFormat::kSecond) {
    if (const json* bone =
            check.Member(document, "", "bone_stress", "an object answering hop_pain and risk")) {
      CheckBoneStress(check, *bone, answers);
    }
    if (const json* features = check.Member(document, "", "inflammatory",
                                            "an object answering each of its eight features")) {
      CheckInflammatory(check, *features, answers);
    }
  }
  if (red_flags_read != nullptr) *red_flags_read = answers.red_flags;
  if (!check.ok()) return Fail(check.ToError());
  return answers;
}

}  // namespace backstride
