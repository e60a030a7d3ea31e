// The store's contract, run on every backend: round trips, filters, the named
// transactions (all or nothing), corrections and the undo journal, backup and restore.
// A new backend is a new class and one line in kBackends below.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "pg_cluster.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"
#include "store/store.h"
#include "temp_dir.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;

// One way to open a fresh, empty store of a backend in a folder of its own.
struct Backend {
  std::string name;
  std::function<Result<std::unique_ptr<Store>>(const TempDir& dir)> open;
};

void PrintTo(const Backend& backend, std::ostream* out) { *out << backend.name; }

const Backend kBackends[] = {
    {"Sqlite",
     [](const TempDir& dir) -> Result<std::unique_ptr<Store>> {
       auto store = SqliteStore::Open(dir.File("b.db"));
       if (!store) return Fail(store.error());
       return std::unique_ptr<Store>(std::move(*store));
     }},
    // A runner's store in a fresh database of the binary's throwaway server.
    {"Postgres",
     [](const TempDir&) -> Result<std::unique_ptr<Store>> {
       auto cluster = TestCluster();
       if (!cluster) return Fail(cluster.error());
       auto database = (*cluster)->CreateDatabase();
       if (!database) return Fail(database.error());
       if (auto prepared = PgStore::PrepareDatabase(*database); !prepared) {
         return Fail(prepared.error());
       }
       auto runner = PgStore::CreateRunner(*database);
       if (!runner) return Fail(runner.error());
       auto store = PgStore::Open(*database, *runner);
       if (!store) return Fail(store.error());
       return std::unique_ptr<Store>(std::move(*store));
     }},
};

class StoreContract : public ::testing::TestWithParam<Backend> {
 protected:
  std::unique_ptr<Store> OpenStore() { return OpenStoreIn("main"); }
  // A second store of the same backend (a restore's target).
  std::unique_ptr<Store> OpenStoreIn(const std::string& name) {
    dirs_.push_back(std::make_unique<TempDir>());
    auto store = GetParam().open(*dirs_.back());
    EXPECT_TRUE(store.has_value()) << name << ": " << store.error().message;
    return store ? std::move(*store) : nullptr;
  }

 private:
  std::vector<std::unique_ptr<TempDir>> dirs_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<Backend>& backend) {
                           return backend.param.name;
                         });

const Date kDay = *ParseDate("2026-03-02");

LogEntry RunEntryOn(Date date, double km, int pain) {
  LogEntry entry;
  entry.date = date;
  entry.kind = LogKind::kRun;
  entry.distance_m = km * 1000;
  entry.duration_s = km * 360;
  entry.pain = pain;
  return entry;
}

TEST_P(StoreContract, KeepsEverythingItIsGiven) {
  auto store = OpenStore();
  ASSERT_TRUE(store->PutSetting("units", "mi"));
  ASSERT_TRUE(store->PutSetting("units", "km"));
  EXPECT_EQ(*store->Setting("units"), std::optional<std::string>("km"));
  EXPECT_EQ(*store->Setting("missing"), std::nullopt);

  StoredAssessment assessment{0, kDay, "new_runner", R"({"age":34})", "questionnaire", ""};
  const auto added = store->AddAssessment({assessment, StoredPlan{0, 0, kDay, 4, ""}});
  ASSERT_TRUE(added.has_value()) << added.error().message;
  ASSERT_TRUE(added->plan_id.has_value());

  LogEntry run = RunEntryOn(kDay, 2.1, 2);
  run.onset_m = 1600;
  run.pain_before = 1;
  run.note = "windy; ü ✓";
  const auto run_id = store->AddLogEntry(run);
  ASSERT_TRUE(run_id.has_value()) << run_id.error().message;
  LogEntry morning;
  morning.date = AddDays(kDay, 1);
  morning.kind = LogKind::kMorning;
  morning.pain = 1;
  morning.run_id = *run_id;
  ASSERT_TRUE(store->AddLogEntry(morning));

  auto assessments = *store->Assessments();
  ASSERT_EQ(assessments.size(), 1u);
  EXPECT_EQ(assessments[0].route, "new_runner");
  EXPECT_EQ(assessments[0].date, kDay);
  EXPECT_FALSE(assessments[0].created_at.empty());
  auto plans = *store->Plans();
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].runs_per_week, 4);

  auto log = *store->Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].distance_m, 2100);
  EXPECT_EQ(log[0].onset_m, 1600);
  EXPECT_EQ(log[0].pain_before, 1);
  EXPECT_EQ(log[0].note, "windy; ü ✓");
  EXPECT_EQ(log[0].source, "manual");
  EXPECT_EQ(log[1].run_id, *run_id);
  const auto runs = RunsFromLog(log);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].pain_next_morning, 1);
}

