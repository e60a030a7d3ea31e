// FIT decoder.
//
// Design note. A FIT file is a 12- or 14-byte header, a stream of records, and a CRC;
// files may be chained one after another. Each record is either a definition (which
// global message a local type 0-15 carries, field by field, in which byte order) or data
// laid out as the latest definition of its local type says. The decoder keeps those
// definitions and, when one is read, resolves each field once against a small table of
// the fields backstride uses (record, lap, session, event, activity, file_id,
// field_description), so that data records decode in a tight loop with no look-ups.
//
// Damage is handled as a runner whose watch died would want: a wrong CRC, a file cut
// short or a data size of 0 (a crashed recording) are warnings, and every record that
// decodes is kept. Only a file with no usable FIT header, or no activity data at all,
// is refused. A chain is an activity file when any of its file_id messages says so (a
// device may chain its settings after the activity). A heart rate of 0 is no reading.
// Pure: bytes in, result out.
#ifndef BACKSTRIDE_ACTIVITY_FIT_DECODER_H_
#define BACKSTRIDE_ACTIVITY_FIT_DECODER_H_

#include <cstdint>
#include <span>

#include "activity/activity.h"
#include "base/result.h"

namespace backstride {

// Decodes a FIT file. Fails with kCorruption and the byte offset when the bytes are not
// FIT at all.
Result<DecodedFile> DecodeFit(std::span<const std::uint8_t> bytes);

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_FIT_DECODER_H_
