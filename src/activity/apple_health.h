// Streaming reader for an iPhone's Health export (export.xml), keeping only runs and
// heart rate.
//
// Design note. export.xml is one <HealthData> root holding millions of flat elements
// (a real ten-year export: 3.1 GB, 7.4 M <Record>s, a few thousand <Workout>s). A
// general XML parser spends its time on attributes nobody here needs, a tree of the
// whole file needs gigabytes, and iOS 16 wrote an inline DTD that strict parsers reject.
// So this reader is not a general XML parser: it finds each '<' with memchr, reads the
// element name, and parses attributes only of running <Workout>s (and their children)
// and heart-rate <Record>s; everything else is skipped to the next '<'. That is sound
// because a well-formed attribute value never holds a raw '<'. The DOCTYPE (with its
// internal subset, broken or not), comments, processing instructions and CDATA are
// skipped whole. Control characters in the values kept are dropped (exports carry
// stray \x0b), and the five XML entities and character references are decoded.
//
// Bytes arrive in chunks of any size; a tag cut by a chunk boundary is carried over to
// the next chunk (bounded by kMaxTagBytes), so memory does not grow with the file.
// Heart-rate samples are kept compactly (a varint time step and one byte of bpm, about
// 3 bytes a sample) because Records may come before or after the workout they belong
// to; Finish joins them to the workouts whose time span holds them.
#ifndef BACKSTRIDE_ACTIVITY_APPLE_HEALTH_H_
#define BACKSTRIDE_ACTIVITY_APPLE_HEALTH_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "activity/activity.h"
#include "base/result.h"

namespace backstride {

struct HeartRatePoint {
  double time_utc_s = 0;
  int bpm = 0;
};

// One running workout as the export states it. Times are UTC seconds since the epoch.
struct AppleWorkout {
  double start_utc_s = 0;  // includes pauses
  double end_utc_s = 0;
  std::optional<int> utc_offset_s;  // local time minus UTC, from the start date's "-0500"
  double duration_s = 0;            // excludes pauses (duration, durationUnit)
  // WorkoutStatistics DistanceWalkingRunning sum, else the older totalDistance.
  std::optional<double> distance_m;
  std::optional<double> elevation_gain_m;  // HKElevationAscended ("418 cm")
  // WorkoutStatistics HeartRate, else from the joined samples (Finish).
  std::optional<double> avg_hr_bpm;
  std::optional<double> max_hr_bpm;
  bool indoor = false;                            // HKIndoorWorkout = 1
  std::vector<std::pair<double, double>> pauses;  // (paused, resumed), UTC seconds
  std::vector<std::string> route_files;  // FileReference paths as written ("/workout-routes/…gpx")
  std::vector<Sample> route;             // inline <Location> points of very old exports
  std::vector<HeartRatePoint> heart_rate;  // joined by Finish, ascending time
  std::string source_name;
};

class AppleHealthReader {
 public:
  // The longest single tag (or comment, DOCTYPE, CDATA section) the reader carries
  // across chunks; a longer one is reported as corruption rather than buffered.
  static constexpr std::size_t kMaxTagBytes = std::size_t{16} << 20;

  AppleHealthReader() = default;
  AppleHealthReader(const AppleHealthReader&) = delete;
  AppleHealthReader& operator=(const AppleHealthReader&) = delete;

  // Reads the next `bytes` of export.xml; chunks may be cut anywhere. Fails with
  // kCorruption and the byte offset from the start of the file on markup it cannot
  // read on, kUnsupported when the root element is not <HealthData>. After a failure
  // every later call returns the same error.
  Result<void> Feed(std::span<const char> bytes);

  // Ends the file: joins the heart-rate samples to the workouts and returns the running
  // workouts in file order. Fails with kCorruption when the file ends inside a tag,
  // inside a workout or before </HealthData> (a cut file), or with Feed's error. On
  // failure the complete workouts read before the cut stay in workouts_so_far(), heart
  // rate joined, for the caller to keep; on success they are moved into the result.
  // Call once.
  Result<std::vector<AppleWorkout>> Finish();

  // The running workouts completed so far (heart rate joined only after Finish).
  const std::vector<AppleWorkout>& workouts_so_far() const { return workouts_; }
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t records_seen() const { return records_seen_; }  // <Record>s of every type
  // Heart-rate samples kept (a readable time and a plausible bpm).
  std::uint64_t heart_rate_samples() const { return heart_rate_samples_; }

 private:
  enum class Step { kDone, kNeedMore, kFailed };
  std::size_t Parse(const char* data, std::size_t size);
  Step HandleMarkup(const char* data, std::size_t size, std::size_t& pos);
  Step HandleStartTag(const char* data, std::size_t size, std::size_t& pos);
  Step HandleRecord(const char* data, std::size_t size, std::size_t& pos, std::size_t name_end);
  void StartWorkout();                             // from the <Workout> in attributes_
  void HandleWorkoutChild(std::string_view name);  // from the child tag in attributes_
  void EndWorkout();
  void AddHeartRate(std::int64_t time_s, int bpm);
  void JoinHeartRate();
  Step Failure(Error error);

  std::string carry_;               // an unfinished tag from the end of the last chunk
  std::uint64_t carry_offset_ = 0;  // file offset of carry_[0]
  std::uint64_t bytes_read_ = 0;
  std::uint64_t buffer_offset_ = 0;  // file offset of the buffer Parse is reading
  std::uint64_t records_seen_ = 0;
  std::uint64_t heart_rate_samples_ = 0;
  std::optional<Error> error_;
  bool root_open_ = false;
  bool root_closed_ = false;
  bool seen_element_ = false;
  // The running workout being read, if any.
  std::optional<AppleWorkout> workout_;
  std::optional<double> open_pause_s_;
  bool statistics_distance_ = false;
  std::vector<AppleWorkout> workouts_;
  // Heart rate, compact: zigzag varint of the step from the previous time (seconds),
  // then the bpm in one byte.
  std::vector<std::uint8_t> heart_rate_;
  std::int64_t last_heart_rate_time_s_ = 0;
  // Scratch space for one tag's attributes, reused to spare an allocation per tag.
  std::vector<std::pair<std::string_view, std::string_view>> attributes_;
};

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_APPLE_HEALTH_H_
