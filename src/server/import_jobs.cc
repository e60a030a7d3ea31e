#include "server/import_jobs.h"

#include <algorithm>

namespace backstride::server {

bool ImportJobs::ValidId(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

bool ImportJobs::Start(const std::string& id, std::uint64_t bytes_total, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  ForgetOld(now);
  auto it = jobs_.find(id);
  if (it != jobs_.end() && !it->second.snapshot.done) return false;
  Job job;
  job.snapshot.progress.bytes_total = bytes_total;
  jobs_[id] = std::move(job);
  return true;
}

void ImportJobs::Update(const std::string& id, const ImportProgress& progress) {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it != jobs_.end()) it->second.snapshot.progress = progress;
}

void ImportJobs::Finish(const std::string& id, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return;
  it->second.snapshot.done = true;
  it->second.snapshot.progress.seconds_left = 0;
  it->second.snapshot.progress.current.clear();
  it->second.finished_at = now;
}

std::optional<ImportJobSnapshot> ImportJobs::Find(const std::string& id, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  ForgetOld(now);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second.snapshot;
}

void ImportJobs::ForgetOld(Clock::time_point now) {
  std::erase_if(jobs_, [now](const auto& item) {
    return item.second.snapshot.done && now - item.second.finished_at > kKeepFinished;
  });
}

}  // namespace backstride::server
