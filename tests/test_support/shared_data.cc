#include "test_support/shared_data.h"

#include <cstdlib>
#include <system_error>

namespace backstride::testing {
namespace {

namespace fs = std::filesystem;

std::string_view Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string_view() : std::string_view(value);
}

// Why the shared data is required in this run, or empty if it is not.
std::string RequiredBecause() {
  const std::string_view ci = Env("CI");
  if (ci == "true" || ci == "1") return "CI=" + std::string(ci);
  if (Env("BACKSTRIDE_REQUIRE_CORPUS") == "1") return "BACKSTRIDE_REQUIRE_CORPUS=1";
  return {};
}

}  // namespace

fs::path InTreeFiles() { return fs::path(BACKSTRIDE_TEST_DATA_DIR) / "data"; }

fs::path SharedDir() {
  const std::string_view dir = Env("BACKSTRIDE_SHARED_DIR");
  return dir.empty() ? fs::path(BACKSTRIDE_SHARED_DIR) : fs::path(dir);
}

fs::path CorpusDir() { return SharedDir() / "corpus"; }

bool SharedDataRequired() { return !RequiredBecause().empty(); }

std::string MissingSharedData(const fs::path& path, std::string_view why) {
  std::error_code error;
  if (fs::exists(path, error)) return {};
  std::string message = "Missing shared test data: " + path.string() + "\n  needed for " +
                        std::string(why) + ".\n  The shared folder is looked for at " +
                        SharedDir().string() +
                        " (../shared beside the repository, or $BACKSTRIDE_SHARED_DIR).";
  const std::string because = RequiredBecause();
  if (because.empty()) {
    message += "\n  Skipped; with CI=true or BACKSTRIDE_REQUIRE_CORPUS=1 this test fails instead.";
  } else {
    message += "\n  Required because " + because +
               ": a run that skips tests for want of shared data must not pass.";
  }
  return message;
}

}  // namespace backstride::testing
