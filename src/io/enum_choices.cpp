#include "io/enum_choices.h"

#include "text/text.h"

namespace dxmon::io {

const Choices<UnitKind>& unit_kind_choices() {
  static const Choices<UnitKind> c = [] {
    Choices<UnitKind> out;
    for (UnitKind k : {UnitKind::National, UnitKind::Ministry, UnitKind::MinistryLevelAgency, UnitKind::GovernmentAgency,
                       UnitKind::Province, UnitKind::CentralCity, UnitKind::Other})
      out.push_back({k, {unit_kind_id(k), unit_kind_label_vi(k)}});
    return out;
  }();
  return c;
}

const Choices<UnitGroup>& unit_group_choices() {
  static const Choices<UnitGroup> c = [] {
    Choices<UnitGroup> out;
    for (UnitGroup g : {UnitGroup::Ministries, UnitGroup::Provinces, UnitGroup::MinistriesAndProvinces, UnitGroup::Nation})
      out.push_back({g, {unit_group_id(g), unit_group_label_vi(g)}});
    return out;
  }();
  return c;
}

const Choices<SuccessionKind>& succession_kind_choices() {
  static const Choices<SuccessionKind> c = {
      {SuccessionKind::Full, {succession_kind_id(SuccessionKind::Full), succession_kind_label_vi(SuccessionKind::Full),
                              "sáp nhập", "hợp nhất"}},
      {SuccessionKind::Partial, {succession_kind_id(SuccessionKind::Partial),
                                 succession_kind_label_vi(SuccessionKind::Partial), "chuyển giao chức năng"}},
  };
  return c;
}

const Choices<Direction>& direction_choices() {
  static const Choices<Direction> c{{Direction::HigherIsBetter, {"higher", "cao hơn là tốt", "tăng"}},
                                    {Direction::LowerIsBetter, {"lower", "thấp hơn là tốt", "giảm"}}};
  return c;
}

const Choices<IndicatorKind>& indicator_kind_choices() {
  static const Choices<IndicatorKind> c{{IndicatorKind::Reported, {"reported", "báo cáo"}},
                                        {IndicatorKind::Ratio, {"ratio", "tỷ số"}},
                                        {IndicatorKind::AgencyShare, {"agency_share"}},
                                        {IndicatorKind::Measured, {"measured", "đo tự động"}}};
  return c;
}

const Choices<Aggregation>& aggregation_choices() {
  static const Choices<Aggregation> c{{Aggregation::Sum, {"sum", "tổng"}},
                                      {Aggregation::Average, {"average", "trung bình"}},
                                      {Aggregation::Last, {"last", "cuối kỳ"}},
                                      {Aggregation::None, {"none", "không"}}};
  return c;
}

const Choices<ProgrammeKind>& programme_kind_choices() {
  static const Choices<ProgrammeKind> c{{ProgrammeKind::Programme, {"programme", "chương trình"}},
                                        {ProgrammeKind::Plan, {"plan", "kế hoạch"}},
                                        {ProgrammeKind::Strategy, {"strategy", "chiến lược"}},
                                        {ProgrammeKind::Scheme, {"scheme", "đề án"}}};
  return c;
}

const Choices<ProvenanceKind>& provenance_choices() {
  static const Choices<ProvenanceKind> c{{ProvenanceKind::Report, {"report", "báo cáo"}},
                                         {ProvenanceKind::Submission, {"submission", "gửi số liệu"}},
                                         {ProvenanceKind::Measurement, {"measurement", "đo tự động"}},
                                         {ProvenanceKind::Import, {"import", "nhập"}}};
  return c;
}

const Choices<TaskStatus>& task_status_choices() {
  static const Choices<TaskStatus> c = [] {
    Choices<TaskStatus> out;
    for (TaskStatus s : {TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Completed, TaskStatus::Overdue,
                         TaskStatus::Stopped})
      out.push_back({s, {task_status_id(s), task_status_label_vi(s)}});
    // Other wordings the reports use.
    out[0].second.insert(out[0].second.end(), {"chưa thực hiện", "chưa bắt đầu"});
    out[1].second.insert(out[1].second.end(), {"đang triển khai"});
    out[2].second.insert(out[2].second.end(), {"đã hoàn thành"});
    out[3].second.insert(out[3].second.end(), {"chậm tiến độ"});
    out[4].second.insert(out[4].second.end(), {"dừng", "tạm dừng"});
    return out;
  }();
  return c;
}

const Choices<ReportGroup>& report_group_choices() {
  static const Choices<ReportGroup> c = [] {
    Choices<ReportGroup> out;
    for (ReportGroup g : kReportGroups) out.push_back({g, {report_group_id(g), report_group_label_vi(g)}});
    // The longer wording seed 000 prints for the third group.
    out[2].second.push_back("cần nỗ lực tập trung mới có thể hoàn thành đúng hạn");
    return out;
  }();
  return c;
}

const Choices<ProgressClass>& progress_class_choices() {
  static const Choices<ProgressClass> c = [] {
    Choices<ProgressClass> out;
    for (ProgressClass k : {ProgressClass::Achieved, ProgressClass::OnTrack, ProgressClass::AboveHalf,
                            ProgressClass::Moderate, ProgressClass::BelowHalf, ProgressClass::Limited,
                            ProgressClass::Stagnation, ProgressClass::Deterioration, ProgressClass::NoData})
      out.push_back({k, {progress_class_id(k), progress_class_label_vi(k)}});
    return out;
  }();
  return c;
}

const Choices<PeriodType>& frequency_choices() {
  static const Choices<PeriodType> c = [] {
    Choices<PeriodType> out;
    for (auto [t, word] : {std::pair{PeriodType::Month, "tháng"}, std::pair{PeriodType::Quarter, "quý"},
                           std::pair{PeriodType::HalfYear, "6 tháng"}, std::pair{PeriodType::NineMonths, "9 tháng"},
                           std::pair{PeriodType::Year, "năm"}})
      out.push_back({t, {frequency_id(t), frequency_label_vi(t), word}});
    return out;
  }();
  return c;
}

const Choices<CutoffRule>& cutoff_choices() {
  static const Choices<CutoffRule> c{
      {CutoffRule::Calendar, {"calendar", "theo lịch", "kỳ thống kê"}},
      {CutoffRule::Decree09, {"nd09", "Nghị định 09/2019/NĐ-CP", "Nghị định 09"}}};
  return c;
}

bool ObservationFlags::*flag_named(std::string_view word) {
  std::string k = text::fold(word);
  if (k == "estimate" || k == "uoc tinh") return &ObservationFlags::estimate;
  if (k == "forecast" || k == "du bao") return &ObservationFlags::forecast;
  if (k == "preliminary" || k == "so bo") return &ObservationFlags::preliminary;
  if (k == "no data" || k == "khong co so lieu" || k == "chua co so lieu") return &ObservationFlags::no_data;
  return nullptr;
}

std::optional<Comparator> comparator_of(text::Bound b) {
  switch (b) {
    case text::Bound::AtLeast: return Comparator::AtLeast;
    case text::Bound::Above: return Comparator::Above;
    case text::Bound::Equal: return Comparator::Equal;
    case text::Bound::AtMost: return Comparator::AtMost;
    case text::Bound::Below: return Comparator::Below;
    case text::Bound::About: return Comparator::Equal;
    case text::Bound::None: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace dxmon::io
