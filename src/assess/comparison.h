#pragma once
// Computed classes against the classes a report printed (Target::printed_group): where they
// differ and why, e.g. "giá trị 99% chưa đạt mục tiêu 100%", "không có số liệu năm 2023".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/assessment.h"

namespace dxmon {

// A printed group heading read by folded-text matching. "Các chỉ tiêu chưa hoàn thành" (seed 004)
// says only "not achieved": it does not choose between the two lower groups.
struct PrintedGroup {
  std::optional<ReportGroup> group;
  bool not_achieved = false;
  bool known() const { return group.has_value() || not_achieved; }
};
PrintedGroup parse_printed_group(std::string_view printed);

struct ClassDifference {
  const TargetAssessment* target = nullptr;
  std::string code;        // target code
  std::string printed_no;  // STT as printed
  std::string printed;     // printed group, verbatim
  PrintedGroup printed_group;
  ProgressClass computed = ProgressClass::NoData;
  ReportGroup computed_group = ReportGroup::NoData;
  std::string reason;      // Vietnamese
};

// Targets whose computed class differs from their printed group, in programme order. Targets
// with no printed group, or one that cannot be read, are not listed.
std::vector<ClassDifference> compare_with_printed(const ProgrammeAssessment& assessment);

}  // namespace dxmon
