#include "activity/apple_health.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>

#include "base/numbers.h"

namespace backstride {
namespace {

using Attributes = std::vector<std::pair<std::string_view, std::string_view>>;

constexpr std::string_view kRunning = "HKWorkoutActivityTypeRunning";
constexpr std::string_view kHeartRateType = "HKQuantityTypeIdentifierHeartRate";
constexpr std::string_view kDistanceType = "HKQuantityTypeIdentifierDistanceWalkingRunning";
// What a heart-rate Record's start tag begins with in every export seen: the fast path
// recognises it without parsing the attributes.
constexpr std::string_view kTypeAttribute = "type=\"";

bool IsNameStart(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || c >= 0x80;
}
bool IsNameChar(unsigned char c) {
  return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}
// Space, and the control characters exports carry by mistake: both separate attributes.
bool IsBlank(unsigned char c) { return c <= 0x20 || c == 0x7f; }

std::string OffsetText(std::uint64_t offset) { return std::to_string(offset); }

// Where `needle` starts in data[from, size), or size.
std::size_t Find(const char* data, std::size_t size, std::size_t from, std::string_view needle) {
  if (from >= size) return size;
  const void* hit = memmem(data + from, size - from, needle.data(), needle.size());
  return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - data) : size;
}

enum class TagStatus { kComplete, kIncomplete, kBroken };

// Parses the attributes of the tag whose name ends at `from`, up to its '>'. Values are
// raw views into `data` (entities not yet decoded). Lenient where the meaning is still
// clear: a name without '=' (old exports wrote attribute names with spaces) is passed
// over. `end` is set past the '>'; on kBroken, to the offending byte.
TagStatus ParseAttributes(const char* data, std::size_t size, std::size_t from,
                          Attributes& attributes, bool& self_closing, std::size_t& end) {
  attributes.clear();
  self_closing = false;
  std::size_t p = from;
  while (true) {
    while (p < size && IsBlank(static_cast<unsigned char>(data[p]))) ++p;
    if (p >= size) return TagStatus::kIncomplete;
    char c = data[p];
    if (c == '>') {
      end = p + 1;
      return TagStatus::kComplete;
    }
    if (c == '/') {
      if (p + 1 >= size) return TagStatus::kIncomplete;
      if (data[p + 1] != '>') {
        end = p;
        return TagStatus::kBroken;
      }
      self_closing = true;
      end = p + 2;
      return TagStatus::kComplete;
    }
    if (c == '<' || c == '"' || c == '\'' || c == '=') {
      end = p;
      return TagStatus::kBroken;
    }
    std::size_t name_start = p;
    while (p < size) {
      unsigned char n = static_cast<unsigned char>(data[p]);
      if (IsBlank(n) || n == '=' || n == '>' || n == '/' || n == '<' || n == '"' || n == '\'')
        break;
      ++p;
    }
    std::string_view name(data + name_start, p - name_start);
    std::size_t q = p;
    while (q < size && IsBlank(static_cast<unsigned char>(data[q]))) ++q;
    if (q >= size) return TagStatus::kIncomplete;
    if (data[q] != '=') continue;  // a name with no value: passed over
    ++q;
    while (q < size && IsBlank(static_cast<unsigned char>(data[q]))) ++q;
    if (q >= size) return TagStatus::kIncomplete;
    char quote = data[q];
    if (quote != '"' && quote != '\'') {
      end = q;
      return TagStatus::kBroken;
    }
    const void* close = std::memchr(data + q + 1, quote, size - q - 1);
    if (close == nullptr) return TagStatus::kIncomplete;
    std::size_t value_end = static_cast<std::size_t>(static_cast<const char*>(close) - data);
    attributes.emplace_back(name, std::string_view(data + q + 1, value_end - q - 1));
    p = value_end + 1;
  }
}

std::string_view Attribute(const Attributes& attributes, std::string_view name) {
  for (const auto& [key, value] : attributes) {
    if (key == name) return value;
  }
  return {};
}

void AppendUtf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// An attribute value as text: entities decoded, control characters dropped, line breaks
// and tabs read as spaces (as XML normalises them).
std::string DecodeValue(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (c < 0x20 || c == 0x7f) continue;
    if (c != '&') {
      out += static_cast<char>(c);
      continue;
    }
    std::size_t semicolon = raw.find(';', i);
    if (semicolon == std::string_view::npos || semicolon - i > 10) {
      out += '&';
      continue;
    }
    std::string_view entity = raw.substr(i + 1, semicolon - i - 1);
    if (entity == "lt")
      out += '<';
    else if (entity == "gt")
      out += '>';
    else if (entity == "amp")
      out += '&';
    else if (entity == "quot")
      out += '"';
    else if (entity == "apos")
      out += '\'';
    else if (entity.size() > 1 && entity[0] == '#') {
      bool hex = entity[1] == 'x' || entity[1] == 'X';
      std::string_view digits = entity.substr(hex ? 2 : 1);
      std::uint32_t code = 0;
      auto [ptr, ec] =
          std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
      if (ec != std::errc() || ptr != digits.data() + digits.size() || code == 0 ||
          code > 0x10FFFF) {
        out += '&';
        continue;
      }
      if (code >= 0x20 && code != 0x7f) AppendUtf8(out, code);
    } else {
      out += '&';
      continue;
    }
    i = semicolon;
  }
  return out;
}

