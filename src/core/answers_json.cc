// The answers written back as JSON: the form an answers file has, and what the store
// keeps of an assessment. The reader and its checks are in answers.cc.
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "core/answers.h"
#include "core/thresholds.h"

namespace backstride {
namespace {

// The order the JSON form writes the signs in: the first format's nine, then the second's.
constexpr std::array<RedFlag, kRedFlagCount> kJsonFlagOrder = {
    RedFlag::kSaddleNumbness,
    RedFlag::kBladderOrBowelChange,
    RedFlag::kLegWeaknessWorsening,
    RedFlag::kFeverOrUnwell,
    RedFlag::kCancerHistory,
    RedFlag::kUnexplainedWeightLoss,
    RedFlag::kRecentFallOrImpact,
    RedFlag::kNightPainNoRelief,
    RedFlag::kOsteoporosisOrSteroids,
    RedFlag::kSexualFunctionChange,
    RedFlag::kBothLegs,
    RedFlag::kSuddenSeverePainFaint,
    RedFlag::kMajorTrauma,
    RedFlag::kInfectionRisk,
};

// Whole months are written as whole numbers, so answers files stay as people wrote them.
nlohmann::ordered_json Months(double months) {
  if (months == std::floor(months) && months <= thresholds::kMaxMonths) {
    return static_cast<int>(months);
  }
  return months;
}

nlohmann::ordered_json FlagJson(FlagAnswer answer) {
  switch (answer) {
    case FlagAnswer::kYes:
      return true;
    case FlagAnswer::kUnsure:
      return "unsure";
    case FlagAnswer::kNo:
      break;
  }
  return false;
}

}  // namespace

std::string AnswersToJson(const Answers& answers, int indent) {
  nlohmann::ordered_json out;
  out["age"] = answers.age;
  out["history"] = {
      {"months_running", Months(answers.history.months_running)},
      {"break_months", Months(answers.history.break_months)},
      {"months_since_return", Months(answers.history.months_since_return)},
  };
  const bool second = answers.format == AnswersFormat::kSecond;
  if (second) out["history"]["recent_increase"] = answers.history.recent_increase.value_or(false);
  const Pain& pain = answers.pain;
  nlohmann::ordered_json p;
  p["location"] = PainLocationId(pain.location);
  p["timing"] = PainTimingId(pain.timing);
  if (pain.onset_minutes) p["onset_minutes"] = *pain.onset_minutes;
  if (pain.onset_km) p["onset_km"] = *pain.onset_km;
  p["worst"] = pain.worst;
  p["weeks"] = pain.weeks;
  p["leg_symptoms"] = LegSymptomsId(pain.leg_symptoms);
  p["numbness_or_tingling"] = pain.numbness_or_tingling;
  p["treatment_sessions"] = pain.treatment_sessions;
  p["treatment_helped"] =
      pain.treatment_helped ? nlohmann::ordered_json(*pain.treatment_helped) : nullptr;
  if (second) {
    p["first_episode"] = pain.first_episode.value_or(false);
    p["improving"] = ImprovingId(pain.improving.value_or(Improving::kBetter));
  }
  out["pain"] = std::move(p);
  nlohmann::ordered_json flags = nlohmann::ordered_json::object();
  for (RedFlag flag : kJsonFlagOrder) {
    if (!second && IsSecondFormatFlag(flag)) continue;
    flags[std::string(RedFlagId(flag))] = FlagJson(answers.Flag(flag));
  }
  out["red_flags"] = std::move(flags);
  if (second) {
    const BoneStress bone = answers.bone_stress.value_or(BoneStress{});
    out["bone_stress"] = {{"hop_pain", FlagJson(bone.hop_pain)}, {"risk", FlagJson(bone.risk)}};
    const InflammatoryFeatures features = answers.inflammatory.value_or(InflammatoryFeatures{});
    nlohmann::ordered_json f = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < kInflammatoryFeatureCount; ++i) {
      const auto feature = static_cast<InflammatoryFeature>(i);
      f[std::string(InflammatoryFeatureId(feature))] = features[i];
    }
    out["inflammatory"] = std::move(f);
  }
  return out.dump(indent);
}

}  // namespace backstride
