// The questionnaire and the assessment: POST /api/questionnaire, GET and POST
// /api/assessment.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "app/assess.h"
#include "content/content.h"
#include "core/questionnaire.h"
#include "server/api_handlers.h"
#include "server/request_fields.h"

namespace backstride::server {
namespace {

std::string_view KindId(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::kYesNo:
      return "yes_no";
    case QuestionKind::kYesNoUnsure:
      return "yes_no_unsure";
    case QuestionKind::kWholeNumber:
      return "whole_number";
    case QuestionKind::kDecimal:
      return "decimal";
    case QuestionKind::kChoice:
      return "choice";
    case QuestionKind::kDuration:
      return "duration";
  }
  return "yes_no";
}

Json QuestionJson(const Question& question, const QuestionText& text) {
  Json q;
  q["id"] = question.id;
  q["kind"] = KindId(question.kind);
  q["prompt"] = text.prompt;
  q["why"] = text.why;
  q["optional"] = question.optional;
  if (question.kind == QuestionKind::kWholeNumber || question.kind == QuestionKind::kDecimal) {
    q["min"] = question.min;
    q["max"] = question.max;
  }
  if (question.kind == QuestionKind::kDuration) {
    q["unit"] = question.unit == TimeUnit::kWeeks ? "weeks" : "months";
    q["max"] = question.max;
  }
  Json choices = Json::array();
  for (const auto& [id, label] : text.choices) choices.push_back({{"id", id}, {"label", label}});
  q["choices"] = std::move(choices);
  return q;
}

}  // namespace

// POST /api/questionnaire {"replies": ["no", ...]}: replays the replies through the
// questionnaire and says what to ask next, or that it is finished or stopped.
HttpResult<Json> PostQuestionnaire(Call& call) {
  auto body = ParseBody(call.request, {"replies"});
  if (!body) return Fail(body.error());
  const auto replies = body->find("replies");
  if (replies == body->end() || !replies->is_array()) {
    return BadRequest("replies: must be a list of the replies given so far", "replies");
  }
  auto content = LoadBuiltinContent();
  if (!content) return FromError(content.error());
  Questionnaire questionnaire;
  std::optional<std::string> noted;
  for (std::size_t i = 0; i < replies->size(); ++i) {
    const std::string field = fmt::format("replies[{}]", i);
    const Question* question = questionnaire.Current();
    if (question == nullptr) {
      return BadRequest(field + ": the questionnaire was already over", field);
    }
    const auto& reply = (*replies)[i];
    if (!reply.is_string()) return BadRequest(field + ": must be text", field);
    auto parsed = ParseReply(*question, reply.get<std::string>());
    // The message is for the runner, who never sees ids; `field` says which reply.
    if (!parsed) return BadRequest(parsed.error().message, field);
    const auto conversion = ConversionOf(*question, reply.get<std::string>());
    noted = conversion ? std::optional(ConversionText(*conversion)) : std::nullopt;
    questionnaire.Record(std::move(*parsed));
  }
  Json json;
  json["number"] = questionnaire.Number();
  json["total"] = questionnaire.Total();
  json["stopped"] = questionnaire.Stopped();
  json["finished"] = questionnaire.Finished();
  json["question"] = nullptr;
  if (const Question* question = questionnaire.Current()) {
    json["question"] = QuestionJson(*question, *(*content)->Question(question->id));
  }
  // The last reply, if a duration said another way, read back: "6 weeks = 1.4 months".
  json["noted"] = noted ? Json(*noted) : Json(nullptr);
  if (questionnaire.Stopped()) {
    // Stopped at a warning sign: the assessment says what to do; nothing is stored.
    auto assessment = AssessRedFlags(questionnaire.RedFlagsSoFar(), questionnaire.ContextSoFar());
    if (!assessment) return FromError(assessment.error());
    json["assessment"] = Json::parse(AssessmentToJson(*assessment, -1));
  } else if (questionnaire.Finished()) {
    auto answers = questionnaire.Finish();
    if (!answers) return FromError(answers.error());
    json["answers"] = Json::parse(AnswersToJson(*answers, -1));
  }
  return json;
}

HttpResult<Json> GetAssessment(Call& call) {
  auto latest = call.app.LoadLatestAssessment();
  if (!latest) return FromError(latest.error());
  Json json;
  json["assessment"] = Json::parse(AssessmentToJson(latest->assessment, -1));
  json["date"] = FormatDate(latest->date);
  return json;
}

// POST /api/assessment with the answers' JSON (the same form as `assess --answers`):
// assesses, stores, and starts a plan for the routes that lead to one. A warning sign
// is read first and stores nothing: with other answers wrong, a 400 that carries the
// sign's assessment beside the error; otherwise the assessment with "stored": false.
HttpResult<Json> PostAssessment(Call& call) {
  if (call.request.content_type != "application/json") {
    return Refuse(415, "send the answers as application/json");
  }
  auto assessment = AssessJson(call.request.body);
  if (!assessment) return FromError(assessment.error());
  Json json;
  json["assessment"] = Json::parse(AssessmentToJson(*assessment, -1));
  if (!assessment->problems.empty()) {
    HttpError error{400, assessment->problems, {}, std::move(json["assessment"]), {}};
    return Fail(std::move(error));
  }
  json["stored"] = MayBeStored(*assessment);
  json["assessment_id"] = nullptr;
  json["plan_id"] = nullptr;
  if (!MayBeStored(*assessment)) return json;
  auto saved = call.app.SaveAssessment(*assessment);
  if (!saved) return FromError(saved.error());
  json["assessment_id"] = saved->assessment_id;
  json["plan_id"] = saved->plan_id ? Json(*saved->plan_id) : Json(nullptr);
  return json;
}

}  // namespace backstride::server
