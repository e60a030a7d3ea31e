#include "content/content.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/questionnaire.h"

extern const unsigned char backstride_content_json[];
extern const std::size_t backstride_content_json_size;

namespace backstride {
namespace {

using nlohmann::json;

Error Gap(std::string message) { return Error::Corruption("content: " + message); }

// Reads a non-empty string member.
Result<std::string> Text(const json& object, std::string_view where, std::string_view key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
    return Fail(Gap(std::string(where) + "." + std::string(key) + " must be non-empty text"));
  }
  return it->get<std::string>();
}

Result<std::vector<TextItem>> Items(const json& document, std::string_view key) {
  const auto list = document.find(key);
  if (list == document.end() || !list->is_array()) {
    return Fail(Gap(std::string(key) + " must be a list"));
  }
  std::vector<TextItem> items;
  for (const json& entry : *list) {
    TextItem item;
    auto id = Text(entry, key, "id");
    if (!id) return Fail(id.error());
    const std::string where = std::string(key) + "." + *id;
    auto title = Text(entry, where, "title");
    auto text = Text(entry, where, "text");
    auto why = Text(entry, where, "why");
    if (!title) return Fail(title.error());
    if (!text) return Fail(text.error());
    if (!why) return Fail(why.error());
    items.push_back({std::move(*id), std::move(*title), std::move(*text), std::move(*why)});
  }
  return items;
}

Result<std::vector<RouteText>> Routes(const json& document) {
  const auto list = document.find("routes");
  if (list == document.end() || !list->is_array()) return Fail(Gap("routes must be a list"));
  std::vector<RouteText> routes;
  for (const json& entry : *list) {
    auto id = Text(entry, "routes", "id");
    if (!id) return Fail(id.error());
    const std::string where = "routes." + *id;
    auto title = Text(entry, where, "title");
    auto summary = Text(entry, where, "summary");
    auto next = Text(entry, where, "next");
    if (!title) return Fail(title.error());
    if (!summary) return Fail(summary.error());
    if (!next) return Fail(next.error());
    routes.push_back({std::move(*id), std::move(*title), std::move(*summary), std::move(*next)});
  }
  return routes;
}

Result<std::vector<QuestionText>> Questions(const json& document) {
  const auto list = document.find("questions");
  if (list == document.end() || !list->is_array()) return Fail(Gap("questions must be a list"));
  std::vector<QuestionText> texts;
  for (const json& entry : *list) {
    auto id = Text(entry, "questions", "id");
    if (!id) return Fail(id.error());
    const std::string where = "questions." + *id;
    auto prompt = Text(entry, where, "prompt");
    auto why = Text(entry, where, "why");
    if (!prompt) return Fail(prompt.error());
    if (!why) return Fail(why.error());
    QuestionText text{*id, std::move(*prompt), std::move(*why), {}};

    const auto& questions = AllQuestions();
    const auto question = std::find_if(questions.begin(), questions.end(),
                                       [&](const Question& q) { return q.id == *id; });
    if (question == questions.end())
      return Fail(Gap(where + " is not a question the program asks"));
    const json labels = entry.value("choices", json::object());
    if (!labels.is_object() || labels.size() != question->choices.size()) {
      return Fail(Gap(where + ".choices must label exactly the question's " +
                      std::to_string(question->choices.size()) + " choices"));
    }
    // Choices are listed in the core's order, which is the order they are numbered in.
    for (std::string_view choice : question->choices) {
      auto label = Text(labels, where + ".choices", choice);
      if (!label) return Fail(label.error());
      text.choices.emplace_back(std::string(choice), std::move(*label));
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

template <typename List>
auto FindById(const List& list, std::string_view id) -> decltype(&list.front()) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const auto& e) { return e.id == id; });
  return it == list.end() ? nullptr : &*it;
}

Result<void> CheckComplete(const Content& content) {
  for (AdviceId id : kAllAdvice) {
    if (content.Advice(id) == nullptr) {
      return Fail(Gap("advice item " + std::string(AdviceIdName(id)) + " is missing"));
    }
  }
  for (Route route : kAllRoutes) {
    if (content.ForRoute(route) == nullptr) {
      return Fail(Gap("text for route " + std::string(RouteId(route)) + " is missing"));
    }
    if (auto safety = SafetyTextFor(route); safety && content.Safety(*safety) == nullptr) {
      return Fail(Gap("safety text " + std::string(*safety) + " is missing"));
    }
  }
  for (const Question& question : AllQuestions()) {
    if (content.Question(question.id) == nullptr) {
      return Fail(Gap("text for question " + std::string(question.id) + " is missing"));
    }
  }
  return {};
}

}  // namespace

const TextItem* Content::Advice(AdviceId id) const { return FindById(advice, AdviceIdName(id)); }
const TextItem* Content::Safety(std::string_view id) const { return FindById(safety, id); }
const RouteText* Content::ForRoute(Route route) const { return FindById(routes, RouteId(route)); }
const QuestionText* Content::Question(std::string_view id) const { return FindById(questions, id); }

Result<Content> ParseContent(std::string_view json_text) {
  const json document = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) {
    return Fail(Gap("not a valid JSON object"));
  }
  Content content;
  auto disclaimer = Text(document, "content", "disclaimer");
  if (!disclaimer) return Fail(disclaimer.error());
  content.disclaimer = std::move(*disclaimer);
  auto safety = Items(document, "safety");
  if (!safety) return Fail(safety.error());
  content.safety = std::move(*safety);
  auto routes = Routes(document);
  if (!routes) return Fail(routes.error());
  content.routes = std::move(*routes);
  auto advice = Items(document, "advice");
  if (!advice) return Fail(advice.error());
  content.advice = std::move(*advice);
  auto questions = Questions(document);
  if (!questions) return Fail(questions.error());
  content.questions = std::move(*questions);
  if (auto complete = CheckComplete(content); !complete) return Fail(complete.error());
  return content;
}

std::string_view BuiltinContentJson() {
  // The generated array is unsigned char so any byte value is a valid initializer.
  return {reinterpret_cast<const char*>(backstride_content_json), backstride_content_json_size};
}

Result<const Content*> LoadBuiltinContent() {
  // Parsed on first use and kept for the life of the process; thread-safe by the rules
  // for function-local statics.
  static const Result<Content> content = ParseContent(BuiltinContentJson());
  if (!content) return Fail(content.error());
  return &*content;
}

}  // namespace backstride
