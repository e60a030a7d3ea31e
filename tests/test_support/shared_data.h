// Where the tests find their files, and what a test does when the team's shared folder
// is missing.
//
// Two kinds of test data:
//  - tests/data/: small real files whose licences let the project keep them (see
//    tests/data/PROVENANCE.md). Always present; tests that use only these never skip.
//  - ../shared beside the repository: the real-file corpus (../shared/corpus, mostly GPL
//    and AGPL files the project may not copy), the seed article and the shared vignette
//    sets. A developer may not have it, so a test that needs it skips, with a message.
//    Where it is expected (CI=true, or BACKSTRIDE_REQUIRE_CORPUS=1) the same test fails
//    instead: a run in which these tests were skipped must not look green.
#ifndef BACKSTRIDE_TESTS_TEST_SUPPORT_SHARED_DATA_H_
#define BACKSTRIDE_TESTS_TEST_SUPPORT_SHARED_DATA_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace backstride::testing {

// The small licensed real files kept in the project, laid out as the corpus is (fit/,
// gpx/, tcx/, expected/), named as there (SOURCE--original-name).
std::filesystem::path InTreeFiles();

// The shared folder: $BACKSTRIDE_SHARED_DIR when set and not empty, else ../shared
// beside the repository. The folder may not exist.
std::filesystem::path SharedDir();

// SharedDir() / "corpus".
std::filesystem::path CorpusDir();

// True when missing shared data must fail a test rather than skip it: CI is "true" or
// "1", or BACKSTRIDE_REQUIRE_CORPUS is "1" (read from the environment on each call).
bool SharedDataRequired();

// Empty if `path` exists. Otherwise a message naming `path`, what it is needed for
// (`why`), where it is looked for, and whether the test skips or fails because of it.
std::string MissingSharedData(const std::filesystem::path& path, std::string_view why);

}  // namespace backstride::testing

// Use at the top of a test (or of a void helper it calls) that reads shared data:
//   BACKSTRIDE_REQUIRE_SHARED(CorpusDir() / "fit", "every FIT file of the corpus");
// Continues if `path` exists; otherwise skips the test, or fails it where the shared
// data is required (see SharedDataRequired), and returns from the enclosing function.
#define BACKSTRIDE_REQUIRE_SHARED(path, why)                       \
  if (const std::string backstride_missing_ =                      \
          ::backstride::testing::MissingSharedData((path), (why)); \
      backstride_missing_.empty()) {                               \
  } else if (::backstride::testing::SharedDataRequired()) {        \
    GTEST_FAIL() << backstride_missing_;                           \
  } else                                                           \
    GTEST_SKIP() << backstride_missing_

#endif  // BACKSTRIDE_TESTS_TEST_SUPPORT_SHARED_DATA_H_
