// The limits every JSON text is read within, before the full parse: the parser recurses
// once per level, so a text nested a hundred thousand levels deep would exhaust the
// stack, and a number beyond a double makes it throw out_of_range, which no reader here
// expects. The deepest text backstride reads (a backup) has 5 levels.
#ifndef BACKSTRIDE_CORE_JSON_LIMITS_H_
#define BACKSTRIDE_CORE_JSON_LIMITS_H_

#include <string_view>

#include "base/result.h"

namespace backstride {

inline constexpr int kMaxJsonDepth = 64;

// Fails with kInvalidArgument, the message starting with `what` ("the body", "answers"),
// when `text` is nested deeper than kMaxJsonDepth or holds a number too large to read,
// with the number's byte offset in the error. Any other syntax error passes: the full parse reports it, with
// more to say.
Result<void> CheckJsonLimits(std::string_view text, std::string_view what);

}  // namespace backstride

#endif  // BACKSTRIDE_CORE_JSON_LIMITS_H_
