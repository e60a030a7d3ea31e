// The interactive questionnaire in a terminal: asks each question of
// core/questionnaire.h in plain words with the allowed answers and why it is asked,
// asks again after a reply it cannot use, echoes a duration it converted ("6 weeks = 1.4
// months"), goes back on "back", and stops at a warning sign (core/questionnaire.h).
#ifndef BACKSTRIDE_CLI_INTERVIEW_H_
#define BACKSTRIDE_CLI_INTERVIEW_H_

#include <iosfwd>

#include "base/result.h"
#include "content/content.h"
#include "core/answers.h"

namespace backstride::cli {

struct InterviewOutcome {
  enum class Kind {
    kComplete,     // every question answered; `answers` is complete and checked
    kWarningSign,  // stopped at a warning sign; only answers.red_flags is set
    kQuit,         // the runner typed "quit" or closed the input
  };
  Kind kind = Kind::kQuit;
  Answers answers;
  // After a stop at a warning sign: the answers that set the urgency (TriageRedFlags).
  ScreenContext context;
};

// Runs the questionnaire reading replies line by line from `in` and writing to `out`.
// Fails only if the collected answers do not pass the same checks as an answers file,
// which would be a bug.
Result<InterviewOutcome> RunInterview(std::istream& in, std::ostream& out, const Content& content);

}  // namespace backstride::cli

#endif  // BACKSTRIDE_CLI_INTERVIEW_H_
