#include "report/kinds/report_kinds.h"

namespace dxmon::report {

const std::vector<ReportKind>& report_kinds() {
  // The order is the order `dxmon report --help` and the web UI list them in.
  static const std::vector<ReportKind> kinds = {
      {"annual", "Báo cáo năm về các mục tiêu của chương trình", true, false, build_annual_report},
      {"plan", "Báo cáo kết quả thực hiện kế hoạch hành động", true, false, build_plan_report},
      {"periodic", "Báo cáo định kỳ (tháng, quý) về chuyển đổi số quốc gia", false, false,
       build_periodic_report},
      {"quality", "Báo cáo chất lượng dữ liệu", false, false, build_quality_report},
      {"rates", "Báo cáo tỷ lệ gửi báo cáo của các cơ quan", false, true, build_rates_report},
  };
  return kinds;
}

const ReportKind* find_report_kind(std::string_view id) {
  for (const ReportKind& kind : report_kinds())
    if (kind.id == id) return &kind;
  return nullptr;
}

}  // namespace dxmon::report
