// Test helper: imports a run with its recording (one named transaction: two rows), over
// and over, printing each committed run's id. sqlite_store_test kills it mid-write.
#include <cstdio>
#include <string>

#include "store/sqlite_store.h"

int main(int argc, char** argv) {
  using namespace backstride;
  if (argc != 2) return 2;
  auto store = SqliteStore::Open(argv[1]);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message.c_str());
    return 1;
  }
  const Date day = *ParseDate("2026-03-02");
  for (int i = 0; i < 1000000; ++i) {
    LogEntry run;
    run.date = AddDays(day, i % 300);
    run.kind = LogKind::kRun;
    run.distance_m = 1000.0 + i;
    run.duration_s = 360;
    run.pain = i % 11;
    run.note = std::string(2000, static_cast<char>('a' + i % 26));
    run.source = "import:fit";
    StoredActivity recording;
    recording.file = "run.fit";
    recording.format = "fit";
    recording.sport = "running";
    recording.start_utc = 1.7e9 + i * 3600.0;
    recording.elapsed_s = 360;
    recording.moving_s = 360;
    recording.track = std::vector<TrackSample>(256, TrackSample{1.0F, 1.0F, 150.0F, 170.0F});
    auto id = (*store)->AddImportedRun(run, recording, std::nullopt);
    if (!id) {
      std::fprintf(stderr, "%s\n", id.error().message.c_str());
      return 1;
    }
    std::printf("%lld\n", static_cast<long long>(*id));
    std::fflush(stdout);
  }
  return 0;
}
