#pragma once
// Helpers shared by the report renderer tests: a scratch directory, files, and the golden check.
#include <string>

namespace dxmon::report::testing {

// A fresh directory under the system temp directory, unique to this process and `name`.
std::string scratch_dir(const std::string& name);
void write_file(const std::string& path, const std::string& bytes);
std::string read_file(const std::string& path);

// Compares `actual` with tests/report/golden/<name> byte for byte. With DXMON_UPDATE_GOLDEN=1 the
// golden file is rewritten instead. Returns an empty string when they match, else a message with
// the first differing line and how to update.
std::string check_golden(const std::string& name, const std::string& actual);

}  // namespace dxmon::report::testing
