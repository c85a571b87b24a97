#include "core/progress_class.h"

#include "core/enum_names.h"

namespace dxmon {
namespace {

constexpr detail::EnumNames<AssessmentMethod, 3> kMethodIds{{
    {AssessmentMethod::Threshold, "threshold"},
    {AssessmentMethod::Trend, "trend"},
    {AssessmentMethod::Projection, "projection"},
}};
constexpr detail::EnumNames<AssessmentMethod, 3> kMethodLabels{{
    {AssessmentMethod::Threshold, "phương pháp ngưỡng (Kế hoạch năm 2023 của Ủy ban Quốc gia)"},
    {AssessmentMethod::Trend, "phương pháp xu hướng tăng trưởng (Open SDG / Thống kê Canada)"},
    {AssessmentMethod::Projection, "phương pháp dự báo đến năm mục tiêu (Cơ quan Thống kê Liên hợp quốc)"},
}};
constexpr detail::EnumNames<ProgressClass, 9> kClassIds{{
    {ProgressClass::Achieved, "achieved"},
    {ProgressClass::OnTrack, "on_track"},
    {ProgressClass::AboveHalf, "above_half"},
    {ProgressClass::Moderate, "moderate"},
    {ProgressClass::BelowHalf, "below_half"},
    {ProgressClass::Limited, "limited"},
    {ProgressClass::Stagnation, "stagnation"},
    {ProgressClass::Deterioration, "deterioration"},
    {ProgressClass::NoData, "no_data"},
}};
constexpr detail::EnumNames<ProgressClass, 9> kClassLabels{{
    {ProgressClass::Achieved, "đã hoàn thành"},
    {ProgressClass::OnTrack, "đúng tiến độ"},
    {ProgressClass::AboveHalf, "đã thực hiện trên 50%"},
    {ProgressClass::Moderate, "cần tăng tốc"},
    {ProgressClass::BelowHalf, "dưới 50%"},
    {ProgressClass::Limited, "tiến bộ hạn chế"},
    {ProgressClass::Stagnation, "đứng yên hoặc thụt lùi"},
    {ProgressClass::Deterioration, "xu hướng xấu đi"},
    {ProgressClass::NoData, "chưa có số liệu"},
}};
constexpr detail::EnumNames<ReportGroup, 4> kGroupIds{{
    {ReportGroup::Achieved, "achieved"},
    {ReportGroup::LikelyAchieved, "likely"},
    {ReportGroup::NeedsEffort, "needs_effort"},
    {ReportGroup::NoData, "no_data"},
}};
constexpr detail::EnumNames<ReportGroup, 4> kGroupLabels{{
    {ReportGroup::Achieved, "đã hoàn thành"},
    {ReportGroup::LikelyAchieved, "có khả năng hoàn thành cao"},
    {ReportGroup::NeedsEffort, "cần nỗ lực tập trung mới hoàn thành đúng hạn"},
    {ReportGroup::NoData, "chưa có số liệu"},
}};

}  // namespace

std::string_view assessment_method_id(AssessmentMethod m) { return detail::name_of(kMethodIds, m); }
std::optional<AssessmentMethod> parse_assessment_method(std::string_view id) {
  return detail::value_of(kMethodIds, id);
}
std::string_view assessment_method_label_vi(AssessmentMethod m) { return detail::name_of(kMethodLabels, m); }
std::string_view assessment_method_short_vi(AssessmentMethod m) {
  switch (m) {
    case AssessmentMethod::Threshold: return "ngưỡng";
    case AssessmentMethod::Trend: return "xu hướng";
    case AssessmentMethod::Projection: return "dự báo";
  }
  return {};
}
std::string_view progress_class_id(ProgressClass c) { return detail::name_of(kClassIds, c); }
std::optional<ProgressClass> parse_progress_class(std::string_view id) { return detail::value_of(kClassIds, id); }
std::string_view progress_class_label_vi(ProgressClass c) { return detail::name_of(kClassLabels, c); }
std::string_view report_group_id(ReportGroup g) { return detail::name_of(kGroupIds, g); }
std::optional<ReportGroup> parse_report_group(std::string_view id) { return detail::value_of(kGroupIds, id); }
std::string_view report_group_label_vi(ReportGroup g) { return detail::name_of(kGroupLabels, g); }

ReportGroup report_group_of(ProgressClass c) {
  switch (c) {
    case ProgressClass::Achieved: return ReportGroup::Achieved;
    // The threshold method's "more than half way" sits in the middle group, as on-track does.
    case ProgressClass::OnTrack:
    case ProgressClass::AboveHalf: return ReportGroup::LikelyAchieved;
    case ProgressClass::Moderate:
    case ProgressClass::BelowHalf:
    case ProgressClass::Limited:
    case ProgressClass::Stagnation:
    case ProgressClass::Deterioration: return ReportGroup::NeedsEffort;
    case ProgressClass::NoData: return ReportGroup::NoData;
  }
  return ReportGroup::NoData;
}

int progress_class_severity(ProgressClass c) {
  switch (c) {
    case ProgressClass::Achieved: return 0;
    case ProgressClass::OnTrack:
    case ProgressClass::AboveHalf: return 1;
    case ProgressClass::Moderate:
    case ProgressClass::BelowHalf: return 2;
    case ProgressClass::Limited: return 3;
    case ProgressClass::Stagnation: return 4;
    case ProgressClass::Deterioration: return 5;
    case ProgressClass::NoData: return 6;
  }
  return 6;
}

}  // namespace dxmon
