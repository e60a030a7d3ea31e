#include "app/assess.h"

#include <nlohmann/json.hpp>

#include "core/advice.h"
#include "core/thresholds.h"

namespace backstride {
namespace {

using Json = nlohmann::ordered_json;

Json ItemJson(const TextItem& item) {
  return {{"id", item.id}, {"title", item.title}, {"text", item.text}, {"why", item.why}};
}

Json Lines(std::string_view text) {
  Json lines = Json::array();
  while (!text.empty()) {
    const auto end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// What a reason's number counts, for the word after it.
enum class Counted { kNothing, kMonths, kSessions };

Counted CountedBy(ReasonKind kind) {
  switch (kind) {
    case ReasonKind::kReturningRanBefore:
    case ReasonKind::kReturningBreak:
    case ReasonKind::kReturningBackFor:
    case ReasonKind::kReturningJustStarted:
    case ReasonKind::kNewRunner:
    case ReasonKind::kSeasoned:
      return Counted::kMonths;
    case ReasonKind::kRehabSessions:
    case ReasonKind::kTreatmentNone:
    case ReasonKind::kTreatmentSome:
      return Counted::kSessions;
    case ReasonKind::kEmergencySign:
    case ReasonKind::kUnsureEmergencySign:
    case ReasonKind::kWarningSign:
    case ReasonKind::kUnsureWarningSign:
    case ReasonKind::kConstantPain:
    case ReasonKind::kMidOrUpperBack:
    case ReasonKind::kFirstEpisodeOver50:
    case ReasonKind::kLocationOther:
    case ReasonKind::kNotImproving:
    case ReasonKind::kBoneStressHop:
    case ReasonKind::kBoneStressRisk:
    case ReasonKind::kLegBelowKnee:
    case ReasonKind::kNumbnessOrTingling:
    case ReasonKind::kSeverePain:
    case ReasonKind::kTooYoung:
    case ReasonKind::kRehabNotHelped:
    case ReasonKind::kTreatmentHelping:
    case ReasonKind::kTreatmentUnclear:
      return Counted::kNothing;
  }
  return Counted::kNothing;
}

// A number as the reason gives it ("2.5"), with the word for what it counts.
std::string Amount(const std::string& number, Counted counted) {
  const bool one = number == "1";
  switch (counted) {
    case Counted::kMonths:
      return number + (one ? " month" : " months");
    case Counted::kSessions:
      return number + (one ? " session" : " sessions");
    case Counted::kNothing:
      break;
  }
  return number;
}

// Fills in the texts for an assessment whose answers and triage are set.
Result<Assessment> WithTexts(Assessment assessment) {
  auto content = LoadBuiltinContent();
  if (!content) return Fail(content.error());
  const Content& texts = **content;
  const Triage& triage = assessment.triage;
  const Route route = triage.route;
  // LoadBuiltinContent checked that every route, safety text, urgency, warning sign and
  // advice item has text.
  assessment.route = *texts.ForRoute(route);
  if (auto safety = SafetyTextFor(route)) assessment.safety = *texts.Safety(*safety);
  if (triage.urgency) assessment.urgency = *texts.ForUrgency(*triage.urgency);
  for (Notice notice : triage.notices) assessment.notices.push_back(*texts.ForNotice(notice));
  assessment.safety_net = *texts.SafetyNet();
  for (RedFlag flag : triage.red_flags) {
    assessment.warning_signs.push_back({flag, triage.IsUnsure(flag), *texts.RedFlagLabel(flag)});
  }
  for (const Reason& reason : triage.reasons) {
    assessment.reasons.push_back(ReasonText(reason, texts));
  }
  for (AdviceId id : AdviceForAnswers(triage, assessment.answers)) {
    assessment.advice.push_back(*texts.Advice(id));
  }
  assessment.disclaimer = texts.disclaimer;
  return assessment;
}

}  // namespace

MessageValues ReasonValues(const Reason& reason, const Content& content) {
  const Counted counted = CountedBy(reason.kind);
  MessageValues values = {{"answer", Amount(reason.answer, counted)},
                          {"max", std::to_string(thresholds::kMaxPainScore)}};
  if (reason.limit) {
    values.emplace_back("threshold", Amount(std::to_string(*reason.limit), counted));
  }
  if (reason.sign) {
    const std::string* label = content.RedFlagLabel(*reason.sign);
    const std::string* meaning = content.SignMeaning(*reason.sign);
    if (label != nullptr) values.emplace_back("sign", *label);
    if (meaning != nullptr) values.emplace_back("meaning", *meaning);
  }
  return values;
}

std::string ReasonText(const Reason& reason, const Content& content) {
  return content.ReasonSentence(reason.kind, ReasonValues(reason, content));
}

Result<Assessment> Assess(const Answers& answers) {
  Assessment assessment;
  assessment.answers = answers;
  assessment.triage = TriageAnswers(answers);
  return WithTexts(std::move(assessment));
}

Result<Assessment> AssessRedFlags(const RedFlagAnswers& flags, const ScreenContext& context) {
  auto triage = TriageRedFlags(flags, context);
  if (!triage) return Fail(Error::InvalidArgument("no warning sign is answered yes or not sure"));
  Assessment assessment;
  assessment.answers.red_flags = flags;
  assessment.triage = std::move(*triage);
  assessment.answers_complete = false;
  return WithTexts(std::move(assessment));
}

Result<Assessment> AssessJson(std::string_view answers_json) {
  RedFlagAnswers flags{};
  auto answers = ParseAnswers(answers_json, &flags);
  if (answers) return Assess(*answers);
  if (!AnyRedFlagSet(flags)) return Fail(answers.error());
  auto assessment = AssessRedFlags(flags);
  if (!assessment) return Fail(assessment.error());
  assessment->problems = answers.error().message;
  return assessment;
}

bool MayBeStored(const Assessment& assessment) {
  return assessment.answers_complete && assessment.problems.empty() &&
         assessment.triage.red_flags.empty();
}

std::string AssessmentToJson(const Assessment& assessment, int indent) {
  const Triage& triage = assessment.triage;
  Json out;
  out["route"] = RouteId(triage.route);
  out["route_title"] = assessment.route.title;
  out["summary"] = assessment.route.summary;
  out["next"] = assessment.route.next;
  out["leads_to_plan"] = LeadsToPlan(triage.route);
  out["urgency"] = triage.urgency ? Json(UrgencyId(*triage.urgency)) : Json(nullptr);
  out["urgency_text"] = assessment.urgency ? ItemJson(*assessment.urgency) : Json(nullptr);
  Json notices = Json::array();
  for (Notice notice : triage.notices) notices.push_back(NoticeId(notice));
  out["notices"] = std::move(notices);
  Json notice_texts = Json::array();
  for (const TextItem& item : assessment.notices) notice_texts.push_back(ItemJson(item));
  out["notice_texts"] = std::move(notice_texts);
  Json flags = Json::array();
  for (RedFlag flag : triage.red_flags) flags.push_back(RedFlagId(flag));
  out["red_flags"] = std::move(flags);
  Json unsure = Json::array();
  for (RedFlag flag : triage.unsure_flags) unsure.push_back(RedFlagId(flag));
  out["red_flags_unsure"] = std::move(unsure);
  Json signs = Json::array();
  for (const WarningSign& sign : assessment.warning_signs) {
    signs.push_back({{"id", RedFlagId(sign.flag)}, {"label", sign.label}, {"unsure", sign.unsure}});
  }
  out["warning_signs"] = std::move(signs);
  Json reasons = Json::array();
  for (std::size_t i = 0; i < triage.reasons.size(); ++i) {
    const Reason& reason = triage.reasons[i];
    reasons.push_back({{"rule", ReasonRuleId(reason.kind)},
                       {"field", reason.field},
                       {"answer", reason.answer},
                       {"threshold", reason.threshold},
                       {"text", i < assessment.reasons.size() ? assessment.reasons[i] : ""}});
  }
  out["reasons"] = std::move(reasons);
  out["safety"] = assessment.safety ? ItemJson(*assessment.safety) : Json(nullptr);
  Json advice = Json::array();
  for (const TextItem& item : assessment.advice) advice.push_back(ItemJson(item));
  out["advice"] = std::move(advice);
  out["safety_net"] = ItemJson(assessment.safety_net);
  out["disclaimer"] = assessment.disclaimer;
  out["problems"] = Lines(assessment.problems);
  out["answers"] = assessment.answers_complete ? Json::parse(AnswersToJson(assessment.answers, -1))
                                               : Json(nullptr);
  return out.dump(indent);
}

}  // namespace backstride
