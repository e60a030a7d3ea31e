// The chart data the progress page draws: weeks run Monday to Sunday, a week without runs
// is there with 0 (so a gap shows), and the weeks reach today.
#include "app/views.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace backstride {
namespace {

using std::chrono::year;

RunView LoggedRun(std::int64_t id, Date date, double distance_m, std::optional<int> pain) {
  RunView run;
  run.entry.id = id;
  run.entry.kind = LogKind::kRun;
  run.entry.date = date;
  run.entry.distance_m = distance_m;
  run.entry.duration_s = distance_m * 0.36;  // 6:00 per km
  run.entry.pain = pain;
  return run;
}

TEST(ProgressJson, WeeksRunMondayToSundayAndShowGapsUpToToday) {
  // 2026-03-02 is a Monday; the 8th a Sunday; nothing in the week of the 9th.
  const std::vector<RunView> runs = {
      LoggedRun(1, year{2026} / 3 / 2, 1000, 2),
      LoggedRun(2, year{2026} / 3 / 8, 1500, 1),
      LoggedRun(3, year{2026} / 3 / 18, 2000, std::nullopt),
  };
  const Json json = ProgressJson(runs, year{2026} / 3 / 25, DistanceUnit::kKilometres);
  EXPECT_EQ(json["today"], "2026-03-25");  // where the charts end
  const Json& weeks = json["weeks"];
  ASSERT_EQ(weeks.size(), 4u);
  EXPECT_EQ(weeks[0]["week_start"], "2026-03-02");
  EXPECT_DOUBLE_EQ(weeks[0]["distance_m"].get<double>(), 2500);  // Monday and Sunday
  EXPECT_EQ(weeks[1]["week_start"], "2026-03-09");
  EXPECT_DOUBLE_EQ(weeks[1]["distance_m"].get<double>(), 0);
  EXPECT_DOUBLE_EQ(weeks[2]["distance_m"].get<double>(), 2000);
  EXPECT_EQ(weeks[3]["week_start"], "2026-03-23");  // today's week, empty so far
  EXPECT_DOUBLE_EQ(weeks[3]["distance_m"].get<double>(), 0);

  ASSERT_EQ(json["runs"].size(), 3u);
  EXPECT_DOUBLE_EQ(json["runs"][0]["pace_s_per_km"].get<double>(), 360);
  EXPECT_TRUE(json["runs"][2]["pain"].is_null());
  EXPECT_TRUE(json["runs"][2]["cap_after"].is_null());  // no decision without a plan
}

// A ride stored as a run (21 km at 2:49 /km) or a recording of another sport would be the
// fastest pace on the chart: neither counts for pace; a short fast stride does.
TEST(ProgressJson, OnlyRunsAtARunnersPaceCountForPace) {
  RunView ride = LoggedRun(1, year{2026} / 3 / 2, 21000, std::nullopt);
  ride.entry.duration_s = 21 * 169.0;
  RunView walk = LoggedRun(2, year{2026} / 3 / 3, 3000, std::nullopt);
  walk.activity = Recording{};
  walk.activity->sport = "walking";
  RunView stride = LoggedRun(3, year{2026} / 3 / 4, 400, 1);
  stride.entry.duration_s = 60;  // 2:30 /km over 400 m
  const RunView run = LoggedRun(4, year{2026} / 3 / 5, 2000, 2);
  const std::vector<RunView> runs = {ride, walk, stride, run};
  const Json json = ProgressJson(runs, year{2026} / 3 / 6, DistanceUnit::kKilometres);
  ASSERT_EQ(json["runs"].size(), 4u);
  EXPECT_FALSE(json["runs"][0]["counts_for_pace"].get<bool>());
  EXPECT_FALSE(json["runs"][1]["counts_for_pace"].get<bool>());
  EXPECT_TRUE(json["runs"][2]["counts_for_pace"].get<bool>());
  EXPECT_TRUE(json["runs"][3]["counts_for_pace"].get<bool>());
}

TEST(ProgressJson, NoRunsGiveNoWeeks) {
  const Json json = ProgressJson({}, year{2026} / 3 / 25, DistanceUnit::kKilometres);
  EXPECT_TRUE(json["runs"].empty());
  EXPECT_TRUE(json["weeks"].empty());
}

TEST(PhaseOn, FindsThePhaseOfADayAndNoneOutsideThePlan) {
  Plan plan;
  plan.phases = {{"foundation", "foundation", "Foundation", "", year{2026} / 3 / 2, year{2026} / 3 / 29},
                 {"build", "build", "Build", "", year{2026} / 3 / 30, year{2026} / 4 / 26}};
  ASSERT_NE(PhaseOn(plan, year{2026} / 3 / 29), nullptr);
  EXPECT_EQ(PhaseOn(plan, year{2026} / 3 / 29)->id, "foundation");
  EXPECT_EQ(PhaseOn(plan, year{2026} / 3 / 30)->id, "build");
  EXPECT_EQ(PhaseOn(plan, year{2026} / 3 / 1), nullptr);
  EXPECT_EQ(PhaseOn(plan, year{2026} / 4 / 27), nullptr);
}

}  // namespace
}  // namespace backstride
