// A stored track's bytes: how the points of an imported run are kept in the database and
// in a backup.
//
// Design: three byte strings of little-endian float32, one value per point, so that a
// database written before heart rate and cadence were kept (schema 5) still reads: the
// time and distance pairs are the blob schema 5 wrote, and the other two are new columns
// that are NULL there. NaN marks a point where that value was not recorded (a distance on
// a treadmill run, a heart rate the strap lost); it never leaves this file, where the
// values are std::optional. float32 is exact enough for a track (a millimetre at 10 km, a
// millisecond at an hour) and halves the size of doubles.
#ifndef BACKSTRIDE_STORE_TRACK_BLOB_H_
#define BACKSTRIDE_STORE_TRACK_BLOB_H_

#include <span>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace backstride {

struct TrackBlobs {
  std::string time_distance;  // t0, d0, t1, d1, ...
  std::string heart_rate;     // empty when no point has one
  std::string cadence;        // empty when no point has one
};

TrackBlobs EncodeTrack(std::span<const TrackSample> track);

// Fails with kCorruption naming the blob whose length does not fit the points.
Result<std::vector<TrackSample>> DecodeTrack(const TrackBlobs& blobs);

}  // namespace backstride

#endif  // BACKSTRIDE_STORE_TRACK_BLOB_H_