// Numbers and dates are read from the raw value; only a value carrying an entity or a
// stray control character pays for decoding.
std::string_view Clean(std::string_view raw, std::string& scratch) {
  for (char c : raw) {
    if (c == '&' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      scratch = DecodeValue(raw);
      return scratch;
    }
  }
  return raw;
}

bool Digits(std::string_view text, std::size_t at, std::size_t count, int& value) {
  value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

std::optional<double> ParseNumber(std::string_view raw) {
  std::string scratch;
  std::string_view text = Clean(raw, scratch);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  // Heart rates are small whole numbers: read those without the general parser.
  if (!text.empty() && text.size() <= 4) {
    int whole = 0;
    if (Digits(text, 0, text.size(), whole)) return whole;
  }
  return ParseDouble(text);
}

// Days from 1970-01-01 to a civil date (Howard Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Apple's fixed date layout, "2024-10-25 07:04:44 -0500", read by hand: a heart-rate
// Record carries one per sample and a general date parser would dominate the time.
// Falls back to ISO 8601 for anything else. Returns UTC seconds.
std::optional<double> ParseAppleDate(std::string_view raw, std::optional<int>* offset_s = nullptr) {
  std::string scratch;
  std::string_view text = Clean(raw, scratch);
  int year, month, day, hour, minute, second, offset_hours, offset_minutes;
  if (text.size() == 25 && text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':' &&
      text[16] == ':' && text[19] == ' ' && (text[20] == '+' || text[20] == '-') &&
      Digits(text, 0, 4, year) && Digits(text, 5, 2, month) && Digits(text, 8, 2, day) &&
      Digits(text, 11, 2, hour) && Digits(text, 14, 2, minute) && Digits(text, 17, 2, second) &&
      Digits(text, 21, 2, offset_hours) && Digits(text, 23, 2, offset_minutes)) {
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 ||
        offset_hours > 23 || offset_minutes > 59) {
      return std::nullopt;
    }
    int offset = (offset_hours * 3600 + offset_minutes * 60) * (text[20] == '-' ? -1 : 1);
    if (offset_s) *offset_s = offset;
    std::int64_t local =
        DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
        hour * 3600 + minute * 60 + second;
    return static_cast<double>(local - offset);
  }
  std::string iso(text);
  if (iso.size() > 10 && iso[10] == ' ') iso[10] = 'T';
  return ParseIsoTime(iso, offset_s);
}

std::optional<double> MetresPer(std::string_view unit) {
  if (unit == "km") return 1000.0;
  if (unit == "m") return 1.0;
  if (unit == "mi") return 1609.344;
  if (unit == "ft") return 0.3048;
  if (unit == "yd") return 0.9144;
  if (unit == "cm") return 0.01;
  return std::nullopt;
}

std::optional<double> SecondsPer(std::string_view unit) {
  if (unit == "min" || unit.empty()) return 60.0;
  if (unit == "s" || unit == "sec") return 1.0;
  if (unit == "h" || unit == "hr") return 3600.0;
  if (unit == "ms") return 0.001;
  return std::nullopt;
}