TEST_P(StoreContract, FiltersTheLogByDateAndKind) {
  auto store = OpenStore();
  for (int day = 0; day < 10; ++day)
    ASSERT_TRUE(store->AddLogEntry(RunEntryOn(AddDays(kDay, day), 1, 1)));
  LogEntry checkin;
  checkin.date = AddDays(kDay, 3);
  checkin.kind = LogKind::kCheckIn;
  checkin.pain = 2;
  ASSERT_TRUE(store->AddLogEntry(checkin));
  EXPECT_EQ(store->Log({AddDays(kDay, 2), AddDays(kDay, 4), std::nullopt})->size(), 4u);
  EXPECT_EQ(store->Log({std::nullopt, std::nullopt, LogKind::kCheckIn})->size(), 1u);
  EXPECT_EQ(store->Log({AddDays(kDay, 8), std::nullopt, LogKind::kRun})->size(), 2u);
}

TEST_P(StoreContract, KeepsHowHardAStrengthSessionFeltThroughEditAndUndo) {
  auto store = OpenStore();
  LogEntry strength;
  strength.date = kDay;
  strength.kind = LogKind::kStrength;
  strength.done = true;
  strength.pain = 2;
  strength.reps_in_reserve = 3;
  const std::int64_t id = *store->AddLogEntry(strength);
  LogEntry stored = *store->LogEntryById(id);
  EXPECT_EQ(stored.pain, 2);
  EXPECT_EQ(stored.reps_in_reserve, 3);

  stored.reps_in_reserve = 0;
  ASSERT_TRUE(store->UpdateLogEntry(stored));
  EXPECT_EQ(store->LogEntryById(id)->reps_in_reserve, 0);
  stored.reps_in_reserve.reset();
  ASSERT_TRUE(store->UpdateLogEntry(stored));
  EXPECT_FALSE(store->LogEntryById(id)->reps_in_reserve.has_value());
  ASSERT_TRUE(store->UndoLastChange());
  EXPECT_EQ(store->LogEntryById(id)->reps_in_reserve, 0);
  ASSERT_TRUE(store->UndoLastChange());
  EXPECT_EQ(store->LogEntryById(id)->reps_in_reserve, 3);

  // A run without one reads back without one.
  const std::int64_t run = *store->AddLogEntry(RunEntryOn(kDay, 1, 1));
  EXPECT_FALSE(store->LogEntryById(run)->reps_in_reserve.has_value());
}

TEST_P(StoreContract, RejectsRowsTheSchemaForbids) {
  auto store = OpenStore();
  LogEntry bad = RunEntryOn(kDay, 1, 11);  // pain 11
  EXPECT_FALSE(store->AddLogEntry(bad).has_value());
  LogEntry strength;
  strength.date = kDay;
  strength.kind = LogKind::kStrength;
  strength.reps_in_reserve = 11;
  EXPECT_FALSE(store->AddLogEntry(strength).has_value());
  EXPECT_TRUE(*store->IsEmpty());
}

// A track as a watch records one: heart rate lost for a moment by the strap, cadence
// from the wrist missing at the start.
std::vector<TrackSample> ATrack() {
  return {{.elapsed_s = 0, .distance_m = 0, .heart_rate_bpm = 92, .cadence_spm = std::nullopt},
          {.elapsed_s = 60, .distance_m = 400, .heart_rate_bpm = std::nullopt, .cadence_spm = 168},
          {.elapsed_s = 5400, .distance_m = 42000, .heart_rate_bpm = 171, .cadence_spm = 176.5F}};
}

