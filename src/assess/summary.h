#pragma once
// Summary counts in the reports' form: "07/35 mục tiêu đã hoàn thành (đạt 20%)".
// Counts are two-digit, percentages whole and rounded half-up (8/35 = 22,86 → 23%).
#include <string>
#include <string_view>
#include <vector>

#include "assess/assessment.h"

namespace dxmon {

struct GroupCount {
  ReportGroup group = ReportGroup::NoData;
  long count = 0;
  long total = 0;
  long percent = 0;  // whole percent, half-up
  std::string text;  // the sentence fragment as the report prints it
};

struct AssessmentSummary {
  long total = 0;
  std::vector<GroupCount> groups;  // achieved, likely, needs effort, no data — in that order
  const GroupCount& of(ReportGroup g) const;
};

// Whole percent of count/total rounded half-up, in integers (no floating-point surprises at .5).
long rounded_percent(long count, long total);

// "07/35 mục tiêu đã hoàn thành (đạt 20%)", "20/35 mục tiêu có khả năng hoàn thành cao (chiếm 57%)",
// "08/35 mục tiêu phải nỗ lực tập trung mới hoàn thành đúng hạn (chiếm 23%)",
// "13/35 mục tiêu chưa có số liệu (chiếm 37%)". `noun` is "mục tiêu" or "chỉ tiêu".
std::string summary_line(ReportGroup group, long count, long total, std::string_view noun = "mục tiêu");

// Counts by effective class (overrides applied) or, with use_overrides = false, by computed class.
// The no-data group is always listed, so a reader sees it even when it is 00.
AssessmentSummary summarize(const ProgrammeAssessment& assessment, bool use_overrides = true,
                            std::string_view noun = "mục tiêu");

}  // namespace dxmon
