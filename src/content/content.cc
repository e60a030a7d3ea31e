#include "content/content.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "core/plan.h"
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

// Reads the list `key`, whose entries each have an id and the text `fields`, and calls
// `take(id, texts, entry)` for each entry, stopping at the first failure.
template <std::size_t N, typename Take>
Result<void> ForEachEntry(const json& document, std::string_view key,
                          const std::array<std::string_view, N>& fields, Take take) {
  const auto list = document.find(key);
  if (list == document.end() || !list->is_array()) {
    return Fail(Gap(std::string(key) + " must be a list"));
  }
  for (const json& entry : *list) {
    auto id = Text(entry, key, "id");
    if (!id) return Fail(id.error());
    const std::string where = std::string(key) + "." + *id;
    std::array<std::string, N> texts;
    for (std::size_t i = 0; i < N; ++i) {
      auto text = Text(entry, where, fields[i]);
      if (!text) return Fail(text.error());
      texts[i] = std::move(*text);
    }
    if (auto taken = take(std::move(*id), std::move(texts), entry); !taken) return taken;
  }
  return {};
}

Result<std::vector<TextItem>> Items(const json& document, std::string_view key) {
  std::vector<TextItem> items;
  auto read = ForEachEntry<3>(
      document, key, {"title", "text", "why"},
      [&](std::string id, std::array<std::string, 3> t, const json&) {
        items.push_back({std::move(id), std::move(t[0]), std::move(t[1]), std::move(t[2])});
        return Result<void>{};
      });
  if (!read) return Fail(read.error());
  return items;
}

Result<std::vector<RouteText>> Routes(const json& document) {
  std::vector<RouteText> routes;
  auto read = ForEachEntry<3>(
      document, "routes", {"title", "summary", "next"},
      [&](std::string id, std::array<std::string, 3> t, const json&) {
        routes.push_back({std::move(id), std::move(t[0]), std::move(t[1]), std::move(t[2])});
        return Result<void>{};
      });
  if (!read) return Fail(read.error());
  return routes;
}

Result<std::vector<QuestionText>> Questions(const json& document) {
  std::vector<QuestionText> texts;
  auto read = ForEachEntry<2>(
      document, "questions", {"prompt", "why"},
      [&](std::string id, std::array<std::string, 2> t, const json& entry) -> Result<void> {
        const std::string where = "questions." + id;
        const auto questions = AllQuestions();
        const auto question = std::find_if(questions.begin(), questions.end(),
                                           [&](const Question& q) { return q.id == id; });
        if (question == questions.end()) {
          return Fail(Gap(where + " is not a question the program asks"));
        }
        QuestionText text{std::move(id), entry.value("label", std::string()), std::move(t[0]),
                          std::move(t[1]), {}};
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
        return {};
      });
  if (!read) return Fail(read.error());
  return texts;
}

template <typename List>
auto FindById(const List& list, std::string_view id) -> decltype(&list.front()) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const auto& e) { return e.id == id; });
  return it == list.end() ? nullptr : &*it;
}

// The key of a warning sign's meaning among the reasons: "meaning.saddle_numbness".
std::string SignMeaningId(RedFlag flag) { return "meaning." + std::string(RedFlagId(flag)); }

// True when `id` is a key the reasons may have: a ReasonKindId or a sign's meaning.
bool IsReasonId(std::string_view id) {
  for (ReasonKind kind : kAllReasonKinds) {
    if (ReasonKindId(kind) == id) return true;
  }
  for (RedFlag flag : kAllRedFlags) {
    if (SignMeaningId(flag) == id) return true;
  }
  return false;
}

// `text` with each {name} replaced by its value from `values`; a name without a value is
// left as it is, braces and all.
std::string Fill(const std::string& text, const MessageValues& values) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t open = text.find('{', i);
    if (open == std::string::npos) {
      out.append(text, i, std::string::npos);
      break;
    }
    out.append(text, i, open - i);
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) {
      out.append(text, open, std::string::npos);
      break;
    }
    const std::string_view name(text.data() + open + 1, close - open - 1);
    const auto value = std::find_if(values.begin(), values.end(),
                                    [&](const auto& pair) { return pair.first == name; });
    if (value == values.end()) {
      out.append(text, open, close - open + 1);
    } else {
      out += value->second;
    }
    i = close + 1;
  }
  return out;
}

