// GPX and TCX decoders.
//
// Design note. Both formats are small XML documents (a run is a few hundred KB), so each
// file is parsed whole into a pugixml tree, in place in one copy of the bytes, and the tree
// is walked once. pugixml was chosen by measurement: on this project's machine it parses
// the GPX and TCX corpus at 260-290 MB/s against 125-135 MB/s for expat in 64 KiB chunks
// (notes/peers.md; bench/ repeats the comparison), and in-place parsing allocates no
// string per value. Before parsing, a byte-order mark and leading whitespace are skipped
// and stray control characters blanked, as files from several apps need.
//
// Namespaces are matched by URI, not prefix: Garmin's TrackPointExtension may be written
// as gpxtpx:, ns3: or anything else, so prefixes are resolved through the xmlns
// declarations in scope.
//
// What real files need. Points stay in the order recorded: Sports Tracker writes a third
// of a track's points timed a second or more before the point ahead of them, and sorting
// by time tripled such a run's distance; a time that steps back is held at the latest
// before it, with a warning. A GPX track's segments, and tracks that follow one another
// within 30 minutes (a handheld's "ACTIVE LOG #2", ...), are one activity in segments: no
// distance or moving time across the gaps, as gpxpy's length_2d. 0 and 255 are
// placeholders, not heart rates (nor 255 a cadence). A file cut short is read up to the
// cut (pugixml keeps the tree it built), the point being written then left out and a
// TCX lap closed at its last point, with a warning; XML broken in the middle is refused.
// Pure: bytes in, result out.
#ifndef BACKSTRIDE_ACTIVITY_XML_DECODER_H_
#define BACKSTRIDE_ACTIVITY_XML_DECODER_H_

#include <cstdint>
#include <span>

#include "activity/activity.h"
#include "base/result.h"

namespace backstride {

// GPX 1.0 and 1.1, with Garmin TrackPointExtension v1/v2 and the bare <speed> some apps
// write. Fails with kCorruption and the byte offset when the XML is broken (in the middle,
// or cut before any timed point), or when the document is not GPX.
Result<DecodedFile> DecodeGpx(std::span<const std::uint8_t> bytes);

// TCX (TrainingCenterDatabase v2) with ActivityExtension v2.
Result<DecodedFile> DecodeTcx(std::span<const std::uint8_t> bytes);

}  // namespace backstride

#endif  // BACKSTRIDE_ACTIVITY_XML_DECODER_H_
