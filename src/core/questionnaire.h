// The questionnaire as a pure state machine: which question comes next, what a typed
// reply means, going back, and stopping at a warning sign. The CLI and the web app only
// show the questions (texts from src/content) and pass the replies in.
//
// Red-flag questions come first, the emergency ones before the rest, so a runner who
// needs emergency care is told so before anything else is asked. Between the two come
// where the pain is, when it hurts and whether it is improving, which set how soon a
// doctor is needed (DESIGN 2.1a). An emergency sign answered yes stops at once; any other
// sign answered yes, or any sign answered "not sure", stops once the red-flag questions
// are over (so every sign is listed): the route is then decided by the signs and those
// answers alone (TriageRedFlags), and nothing more is needed or kept. The bone-stress
// questions are warning signs too ("not sure" is kept) but lead to a clinician, so they
// come later and do not stop the questionnaire.
#ifndef BACKSTRIDE_CORE_QUESTIONNAIRE_H_
#define BACKSTRIDE_CORE_QUESTIONNAIRE_H_

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"
#include "core/answers.h"
#include "core/triage.h"

namespace backstride {

enum class QuestionKind {
  kYesNo,        // yes or no
  kYesNoUnsure,  // yes, no, or not sure (null; "unsure" for a warning sign)
  kWholeNumber,  // an integer in [min, max]
  kDecimal,      // a number > 0, or Enter to skip
  kChoice,       // one of `choices`, by number or by id
  kDuration,     // a length of time, as people say it: "18", "6 weeks", "1.5 years"
};

// The units a duration can be typed in.
enum class TimeUnit { kDays, kWeeks, kMonths, kYears };

struct Question {
  std::string_view id;  // the answer's field path, e.g. "pain.worst"
  QuestionKind kind = QuestionKind::kYesNo;
  int min = 0;  // kWholeNumber only
  int max = 0;
  std::span<const std::string_view> choices;  // kChoice only: the allowed ids
  TimeUnit unit = TimeUnit::kMonths;          // kDuration only: the answer's unit
  bool optional = false;                      // an empty reply skips it
  bool warning_sign = false;  // a warning sign: "not sure" is kept as "unsure"
  bool red_flag = false;      // one of red_flags.*: a yes or "not sure" ends the screen
  bool stops_if_yes = false;  // an emergency sign: "yes" ends the questionnaire
};

// A parsed reply: nothing (skipped, or "not sure" about treatment), yes/no, a whole
// number, a decimal, or a choice id ("unsure" for a warning sign answered not sure).
// Durations in months are decimals rounded to a tenth; in weeks, whole numbers.
using Reply = std::variant<std::monostate, bool, int, double, std::string>;

// Parses what a runner typed for `question`. Fails with a short message saying what is
// allowed, suitable to show before asking again.
Result<Reply> ParseReply(const Question& question, std::string_view typed);

// A duration typed in another unit than the question's, and what it became.
struct Conversion {
  double typed = 0;  // as typed: 6 (weeks)
  TimeUnit typed_unit = TimeUnit::kWeeks;
  double value = 0;  // in the question's unit, as recorded: 1.4 (months)
  TimeUnit unit = TimeUnit::kMonths;
};

// The conversion made for a reply to a duration question, or nullopt when the reply was
// in the question's own unit, or is not a duration reply ParseReply takes.
std::optional<Conversion> ConversionOf(const Question& question, std::string_view typed);

// The conversion as the runner reads it back: "6 weeks = 1.4 months".
std::string ConversionText(const Conversion& conversion);

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

  // True once an emergency sign was answered yes, or the warning-sign questions are over
  // with a sign answered yes or not sure; no further questions are asked.
  bool Stopped() const { return stopped_; }
  bool Finished() const { return Current() == nullptr; }
  // 1-based number of the current question, and how many will be asked in all given the
  // replies so far.
  std::size_t Number() const { return asked_.size() + 1; }
  std::size_t Total() const;

  // The reply recorded for a question id, if any.
  const Reply* ReplyFor(std::string_view id) const;

  // The answers, checked exactly like the JSON wire form. Questions that did not apply
  // take their "none" value (no return yet; treatment_helped null). A stop at a warning
  // sign leaves the rest unanswered, so this fails after Stopped().
  Result<Answers> Finish() const;
  // The warning signs answered so far (the others kNo): after a stop, enough to assess
  // and explain it with TriageRedFlags.
  RedFlagAnswers RedFlagsSoFar() const;
  // The answers so far that TriageRedFlags takes beside the signs.
  ScreenContext ContextSoFar() const;

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
