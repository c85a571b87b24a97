#include "assess/summary.h"

#include <stdexcept>

#include "text/number.h"

namespace dxmon {

const GroupCount& AssessmentSummary::of(ReportGroup g) const {
  for (const auto& c : groups)
    if (c.group == g) return c;
  throw std::out_of_range("summary has no group " + std::string(report_group_id(g)));
}

long rounded_percent(long count, long total) {
  if (total <= 0) return 0;
  return (200 * count + total) / (2 * total);
}

std::string summary_line(ReportGroup group, long count, long total, std::string_view noun) {
  const std::string pct = text::format_percent(static_cast<double>(rounded_percent(count, total)), 0);
  std::string s = text::format_count2(count) + "/" + text::format_count2(total) + " " + std::string(noun) + " ";
  switch (group) {
    case ReportGroup::Achieved: return s + "đã hoàn thành (đạt " + pct + ")";
    case ReportGroup::LikelyAchieved: return s + "có khả năng hoàn thành cao (chiếm " + pct + ")";
    // Seed 000 line 33 words the summary "phải nỗ lực …" while its table heading says "cần nỗ lực …".
    case ReportGroup::NeedsEffort: return s + "phải nỗ lực tập trung mới hoàn thành đúng hạn (chiếm " + pct + ")";
    case ReportGroup::NoData: return s + "chưa có số liệu (chiếm " + pct + ")";
  }
  return s;
}

AssessmentSummary summarize(const ProgrammeAssessment& assessment, bool use_overrides, std::string_view noun) {
  AssessmentSummary out;
  out.total = static_cast<long>(assessment.targets.size());
  for (ReportGroup g : kReportGroups) {
    GroupCount c;
    c.group = g;
    c.total = out.total;
    for (const auto& t : assessment.targets)
      if ((use_overrides ? t.effective_group() : t.computed_group()) == g) ++c.count;
    c.percent = rounded_percent(c.count, c.total);
    c.text = summary_line(g, c.count, c.total, noun);
    out.groups.push_back(std::move(c));
  }
  return out;
}

}  // namespace dxmon
