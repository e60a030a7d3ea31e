// The triage vignettes: each case must get exactly its expected route and red flags.
// The cases live in tests/vignettes/ (copied from the team's shared set so the project
// stands on its own); when the shared set is present we also check the copy is current.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/triage.h"

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

TEST(Vignettes, EachGetsItsRouteAndExactlyItsRedFlags) {
  const auto files = VignetteFiles(kVignettes);
  ASSERT_GE(files.size(), 18u);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const auto vignette = nlohmann::json::parse(ReadFile(file));
    auto answers = ParseAnswers(vignette.at("answers").dump());
    ASSERT_TRUE(answers.has_value()) << answers.error().message;
    const Triage triage = TriageAnswers(*answers);
    EXPECT_EQ(RouteId(triage.route), vignette.at("expect").at("route").get<std::string>());

    std::vector<std::string> found;
    for (RedFlag flag : triage.red_flags) found.emplace_back(RedFlagId(flag));
    auto expected = vignette.at("expect").at("red_flags").get<std::vector<std::string>>();
    std::sort(found.begin(), found.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(found, expected);
  }
}

TEST(Vignettes, InTreeCopyMatchesTheSharedSet) {
  const fs::path shared = fs::path(BACKSTRIDE_SHARED_DIR) / "vignettes";
  const auto shared_files = VignetteFiles(shared);
  if (shared_files.empty()) GTEST_SKIP() << "no shared vignettes beside the project";
  for (const fs::path& file : shared_files) {
    const fs::path copy = kVignettes / file.filename();
    ASSERT_TRUE(fs::exists(copy)) << "copy " << file.filename() << " into tests/vignettes";
    EXPECT_EQ(nlohmann::json::parse(ReadFile(copy)), nlohmann::json::parse(ReadFile(file)))
        << file.filename() << " changed in the shared set; refresh the copy";
  }
}

}  // namespace
}  // namespace backstride
