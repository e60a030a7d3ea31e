// The Assess use case: answers in, a complete assessment out (route, red flags,
// reasons, safety text, advice, disclaimer), and its JSON form, which the CLI prints
// and the server will send.
#ifndef BACKSTRIDE_APP_ASSESS_H_
#define BACKSTRIDE_APP_ASSESS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "content/content.h"
#include "core/answers.h"
#include "core/triage.h"

namespace backstride {

struct Assessment {
  Answers answers;
  Triage triage;
  RouteText route;                 // title, summary and what happens next
  std::optional<TextItem> safety;  // routes 1-3 only
  std::vector<TextItem> advice;    // the route's advice items, in reading order
  std::string disclaimer;
  // False when the questionnaire stopped early at an emergency answer: then only the
  // red flags answered so far are known, and the JSON form gives "answers": null.
  bool answers_complete = true;
};

// Assesses valid answers. Fails only if the built-in content is broken.
Result<Assessment> Assess(const Answers& answers);

// Parses and checks the answers' JSON, then assesses them. Bad answers fail with
// ErrorCode::kInvalidArgument naming each field (see ParseAnswers).
Result<Assessment> AssessJson(std::string_view answers_json);

// The assessment's JSON form: route, route_title, summary, next, leads_to_plan,
// red_flags, reasons, safety (or null), advice, disclaimer, answers.
std::string AssessmentToJson(const Assessment& assessment, int indent = 2);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_ASSESS_H_
