#pragma once
// Manual judgement (đánh giá của người có thẩm quyền): a person sets a target's class, with who,
// when and why. The assessment keeps the computed class next to it; the override's class is the
// effective one. An override without a reason is rejected.
#include <optional>
#include <string>
#include <vector>

#include "core/override.h"

namespace dxmon {

struct ProgrammeAssessment;

// Throws std::invalid_argument (message in Vietnamese, naming the target and what to add) when
// the reason or the author is missing, or when `fine` contradicts `group` (core's override_faults()).
void validate_override(const Override& o);

// Attaches to its target each override whose period is the one assessed (`assessment.as_of`);
// overrides of other periods are validated but not applied (a judgement of 2023 does not class
// 2024). Returns how many were attached. Throws std::invalid_argument when an override names a
// target the assessment does not have, or two overrides name one target in one period.
int apply_overrides(ProgrammeAssessment& assessment, const std::vector<Override>& overrides);

}  // namespace dxmon
