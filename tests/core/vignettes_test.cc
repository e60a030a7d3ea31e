// The triage vignettes: each case must get exactly its expected route and red flags.
// The cases live in tests/vignettes/ (the first answers format) and tests/vignettes-v2/
// (the second, DESIGN 2.1a), copied from the team's shared sets so the project stands on
// its own; when the shared sets are present we also check the copies are current, and
// assess the shared second set itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/triage.h"
#include "test_support/shared_data.h"

namespace backstride {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<fs::path> VignetteFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

const fs::path kVignettes = fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes";

std::vector<std::string> Sorted(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<std::string> Ids(const std::vector<RedFlag>& flags) {
  std::vector<std::string> ids;
  for (RedFlag flag : flags) ids.emplace_back(RedFlagId(flag));
  return Sorted(ids);
}

// A vignette's "expect" may also name the signs answered not sure, the urgency, and the
// problems of answers that are read only for their warning signs (a red flag first).
TEST(Vignettes, EachGetsItsRouteAndExactlyItsRedFlags) {
  const auto files = VignetteFiles(kVignettes);
  ASSERT_GE(files.size(), 24u);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const auto vignette = nlohmann::json::parse(ReadFile(file));
    const auto& expect = vignette.at("expect");
    RedFlagAnswers flags{};
    auto answers = ParseAnswers(vignette.at("answers").dump(), &flags);
    std::optional<Triage> triage;
    if (expect.contains("problems")) {
      ASSERT_FALSE(answers.has_value());
      for (const auto& field : expect.at("problems")) {
        EXPECT_NE(answers.error().message.find(field.get<std::string>() + ": "), std::string::npos)
            << field;
      }
      triage = TriageRedFlags(flags);
      ASSERT_TRUE(triage.has_value()) << "a warning sign is read first";
    } else {
      ASSERT_TRUE(answers.has_value()) << answers.error().message;
      triage = TriageAnswers(*answers);
    }
    EXPECT_EQ(RouteId(triage->route), expect.at("route").get<std::string>());
    EXPECT_EQ(Ids(triage->red_flags), Sorted(expect.at("red_flags")));
    if (expect.contains("red_flags_unsure")) {
      EXPECT_EQ(Ids(triage->unsure_flags), Sorted(expect.at("red_flags_unsure")));
    } else {
      EXPECT_TRUE(triage->unsure_flags.empty());
    }
    if (expect.contains("urgency")) {
      ASSERT_TRUE(triage->urgency.has_value());
      EXPECT_EQ(UrgencyId(*triage->urgency), expect.at("urgency").get<std::string>());
    }
  }
}

void ExpectCopiesMatch(const fs::path& shared, const fs::path& copies) {
  BACKSTRIDE_REQUIRE_SHARED(shared, "checking the in-tree copy of the shared vignettes is current");
  const auto shared_files = VignetteFiles(shared);
  ASSERT_FALSE(shared_files.empty()) << shared;
  for (const fs::path& file : shared_files) {
    const fs::path copy = copies / file.filename();
    ASSERT_TRUE(fs::exists(copy)) << "copy " << file.filename() << " into " << copies;
    EXPECT_EQ(nlohmann::json::parse(ReadFile(copy)), nlohmann::json::parse(ReadFile(file)))
        << file.filename() << " changed in the shared set; refresh the copy";
  }
}

TEST(Vignettes, InTreeCopyMatchesTheSharedSet) {
  ExpectCopiesMatch(testing::SharedDir() / "vignettes", kVignettes);
}

// The second screen's cases (DESIGN 2.1a): every answer in the second format, each case
// with its route, its red flags, and its urgency and notices (none unless given).
void ExpectSecondScreenCases(const fs::path& dir) {
  const auto files = VignetteFiles(dir);
  ASSERT_GE(files.size(), 33u) << dir;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const auto vignette = nlohmann::json::parse(ReadFile(file));
    const auto& expect = vignette.at("expect");
    auto answers = ParseAnswers(vignette.at("answers").dump());
    ASSERT_TRUE(answers.has_value()) << answers.error().message;
    EXPECT_EQ(answers->format, AnswersFormat::kSecond);
    const Triage triage = TriageAnswers(*answers);
    EXPECT_EQ(RouteId(triage.route), expect.at("route").get<std::string>());
    EXPECT_EQ(Ids(triage.red_flags), Sorted(expect.at("red_flags")));
    if (expect.contains("urgency")) {
      ASSERT_TRUE(triage.urgency.has_value());
      EXPECT_EQ(UrgencyId(*triage.urgency), expect.at("urgency").get<std::string>());
    }
    std::vector<std::string> notices;
    for (Notice notice : triage.notices) notices.emplace_back(NoticeId(notice));
    EXPECT_EQ(Sorted(notices),
              Sorted(expect.value("notices", std::vector<std::string>{})));
  }
}

TEST(Vignettes, SecondScreenEachGetsItsRouteUrgencyAndNotices) {
  ExpectSecondScreenCases(fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes-v2");
}

TEST(Vignettes, SecondScreenSharedSet) {
  const fs::path shared = testing::SharedDir() / "vignettes-v2";
  BACKSTRIDE_REQUIRE_SHARED(shared, "the team's own second-screen cases (vignettes-v2)");
  ExpectSecondScreenCases(shared);
}

TEST(Vignettes, SecondScreenInTreeCopyMatchesTheSharedSet) {
  ExpectCopiesMatch(testing::SharedDir() / "vignettes-v2",
                    fs::path(BACKSTRIDE_TEST_DATA_DIR) / "vignettes-v2");
}

}  // namespace
}  // namespace backstride
