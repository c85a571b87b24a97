#include "report/kinds/report_inputs.h"

#include "store/store.h"

namespace dxmon::report {

ReportInputs load_report_inputs(Store& store, const ReportRequest& request) {
  ReportInputs in;
  in.data = store.load_all();
  if (!request.regime.empty()) in.submissions = store.submissions(request.regime, request.period);
  return in;
}

}  // namespace dxmon::report
