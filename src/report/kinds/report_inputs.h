#pragma once
// What every report kind is built from: everything read from the store once (so a report is a pure
// function of its inputs and can be compared with golden files), and what the user asked for.
// `dxmon report KIND` loads the inputs (load_report_inputs) and calls the kind's builder
// (report_kinds.h); tests build inputs from the built-in data without a store.
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "core/dataset.h"

namespace dxmon {
class Store;
}

namespace dxmon::report {

struct ReportInputs {
  // Units, indicators, programmes, targets, values, tasks, overrides (all programmes), regimes,
  // and the relations between indicators the checks use.
  Dataset data;
  std::vector<Submission> submissions;              // of the requested regime and period (rates report)
};

struct ReportRequest {
  std::string programme;             // programme code (annual, plan); empty for kinds without one
  Period period;                     // the period reported on: 2023, 2024-Q1, 2024-03 …
  AssessmentMethod method = AssessmentMethod::Threshold;
  bool apply_overrides = true;       // false: classes as computed, differences listed
  std::string regime;                // rates report: regime code
  Date date;                         // the report's date (front matter, overdue judged on it)
  std::string number;                // document number ("14/BC-BTTTT"); empty: "     /BC-…" blank
  std::string signer;                // who signs ("Nguyễn Huy Dũng"); empty: the line is left to sign
  std::string signer_title;          // the signer's position ("THỨ TRƯỞNG", default); "Bộ trưởng": no "KT."
  std::vector<std::string> recipients;  // Nơi nhận, each item as printed; empty: the default list
};

// Reads everything a report needs from the store. Submissions are those of request.regime and
// request.period.
ReportInputs load_report_inputs(Store& store, const ReportRequest& request);

}  // namespace dxmon::report
