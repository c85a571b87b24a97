#include "report_test_util.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace dxmon::report::testing {

namespace fs = std::filesystem;

namespace {
// Removes the scratch directories when the test program ends (set DXMON_KEEP_SCRATCH=1 to keep
// them, e.g. to look at the rendered DOCX and PDF).
struct ScratchDirs {
  std::vector<fs::path> dirs;
  ~ScratchDirs() {
    const char* keep = std::getenv("DXMON_KEEP_SCRATCH");
    if (keep && std::string(keep) == "1") return;
    std::error_code ec;
    for (const fs::path& d : dirs) fs::remove_all(d, ec);
  }
};
ScratchDirs scratch;
}  // namespace

std::string scratch_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("dxmon_report_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  scratch.dirs.push_back(dir);
  return dir.string();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string check_golden(const std::string& name, const std::string& actual) {
  fs::path path = fs::path(DXMON_FIXTURES_DIR) / ".." / "report" / "golden" / name;
  const char* update = std::getenv("DXMON_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(path.parent_path());
    write_file(path.string(), actual);
    return {};
  }
  if (!fs::exists(path))
    return "golden file " + path.lexically_normal().string() +
           " is missing; run the tests with DXMON_UPDATE_GOLDEN=1 to write it, then review it";
  std::string expected = read_file(path.string());
  if (expected == actual) return {};
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (int line = 1;; ++line) {
    bool more_e = static_cast<bool>(std::getline(e, el)), more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) break;
    if (!more_e || !more_a || el != al)
      return name + " differs from the golden file at line " + std::to_string(line) + ":\n  golden: " +
             (more_e ? el : "<end of file>") + "\n  actual: " + (more_a ? al : "<end of file>") +
             "\nIf the change is intended, rerun with DXMON_UPDATE_GOLDEN=1 and review the diff "
             "(git diff tests/report/golden).";
  }
  return name + " differs from the golden file (line endings or a final newline)";
}

}  // namespace dxmon::report::testing