// A distance given as a value and a unit, in metres.
std::optional<double> Distance(std::string_view value, std::string_view unit) {
  std::optional<double> number = ParseNumber(value);
  std::string scratch;
  std::optional<double> factor = MetresPer(Clean(unit, scratch));
  if (!number || !factor || *number < 0) return std::nullopt;
  return *number * *factor;
}

// "418 cm", "12 m", "30 ft" (HKElevationAscended), in metres.
std::optional<double> DistanceWithUnit(std::string_view raw) {
  std::string text = DecodeValue(raw);
  std::size_t space = text.find(' ');
  if (space == std::string::npos) return std::nullopt;
  return Distance(std::string_view(text).substr(0, space),
                  std::string_view(text).substr(space + 1));
}

bool Starts(const char* data, std::size_t size, std::size_t pos, std::string_view prefix) {
  return size - pos >= prefix.size() && std::memcmp(data + pos, prefix.data(), prefix.size()) == 0;
}

// True when data[pos, size) could still be the start of `prefix`: every byte there agrees
// with it. With fewer bytes than the prefix, the caller needs more to decide.
bool CouldStart(const char* data, std::size_t size, std::size_t pos, std::string_view prefix) {
  std::size_t n = std::min(size - pos, prefix.size());
  return std::memcmp(data + pos, prefix.data(), n) == 0;
}

}  // namespace

AppleHealthReader::Step AppleHealthReader::Failure(Error error) {
  if (!error_) error_ = std::move(error);
  return Step::kFailed;
}

Result<void> AppleHealthReader::Feed(std::span<const char> bytes) {
  if (error_) return Fail(*error_);
  const char* data = bytes.data();
  const std::size_t size = bytes.size();
  std::size_t start = 0;
  if (!carry_.empty()) {
    // Finish the carried tag with as few of the new bytes as it needs (copying a whole
    // 1 MiB chunk per boundary would cost a pass over the file); the rest is read in place.
    std::size_t taken = 0;
    std::size_t piece = std::max<std::size_t>(carry_.size(), 4096);
    while (true) {
      std::size_t more = std::min(size - taken, piece);
      carry_.append(data + taken, more);
      taken += more;
      const std::size_t old_size = carry_.size() - taken;
      buffer_offset_ = carry_offset_;
      std::size_t consumed = Parse(carry_.data(), carry_.size());
      if (error_) return Fail(*error_);
      if (consumed >= old_size) {
        start = consumed - old_size;
        carry_.clear();
        break;
      }
      carry_.erase(0, consumed);
      carry_offset_ += consumed;
      if (taken == size) {
        bytes_read_ += size;
        if (carry_.size() > kMaxTagBytes) {
          return Fail(*(error_ = Error::Corruption(
                            "This Health export has an element longer than 16 MB at byte " +
                                OffsetText(carry_offset_) + "; it cannot be read past it.",
                            carry_offset_)));
        }
        return {};
      }
      piece *= 2;
    }
  }
  buffer_offset_ = bytes_read_ + start;
  std::size_t consumed = start + Parse(data + start, size - start);
  if (error_) return Fail(*error_);
  carry_.assign(data + consumed, size - consumed);
  carry_offset_ = bytes_read_ + consumed;
  bytes_read_ += size;
  if (carry_.size() > kMaxTagBytes) {
    return Fail(*(
        error_ = Error::Corruption("This Health export has an element longer than 16 MB at byte " +
                                       OffsetText(carry_offset_) + "; it cannot be read past it.",
                                   carry_offset_)));
  }
  return {};
}

// Reads every complete tag in data[0, size) and returns how many bytes were used: the
// rest starts with a tag cut by the end of the buffer.
std::size_t AppleHealthReader::Parse(const char* data, std::size_t size) {
  std::size_t pos = 0;
  while (pos < size && !root_closed_) {
    // Text between tags (indentation, and in the skipped elements everything after the
    // name) never matters: jump straight to the next tag.
    const void* lt = std::memchr(data + pos, '<', size - pos);
    if (lt == nullptr) return size;
    pos = static_cast<std::size_t>(static_cast<const char*>(lt) - data);
    if (HandleMarkup(data, size, pos) != Step::kDone) return pos;
  }
  return size;
}

