#pragma once
// How the commands print check findings: `dxmon check` in full, `import`, `init` and `report`
// as a count with the findings that concern them.
#include <ostream>
#include <vector>

#include "check/finding.h"
#include "core/dataset.h"
#include "store/store.h"

namespace dxmon::cli {

// One finding: severity, rule and message, then each value with where it comes from.
void print_finding(const check::Finding& finding, std::ostream& out);
// "Kiểm tra số liệu: 3 lỗi, 5 cảnh báo, 1 thông tin." (or that nothing was found).
void print_finding_counts(const std::vector<check::Finding>& findings, std::ostream& out);
// The findings as a JSON array (for scripts).
void print_findings_json(const std::vector<check::Finding>& findings, std::ostream& out);

// The checks over `data` with the relations between indicators it holds (Dataset::relations, stored
// like every other kind). A store with values but no relations gets a note on stderr saying which
// checks could not run and how to load them.
std::vector<check::Finding> run_store_checks(const Dataset& data);

// After an ingest: the rules that look at one value alone (share_bounds, share_consistency) on the
// measured values just written, `indicators` being the measured indicators; prints the count and
// every finding. The rules that compare values need the store's history (dxmon check).
void report_measured_checks(const std::vector<Indicator>& indicators, std::vector<Observation> written,
                            std::ostream& out);

// After an import: runs the checks over the store as it is now (`incoming` already applied) or,
// for a dry run, as it would be, and prints the findings that involve `incoming` in full and a
// count of the rest.
void report_import_checks(Store& store, const Dataset& incoming, bool dry_run, std::ostream& out);

}  // namespace dxmon::cli
