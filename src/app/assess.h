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

// A warning sign found, in the runner's words.
struct WarningSign {
  RedFlag flag = RedFlag::kSaddleNumbness;
  bool unsure = false;  // answered "not sure"
  std::string label;    // "Numbness between the legs or around the bottom"
};

struct Assessment {
  Answers answers;
  Triage triage;
  RouteText route;                         // title, summary and what happens next
  std::optional<TextItem> safety;          // routes 1-3 only
  std::optional<TextItem> urgency;         // how soon (routes 1-2, bone stress): "Today", text, why
  std::vector<TextItem> notices;           // triage.notices in words, in the same order
  TextItem safety_net;                     // on every result: the emergency signs and what to do
  std::vector<WarningSign> warning_signs;  // as triage.red_flags, with their labels
  std::vector<std::string> reasons;        // triage.reasons in words, in the same order
  std::vector<TextItem> advice;            // the route's advice items, in reading order
  std::string disclaimer;
  // False when only the warning signs are known: the questionnaire stopped at one, or an
  // answers file with a sign set could not be read whole. The JSON form then gives
  // "answers": null.
  bool answers_complete = true;
  // The problems found in answers read only for their warning signs, one a line, each
  // naming its field (as ParseAnswers reports them); empty otherwise.
  std::string problems;
};

// The values a triage reason's template is filled with: {answer} and {threshold} (a
// number, with its unit where it has one: "2.5 months", "3 sessions"), {max} (the top of
// the pain scale), and for a warning sign {sign} (its label) and {meaning}. The numbers
// come from the reason's facts and thresholds.h. `content` must have passed ParseContent.
MessageValues ReasonValues(const Reason& reason, const Content& content);

// The reason in the runner's words: its template in `content`, filled with ReasonValues.
std::string ReasonText(const Reason& reason, const Content& content);

// Assesses valid answers. Fails only if the built-in content is broken.
Result<Assessment> Assess(const Answers& answers);

// Assesses the warning signs alone (route 1 or 2), after a stop at a sign, with what else
// is known (see TriageRedFlags): the result has answers_complete false. Fails with
// kInvalidArgument when no sign is yes or not sure.
Result<Assessment> AssessRedFlags(const RedFlagAnswers& flags, const ScreenContext& context = {});

// Parses and checks the answers' JSON, then assesses them. A red flag is read first
// (DESIGN 2): answers with a sign set that fail the checks still give the signs' route,
// with answers_complete false and `problems` listing what is wrong. Other bad answers
// fail with ErrorCode::kInvalidArgument naming each field (see ParseAnswers).
Result<Assessment> AssessJson(std::string_view answers_json);

// False when the assessment must not be kept: a run-through that stops at a warning sign
// stores nothing (DESIGN 2 and 9), and neither do answers known only in part.
bool MayBeStored(const Assessment& assessment);

// The assessment's JSON form: route, route_title, summary, next, leads_to_plan, urgency
// (now, today, soon, week, or null), urgency_text (or null), notices (ids), notice_texts
// ({id, title, text, why} for each), safety_net ({id, title, text, why}), red_flags (ids of the
// signs answered yes or not sure), red_flags_unsure (those answered not sure), warning_signs
// ({id, label, unsure} for each), reasons ({rule, field, answer, threshold, text} for
// each), safety (or null), advice, disclaimer,
// problems (lines, empty unless the answers were read only for their signs), answers.
std::string AssessmentToJson(const Assessment& assessment, int indent = 2);

}  // namespace backstride

#endif  // BACKSTRIDE_APP_ASSESS_H_
