#include "app/assess.h"

#include <nlohmann/json.hpp>

#include "core/advice.h"

namespace backstride {
namespace {

using Json = nlohmann::ordered_json;

Json ItemJson(const TextItem& item) {
  return {{"id", item.id}, {"title", item.title}, {"text", item.text}, {"why", item.why}};
}

}  // namespace

Result<Assessment> Assess(const Answers& answers) {
  auto content = LoadBuiltinContent();
  if (!content) return Fail(content.error());
  const Content& texts = **content;

  Assessment assessment;
  assessment.answers = answers;
  assessment.triage = TriageAnswers(answers);
  const Route route = assessment.triage.route;
  // LoadBuiltinContent checked that every route, safety text and advice item has text.
  assessment.route = *texts.ForRoute(route);
  if (auto safety = SafetyTextFor(route)) assessment.safety = *texts.Safety(*safety);
  for (AdviceId id : AdviceFor(route)) assessment.advice.push_back(*texts.Advice(id));
  assessment.disclaimer = texts.disclaimer;
  return assessment;
}

Result<Assessment> AssessJson(std::string_view answers_json) {
  auto answers = ParseAnswers(answers_json);
  if (!answers) return Fail(answers.error());
  return Assess(*answers);
}

std::string AssessmentToJson(const Assessment& assessment, int indent) {
  const Triage& triage = assessment.triage;
  Json out;
  out["route"] = RouteId(triage.route);
  out["route_title"] = assessment.route.title;
  out["summary"] = assessment.route.summary;
  out["next"] = assessment.route.next;
  out["leads_to_plan"] = LeadsToPlan(triage.route);
  Json flags = Json::array();
  for (RedFlag flag : triage.red_flags) flags.push_back(RedFlagId(flag));
  out["red_flags"] = std::move(flags);
  Json reasons = Json::array();
  for (const Reason& reason : triage.reasons) {
    reasons.push_back({{"rule", reason.rule},
                       {"field", reason.field},
                       {"answer", reason.answer},
                       {"threshold", reason.threshold},
                       {"text", reason.text}});
  }
  out["reasons"] = std::move(reasons);
  out["safety"] = assessment.safety ? ItemJson(*assessment.safety) : Json(nullptr);
  Json advice = Json::array();
  for (const TextItem& item : assessment.advice) advice.push_back(ItemJson(item));
  out["advice"] = std::move(advice);
  out["disclaimer"] = assessment.disclaimer;
  out["answers"] = assessment.answers_complete ? Json::parse(AnswersToJson(assessment.answers, -1))
                                               : Json(nullptr);
  return out.dump(indent);
}

}  // namespace backstride
