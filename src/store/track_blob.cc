#include "store/track_blob.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

namespace backstride {
namespace {

constexpr float kNotRecorded = std::numeric_limits<float>::quiet_NaN();

void Put(std::string& out, std::optional<float> value) {
  const float v = value.value_or(kNotRecorded);
  char bytes[sizeof(float)];
  std::memcpy(bytes, &v, sizeof(float));
  out.append(bytes, sizeof(float));
}

std::optional<float> Get(const std::string& blob, std::size_t index) {
  float v = 0;
  std::memcpy(&v, blob.data() + index * sizeof(float), sizeof(float));
  if (std::isnan(v)) return std::nullopt;
  return v;
}

}  // namespace

TrackBlobs EncodeTrack(std::span<const TrackSample> track) {
  TrackBlobs blobs;
  bool any_hr = false;
  bool any_cadence = false;
  for (const TrackSample& sample : track) {
    any_hr = any_hr || sample.heart_rate_bpm.has_value();
    any_cadence = any_cadence || sample.cadence_spm.has_value();
  }
  blobs.time_distance.reserve(track.size() * 2 * sizeof(float));
  if (any_hr) blobs.heart_rate.reserve(track.size() * sizeof(float));
  if (any_cadence) blobs.cadence.reserve(track.size() * sizeof(float));
  for (const TrackSample& sample : track) {
    Put(blobs.time_distance, sample.elapsed_s);
    Put(blobs.time_distance, sample.distance_m);
    if (any_hr) Put(blobs.heart_rate, sample.heart_rate_bpm);
    if (any_cadence) Put(blobs.cadence, sample.cadence_spm);
  }
  return blobs;
}

Result<std::vector<TrackSample>> DecodeTrack(const TrackBlobs& blobs) {
  if (blobs.time_distance.size() % (2 * sizeof(float)) != 0) {
    return Fail(Error::Corruption("a stored track's times and distances are cut short"));
  }
  const std::size_t points = blobs.time_distance.size() / (2 * sizeof(float));
  const auto fits = [&](const std::string& blob) {
    return blob.empty() || blob.size() == points * sizeof(float);
  };
  if (!fits(blobs.heart_rate)) {
    return Fail(Error::Corruption("a stored track's heart rates do not match its points"));
  }
  if (!fits(blobs.cadence)) {
    return Fail(Error::Corruption("a stored track's cadences do not match its points"));
  }
  std::vector<TrackSample> track(points);
  for (std::size_t i = 0; i < points; ++i) {
    TrackSample& sample = track[i];
    sample.elapsed_s = Get(blobs.time_distance, 2 * i).value_or(0);
    sample.distance_m = Get(blobs.time_distance, 2 * i + 1);
    if (!blobs.heart_rate.empty()) sample.heart_rate_bpm = Get(blobs.heart_rate, i);
    if (!blobs.cadence.empty()) sample.cadence_spm = Get(blobs.cadence, i);
  }
  return track;
}

}  // namespace backstride
