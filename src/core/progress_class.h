#pragma once
// The classes an assessment puts a target in: each method's own finer class (ProgressClass), the
// three groups the reports print plus "chưa có số liệu" (ReportGroup), and the method names.
// The rules behind every class are in docs/assessment.md.
#include <optional>
#include <string_view>

namespace dxmon {

// Named classification methods (METHODS.md §2).
enum class AssessmentMethod {
  Threshold,   // national committee plan 2023: met / ≥ half way / < half way
  Trend,       // Open SDG / Statistics Canada growth ratio
  Projection,  // UN Statistics Division projection to the target year
};

// A method's finer class. Which method yields which class is in docs/assessment.md.
enum class ProgressClass {
  Achieved,       // đã hoàn thành: the value satisfies the target's comparator
  OnTrack,        // trend R ≥ 0,95 (or substantial growth, no target); projection P ≥ 0,95
  AboveHalf,      // threshold: not met, p ≥ 0,5 (đã thực hiện trên 50%)
  Moderate,       // trend 0,60 ≤ R < 0,95; projection 0,10 ≤ P < 0,95 (cần tăng tốc)
  BelowHalf,      // threshold: p < 0,5 (dưới 50%)
  Limited,        // trend 0 ≤ R < 0,60
  Stagnation,     // projection P < 0,10; zero change where change was needed
  Deterioration,  // trend R < 0: moving away from the target
  NoData,         // no usable value (chưa có số liệu)
};

// The groups the reports print, plus a group of its own for targets without a usable value.
enum class ReportGroup { Achieved, LikelyAchieved, NeedsEffort, NoData };

inline constexpr ReportGroup kReportGroups[] = {ReportGroup::Achieved, ReportGroup::LikelyAchieved,
                                                ReportGroup::NeedsEffort, ReportGroup::NoData};

std::string_view assessment_method_id(AssessmentMethod m);  // "threshold", "trend", "projection"
std::optional<AssessmentMethod> parse_assessment_method(std::string_view id);
std::string_view assessment_method_label_vi(AssessmentMethod m);
std::string_view assessment_method_short_vi(AssessmentMethod m);  // "ngưỡng", "xu hướng", "dự báo"

std::string_view progress_class_id(ProgressClass c);  // "achieved", "on_track", ...
std::optional<ProgressClass> parse_progress_class(std::string_view id);
std::string_view progress_class_label_vi(ProgressClass c);  // "đúng tiến độ", "dưới 50%", ...

std::string_view report_group_id(ReportGroup g);  // "achieved", "likely", "needs_effort", "no_data"
std::optional<ReportGroup> parse_report_group(std::string_view id);
// The reports' own words: "đã hoàn thành", "có khả năng hoàn thành cao",
// "cần nỗ lực tập trung mới hoàn thành đúng hạn", "chưa có số liệu".
std::string_view report_group_label_vi(ReportGroup g);

// The report group of a finer class (docs/assessment.md, "Mapping to the reports' words").
ReportGroup report_group_of(ProgressClass c);

// Order from best (0) to worst, used to take the worst item of a target. NoData is not ranked
// here (it is handled by its own rule); it returns the largest value.
int progress_class_severity(ProgressClass c);

}  // namespace dxmon