AppleHealthReader::Step AppleHealthReader::HandleMarkup(const char* data, std::size_t size,
                                                        std::size_t& pos) {
  if (size - pos < 2) return Step::kNeedMore;
  const char kind = data[pos + 1];
  if (kind == '?') {
    std::size_t end = Find(data, size, pos + 2, "?>");
    if (end == size) return Step::kNeedMore;
    pos = end + 2;
    return Step::kDone;
  }
  if (kind == '!') {
    if (CouldStart(data, size, pos, "<!--")) {
      if (size - pos < 4) return Step::kNeedMore;
      std::size_t end = Find(data, size, pos + 4, "-->");
      if (end == size) return Step::kNeedMore;
      pos = end + 3;
      return Step::kDone;
    }
    if (CouldStart(data, size, pos, "<![CDATA[")) {
      if (size - pos < 9) return Step::kNeedMore;
      std::size_t end = Find(data, size, pos + 9, "]]>");
      if (end == size) return Step::kNeedMore;
      pos = end + 3;
      return Step::kDone;
    }
    // <!DOCTYPE HealthData [ ... ]>. iOS 16 wrote an internal subset with an unclosed
    // <!ATTLIST, so its declarations are not matched up: only quotes, comments and the
    // closing "]" followed by ">" are looked for.
    bool in_subset = false;
    std::size_t p = pos + 2;
    while (p < size) {
      char c = data[p];
      if (c == '"' || c == '\'') {
        const void* close = std::memchr(data + p + 1, c, size - p - 1);
        if (close == nullptr) return Step::kNeedMore;
        p = static_cast<std::size_t>(static_cast<const char*>(close) - data) + 1;
        continue;
      }
      if (in_subset && c == '<' && CouldStart(data, size, p, "<!--")) {
        if (size - p < 4) return Step::kNeedMore;
        std::size_t end = Find(data, size, p + 4, "-->");
        if (end == size) return Step::kNeedMore;
        p = end + 3;
        continue;
      }
      if (!in_subset && c == '[')
        in_subset = true;
      else if (in_subset && c == ']')
        in_subset = false;
      else if (!in_subset && c == '>') {
        pos = p + 1;
        return Step::kDone;
      }
      ++p;
    }
    return Step::kNeedMore;
  }
  if (kind == '/') {
    std::size_t p = pos + 2;
    while (p < size && IsNameChar(static_cast<unsigned char>(data[p]))) ++p;
    if (p == size) return Step::kNeedMore;
    std::string_view name(data + pos + 2, p - pos - 2);
    if (name == "Workout" && workout_) {
      EndWorkout();
    } else if (name == "HealthData") {
      root_closed_ = true;
    }
    pos = p;
    return Step::kDone;
  }
  if (!IsNameStart(static_cast<unsigned char>(kind))) {
    return Failure(Error::Corruption("This Health export is damaged at byte " +
                                         OffsetText(buffer_offset_ + pos) +
                                         ": a '<' there starts no element.",
                                     buffer_offset_ + pos));
  }
  return HandleStartTag(data, size, pos);
}

AppleHealthReader::Step AppleHealthReader::HandleStartTag(const char* data, std::size_t size,
                                                          std::size_t& pos) {
  std::size_t name_end = pos + 1;
  while (name_end < size && IsNameChar(static_cast<unsigned char>(data[name_end]))) ++name_end;
  if (name_end == size) return Step::kNeedMore;
  std::string_view name(data + pos + 1, name_end - pos - 1);

  if (!seen_element_) {
    if (name != "HealthData") {
      return Failure(Error::Unsupported(
          "This file is not an Apple Health export: it starts with <" +
          std::string(name.substr(0, 40)) + "> where export.xml starts with <HealthData>."));
    }
    seen_element_ = true;
    root_open_ = true;
    pos = name_end;
    return Step::kDone;
  }
  if (name == "Record") return HandleRecord(data, size, pos, name_end);

  const bool wanted =
      name == "Workout" ||
      (workout_ && (name == "MetadataEntry" || name == "WorkoutEvent" ||
                    name == "WorkoutStatistics" || name == "FileReference" || name == "Location"));
  if (!wanted) {
    pos = name_end;
    return Step::kDone;
  }
  bool self_closing = false;
  std::size_t end = 0;
  switch (ParseAttributes(data, size, name_end, attributes_, self_closing, end)) {
    case TagStatus::kIncomplete:
      return Step::kNeedMore;
    case TagStatus::kBroken:
      return Failure(Error::Corruption("This Health export is damaged at byte " +
                                           OffsetText(buffer_offset_ + end) + ", inside a <" +
                                           std::string(name) + "> tag.",
                                       buffer_offset_ + end));
    case TagStatus::kComplete:
      break;
  }
  if (name == "Workout") {
    if (workout_) EndWorkout();  // a workout never holds another; close the first
    if (Attribute(attributes_, "workoutActivityType") == kRunning) {
      StartWorkout();
      if (self_closing && workout_) EndWorkout();
    }
  } else {
    HandleWorkoutChild(name);
  }
  pos = end;
  return Step::kDone;
}

