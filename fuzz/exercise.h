// What every decoder's fuzz target does with a result: touch what a caller would read,
// so bad values trip the sanitizers inside the target rather than later.
#ifndef BACKSTRIDE_FUZZ_EXERCISE_H_
#define BACKSTRIDE_FUZZ_EXERCISE_H_

#include "activity/activity.h"
#include "base/result.h"

namespace backstride::fuzz {

inline void Exercise(const Result<DecodedFile>& decoded) {
  if (!decoded) return;
  for (const Activity& activity : decoded->activities) {
    volatile double sink = activity.elapsed_s + activity.moving_s;
    for (const Sample& sample : activity.samples) sink = sink + sample.time_s;
    (void)sink;
  }
}

}  // namespace backstride::fuzz

#endif  // BACKSTRIDE_FUZZ_EXERCISE_H_