StoredActivity ActivityOf(std::int64_t log_id, double start_utc) {
  StoredActivity activity;
  activity.log_id = log_id;
  activity.file = "ride.fit";
  activity.format = "fit";
  activity.sport = "running";
  activity.start_utc = start_utc;
  activity.distance_m = 42000;
  activity.elapsed_s = 5400;
  activity.moving_s = 5300;
  activity.points = 3;
  activity.laps_json = R"([{"start_s":0,"elapsed_s":5400,"trigger":"manual"}])";
  activity.track = ATrack();
  return activity;
}

TEST_P(StoreContract, AnAssessmentAndItsPlanLandTogetherOrNotAtAll) {
  auto store = OpenStore();
  const StoredAssessment assessment{0, kDay, "returning", "{}", "questionnaire", ""};
  // A plan the store must refuse (6 runs a week) takes its assessment down with it.
  auto refused = store->AddAssessment({assessment, StoredPlan{0, 0, kDay, 6, ""}});
  EXPECT_FALSE(refused.has_value());
  EXPECT_TRUE(store->Assessments()->empty());
  EXPECT_TRUE(store->Plans()->empty());

  auto added = store->AddAssessment({assessment, StoredPlan{0, 0, kDay, 3, ""}});
  ASSERT_TRUE(added.has_value()) << added.error().message;
  const auto plans = *store->Plans();
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].assessment_id, added->assessment_id);
  EXPECT_EQ(plans[0].id, added->plan_id);
  // A route with no plan: the assessment alone.
  auto alone = store->AddAssessment({{0, kDay, "see_clinician", "{}", "questionnaire", ""}, {}});
  ASSERT_TRUE(alone.has_value());
  EXPECT_FALSE(alone->plan_id.has_value());
  EXPECT_EQ(store->Assessments()->size(), 2u);
}

TEST_P(StoreContract, APlanAndTheSettingChosenWithItLandTogether) {
  auto store = OpenStore();
  const auto added = store->AddAssessment({{0, kDay, "returning", "{}", "questionnaire", ""}, {}});
  ASSERT_TRUE(added.has_value());
  EXPECT_FALSE(
      store->AddPlan({0, added->assessment_id, kDay, 9, ""}, {{"runs_per_week", "9"}}).has_value());
  EXPECT_EQ(*store->Setting("runs_per_week"), std::nullopt);
  ASSERT_TRUE(store->AddPlan({0, added->assessment_id, kDay, 4, ""}, {{"runs_per_week", "4"}}));
  EXPECT_EQ(*store->Setting("runs_per_week"), std::optional<std::string>("4"));
  EXPECT_EQ(store->Plans()->size(), 1u);
}

TEST_P(StoreContract, AnImportedRunIsStoredWithItsRecordingOrNotAtAll) {
  auto store = OpenStore();
  LogEntry run = RunEntryOn(kDay, 5, 2);
  run.source = "import:gpx";
  const auto id = store->AddImportedRun(run, ActivityOf(0, 1.8e9), std::nullopt);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  auto recording = *store->ActivityForRun(*id);
  ASSERT_TRUE(recording.has_value());
  EXPECT_EQ(recording->log_id, *id);
  EXPECT_EQ(recording->track, ATrack());
  // Imported runs are not the runner's own adds: nothing to undo.
  EXPECT_FALSE(store->LastChange()->has_value());

  // A run the store refuses (pain 11) leaves no recording behind.
  const auto refused = store->AddImportedRun(RunEntryOn(kDay, 5, 11), ActivityOf(0, 1.9e9), std::nullopt);
  EXPECT_FALSE(refused.has_value());
  EXPECT_EQ(store->Log()->size(), 1u);
  EXPECT_EQ(store->Activities()->size(), 1u);
}