AppleHealthReader::Step AppleHealthReader::HandleRecord(const char* data, std::size_t size,
                                                        std::size_t& pos, std::size_t name_end) {
  // Fast path: almost every Record starts 'type="...' and most are not heart rate, so
  // the type is compared in place and the rest of the tag is never looked at.
  std::size_t p = name_end;
  while (p < size && IsBlank(static_cast<unsigned char>(data[p]))) ++p;
  const std::size_t probe = kTypeAttribute.size() + kHeartRateType.size() + 1;
  if (size - p >= probe) {
    if (Starts(data, size, p, kTypeAttribute)) {
      const char* type = data + p + kTypeAttribute.size();
      const bool heart_rate =
          std::memcmp(type, kHeartRateType.data(), kHeartRateType.size()) == 0 &&
          type[kHeartRateType.size()] == '"';
      if (!heart_rate) {
        ++records_seen_;
        pos = name_end;
        return Step::kDone;
      }
    }
  } else if (std::memchr(data + p, '>', size - p) == nullptr) {
    return Step::kNeedMore;  // too few bytes to tell the type yet
  }

  bool self_closing = false;
  std::size_t end = 0;
  switch (ParseAttributes(data, size, name_end, attributes_, self_closing, end)) {
    case TagStatus::kIncomplete:
      return Step::kNeedMore;
    case TagStatus::kBroken:
      return Failure(Error::Corruption("This Health export is damaged at byte " +
                                           OffsetText(buffer_offset_ + end) +
                                           ", inside a <Record> tag.",
                                       buffer_offset_ + end));
    case TagStatus::kComplete:
      break;
  }
  ++records_seen_;
  pos = end;
  std::string scratch;
  if (Clean(Attribute(attributes_, "type"), scratch) != kHeartRateType) return Step::kDone;
  std::optional<double> time = ParseAppleDate(Attribute(attributes_, "startDate"));
  std::optional<double> bpm = ParseNumber(Attribute(attributes_, "value"));
  // A sample without a readable time or a plausible value is left out, not an error:
  // one bad Record must not cost the runner a whole export.
  if (time && bpm && *bpm >= 1 && *bpm < 255.5 && std::abs(*time) < 1e12) {
    AddHeartRate(static_cast<std::int64_t>(std::floor(*time)), static_cast<int>(std::lround(*bpm)));
  }
  return Step::kDone;
}

void AppleHealthReader::StartWorkout() {
  std::optional<int> offset;
  std::optional<double> start = ParseAppleDate(Attribute(attributes_, "startDate"), &offset);
  std::optional<double> end = ParseAppleDate(Attribute(attributes_, "endDate"));
  if (!start || !end) return;  // a run with no time cannot be placed; left out
  AppleWorkout workout;
  workout.start_utc_s = *start;
  workout.end_utc_s = std::max(*start, *end);
  workout.utc_offset_s = offset;
  std::optional<double> duration = ParseNumber(Attribute(attributes_, "duration"));
  std::string scratch;
  std::optional<double> unit = SecondsPer(Clean(Attribute(attributes_, "durationUnit"), scratch));
  workout.duration_s = duration && unit && *duration >= 0 ? *duration * *unit
                                                          : workout.end_utc_s - workout.start_utc_s;
  std::string_view total = Attribute(attributes_, "totalDistance");
  if (!total.empty()) {
    std::string_view total_unit = Attribute(attributes_, "totalDistanceUnit");
    workout.distance_m = Distance(total, total_unit.empty() ? std::string_view("km") : total_unit);
  }
  workout.source_name = DecodeValue(Attribute(attributes_, "sourceName"));
  workout_ = std::move(workout);
  open_pause_s_.reset();
  statistics_distance_ = false;
}

