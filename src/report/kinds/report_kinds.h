#pragma once
// The report kinds (loại báo cáo): each builder turns the store's contents into a report::Document
// that the renderers (render.h) write as DOCX, HTML, Markdown, XLSX or JSON. A builder reads only
// its inputs, so the same inputs always give the same document. Builders throw
// std::invalid_argument with a Vietnamese message saying what to fix when the request cannot be
// served (unknown programme, a period the programme has no values for, a regime missing …).
#include <string>
#include <string_view>
#include <vector>

#include "report/document.h"
#include "report/kinds/report_inputs.h"

namespace dxmon::report {

// The annual report on a programme's targets, as seed 000 §I and its appendix: targets grouped by
// class (STT | Chỉ tiêu | Kết quả <year−1> | Kết quả <year> | Mục tiêu <target year>), summary
// counts, computed classes against overrides and the printed grouping, tasks by lead agency.
Document build_annual_report(const ReportInputs& in, const ReportRequest& rq);
// The plan report, as seed 004 §I–§II: TT | Chỉ tiêu | Cơ quan chủ trì | Kết quả | Mục tiêu, the
// agencies behind each share as footnotes, task counts per agency.
Document build_plan_report(const ReportInputs& in, const ReportRequest& rq);
// The periodic (monthly or quarterly) national report, as seed 002: same-period comparison tables.
Document build_periodic_report(const ReportInputs& in, const ReportRequest& rq);
// The data-quality report: every check finding with its values and their sources.
Document build_quality_report(const ReportInputs& in, const ReportRequest& rq);
// The reporting-rate report of a regime for a period: who sent, on time, late, not at all.
Document build_rates_report(const ReportInputs& in, const ReportRequest& rq);

struct ReportKind {
  std::string_view id;        // "annual", "plan", "periodic", "quality", "rates"
  std::string_view label_vi;  // "Báo cáo năm về các mục tiêu của chương trình"
  bool needs_programme;
  bool needs_regime;
  Document (*build)(const ReportInputs&, const ReportRequest&);
};

const std::vector<ReportKind>& report_kinds();
const ReportKind* find_report_kind(std::string_view id);

}  // namespace dxmon::report