constexpr std::string_view kMessageIds[] = {
    "run.good_counting", "run.good_counting_near", "run.good_awaiting_pace", "run.progress_pace", "run.progress_plateau",
    "run.below_cap", "run.over_cap", "run.reduced", "run.hold_pain", "run.hold_morning",
    "run.hold_morning_alone", "run.step_back_pain", "run.step_back_morning",
    "run.step_back_morning_alone", "run.during_pause", "run.during_rest", "run.by_time", "run.pause",
    "run.spike", "baseline.before_run", "baseline.daily", "baseline.morning", "cap.guard", "log.cap_changed",
    "log.cap_stays", "log.morning_recorded", "log.morning_edited", "log.morning_as_checkin",
    "log.run_before_plan", "log.run_before_plan_guard", "log.checkin", "log.session_done", "log.session_skipped",
    "log.session_pain", "log.session_reserve",
    "log.treatment_to_rehab", "log.treatment_helping", "log.treatment_not_yet",
    "log.treatment_ask", "log.treatment_logged", "log.logged_no_plan", "plan.none_emergency",
    "plan.none_doctor", "plan.none_clinician", "verdict.good", "verdict.hold",
    "verdict.step_back", "verdict.below_cap", "verdict.over_cap", "verdict.reduced",
    "verdict.during_pause", "verdict.during_rest", "verdict.by_time", "change.progress", "change.step_back",
    "change.pause", "session.strength", "session.sprint", "session.mobility",
    "session.treatment", "plan.day.run", "plan.day.sprint", "plan.day.strength",
    "plan.day.mobility", "plan.day.treatment", "plan.day.rest", "plan.day.check_in",
    "plan.day.stretch", "lap.manual", "lap.time", "lap.distance", "lap.position",
    "lap.session_end", "lap.fitness_equipment", "lap.heart_rate", "lap.unknown",
    "run.no_distance", "run.show_time_only"};

Result<void> CheckComplete(const Content& content) {
  for (std::string_view id : kMessageIds) {
    if (content.messages.find(id) == content.messages.end()) {
      return Fail(Gap("message " + std::string(id) + " is missing"));
    }
  }
  for (ReasonKind kind : kAllReasonKinds) {
    if (content.reasons.find(ReasonKindId(kind)) == content.reasons.end()) {
      return Fail(Gap("reason " + std::string(ReasonKindId(kind)) + " is missing"));
    }
  }
  for (RedFlag flag : kAllRedFlags) {
    if (content.SignMeaning(flag) == nullptr) {
      return Fail(Gap("reason " + SignMeaningId(flag) + " is missing"));
      }
    }
  for (std::string_view id : AllExerciseIds()) {
    if (content.Exercise(id) == nullptr) {
      return Fail(Gap("exercise " + std::string(id) + " is missing"));
    }
  }
  for (std::string_view id : AllLoadIds()) {
    if (content.messages.find("load." + std::string(id)) == content.messages.end()) {
      return Fail(Gap("message load." + std::string(id) + " is missing"));
    }
  }
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
    const QuestionText* text = content.Question(question.id);
    if (text == nullptr) {
      return Fail(Gap("text for question " + std::string(question.id) + " is missing"));
    }
    if (question.warning_sign && text->label.empty()) {
      return Fail(Gap("questions." + std::string(question.id) + ".label must be non-empty text"));
    }
  }
  if (content.SafetyNet() == nullptr) return Fail(Gap("safety text safety_net is missing"));
  for (Notice notice : kAllNotices) {
    if (content.ForNotice(notice) == nullptr) {
      return Fail(Gap("notice " + std::string(NoticeId(notice)) + " is missing"));
    }
  }
  for (Urgency urgency : {Urgency::kNow, Urgency::kToday, Urgency::kSoon, Urgency::kWeek}) {
    if (content.ForUrgency(urgency) == nullptr) {
      return Fail(Gap("urgency text " + std::string(UrgencyId(urgency)) + " is missing"));
    }
  }
  return {};
}

}  // namespace

std::span<const std::string_view> RequiredMessageIds() { return kMessageIds; }

std::string Content::Message(std::string_view id, const MessageValues& values) const {
  const auto it = messages.find(id);
  if (it == messages.end()) return "{" + std::string(id) + "}";
  return Fill(it->second, values);
}

