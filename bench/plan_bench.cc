// Times building a plan for a runner who has used backstride for years: runs three times
// a week and a check-in most days, the plan started on the first day. The plan is rebuilt
// on every page a runner opens (Today, the plan, progress), so its time must not grow with
// the square of the history.
//
// Usage: plan_bench [YEARS...]   (default: 1 2 5)
// Prints one line a history: "plan years=<n> runs=<n> checkins=<n> sessions=<n> seconds=<s>".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "base/date.h"
#include "core/plan.h"

namespace {

using namespace backstride;

PlanInput YearsOfUse(int years) {
  PlanInput input;
  input.route = Route::kNewRunner;
  input.answers.pain.onset_km = 3;
  input.answers.pain.worst = 4;
  input.today = *ParseDate("2026-12-03");
  input.start = AddDays(input.today, -365 * years);
  std::int64_t id = 0;
  for (Date day = input.start; day <= input.today; day = AddDays(day, 1)) {
    const int weekday = DaysBetween(input.start, day) % 7;
    if (weekday % 2 == 0 && weekday != 6) {
      RunEntry run;
      run.id = ++id;
      run.date = day;
      run.distance_m = 2000 + 10.0 * static_cast<double>(id % 50);
      run.duration_s = run.distance_m * 0.33;
      run.pain_during = static_cast<int>(id % 5);
      run.pain_next_morning = static_cast<int>((id + 1) % 4);
      input.runs.push_back(run);
    }
    if (weekday != 3) {
      DailyPain pain;
      pain.id = ++id;
      pain.date = day;
      pain.pain = static_cast<int>(id % 4);
      input.daily.push_back(pain);
    }
  }
  return input;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> years;
  for (int i = 1; i < argc; ++i) years.push_back(std::atoi(argv[i]));
  if (years.empty()) years = {1, 2, 5};
  for (const int n : years) {
    if (n < 1 || n > 50) {
      std::fprintf(stderr, "plan_bench: years must be 1-50, got %d\n", n);
      return 2;
    }
    const PlanInput input = YearsOfUse(n);
    const auto begin = std::chrono::steady_clock::now();
    const Result<Plan> plan = BuildPlan(input);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    if (!plan) {
      std::fprintf(stderr, "plan_bench: the plan failed: %s\n", plan.error().message.c_str());
      return 1;
    }
    std::printf("plan years=%d runs=%zu checkins=%zu sessions=%zu seconds=%.3f\n", n,
                input.runs.size(), input.daily.size(), plan->sessions.size(), seconds);
  }
  return 0;
}
