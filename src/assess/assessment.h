#pragma once
// Assessment of a whole programme as of a period: for every target, each item's current value
// (with provenance and staleness), its base value, progress, and a class by a named method; then
// the target's class by the multi-item rule; overrides on top. Rules: docs/assessment.md.
#include <optional>
#include <string>
#include <vector>

#include "assess/classify.h"
#include "assess/override.h"
#include "core/progress_class.h"
#include "assess/target_values.h"

namespace dxmon {

struct AssessmentOptions {
  AssessmentMethod method = AssessmentMethod::Threshold;
  // When the trend or projection method cannot be applied to an item (fewer than two usable
  // values, no deadline), classify that item by the threshold method instead and say so.
  // Off: the item is "chưa có số liệu" for that method.
  bool fall_back_to_threshold = true;
  // A value older than the period assessed is used (and flagged stale). Off: it is ignored and
  // the item counts as having no value.
  bool use_stale_values = true;
};

struct ItemAssessment {
  const TargetItem* item = nullptr;
  const Indicator* indicator = nullptr;
  const Observation* current = nullptr;  // latest usable value within the period assessed
  const Observation* base = nullptr;     // earliest usable value before `current`
  bool stale = false;                    // current value's period ends before the period assessed
  std::optional<double> share_of_target; // threshold p (direction-aware)
  std::optional<double> distance_covered;  // (vt − v0) ÷ (T − v0)
  Classification classification;         // by the method actually used (see `fell_back`)
  bool fell_back = false;                // the requested method could not apply: threshold used
  std::string note;                      // stale, scope and fall-back remarks, Vietnamese
};

struct TargetAssessment {
  const Target* target = nullptr;
  std::vector<ItemAssessment> items;
  ProgressClass computed = ProgressClass::NoData;  // by the multi-item rule
  std::string explanation;                         // the deciding item's explanation (+ notes)
  std::optional<Override> override_;               // manual judgement, if any

  bool stale() const;  // any item used a stale value
  ReportGroup computed_group() const { return report_group_of(computed); }
  // The class the report counts: the override's when there is one.
  ReportGroup effective_group() const { return override_ ? override_->group : computed_group(); }
  std::optional<ProgressClass> effective_fine() const;
};

struct ProgrammeAssessment {
  const Programme* programme = nullptr;
  Period as_of;
  AssessmentOptions options;
  std::vector<TargetAssessment> targets;  // in the programme's printed order

  TargetAssessment* find(std::string_view target_code);
  const TargetAssessment* find(std::string_view target_code) const;
};

// The latest usable observation (a value, not flagged no_data) whose period ends on or before the
// end of `as_of`; nullptr if none. Among periods ending the same day, the longer period wins
// (the year's figure over its fourth quarter's).
const Observation* current_observation(const TargetItemValues& values, const Period& as_of);
// The earliest usable observation whose period ends before `current`'s.
const Observation* base_observation(const TargetItemValues& values, const Observation& current);

// The multi-item rule: all items achieved → achieved; otherwise the worst item's class; an item
// without a value makes the target "chưa có số liệu" unless the worst known item is already in
// the needs-effort group (docs/assessment.md, "Targets with several items").
ProgressClass combine_items(const std::vector<ProgressClass>& items);

ProgrammeAssessment assess_programme(const ProgrammeValues& values, const Period& as_of,
                                     const AssessmentOptions& options = {});

// "năm 2023", "kỳ 2024-Q1": how explanations name a period.
std::string period_phrase(const Period& p);

}  // namespace dxmon
