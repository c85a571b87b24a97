#include "report/kinds/report_inputs.h"

#include <stdexcept>

#include "io/relations_file.h"
#include "store/store.h"

namespace dxmon::report {

ReportInputs load_report_inputs(Store& store, const std::string& relations_csv, const ReportRequest& request) {
  ReportInputs in;
  in.data = store.load_all();
  io::Problems problems;
  in.relations = io::read_relations_file(relations_csv, problems);
  if (!problems.empty()) {
    // The checks behind every report need this knowledge: a broken file is an error, not a silent gap.
    std::string text = "Tệp quan hệ giữa các chỉ tiêu có lỗi:";
    for (const auto& p : problems) text += "\n  " + p.to_string();
    throw std::invalid_argument(text);
  }
  if (!request.regime.empty()) in.submissions = store.submissions(request.regime, request.period);
  return in;
}

}  // namespace dxmon::report
