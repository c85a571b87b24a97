#pragma once
// Manual judgement (đánh giá của người có thẩm quyền) of a target's class: who set it, when and
// why. Stored like any other catalogue row (Dataset::overrides); how an assessment uses it is in
// assess/override.h. The checks every override must pass live here, so that the store and the
// importer refuse what the assessment would refuse, with the same words.
#include <optional>
#include <string>
#include <vector>

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

// One thing wrong with an override: the field it is about ("why", "who", "fine"), what is wrong
// and how to fix it, in Vietnamese (lower case, no final stop: callers frame them).
struct OverrideFault {
  std::string field;
  std::string what;
  std::string fix;
};

// Empty when the override may be recorded: it needs a reason and an author, and a finer class
// must belong to its group.
std::vector<OverrideFault> override_faults(const Override& o);

// `mục tiêu "04" của chương trình "qd942"`, for messages.
std::string override_subject_vi(const Override& o);

}  // namespace dxmon