TEST_P(StoreContract, ARunnersEntryIsUndoableAndItsRouteChangeLandsWithIt) {
  auto store = OpenStore();
  LogEntry treatment;
  treatment.date = kDay;
  treatment.kind = LogKind::kTreatment;
  treatment.helped = false;
  const NewAssessment rehab{{0, kDay, "seasoned_rehab", "{}", "checkin", ""},
                            StoredPlan{0, 0, kDay, 3, ""}};
  const auto id = store->AddRunnerEntry(treatment, rehab);
  ASSERT_TRUE(id.has_value()) << id.error().message;
  EXPECT_EQ(store->Assessments()->back().source, "checkin");
  EXPECT_EQ(store->Plans()->size(), 1u);
  auto last = *store->LastChange();
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->action, ChangeAction::kAdd);
  EXPECT_EQ(last->entry.id, *id);

  // A route change the store refuses takes the entry down with it, journal included.
  const NewAssessment bad{{0, kDay, "seasoned_rehab", "{}", "checkin", ""},
                          StoredPlan{0, 0, kDay, 7, ""}};
  EXPECT_FALSE(store->AddRunnerEntry(treatment, bad).has_value());
  EXPECT_EQ(store->Log()->size(), 1u);
  EXPECT_EQ(store->Assessments()->size(), 1u);
  EXPECT_EQ((*store->LastChange())->entry.id, *id);
}

TEST_P(StoreContract, ABackupRestoresIntoAnEmptyStoreExactly) {
  auto store = OpenStore();
  ASSERT_TRUE(store->PutSetting("units", "mi"));
  const auto added =
      store->AddAssessment({{0, kDay, "returning", R"({"age":40})", "questionnaire", ""},
                            StoredPlan{0, 0, kDay, 3, ""}});
  ASSERT_TRUE(added.has_value());
  const std::int64_t run = *store->AddImportedRun(RunEntryOn(kDay, 5, 2), ActivityOf(0, 1.8e9), std::nullopt);
  LogEntry morning;
  morning.date = AddDays(kDay, 1);
  morning.kind = LogKind::kMorning;
  morning.pain = 1;
  morning.run_id = run;
  ASSERT_TRUE(store->AddLogEntry(morning));
  const auto contents = store->Contents();
  ASSERT_TRUE(contents.has_value()) << contents.error().message;

  // Not into a store that holds data, unless asked to replace it.
  auto refused = store->Restore(*contents, /*replace=*/false);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(store->DeleteLogEntry(morning.run_id.value()));  // a journal to clear
  ASSERT_TRUE(store->Restore(*contents, /*replace=*/true));
  EXPECT_FALSE(store->LastChange()->has_value());

  auto copy = OpenStoreIn("copy");
  ASSERT_TRUE(copy->Restore(*contents, /*replace=*/false));
  for (Store* s : {store.get(), copy.get()}) {
    const auto again = *s->Contents();
    EXPECT_EQ(again.settings, contents->settings);
    ASSERT_EQ(again.assessments.size(), 1u);
    EXPECT_EQ(again.assessments[0].id, added->assessment_id);
    EXPECT_EQ(again.assessments[0].answers_json, R"({"age":40})");
    EXPECT_EQ(again.assessments[0].created_at, contents->assessments[0].created_at);
    ASSERT_EQ(again.log.size(), 2u);
    EXPECT_EQ(again.log[1].run_id, run);
    ASSERT_EQ(again.activities.size(), 1u);
    EXPECT_EQ(again.activities[0].track, contents->activities[0].track);
  }

  // A row the store refuses is named, and nothing of the restore remains.
  StoreContents bad = *contents;
  bad.log[1].pain = 12;
  auto empty = OpenStoreIn("empty");
  auto failed = empty->Restore(bad, false);
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().path, "log[1]");
  EXPECT_TRUE(*empty->IsEmpty());
}

