#include "cli/data_dir.h"

#include <filesystem>
#include <system_error>

namespace dxmon::cli {

namespace fs = std::filesystem;

namespace {

bool holds_builtin_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "units.csv", ec);
}

fs::path running_executable() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : p;
}

}  // namespace

std::vector<std::string> data_dir_candidates(const std::string& exe_path) {
  fs::path exe = exe_path.empty() ? running_executable() : fs::path(exe_path);
  std::vector<std::string> out;
  if (!exe.empty()) {
    const fs::path bin = exe.parent_path();
    for (const fs::path& dir : {bin / "data", bin.parent_path() / "data", bin.parent_path() / "share" / "dxmon" / "data"})
      out.push_back(dir.lexically_normal().string());
  }
  out.emplace_back(DXMON_DATA_DIR);
  return out;
}

std::string default_data_dir(const char* env_value) {
  if (env_value && *env_value) return env_value;
  for (const std::string& dir : data_dir_candidates())
    if (holds_builtin_data(dir)) return dir;
  return DXMON_DATA_DIR;
}

}  // namespace dxmon::cli
