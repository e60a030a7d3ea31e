// Test helper: writes a run and its next-morning entry in one transaction, over and
// over, printing each committed run's id. store_test kills it mid-write.
#include <cstdio>

#include "store/store.h"

int main(int argc, char** argv) {
  using namespace backstride;
  if (argc != 2) return 2;
  auto store = Store::Open(argv[1]);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message.c_str());
    return 1;
  }
  const Date day = *ParseDate("2026-03-02");
  for (int i = 0; i < 1000000; ++i) {
    std::int64_t run_id = 0;
    auto written = (*store)->InTransaction([&]() -> Result<void> {
      LogEntry run;
      run.date = AddDays(day, i % 300);
      run.kind = LogKind::kRun;
      run.distance_m = 1000.0 + i;
      run.duration_s = 360;
      run.pain = i % 11;
      run.note = std::string(2000, static_cast<char>('a' + i % 26));
      auto id = (*store)->AddLogEntry(run);
      if (!id) return Fail(id.error());
      run_id = *id;
      LogEntry morning;
      morning.date = AddDays(run.date, 1);
      morning.kind = LogKind::kMorning;
      morning.pain = 1;
      morning.run_id = run_id;
      auto morning_id = (*store)->AddLogEntry(morning);
      if (!morning_id) return Fail(morning_id.error());
      return {};
    });
    if (!written) {
      std::fprintf(stderr, "%s\n", written.error().message.c_str());
      return 1;
    }
    std::printf("%lld\n", static_cast<long long>(run_id));
    std::fflush(stdout);
  }
  return 0;
}