TEST_P(StoreContract, AnEditKeepsTheIdAndUndoPutsBackWhatWasThere) {
  auto store = OpenStore();
  LogEntry run = RunEntryOn(kDay, 2, 7);
  run.onset_m = 1500;
  run.note = "windy";
  const std::int64_t id = *store->AddRunnerEntry(run, std::nullopt);

  LogEntry edited = *store->LogEntryById(id);
  edited.pain = 2;
  edited.onset_m.reset();
  edited.note = "";
  auto was = store->UpdateLogEntry(edited);
  ASSERT_TRUE(was.has_value()) << was.error().message;
  EXPECT_EQ(was->pain, 7);
  const LogEntry now = *store->LogEntryById(id);
  EXPECT_EQ(now.pain, 2);
  EXPECT_FALSE(now.onset_m.has_value());
  EXPECT_EQ(now.created_at, was->created_at);

  auto last = *store->LastChange();
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->action, ChangeAction::kEdit);
  EXPECT_EQ(last->entry.pain, 7);

  auto undone = store->UndoLastChange();
  ASSERT_TRUE(undone.has_value()) << undone.error().message;
  EXPECT_EQ(undone->action, ChangeAction::kEdit);
  const LogEntry back = *store->LogEntryById(id);
  EXPECT_EQ(back.pain, 7);
  EXPECT_EQ(back.onset_m, 1500);
  EXPECT_EQ(back.note, "windy");
  EXPECT_EQ(back.created_at, was->created_at);

  // Then the add itself is undone, and there is nothing left to undo.
  undone = store->UndoLastChange();
  ASSERT_TRUE(undone.has_value()) << undone.error().message;
  EXPECT_EQ(undone->action, ChangeAction::kAdd);
  EXPECT_TRUE(store->Log()->empty());
  auto nothing = store->UndoLastChange();
  ASSERT_FALSE(nothing.has_value());
  EXPECT_EQ(nothing.error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, ADeletedImportedRunIsHiddenKnownToTheImporterAndRestoredWhole) {
  auto store = OpenStore();
  LogEntry ride = RunEntryOn(kDay, 42, 1);
  ride.source = "import:fit";
  const std::int64_t ride_id = *store->AddImportedRun(ride, ActivityOf(0, 1.8e9), std::nullopt);
  const std::int64_t activity_id = (*store->ActivityForRun(ride_id))->id;
  LogEntry morning;
  morning.date = AddDays(kDay, 1);
  morning.kind = LogKind::kMorning;
  morning.pain = 3;
  morning.run_id = ride_id;
  const std::int64_t morning_id = *store->AddLogEntry(morning);

  auto deleted = store->DeleteLogEntry(ride_id);
  ASSERT_TRUE(deleted.has_value()) << deleted.error().message;
  EXPECT_EQ(deleted->entry.id, ride_id);
  ASSERT_EQ(deleted->also.size(), 1u);
  EXPECT_EQ(deleted->also[0].id, morning_id);

  // Gone from the log, the runs and the export; the morning score is a check-in now.
  auto log = *store->Log();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].id, morning_id);
  EXPECT_EQ(log[0].kind, LogKind::kCheckIn);
  EXPECT_FALSE(log[0].run_id.has_value());
  EXPECT_FALSE(store->LogEntryById(ride_id).has_value());
  EXPECT_FALSE(store->ActivityForRun(ride_id)->has_value());
  EXPECT_TRUE(store->Activities()->empty());
  EXPECT_TRUE(store->Contents()->activities.empty());
  EXPECT_FALSE(store->SetRunPain(ride_id, 2, std::nullopt).has_value());
  // The importer's duplicate check still sees it, marked.
  auto near = *store->ActivitiesStartingBetween(1.8e9 - 60, 1.8e9 + 60);
  ASSERT_EQ(near.size(), 1u);
  EXPECT_TRUE(near[0].deleted);

  auto undone = store->UndoLastChange();
  ASSERT_TRUE(undone.has_value()) << undone.error().message;
  EXPECT_EQ(undone->action, ChangeAction::kDelete);
  log = *store->Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].id, ride_id);
  EXPECT_EQ(log[0].source, "import:fit");
  EXPECT_EQ(log[1].id, morning_id);
  EXPECT_EQ(log[1].kind, LogKind::kMorning);
  EXPECT_EQ(log[1].run_id, ride_id);
  auto activity = *store->ActivityForRun(ride_id);
  ASSERT_TRUE(activity.has_value());
  EXPECT_EQ(activity->id, activity_id);
  EXPECT_EQ(activity->track, ATrack());
  EXPECT_FALSE(activity->deleted);
  EXPECT_FALSE(store->LastChange()->has_value());
}

