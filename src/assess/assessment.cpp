#include "assess/assessment.h"

#include <algorithm>

#include "core/unit.h"

namespace dxmon {
namespace {

bool usable(const Observation& o) { return o.value.has_value() && !o.flags.no_data; }

std::string period_label(const Period& p) { return p.type == PeriodType::Year ? std::to_string(p.year) : p.id(); }

ValuePoint point_of(const Observation& o) {
  return ValuePoint{*o.value, o.value_max, year_time(o.period), period_label(o.period)};
}

// Earlier end first; for the same end, the longer period is "later" (preferred as current).
bool ends_before(const Period& a, const Period& b) {
  if (a.last_day() != b.last_day()) return a.last_day() < b.last_day();
  return a.first_day() > b.first_day();
}

}  // namespace

std::string period_phrase(const Period& p) {
  static constexpr const char* kRoman[] = {"", "I", "II", "III", "IV"};
  switch (p.type) {
    case PeriodType::Year: return "năm " + std::to_string(p.year);
    case PeriodType::Quarter: return std::string("quý ") + kRoman[std::clamp(p.index, 0, 4)] + "/" + std::to_string(p.year);
    case PeriodType::Month: return "tháng " + std::to_string(p.index) + "/" + std::to_string(p.year);
    case PeriodType::HalfYear:
      return std::string(p.index == 1 ? "06 tháng đầu năm " : "06 tháng cuối năm ") + std::to_string(p.year);
    case PeriodType::NineMonths: return "9 tháng năm " + std::to_string(p.year);
    case PeriodType::Day: return "ngày " + p.first_day().iso();
  }
  return p.id();
}

const Observation* current_observation(const TargetItemValues& values, const Period& as_of) {
  const Observation* best = nullptr;
  for (const auto& [period, obs] : values.by_period) {
    if (!obs || !usable(*obs) || period.last_day() > as_of.last_day()) continue;
    if (!best || ends_before(best->period, period)) best = obs;
  }
  return best;
}

const Observation* base_observation(const TargetItemValues& values, const Observation& current) {
  const Observation* best = nullptr;
  for (const auto& [period, obs] : values.by_period) {
    if (!obs || !usable(*obs) || period.last_day() >= current.period.last_day()) continue;
    if (!best || period.last_day() < best->period.last_day()) best = obs;
  }
  return best;
}

ProgressClass combine_items(const std::vector<ProgressClass>& items) {
  if (items.empty()) return ProgressClass::NoData;
  bool any_missing = false;
  std::optional<ProgressClass> worst;
  for (ProgressClass c : items) {
    if (c == ProgressClass::NoData) {
      any_missing = true;
      continue;
    }
    if (!worst || progress_class_severity(c) > progress_class_severity(*worst)) worst = c;
  }
  if (!worst) return ProgressClass::NoData;
  // A missing item could be anything, so the known worst is only an upper bound: it decides the
  // class only when it is already in the lowest group.
  if (any_missing && report_group_of(*worst) != ReportGroup::NeedsEffort) return ProgressClass::NoData;
  return *worst;
}

bool TargetAssessment::stale() const {
  return std::any_of(items.begin(), items.end(), [](const ItemAssessment& i) { return i.stale; });
}

std::optional<ProgressClass> TargetAssessment::effective_fine() const {
  if (override_) return override_->fine;
  return computed;
}

TargetAssessment* ProgrammeAssessment::find(std::string_view code) {
  for (auto& t : targets)
    if (t.target->code == code) return &t;
  return nullptr;
}
const TargetAssessment* ProgrammeAssessment::find(std::string_view code) const {
  return const_cast<ProgrammeAssessment*>(this)->find(code);
}

namespace {

ItemAssessment assess_item(const Target& target, const TargetItemValues& values, const Period& as_of,
                           const AssessmentOptions& options) {
  ItemAssessment ia;
  ia.item = values.item;
  ia.indicator = values.indicator;
  const TargetItem& item = *values.item;
  std::vector<std::string> notes;
  if (item.scope) notes.push_back("phạm vi: " + std::string(unit_group_label_vi(*item.scope)));

  const Observation* current = current_observation(values, as_of);
  if (current && current->period.last_day() < as_of.first_day()) {
    ia.stale = true;
    if (options.use_stale_values) {
      notes.push_back("giá trị của " + period_phrase(current->period) + ", cũ hơn kỳ đánh giá (" +
                      period_phrase(as_of) + ")");
    } else {
      notes.push_back("không dùng giá trị của " + period_phrase(current->period) + " vì cũ hơn kỳ đánh giá");
      current = nullptr;
    }
  }
  ia.current = current;
  ia.base = current ? base_observation(values, *current) : nullptr;

  const Direction indicator_direction = values.indicator ? values.indicator->direction : Direction::HigherIsBetter;
  ClassifyInput in;
  in.target.comparator = item.comparator;
  in.target.value = item.value;
  in.target.value_max = item.value_max;
  in.target.direction = target_direction(item.comparator, indicator_direction);
  if (target.deadline) in.target.time = year_time(*target.deadline);
  in.unit = values.indicator ? values.indicator->unit : std::string();
  if (in.unit == "%" && in.target.direction == Direction::HigherIsBetter) in.limit = 100.0;
  if (ia.current) in.current = point_of(*ia.current);
  if (ia.base) in.base = point_of(*ia.base);

  ia.classification = classify(options.method, in);
  if (ia.classification.insufficient && in.current && options.method != AssessmentMethod::Threshold &&
      options.fall_back_to_threshold) {
    const std::string why = ia.classification.explanation;
    ia.classification = classify_threshold(in);
    ia.fell_back = true;
    notes.push_back("không áp dụng được phương pháp " + std::string(assessment_method_short_vi(options.method)) +
                    ": " + why + "; đánh giá theo phương pháp ngưỡng");
  }
  if (!in.current) ia.classification.explanation = "không có số liệu " + period_phrase(as_of);
  if (in.current) {
    ia.share_of_target = share_of_target(in.target, *in.current);
    if (in.base) ia.distance_covered = distance_covered(in.target, *in.base, *in.current);
  }
  for (const auto& n : notes) ia.note += (ia.note.empty() ? "" : "; ") + n;
  return ia;
}

}  // namespace

ProgrammeAssessment assess_programme(const ProgrammeValues& values, const Period& as_of,
                                     const AssessmentOptions& options) {
  ProgrammeAssessment pa;
  pa.programme = values.programme;
  pa.as_of = as_of;
  pa.options = options;
  for (const TargetValues& tv : values.targets) {
    TargetAssessment ta;
    ta.target = tv.target;
    std::vector<ProgressClass> classes;
    for (const TargetItemValues& iv : tv.items) {
      ta.items.push_back(assess_item(*tv.target, iv, as_of, options));
      classes.push_back(ta.items.back().classification.cls);
    }
    ta.computed = combine_items(classes);
    // Explain by the item that decided the class (the first one holding it).
    for (const ItemAssessment& ia : ta.items) {
      if (ia.classification.cls != ta.computed && !(ta.computed == ProgressClass::NoData && !ia.current)) continue;
      if (ta.items.size() > 1 && !ia.item->label.empty()) ta.explanation = ia.item->label + ": ";
      ta.explanation += ia.classification.explanation;
      if (!ia.note.empty()) ta.explanation += " (" + ia.note + ")";
      break;
    }
    if (ta.explanation.empty() && tv.items.empty()) ta.explanation = "mục tiêu chưa gắn chỉ tiêu đo lường";
    if (ta.explanation.empty()) ta.explanation = "một số thành phần chưa có số liệu " + period_phrase(as_of);
    pa.targets.push_back(std::move(ta));
  }
  return pa;
}

}  // namespace dxmon