void AppleHealthReader::HandleWorkoutChild(std::string_view name) {
  AppleWorkout& workout = *workout_;
  std::string scratch;
  auto text = [&](std::string_view key) { return Clean(Attribute(attributes_, key), scratch); };
  if (name == "MetadataEntry") {
    std::string_view key = text("key");
    if (key == "HKIndoorWorkout") {
      std::string_view value = Attribute(attributes_, "value");
      workout.indoor = value == "1" || value == "true" || value == "YES";
    } else if (key == "HKElevationAscended") {
      if (auto gain = DistanceWithUnit(Attribute(attributes_, "value")))
        workout.elevation_gain_m = gain;
    }
  } else if (name == "WorkoutEvent") {
    std::string_view type = text("type");
    std::optional<double> date = ParseAppleDate(Attribute(attributes_, "date"));
    if (!date) return;
    if (type == "HKWorkoutEventTypePause" || type == "HKWorkoutEventTypeMotionPaused") {
      if (!open_pause_s_) open_pause_s_ = *date;
    } else if (type == "HKWorkoutEventTypeResume" || type == "HKWorkoutEventTypeMotionResumed") {
      if (open_pause_s_) {
        workout.pauses.emplace_back(*open_pause_s_, std::max(*open_pause_s_, *date));
        open_pause_s_.reset();
      }
    }
  } else if (name == "WorkoutStatistics") {
    std::string type(text("type"));
    if (type == kDistanceType) {
      if (auto distance = Distance(Attribute(attributes_, "sum"), Attribute(attributes_, "unit"))) {
        workout.distance_m = distance;
        statistics_distance_ = true;
      }
    } else if (type == kHeartRateType) {
      if (auto average = ParseNumber(Attribute(attributes_, "average")))
        workout.avg_hr_bpm = average;
      if (auto maximum = ParseNumber(Attribute(attributes_, "maximum")))
        workout.max_hr_bpm = maximum;
    }
  } else if (name == "FileReference") {
    std::string path = DecodeValue(Attribute(attributes_, "path"));
    if (!path.empty()) workout.route_files.push_back(std::move(path));
  } else if (name == "Location") {
    std::optional<double> date = ParseAppleDate(Attribute(attributes_, "date"));
    if (!date) return;
    Sample sample;
    sample.time_s = *date;
    sample.lat_deg = ParseNumber(Attribute(attributes_, "latitude"));
    sample.lon_deg = ParseNumber(Attribute(attributes_, "longitude"));
    sample.altitude_m = ParseNumber(Attribute(attributes_, "altitude"));
    sample.speed_mps = ParseNumber(Attribute(attributes_, "speed"));
    if (!sample.lat_deg || !sample.lon_deg || std::abs(*sample.lat_deg) > 90 ||
        std::abs(*sample.lon_deg) > 180) {
      return;
    }
    workout.route.push_back(sample);
  }
}

void AppleHealthReader::EndWorkout() {
  AppleWorkout& workout = *workout_;
  if (open_pause_s_) {  // stopped while paused: the pause lasts to the end
    workout.pauses.emplace_back(*open_pause_s_, std::max(*open_pause_s_, workout.end_utc_s));
    open_pause_s_.reset();
  }
  workouts_.push_back(std::move(workout));
  workout_.reset();
}

void AppleHealthReader::AddHeartRate(std::int64_t time_s, int bpm) {
  // Zigzag so that a sample earlier than the one before (another source) stays small.
  std::int64_t step = time_s - last_heart_rate_time_s_;
  std::uint64_t zigzag =
      (static_cast<std::uint64_t>(step) << 1) ^ static_cast<std::uint64_t>(step >> 63);
  while (zigzag >= 0x80) {
    heart_rate_.push_back(static_cast<std::uint8_t>(zigzag | 0x80));
    zigzag >>= 7;
  }
  heart_rate_.push_back(static_cast<std::uint8_t>(zigzag));
  heart_rate_.push_back(static_cast<std::uint8_t>(std::clamp(bpm, 1, 255)));
  last_heart_rate_time_s_ = time_s;
  ++heart_rate_samples_;
}

