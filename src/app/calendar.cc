#include "app/calendar.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/explain.h"

namespace backstride {
namespace {

std::string IcsEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space, never
// inside a UTF-8 sequence.
void AddLine(std::string& ics, std::string_view line) {
  std::size_t start = 0;
  std::size_t limit = 75;
  while (line.size() - start > limit) {
    std::size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    ics.append(line.substr(start, cut - start));
    ics += "\r\n ";
    start = cut;
    limit = 74;  // the leading space counts
  }
  ics.append(line.substr(start));
  ics += "\r\n";
}

std::string IcsDate(Date date) {
  std::string text = FormatDate(date);
  text.erase(std::remove(text.begin(), text.end(), '-'), text.end());
  return text;
}

std::string SessionSummary(const Session& session, DistanceUnit units) {
  std::string summary = session.title;
  if (session.cap) summary += ": up to " + FormatCap(*session.cap, units);
  return summary;
}

std::string SessionDescription(const Session& session, DistanceUnit units) {
  std::string text = session.details;
  if (session.pace_aim_s_per_km) {
    text += "\nPace to beat: " + FormatPace(*session.pace_aim_s_per_km, units);
  }
  for (const Exercise& exercise : session.exercises) {
    text += fmt::format("\n- {}: {} x {} ({})", exercise.name, exercise.sets, exercise.reps,
                        exercise.load_text);
  }
  return text;
}

}  // namespace

std::string PlanToIcs(const ActivePlan& active, DistanceUnit units, std::string_view dtstamp_utc) {
  std::string ics;
  AddLine(ics, "BEGIN:VCALENDAR");
  AddLine(ics, "VERSION:2.0");
  AddLine(ics, "PRODID:-//backstride//backstride plan//EN");
  AddLine(ics, "CALSCALE:GREGORIAN");
  AddLine(ics, "METHOD:PUBLISH");
  AddLine(ics, "X-WR-CALNAME:backstride plan");
  for (const Session& session : active.plan.sessions) {
    AddLine(ics, "BEGIN:VEVENT");
    AddLine(ics, "UID:" + SessionUid(session) + "@backstride");
    AddLine(ics, "DTSTAMP:" + std::string(dtstamp_utc));
    AddLine(ics, "DTSTART;VALUE=DATE:" + IcsDate(session.date));
    AddLine(ics, "DTEND;VALUE=DATE:" + IcsDate(AddDays(session.date, 1)));
    AddLine(ics, "SUMMARY:" + IcsEscape(SessionSummary(session, units)));
    AddLine(ics, "DESCRIPTION:" + IcsEscape(SessionDescription(session, units)));
    AddLine(ics, "CATEGORIES:" + std::string(SessionKindId(session.kind)));
    AddLine(ics, "TRANSP:TRANSPARENT");
    AddLine(ics, "END:VEVENT");
  }
  AddLine(ics, "END:VCALENDAR");
  return ics;
}

}  // namespace backstride