TEST_P(StoreContract, KeepsHeartRateAndCadenceAtEveryPointOfATrack) {
  auto store = OpenStore();
  const std::int64_t id = *store->AddImportedRun(RunEntryOn(kDay, 5, 2), ActivityOf(0, 1.8e9), std::nullopt);
  const auto track = (*store->ActivityForRun(id))->track;
  ASSERT_EQ(track.size(), 3u);
  EXPECT_EQ(track[0].heart_rate_bpm, 92);
  EXPECT_FALSE(track[0].cadence_spm.has_value()) << "a value not recorded stays unknown, not 0";
  EXPECT_FALSE(track[1].heart_rate_bpm.has_value());
  EXPECT_EQ(track[1].cadence_spm, 168);
  EXPECT_EQ(track[2].distance_m, 42000);
  EXPECT_EQ(track[2].cadence_spm, 176.5F);

  // A run with neither (a GPX with positions only) keeps its times and distances.
  StoredActivity plain = ActivityOf(0, 1.9e9);
  for (TrackSample& point : plain.track) point.heart_rate_bpm = point.cadence_spm = std::nullopt;
  const std::int64_t plain_id = *store->AddImportedRun(RunEntryOn(AddDays(kDay, 1), 5, 2), plain, std::nullopt);
  EXPECT_EQ((*store->ActivityForRun(plain_id))->track, plain.track);

  // A treadmill run without a foot pod: time and heart rate, no distance.
  StoredActivity treadmill = ActivityOf(0, 2.0e9);
  treadmill.distance_m.reset();
  for (TrackSample& point : treadmill.track) point.distance_m.reset();
  LogEntry by_time = RunEntryOn(AddDays(kDay, 2), 5, 2);
  by_time.distance_m.reset();
  const std::int64_t treadmill_id = *store->AddImportedRun(by_time, treadmill, std::nullopt);
  const auto stored = *store->ActivityForRun(treadmill_id);
  EXPECT_EQ(stored->track, treadmill.track);
  EXPECT_FALSE(stored->distance_m.has_value());
  EXPECT_FALSE(store->LogEntryById(treadmill_id)->distance_m.has_value());

  // And every point survives a backup and its restore.
  auto copy = OpenStoreIn("copy");
  ASSERT_TRUE(copy->Restore(*store->Contents(), /*replace=*/false));
  EXPECT_EQ((*copy->ActivityForRun(id))->track, ATrack());
  EXPECT_EQ((*copy->ActivityForRun(treadmill_id))->track, treadmill.track);
}

TEST_P(StoreContract, KeepsOneRunFromSeveralSourcesWithTheRichestRecording) {
  auto store = OpenStore();
  // Apple Health's summary of the run came first: no track, a rounder distance.
  StoredActivity summary = ActivityOf(0, 1.8e9);
  summary.source = "apple";
  summary.format = "apple-health";
  summary.file = "export.zip/apple_health_export/export.xml";
  summary.track.clear();
  summary.distance_m = 5020;
  const std::int64_t id = *store->AddImportedRun(RunEntryOn(kDay, 5.02, 2), summary,
                                                 ImportMark{"export.zip:1000", "workout 1"});
  ASSERT_TRUE(store->SetActivityTitle(id, "Morning Run", "Easy, the back was quiet"));

  // Then the watch's own file, richer: it replaces the summary, which becomes an alias;
  // the pain score given to the run stays.
  StoredActivity watch = ActivityOf(0, 1.8e9 + 3);
  watch.source = "garmin";
  watch.file = "garmin.zip/UploadedFiles_0-_Part1.zip/123.fit";
  ASSERT_TRUE(store->ReplaceActivity(id, watch, RunFigures{5000, 1500}, std::nullopt));
  const auto stored = *store->ActivityForRun(id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->source, "garmin");
  EXPECT_EQ(stored->track, ATrack());
  ASSERT_EQ(stored->aliases.size(), 1u);
  EXPECT_EQ(stored->aliases[0].source, "apple");
  EXPECT_EQ(stored->aliases[0].distance_m, 5020);
  EXPECT_EQ(store->LogEntryById(id)->pain, 2);
  EXPECT_EQ(store->LogEntryById(id)->distance_m, 5000);
  EXPECT_EQ(store->Log()->size(), 1u) << "one run, not two";

  // A third copy (Strava's) is only recorded.
  ActivityAlias strava{"strava", "export_1.zip/activities/9.fit.gz", "fit", 1.8e9, 5000, 1500, ""};
  ASSERT_TRUE(store->AddActivityAlias(stored->id, strava, std::nullopt));
  EXPECT_EQ((*store->ActivityForRun(id))->aliases.size(), 2u);

  // The service's name stays with the run (the watch file has none), and the names and
  // aliases survive a backup.
  auto copy = OpenStoreIn("copy");
  ASSERT_TRUE(copy->Restore(*store->Contents(), /*replace=*/false));
  const auto restored = *copy->ActivityForRun(id);
  EXPECT_EQ(restored->title, "Morning Run");
  EXPECT_EQ(restored->description, "Easy, the back was quiet");
  EXPECT_EQ(restored->aliases.size(), 2u);
  EXPECT_EQ(restored->aliases[1].file, strava.file);

  EXPECT_FALSE(store->ReplaceActivity(999, watch, std::nullopt, std::nullopt));
  EXPECT_FALSE(store->SetActivityTitle(999, "x", ""));
}

