#pragma once
// Manual judgement (đánh giá của người có thẩm quyền) of a target's class for one assessment
// period: who set it, when and why. A judgement of 2023 says nothing about 2024, so the period is
// part of its key: one target may have one override per period. Stored like any other catalogue
// row (Dataset::overrides); how an assessment uses it is in assess/override.h. The checks every override must pass live here, so that the store and the
// importer refuse what the assessment would refuse, with the same words.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "core/progress_class.h"

namespace dxmon {

struct Override {
  std::string programme;                 // programme code
  std::string target;                    // target code within the programme
  Period period{PeriodType::Year, 0, 0, 0};  // the assessment period judged (năm 2023); year 0 = not given
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

// Empty when the override may be recorded: it needs a period, a reason and an author, and a
// finer class must belong to its group.
std::vector<OverrideFault> override_faults(const Override& o);

// `mục tiêu "04" của chương trình "qd942" (năm 2023)`, for messages.
std::string override_subject_vi(const Override& o);

// The key overrides are stored and matched under: programme, target and period.
std::string override_key(const Override& o);

}  // namespace dxmon
