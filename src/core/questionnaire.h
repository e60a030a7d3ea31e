// The questionnaire as a pure state machine: which question comes next, what a typed
// reply means, going back, and stopping at an emergency answer. The CLI and the web app
// only show the questions (texts from src/content) and pass the replies in.
//
// Red-flag questions come first, the emergency ones before the rest, so a runner who
// needs emergency care is told so before anything else is asked.
#ifndef BACKSTRIDE_CORE_QUESTIONNAIRE_H_
#define BACKSTRIDE_CORE_QUESTIONNAIRE_H_

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"
#include "core/answers.h"

namespace backstride {

enum class QuestionKind {
  kYesNo,        // yes or no
  kYesNoUnsure,  // yes, no, or not sure (recorded as null)
  kWholeNumber,  // an integer in [min, max]
  kDecimal,      // a number > 0, or Enter to skip
  kChoice,       // one of `choices`, by number or by id
};

struct Question {
  std::string_view id;  // the answer's field path, e.g. "pain.worst"
  QuestionKind kind = QuestionKind::kYesNo;
  int min = 0;  // kWholeNumber only
  int max = 0;
  std::span<const std::string_view> choices;  // kChoice only: the allowed ids
  bool optional = false;                      // an empty reply skips it
  bool stops_if_yes = false;                  // an emergency sign: "yes" ends the questionnaire
};

// A parsed reply: nothing (skipped or "not sure"), yes/no, a whole number, a decimal,
// or a choice id.
using Reply = std::variant<std::monostate, bool, int, double, std::string>;

// Parses what a runner typed for `question`. Fails with a short message saying what is
// allowed, suitable to show before asking again.
Result<Reply> ParseReply(const Question& question, std::string_view typed);

// All questions in the order they are asked (some are skipped by earlier replies).
std::span<const Question> AllQuestions();

class Questionnaire {
 public:
  Questionnaire();

  // The question to ask now, or nullptr when finished or stopped.
  const Question* Current() const;
  // Records `reply` for the current question and moves on to the next that applies.
  // Requires Current() != nullptr.
  void Record(Reply reply);
  // Goes back to the previous question asked. Returns false at the first question.
  bool Back();

  // True once an emergency sign was answered yes; no further questions are asked.
  bool Stopped() const { return stopped_; }
  bool Finished() const { return Current() == nullptr; }
  // 1-based number of the current question, and how many will be asked in all given the
  // replies so far.
  std::size_t Number() const { return asked_.size() + 1; }
  std::size_t Total() const;

  // The reply recorded for a question id, if any.
  const Reply* ReplyFor(std::string_view id) const;

  // The answers, checked exactly like the JSON wire form. Questions that did not apply
  // take their "none" value (no return yet; treatment_helped null). An emergency stop
  // records the flag and leaves the rest unanswered, so this fails after Stopped().
  Result<Answers> Finish() const;
  // After an emergency stop: answers holding only the warning signs answered so far (the
  // rest left at their defaults), enough to assess and explain the stop.
  Answers RedFlagsSoFar() const;

 private:
  bool Applies(const Question& question) const;
  std::size_t NextApplicable(std::size_t from) const;

  std::size_t current_ = 0;
  std::vector<std::size_t> asked_;  // indices of the questions answered, in order
  std::map<std::string, Reply, std::less<>> replies_;
  bool stopped_ = false;
};

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_QUESTIONNAIRE_H_
