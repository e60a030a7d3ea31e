// What the importer tells a runner about each file: every reason worded from the content,
// with its facts in the runner's units and no template name left.
#include <gtest/gtest.h>

#include "app/import.h"
#include "content/content.h"

namespace backstride {
namespace {

ImportedFile AFileWithEveryFact() {
  ImportedFile file;
  file.file = "watch/run.fit";
  file.detail = "the decoder's own words";
  Activity activity;
  activity.sport = Sport::kCycling;
  activity.distance_m = 21000;
  activity.timer_s = 3549;  // 2:49 /km
  file.activity = activity;
  RunSummary run;
  run.date = *ParseDate("2026-02-27");
  run.distance_m = 18;
  run.duration_s = 13;
  file.run = run;
  MatchedRun match;
  match.run_id = 7;
  match.file = "watch/run.gpx";
  match.date = *ParseDate("2026-02-26");
  match.distance_m = 5020;
  match.duration_s = 1812;
  file.match = match;
  return file;
}

TEST(ImportText, EveryReasonHasItsSentenceWithEveryNameFilled) {
  auto content = LoadBuiltinContent();
  ASSERT_TRUE(content.has_value());
  ImportedFile file = AFileWithEveryFact();
  for (ImportReason reason : AllImportReasons()) {
    file.reason = reason;
    const std::string id(ImportReasonId(reason));
    if (reason == ImportReason::kNone) {
      EXPECT_EQ(ImportReasonText(file, DistanceUnit::kKilometres), "");
      continue;
    }
    EXPECT_TRUE((*content)->messages.contains("import." + id)) << id;
    for (DistanceUnit units : {DistanceUnit::kKilometres, DistanceUnit::kMiles}) {
      const std::string text = ImportReasonText(file, units);
      EXPECT_EQ(text.find('{'), std::string::npos) << id << ": " << text;
      EXPECT_EQ(text.find('_'), std::string::npos) << id << " shows an id: " << text;
    }
  }
}

TEST(ImportText, TheFactsAreWordedInTheRunnersUnits) {
  ImportedFile file = AFileWithEveryFact();
  file.reason = ImportReason::kTooShort;
  EXPECT_EQ(ImportReasonText(file, DistanceUnit::kKilometres),
            "Too short to be a run (0.02 km in 0:13): a recording under 30 seconds or 0.10 km is "
            "taken for an accidental start.");
  EXPECT_NE(ImportReasonText(file, DistanceUnit::kMiles).find("0.06 mi"), std::string::npos);
  file.reason = ImportReason::kDuplicate;
  EXPECT_EQ(ImportReasonText(file, DistanceUnit::kKilometres),
            "The same run as your run of 2026-02-26 (5.02 km in 30:12) is stored already.");
  file.reason = ImportReason::kNotARun;
  EXPECT_EQ(ImportReasonText(file, DistanceUnit::kKilometres), "Not a run: a ride.");
  file.reason = ImportReason::kPaceNotARun;
  EXPECT_NE(ImportReasonText(file, DistanceUnit::kKilometres).find("2:49 /km"), std::string::npos);
}

TEST(ImportText, AnImportedRunSaysWhatToCheck) {
  ImportedFile file = AFileWithEveryFact();
  file.status = ImportStatus::kImported;
  file.reason = ImportReason::kNone;
  EXPECT_TRUE(ImportNoticeTexts(file, DistanceUnit::kKilometres).empty());
  file.pace_implausible = true;
  file.run->distance_m.reset();
  const auto notices = ImportNoticeTexts(file, DistanceUnit::kKilometres);
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_NE(notices[0].find("2:49 /km"), std::string::npos) << notices[0];
  EXPECT_NE(notices[1].find("No distance was recorded"), std::string::npos) << notices[1];
  EXPECT_EQ(ImportWarningText("the file ends early: 1986 of 121823 data bytes"),
            "Read with a warning: the file ends early: 1986 of 121823 data bytes.");
  const auto said = ImportWarningTexts({"a track has no times", "1 point left out",
                                        "a track has no times", "a track has no times"});
  ASSERT_EQ(said.size(), 2u);
  EXPECT_EQ(said[0], "Read with a warning, 3 times: a track has no times.");
  EXPECT_EQ(said[1], "Read with a warning: 1 point left out.");
}

}  // namespace
}  // namespace backstride
