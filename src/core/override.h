#pragma once
// Manual judgement (đánh giá của người có thẩm quyền) of a target's class: who set it, when and
// why. Stored like any other catalogue row (Dataset::overrides); validation and how an assessment
// uses it are in assess/override.h.
#include <optional>
#include <string>

#include "core/date.h"
#include "core/progress_class.h"

namespace dxmon {

struct Override {
  std::string programme;                 // programme code
  std::string target;                    // target code within the programme
  ReportGroup group = ReportGroup::NoData;  // the class as the reports word it
  std::optional<ProgressClass> fine;     // a finer class, when the person gives one
  std::string who;                       // person or body that decided
  std::optional<Date> when;
  std::string why;                       // required
  std::string source;                    // where the judgement is recorded (document, seed line)
  bool operator==(const Override&) const = default;
};

}  // namespace dxmon