TEST_P(StoreContract, RemembersWhatAnInterruptedImportFinished) {
  auto store = OpenStore();
  const std::string key = "export.zip:123456";
  EXPECT_TRUE(store->ImportedEntries(key)->empty());
  ASSERT_TRUE(store->AddImportedRun(RunEntryOn(kDay, 5, 2), ActivityOf(0, 1.8e9),
                                    ImportMark{key, "activities/1.fit.gz"}));
  ASSERT_TRUE(store->MarkImported({key, "activities/2.gpx"}));
  ASSERT_TRUE(store->MarkImported({key, "activities/2.gpx"})) << "marking twice is harmless";
  ASSERT_TRUE(store->MarkImported({"other.zip:1", "activities/1.fit.gz"}));
  auto done = *store->ImportedEntries(key);
  std::sort(done.begin(), done.end());
  EXPECT_EQ(done, (std::vector<std::string>{"activities/1.fit.gz", "activities/2.gpx"}));
  ASSERT_TRUE(store->ForgetImport(key));
  EXPECT_TRUE(store->ImportedEntries(key)->empty());
  EXPECT_EQ(store->ImportedEntries("other.zip:1")->size(), 1u);
}

TEST_P(StoreContract, AnUnknownIdChangesNothing) {
  auto store = OpenStore();
  const std::int64_t id = *store->AddLogEntry(RunEntryOn(kDay, 2, 1));
  LogEntry missing = RunEntryOn(kDay, 3, 1);
  missing.id = 99;
  auto edited = store->UpdateLogEntry(missing);
  ASSERT_FALSE(edited.has_value());
  EXPECT_EQ(edited.error().code, ErrorCode::kNotFound);
  EXPECT_NE(edited.error().message.find("99"), std::string::npos) << edited.error().message;
  EXPECT_FALSE(store->DeleteLogEntry(99).has_value());
  ASSERT_TRUE(store->DeleteLogEntry(id));
  EXPECT_FALSE(store->DeleteLogEntry(id).has_value()) << "deleted twice";
  // Only the one delete is in the journal.
  ASSERT_TRUE(store->UndoLastChange());
  EXPECT_FALSE(store->LastChange()->has_value());
  EXPECT_EQ(store->Log()->size(), 1u);
}

TEST_P(StoreContract, TheJournalKeepsTheLastChangesOnly) {
  auto store = OpenStore();
  LogEntry run = RunEntryOn(kDay, 2, 1);
  run.id = *store->AddLogEntry(run);
  for (int i = 0; i < Store::kJournalSize + 5; ++i) {
    run.pain = i % 10;
    ASSERT_TRUE(store->UpdateLogEntry(run));
  }
  int undone = 0;
  while (store->UndoLastChange()) ++undone;
  EXPECT_EQ(undone, Store::kJournalSize);
}

}  // namespace
}  // namespace backstride