std::string Content::ReasonSentence(ReasonKind kind, const MessageValues& values) const {
  const auto it = reasons.find(ReasonKindId(kind));
  if (it == reasons.end()) return "{" + std::string(ReasonKindId(kind)) + "}";
  return Fill(it->second, values);
}

const std::string* Content::SignMeaning(RedFlag flag) const {
  const auto it = reasons.find(SignMeaningId(flag));
  return it == reasons.end() ? nullptr : &it->second;
}

const TextItem* Content::Advice(AdviceId id) const { return FindById(advice, AdviceIdName(id)); }
const TextItem* Content::Safety(std::string_view id) const { return FindById(safety, id); }
const TextItem* Content::ForUrgency(Urgency urgency) const {
  return FindById(urgencies, UrgencyId(urgency));
}
const std::string* Content::RedFlagLabel(RedFlag flag) const {
  const QuestionText* text = Question("red_flags." + std::string(RedFlagId(flag)));
  return text == nullptr ? nullptr : &text->label;
}
const TextItem* Content::ForNotice(Notice notice) const {
  return FindById(notices, NoticeId(notice));
}
const TextItem* Content::SafetyNet() const { return Safety("safety_net"); }
const RouteText* Content::ForRoute(Route route) const { return FindById(routes, RouteId(route)); }
const QuestionText* Content::Question(std::string_view id) const { return FindById(questions, id); }
const ExerciseText* Content::Exercise(std::string_view id) const { return FindById(exercises, id); }

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
  auto urgency = Items(document, "urgency");
  if (!urgency) return Fail(urgency.error());
  content.urgencies = std::move(*urgency);
  auto notices = Items(document, "notices");
  if (!notices) return Fail(notices.error());
  content.notices = std::move(*notices);
  auto routes = Routes(document);
  if (!routes) return Fail(routes.error());
  content.routes = std::move(*routes);
  auto advice = Items(document, "advice");
  if (!advice) return Fail(advice.error());
  content.advice = std::move(*advice);
  auto questions = Questions(document);
  if (!questions) return Fail(questions.error());
  content.questions = std::move(*questions);
  const auto reasons = document.find("reasons");
  if (reasons == document.end() || !reasons->is_object()) {
    return Fail(Gap("reasons must be an object of id: template"));
  }
  for (const auto& [id, text] : reasons->items()) {
    if (!IsReasonId(id)) return Fail(Gap("reasons." + id + " is not a reason the program gives"));
    if (!text.is_string() || text.get_ref<const std::string&>().empty()) {
      return Fail(Gap("reasons." + id + " must be non-empty text"));
    }
    content.reasons.emplace(id, text.get<std::string>());
  }
  // Exercises: {"id", "name", "cues": [set-up, movement, common fault, what you feel]}.
  if (const auto list = document.find("exercises"); list != document.end() && list->is_array()) {
    for (const json& entry : *list) {
      auto id = Text(entry, "exercises", "id");
      if (!id) return Fail(id.error());
      auto name = Text(entry, "exercises." + *id, "name");
      if (!name) return Fail(name.error());
      const auto cues = entry.find("cues");
      if (cues == entry.end() || !cues->is_array() || cues->size() != 4) {
        return Fail(Gap("exercises." + *id +
                        ".cues must list four: set-up, the movement, the common fault, "
                        "what you should feel"));
      }
      ExerciseText text{std::move(*id), std::move(*name), {}};
      for (const json& cue : *cues) {
        if (!cue.is_string() || cue.get_ref<const std::string&>().empty()) {
          return Fail(Gap("exercises." + text.id + ".cues must be non-empty text"));
        }
        text.cues.push_back(cue.get<std::string>());
      }
      content.exercises.push_back(std::move(text));
    }
  }
  const auto messages = document.find("messages");
  if (messages == document.end() || !messages->is_object()) {
    return Fail(Gap("messages must be an object of id: template"));
  }
  for (const auto& [id, text] : messages->items()) {
    if (!text.is_string() || text.get_ref<const std::string&>().empty()) {
      return Fail(Gap("messages." + id + " must be non-empty text"));
    }
    content.messages.emplace(id, text.get<std::string>());
  }
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
