#include "assess/comparison.h"

#include "text/text.h"

namespace dxmon {
namespace {

bool has(const std::string& folded, std::string_view phrase) {
  // Whole-word containment on the folded, space-separated text.
  const std::string padded = " " + folded + " ";
  return padded.find(" " + std::string(phrase) + " ") != std::string::npos;
}

std::string value_text(const Observation& o, const std::string& unit) {
  if (!o.as_printed.empty()) return text::squish(o.as_printed);
  return format_quantity(*o.value, unit);
}

std::string target_text(const TargetItem& item, const std::string& unit) {
  if (!item.as_printed.empty()) return item.as_printed;
  if (item.value) return std::string(comparator_symbol(item.comparator)) + " " + format_quantity(*item.value, unit);
  return "định tính";
}

std::string reason_for(const TargetAssessment& t, const PrintedGroup& printed) {
  // Printed as achieved while a measured item is not met: name the value and the target.
  if (printed.group == ReportGroup::Achieved && t.computed != ProgressClass::NoData) {
    for (const ItemAssessment& i : t.items) {
      if (!i.current || i.classification.cls == ProgressClass::Achieved) continue;
      const std::string unit = i.indicator ? i.indicator->unit : std::string();
      std::string r = "giá trị " + value_text(*i.current, unit) + " chưa đạt mục tiêu " + target_text(*i.item, unit);
      if (i.stale) r += " (" + i.note + ")";
      return r;
    }
  }
  return t.explanation;
}

}  // namespace

PrintedGroup parse_printed_group(std::string_view printed) {
  const std::string f = text::fold(printed);
  PrintedGroup g;
  if (f.empty()) return g;
  if (has(f, "chua co so lieu") || has(f, "khong co so lieu")) g.group = ReportGroup::NoData;
  else if (has(f, "kha nang hoan thanh")) g.group = ReportGroup::LikelyAchieved;
  else if (has(f, "no luc")) g.group = ReportGroup::NeedsEffort;
  else if (has(f, "chua hoan thanh") || has(f, "khong hoan thanh")) g.not_achieved = true;
  else if (has(f, "da hoan thanh") || f.rfind("hoan thanh", 0) == 0 || has(f, "cac chi tieu hoan thanh"))
    g.group = ReportGroup::Achieved;
  return g;
}

std::vector<ClassDifference> compare_with_printed(const ProgrammeAssessment& assessment) {
  std::vector<ClassDifference> out;
  for (const TargetAssessment& t : assessment.targets) {
    const PrintedGroup printed = parse_printed_group(t.target->printed_group);
    if (!printed.known()) continue;
    const ReportGroup computed = t.computed_group();
    const bool differs = printed.group ? *printed.group != computed
                                       : (computed == ReportGroup::Achieved || computed == ReportGroup::NoData);
    if (!differs) continue;
    ClassDifference d;
    d.target = &t;
    d.code = t.target->code;
    d.printed_no = t.target->printed_no;
    d.printed = t.target->printed_group;
    d.printed_group = printed;
    d.computed = t.computed;
    d.computed_group = computed;
    d.reason = reason_for(t, printed);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace dxmon