void AppleHealthReader::JoinHeartRate() {
  if (workouts_.empty()) return;
  // Workouts by start; a sample belongs to every workout whose span holds it.
  std::vector<std::size_t> order(workouts_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return workouts_[a].start_utc_s < workouts_[b].start_utc_s;
  });
  std::vector<double> starts;
  starts.reserve(order.size());
  double longest = 0;
  for (std::size_t index : order) {
    starts.push_back(workouts_[index].start_utc_s);
    longest = std::max(longest, workouts_[index].end_utc_s - workouts_[index].start_utc_s);
  }
  std::int64_t time_s = 0;
  std::size_t at = 0;
  while (at < heart_rate_.size()) {
    std::uint64_t zigzag = 0;
    int shift = 0;
    while (at < heart_rate_.size() && shift < 64) {
      std::uint8_t byte = heart_rate_[at++];
      zigzag |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      shift += 7;
      if ((byte & 0x80) == 0) break;
    }
    if (at >= heart_rate_.size()) break;
    const int bpm = heart_rate_[at++];
    time_s += static_cast<std::int64_t>((zigzag >> 1) ^ (~(zigzag & 1) + 1));
    const double t = static_cast<double>(time_s);
    auto upper = std::upper_bound(starts.begin(), starts.end(), t);
    for (auto it = upper; it != starts.begin();) {
      --it;
      if (*it < t - longest) break;
      AppleWorkout& workout = workouts_[order[static_cast<std::size_t>(it - starts.begin())]];
      if (t <= workout.end_utc_s) workout.heart_rate.push_back({t, bpm});
    }
  }
  for (AppleWorkout& workout : workouts_) {
    std::stable_sort(workout.heart_rate.begin(), workout.heart_rate.end(),
                     [](const HeartRatePoint& a, const HeartRatePoint& b) {
                       return a.time_utc_s < b.time_utc_s;
                     });
    if (workout.heart_rate.empty()) continue;
    if (!workout.avg_hr_bpm) {
      double sum = 0;
      for (const HeartRatePoint& point : workout.heart_rate) sum += point.bpm;
      workout.avg_hr_bpm = sum / static_cast<double>(workout.heart_rate.size());
    }
    if (!workout.max_hr_bpm) {
      int maximum = 0;
      for (const HeartRatePoint& point : workout.heart_rate) maximum = std::max(maximum, point.bpm);
      workout.max_hr_bpm = maximum;
    }
  }
  heart_rate_.clear();
  heart_rate_.shrink_to_fit();
}

Result<std::vector<AppleWorkout>> AppleHealthReader::Finish() {
  std::optional<Error> error = error_;
  const std::size_t runs = workouts_.size();
  const std::string kept = runs == 0   ? " No run comes before that point."
                           : runs == 1 ? " The run before that point can still be imported."
                                       : " The " + std::to_string(runs) +
                                             " runs before that point can still be imported.";
  if (!error) {
    const bool tail_is_blank = std::all_of(carry_.begin(), carry_.end(), [](char c) {
      return IsBlank(static_cast<unsigned char>(c));
    });
    if (!tail_is_blank) {
      error = Error::Corruption("This Health export ends in the middle of an element, at byte " +
                                    OffsetText(carry_offset_) +
                                    ": the file was cut short, perhaps while copying." + kept,
                                carry_offset_);
    } else if (workout_) {
      error = Error::Corruption("This Health export ends in the middle of a run, at byte " +
                                    OffsetText(bytes_read_) +
                                    ": the file was cut short, perhaps while copying." + kept,
                                bytes_read_);
    } else if (!root_open_) {
      error = Error::Corruption(
          "This file holds no Apple Health data: export.xml starts with "
          "<HealthData>, and there is none here.");
    } else if (!root_closed_) {
      error = Error::Corruption("This Health export stops before its end, at byte " +
                                    OffsetText(bytes_read_) +
                                    ": the file was cut short, perhaps while copying." + kept,
                                bytes_read_);
    }
  }
  workout_.reset();
  carry_.clear();
  JoinHeartRate();
  if (error) {
    error_ = error;
    return Fail(*error);
  }
  return std::move(workouts_);
}

}  // namespace backstride
