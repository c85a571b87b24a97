#pragma once
// `dxmon import`: read CSV, XLSX and JSON files, validate everything against the store's catalogue
// and the files themselves, and apply it all in one transaction — or, if anything is wrong, write
// nothing and return every problem.
#include <optional>
#include <string>
#include <vector>

#include "io/mapping.h"
#include "io/problem.h"
#include "store/store.h"

namespace dxmon::io {

struct ImportOptions {
  std::string kind;   // "units", "observations", …; empty: from file names, sheet names, JSON keys
  std::string sheet;  // XLSX: read only this sheet
  bool dry_run = false;
  ChangeContext context;
  std::optional<Date> today;  // for resolving agency names; default: today in Vietnam (UTC+7)
};

struct TableRead {
  std::string file, sheet, kind;
  int rows = 0;
};

struct ImportReport {
  Problems problems;                   // empty when the import is valid
  std::vector<TableRead> tables;       // what was read from where
  Dataset data;                        // what was (or, with dry_run, would be) applied
  std::optional<ApplyResult> applied;  // set when the store was written
  bool ok() const { return problems.empty(); }
};

ImportReport import_files(Store& store, const std::vector<std::string>& paths, const ImportOptions& options);

// Reading and validating only, against a given catalogue (import_files uses the store's).
ImportReport read_files(const std::vector<std::string>& paths, const ImportOptions& options, const Catalogue& catalogue);

// Today's civil date in Vietnam.
Date today_in_vietnam();

}  // namespace dxmon::io
