#include "app/corrections.h"

#include <array>
#include <chrono>
#include <utility>
#include <vector>

#include "app/explain.h"
#include "app/training.h"
#include "store/store.h"

namespace backstride {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// "12 March", with the year when it is not this year's.
std::string DayText(Date date, Date today) {
  const std::chrono::year_month_day day(date);
  std::string text = std::to_string(static_cast<unsigned>(day.day())) + " " +
                     std::string(kMonths[static_cast<unsigned>(day.month()) - 1]);
  if (day.year() != std::chrono::year_month_day(today).year()) {
    text += " " + std::to_string(static_cast<int>(day.year()));
  }
  return text;
}

// "run of 12 March"
std::string EntryName(const LogEntry& entry, Date today) {
  return std::string(LogKindLabel(entry.kind)) + " of " + DayText(entry.date, today);
}

std::string Capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

std::string OnsetText(const LogEntry& entry, DistanceUnit units) {
  if (entry.onset_m) return FormatDistance(*entry.onset_m, units);
  if (entry.onset_s) return FormatDuration(*entry.onset_s);
  return "not given";
}

std::string PainText(std::optional<int> pain) {
  return pain ? std::to_string(*pain) : std::string("not given");
}

// The fields that differ from `from` to `to`, each as "pain during 2 (was 7)".
std::vector<std::string> Differences(const LogEntry& from, const LogEntry& to, DistanceUnit units,
                                     Date today) {
  std::vector<std::string> parts;
  auto add = [&](std::string_view what, const std::string& now, const std::string& was) {
    if (now != was) parts.push_back(std::string(what) + " " + now + " (was " + was + ")");
  };
  add("date", DayText(to.date, today), DayText(from.date, today));
  auto distance = [&](const LogEntry& e) {
    return e.distance_m ? FormatDistance(*e.distance_m, units) : std::string("not given");
  };
  add("distance", distance(to), distance(from));
  auto time = [](const LogEntry& e) {
    return e.duration_s ? FormatDuration(*e.duration_s) : std::string("not given");
  };
  add("time", time(to), time(from));
  add(to.kind == LogKind::kRun ? "pain during" : "pain", PainText(to.pain), PainText(from.pain));
  add("pain before", PainText(to.pain_before), PainText(from.pain_before));
  add("repetitions in reserve", PainText(to.reps_in_reserve), PainText(from.reps_in_reserve));
  add("pain started at", OnsetText(to, units), OnsetText(from, units));
  auto done = [](const LogEntry& e) {
    return e.done ? std::string(*e.done ? "done" : "skipped") : std::string("not given");
  };
  add("session", done(to), done(from));
  auto helped = [](const LogEntry& e) {
    return e.helped ? std::string(*e.helped ? "yes" : "no") : std::string("not said");
  };
  add("helped", helped(to), helped(from));
  if (to.note != from.note) parts.push_back(to.note.empty() ? "note removed" : "note changed");
  return parts;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

// The plan in force, or nullopt when there is none (no assessment yet, or a route with
// no plan): corrections still work then, they just move no cap.
Result<std::optional<ActivePlan>> PlanIfAny(Store& store, Date today) {
  auto active = LoadActivePlan(store, today);
  if (active) return std::optional<ActivePlan>(std::move(*active));
  if (active.error().code == ErrorCode::kNotFound ||
      active.error().code == ErrorCode::kFailedPrecondition) {
    return std::optional<ActivePlan>();
  }
  return Fail(active.error());
}

// What the change did to the plan: the run rule's verdict on `run_id` (when the change
// was to a run still in the log), then the next run's cap before and after.
void ExplainPlan(std::vector<std::string>& changes, const std::optional<ActivePlan>& before,
                 const std::optional<ActivePlan>& after, std::optional<std::int64_t> run_id,
                 DistanceUnit units) {
  if (!after) return;
  if (run_id) {
    for (const RunDecision& decision : after->state.decisions) {
      if (decision.run_id != *run_id) continue;
      for (std::string& sentence : ExplainDecision(decision, units)) {
        changes.push_back(std::move(sentence));
      }
    }
  }
  const GuardedCap& now = after->cap_today;
  SayCapChange(FormatCap((before ? before->cap_today : now).cap, units), now, units, changes);
}

// The run an entry is about: a run itself, or the run a next-morning score follows.
std::optional<std::int64_t> RunOf(const LogEntry& entry) {
  if (entry.kind == LogKind::kRun) return entry.id;
  if (entry.kind == LogKind::kMorning) return entry.run_id;
  return std::nullopt;
}

}  // namespace

LogEntryChanges ReplaceWith(const LogEntry& replacement) {
  LogEntryChanges changes;
  changes.kind = replacement.kind;
  changes.date = replacement.date;
  changes.distance_m = replacement.distance_m;
  changes.duration_s = replacement.duration_s;
  changes.pain = replacement.pain;
  changes.pain_before = replacement.pain_before;
  changes.reps_in_reserve = replacement.reps_in_reserve;
  changes.onset_m = replacement.onset_m;
  changes.onset_s = replacement.onset_s;
  changes.done = replacement.done;
  changes.helped = replacement.helped;
  changes.note = replacement.note;
  changes.clear_pain_before = !replacement.pain_before;
  changes.clear_onset = !replacement.onset_m && !replacement.onset_s;
  changes.clear_helped = !replacement.helped;
  changes.clear_reps_in_reserve = !replacement.reps_in_reserve;
  return changes;
}

Result<LogOutcome> EditLogEntry(Store& store, std::int64_t id, const LogEntryChanges& changes,
                                Date today) {
  auto current = store.LogEntryById(id);
  if (!current) return Fail(current.error());
  if (changes.kind && *changes.kind != current->kind) {
    return Fail(Error::InvalidArgument(
        "kind: entry " + std::to_string(id) + " is a " + std::string(LogKindLabel(current->kind)) +
            "; an entry's kind does not change (delete it and log it again)",
        "kind"));
  }
  LogEntry edited = *current;
  if (changes.date) edited.date = *changes.date;
  if (changes.distance_m) edited.distance_m = changes.distance_m;
  if (changes.duration_s) edited.duration_s = changes.duration_s;
  if (changes.pain) edited.pain = changes.pain;
  if (changes.pain_before) edited.pain_before = changes.pain_before;
  if (changes.clear_pain_before) edited.pain_before.reset();
  if (changes.reps_in_reserve) edited.reps_in_reserve = changes.reps_in_reserve;
  if (changes.clear_reps_in_reserve) edited.reps_in_reserve.reset();
  if (changes.onset_m || changes.onset_s) {
    edited.onset_m = changes.onset_m;
    edited.onset_s = changes.onset_s;
  }
  if (changes.clear_onset) {
    edited.onset_m.reset();
    edited.onset_s.reset();
  }
  if (changes.done) edited.done = changes.done;
  // A session now marked skipped has no repetitions in reserve left to keep.
  if (changes.done == false && !changes.reps_in_reserve) edited.reps_in_reserve.reset();
  if (changes.helped) edited.helped = changes.helped;
  if (changes.clear_helped) edited.helped.reset();
  if (changes.note) edited.note = *changes.note;

  auto settings = LoadSettings(store);
  if (!settings) return Fail(settings.error());
  const DistanceUnit units = settings->units;
  auto before = PlanIfAny(store, today);
  if (!before) return Fail(before.error());

  // Checked as a new entry would be. The date limits judge a date being entered: a date
  // the edit leaves alone (an imported run from before the plan) is not judged again, nor
  // is the missing pain of an imported run still waiting for its score.
  LogEntry checked = edited;
  std::optional<Date> plan_start;
  if (edited.date != current->date) {
    if (*before) plan_start = (*before)->start;
  } else {
    checked.date = today;
  }
  if (checked.kind == LogKind::kRun && !checked.pain && !current->pain) checked.pain = 0;
  if (auto valid = CheckLogEntry(checked, today, plan_start, units); !valid) {
    return Fail(valid.error());
  }

  LogOutcome outcome;
  outcome.id = id;
  const std::vector<std::string> parts = Differences(*current, edited, units, today);
  if (parts.empty()) {
    outcome.changes.push_back(
        Say("fix.nothing_to_change", {{"entry", EntryName(*current, today)}}));
    return outcome;
  }
  if (auto updated = store.UpdateLogEntry(edited); !updated) return Fail(updated.error());
  auto after = PlanIfAny(store, today);
  if (!after) return Fail(after.error());
  outcome.changes.push_back(
      Say("fix.corrected",
          {{"entry", Capitalised(EntryName(*current, today))}, {"changes", Joined(parts)}}));
  ExplainPlan(outcome.changes, *before, *after, RunOf(edited), units);
  return outcome;
}

Result<LogOutcome> DeleteLogEntry(Store& store, std::int64_t id, Date today) {
  auto settings = LoadSettings(store);
  if (!settings) return Fail(settings.error());
  const DistanceUnit units = settings->units;
  auto before = PlanIfAny(store, today);
  if (!before) return Fail(before.error());
  auto deleted = store.DeleteLogEntry(id);
  if (!deleted) return Fail(deleted.error());
  auto after = PlanIfAny(store, today);
  if (!after) return Fail(after.error());

  LogOutcome outcome;
  outcome.id = id;
  const LogEntry& entry = deleted->entry;
  const MessageValues deleted_values = {{"entry", Capitalised(EntryName(entry, today))}};
  if (entry.kind == LogKind::kRun && entry.distance_m && entry.duration_s) {
    outcome.changes.push_back(
        Say("fix.run_deleted", {{"entry", Capitalised(EntryName(entry, today))},
                                {"distance", FormatDistance(*entry.distance_m, units)},
                                {"time", FormatDuration(*entry.duration_s)}}));
  } else {
    outcome.changes.push_back(Say("fix.deleted", deleted_values));
  }
  if (entry.source.starts_with("import:")) outcome.changes.push_back(Say("fix.not_imported_again"));
  for (const LogEntry& morning : deleted->also) {
    outcome.changes.push_back(Say("fix.morning_kept", {{"pain", PainText(morning.pain)},
                                                       {"date", DayText(morning.date, today)}}));
  }
  ExplainPlan(outcome.changes, *before, *after, std::nullopt, units);
  return outcome;
}

Result<LogOutcome> UndoLastChange(Store& store, Date today) {
  auto settings = LoadSettings(store);
  if (!settings) return Fail(settings.error());
  const DistanceUnit units = settings->units;
  auto last = store.LastChange();
  if (!last) return Fail(last.error());
  if (!*last) return Fail(Error::NotFound("there is nothing to undo"));
  // The entry as it is now, to say what an undone edit changes back.
  std::optional<LogEntry> now;
  if ((*last)->action == ChangeAction::kEdit) {
    auto found = store.LogEntryById((*last)->entry.id);
    if (found) now = std::move(*found);
  }
  auto before = PlanIfAny(store, today);
  if (!before) return Fail(before.error());
  auto undone = store.UndoLastChange();
  if (!undone) return Fail(undone.error());
  auto after = PlanIfAny(store, today);
  if (!after) return Fail(after.error());

  LogOutcome outcome;
  outcome.id = undone->entry.id;
  const std::string name = EntryName(undone->entry, today);
  std::optional<std::int64_t> run_id;
  switch (undone->action) {
    case ChangeAction::kAdd:
      outcome.changes.push_back(Say("fix.undone_add", {{"entry", name}}));
      break;
    case ChangeAction::kEdit: {
      std::vector<std::string> parts;
      if (now) parts = Differences(*now, undone->entry, units, today);
      outcome.changes.push_back(parts.empty() ? Say("fix.undone_edit", {{"entry", name}})
                                              : Say("fix.undone_edit_back",
                                                    {{"entry", name}, {"changes", Joined(parts)}}));
      run_id = RunOf(undone->entry);
      break;
    }
    case ChangeAction::kDelete:
      outcome.changes.push_back(Say("fix.undone_delete", {{"entry", name}}));
      if (!undone->also.empty()) {
        outcome.changes.push_back(
            Say(undone->also.size() == 1 ? "fix.morning_tied_again" : "fix.mornings_tied_again"));
      }
      run_id = RunOf(undone->entry);
      break;
  }
  ExplainPlan(outcome.changes, *before, *after, run_id, units);
  return outcome;
}

Result<std::optional<std::string>> DescribeUndo(Store& store, Date today) {
  auto last = store.LastChange();
  if (!last) return Fail(last.error());
  if (!*last) return std::optional<std::string>();
  const std::string name = EntryName((*last)->entry, today);
  switch ((*last)->action) {
    case ChangeAction::kAdd:
      return std::optional<std::string>(Say("fix.undo_add", {{"entry", name}}));
    case ChangeAction::kEdit:
      return std::optional<std::string>(Say("fix.undo_edit", {{"entry", name}}));
    case ChangeAction::kDelete:
      return std::optional<std::string>(Say("fix.undo_delete", {{"entry", name}}));
  }
  return std::optional<std::string>();
}

}  // namespace backstride
