#pragma once
// What the views of `dxmon show` share: their options, unit names as the catalogue writes them,
// and a value cell as the reports print it. The views with more to say than a list have files of
// their own (show_targets.cpp, show_tasks.cpp); the lists are in cmd_show.cpp.
#include <string>
#include <vector>

#include "core/unit_directory.h"
#include "store/store.h"

namespace dxmon::cli {

struct ShowOptions {
  std::string what;
  std::string programme;
  std::string as_of;
  std::string group;
  std::string indicator;
  std::string unit;
  bool no_wrap = false;  // one line per row, for scripts and grep
};

// The catalogue name of a unit code ("" for ""; the code itself when the catalogue lacks it).
std::string unit_name(const UnitDirectory& dir, const std::string& code);
std::string unit_names(const UnitDirectory& dir, const std::vector<std::string>& codes, const std::string& sep = "; ");
// A value as printed ("58,41%"), "-" for no data, else its number the way the reports write it.
std::string value_cell(const Observation* o);

void show_targets(Store& store, const ShowOptions& opt);
void show_tasks(Store& store, const ShowOptions& opt);

}  // namespace dxmon::cli
