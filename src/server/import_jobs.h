// How far each export upload has come, readable while the import runs. The import holds
// the API's lock for minutes; the page's progress polls must not wait for it, so the
// progress lives here, behind a lock of its own that is held only to copy a snapshot.
#ifndef BACKSTRIDE_SERVER_IMPORT_JOBS_H_
#define BACKSTRIDE_SERVER_IMPORT_JOBS_H_

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "app/import.h"

namespace backstride::server {

// One upload's progress as the page reads it.
struct ImportJobSnapshot {
  ImportProgress progress;
  bool done = false;
};

// Jobs are named by the page (a random id it chose), so it can ask for the progress of
// an upload whose request has not answered yet.
class ImportJobs {
 public:
  using Clock = std::chrono::steady_clock;

  // How long a finished job's last progress is kept for a late poll.
  static constexpr std::chrono::minutes kKeepFinished{5};

  // A job id the page may choose: 1 to 64 letters, digits, '-' or '_'.
  static bool ValidId(std::string_view id);

  // Starts job `id` (bytes_total known up front, 0 when not). False when a job of that
  // id is still running: two uploads cannot share one progress.
  bool Start(const std::string& id, std::uint64_t bytes_total, Clock::time_point now);
  void Update(const std::string& id, const ImportProgress& progress);
  void Finish(const std::string& id, Clock::time_point now);
  // The job's progress; nullopt for a job never started or finished long ago.
  std::optional<ImportJobSnapshot> Find(const std::string& id, Clock::time_point now);

 private:
  struct Job {
    ImportJobSnapshot snapshot;
    Clock::time_point finished_at;
  };
  void ForgetOld(Clock::time_point now);  // callers hold mutex_

  std::mutex mutex_;
  std::map<std::string, Job, std::less<>> jobs_;
};

}  // namespace backstride::server

#endif  // BACKSTRIDE_SERVER_IMPORT_JOBS_H_
