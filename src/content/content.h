// The words backstride shows: advice items, safety texts, route summaries, the
// questionnaire's questions and the disclaimer. They are data (content.json, embedded at
// build time) so they can be reviewed and rewritten without touching the logic.
#ifndef BACKSTRIDE_CONTENT_CONTENT_H_
#define BACKSTRIDE_CONTENT_CONTENT_H_

#include <functional>
#include <span>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "core/advice.h"
#include "core/triage.h"

namespace backstride {

// An advice item or a safety text.
struct TextItem {
  std::string id;
  std::string title;
  std::string text;
  std::string why;  // the reason behind it, in one or two sentences
};

struct RouteText {
  std::string id;
  std::string title;
  std::string summary;
  std::string next;  // what happens next on this route
};

struct QuestionText {
  std::string id;  // the answer's field path, as in core/questionnaire.h
  std::string label;  // a short name for the answer, e.g. a warning sign's; may be empty
  std::string prompt;
  std::string why;                                           // why the question is asked
  std::vector<std::pair<std::string, std::string>> choices;  // (choice id, label), in order
};

// An exercise's name and how to do it: set-up, the movement, the common fault, and what the
// runner should feel, in that order (DESIGN 3.1b).
struct ExerciseText {
  std::string id;
  std::string name;
  std::vector<std::string> cues;
};

// The named values a message template is filled with: {"cap", "1.25 km"}, ...
using MessageValues = std::vector<std::pair<std::string_view, std::string>>;

// Every message id the program uses; the content must have a template for each.
std::span<const std::string_view> RequiredMessageIds();

struct Content {
  std::string disclaimer;
  std::vector<TextItem> safety;
  std::vector<TextItem> urgencies;  // how soon, one per core Urgency, by its id
  std::vector<TextItem> notices;    // one per core Notice, by its id
  std::vector<RouteText> routes;
  std::vector<TextItem> advice;
  std::vector<QuestionText> questions;
  // Sentence templates by id ("run.hold_pain"), with named values in braces ("{cap}"). The
  // core hands out facts; the fronts fill these in the runner's units (DESIGN 5).
  std::map<std::string, std::string, std::less<>> messages;
  // The triage reasons' sentence templates, by ReasonKindId ("severe_pain"), and what each
  // warning sign can mean, by "meaning." and the sign's id; filled like the messages.
  std::map<std::string, std::string, std::less<>> reasons;
  std::vector<ExerciseText> exercises;

  // Lookups by id. Content from LoadBuiltinContent has every id the core uses, so these
  // never return nullptr for ids the core hands out; for other ids they do.
  const TextItem* Advice(AdviceId id) const;
  const TextItem* Safety(std::string_view id) const;
  const TextItem* ForUrgency(Urgency urgency) const;
  const TextItem* ForNotice(Notice notice) const;
  // The safety net every result ends with (DESIGN 2.1a): the emergency signs in plain
  // words and what to do if one appears. The safety text "safety_net".
  const TextItem* SafetyNet() const;
  // The warning sign's label, from its question ("Numbness between the legs...").
  const std::string* RedFlagLabel(RedFlag flag) const;
  const RouteText* ForRoute(Route route) const;
  const QuestionText* Question(std::string_view id) const;
  const ExerciseText* Exercise(std::string_view id) const;
  // The message `id` with each {name} replaced by its value. A name without a value is
  // left as it is, braces and all, so that a test finds it; an unknown id gives "{id}".
  std::string Message(std::string_view id, const MessageValues& values = {}) const;
  // The template for a triage reason of `kind`, filled as Message fills its templates.
  std::string ReasonSentence(ReasonKind kind, const MessageValues& values = {}) const;
  // What the warning sign can mean, in a sentence ("It can mean a nerve ..."); nullptr
  // only for content that did not pass ParseContent.
  const std::string* SignMeaning(RedFlag flag) const;
};

// Parses content JSON and checks it is complete: an item for every advice id, a safety
// text for each of routes 1-3 and the safety net, a text for every urgency and notice, every route and every question,
// a label for every choice and every warning sign, a reason template for every
// ReasonKind and a meaning for every warning sign (and no other reasons), and no empty
// title, text or why.
// Fails naming the first gap.
Result<Content> ParseContent(std::string_view json_text);

// The content embedded in this binary, parsed and checked once. Fails only if the
// shipped file is broken, which the content tests rule out before release.
Result<const Content*> LoadBuiltinContent();

// The embedded content.json as it was built in.
std::string_view BuiltinContentJson();

}  // namespace backstride

#endif  // BACKSTRIDE_CONTENT_CONTENT_H_
