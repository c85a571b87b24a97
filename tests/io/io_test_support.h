#pragma once
// Shared helpers of the io tests: temporary directories, a fresh SQLite store, the built-in data.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <unistd.h>


#include "io/import.h"
#include "store/store.h"

namespace dxmon::io::testing {

// A directory under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("dxmon-io-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

// The built-in data files in dependency order (what `dxmon init` imports).
inline std::vector<std::string> builtin_files() {
  std::vector<std::string> out;
  for (const char* name : {"units", "successions", "indicators", "programmes", "targets", "observations", "tasks",
                           "task_statuses", "task_counts", "overrides", "regimes", "indicator_relations"})
    out.push_back(std::string(DXMON_DATA_DIR) + "/" + name + ".csv");
  return out;
}

inline std::string fixture(const std::string& name) { return std::string(DXMON_FIXTURES_DIR) + "/" + name; }

// A fixed "today" so that name resolution does not depend on the day the tests run.
inline ImportOptions options() {
  ImportOptions o;
  o.today = Date{2024, 6, 1};
  o.context.who = "test";
  o.context.when = "2024-06-01T00:00:00Z";
  return o;
}

inline std::string all_problems(const ImportReport& r) {
  std::string out;
  for (const auto& p : r.problems) out += p.to_string() + "\n";
  return out;
}

}  // namespace dxmon::io::testing
