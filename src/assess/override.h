#pragma once
// Manual judgement (đánh giá của người có thẩm quyền): a person sets a target's class, with who,
// when and why. The assessment keeps the computed class next to it; the override's class is the
// effective one. An override without a reason is rejected.
#include <optional>
#include <string>
#include <vector>

#include "assess/progress_class.h"
#include "core/date.h"

namespace dxmon {

struct ProgrammeAssessment;

struct Override {
  std::string programme;                 // programme code
  std::string target;                    // target code within the programme
  ReportGroup group = ReportGroup::NoData;  // the class as the reports word it
  std::optional<ProgressClass> fine;     // a finer class, when the person gives one
  std::string who;                       // person or body that decided
  std::optional<Date> when;
  std::string why;                       // required
  bool operator==(const Override&) const = default;
};

// Throws std::invalid_argument (message in Vietnamese, naming the target and what to add) when
// the reason or the author is missing, or when `fine` contradicts `group`.
void validate_override(const Override& o);

// Attaches each override to its target (validating it first). Throws std::invalid_argument when
// an override names a target the assessment does not have, or two overrides name one target.
void apply_overrides(ProgrammeAssessment& assessment, const std::vector<Override>& overrides);

}  // namespace dxmon
