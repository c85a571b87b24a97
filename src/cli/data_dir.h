#pragma once
// Where the built-in data (data/) is, so that a built or installed binary finds it wherever it is
// run from. In order: --data-dir; the environment variable DXMON_DATA_DIR; a data folder next to
// the executable or one level up (build/dxmon → data/; bin/dxmon → share/dxmon/data/); and last the
// source tree's data/ compiled in at build time (DXMON_DATA_DIR), which only exists where it was built.
#include <string>
#include <vector>

namespace dxmon::cli {

// The folders tried after --data-dir and the environment variable, in order, for an executable at
// `exe_path` (empty: the running one). A folder counts only if it holds units.csv.
std::vector<std::string> data_dir_candidates(const std::string& exe_path = "");

// The first candidate that holds the built-in data, else the compiled-in path (init then reports
// that it is missing and names --data-dir). `env_value` is DXMON_DATA_DIR's value, or null.
std::string default_data_dir(const char* env_value);

}  // namespace dxmon::cli
