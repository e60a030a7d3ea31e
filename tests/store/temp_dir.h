// A folder of its own for each store a test opens, removed afterwards.
#ifndef BACKSTRIDE_TESTS_STORE_TEMP_DIR_H_
#define BACKSTRIDE_TESTS_STORE_TEMP_DIR_H_

#include <unistd.h>

#include <filesystem>
#include <string>

namespace backstride {

class TempDir {
 public:
  TempDir() {
    // The process id and one counter for the whole binary: no two folders share a name,
    // across the test files of one binary or two binaries run side by side.
    path_ = std::filesystem::temp_directory_path() /
            ("backstride-store-test-" + std::to_string(getpid()) + "-" + std::to_string(next_++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  static inline int next_ = 0;
  std::filesystem::path path_;
};

}  // namespace backstride

#endif  // BACKSTRIDE_TESTS_STORE_TEMP_DIR_H_
