#pragma once
// Progress of one measured value toward one target item: whether it is met and how far along it
// is, direction-aware. Ranges on either side are reduced to one number by the rules written in
// docs/assessment.md ("Ranges"). No I/O; pure computation.
#include <optional>
#include <string>

#include "core/indicator.h"
#include "core/period.h"
#include "core/programme.h"

namespace dxmon {

// A target as the methods see it.
struct TargetSpec {
  Comparator comparator = Comparator::AtLeast;
  std::optional<double> value;      // absent: qualitative target (no number)
  std::optional<double> value_max;  // upper end of a range target
  Direction direction = Direction::HigherIsBetter;
  std::optional<double> time;       // target year as a time (year_time of the deadline)

  // The one number the growth formulas aim at: for a range, the end nearest in the good
  // direction (the lower end when higher is better, the upper end when lower is better).
  std::optional<double> effective_value() const;
};

// A measured value at a time.
struct ValuePoint {
  double value = 0;                 // lower end when the value is a range
  std::optional<double> value_max;  // upper end of a range value ("7,2-7,8%")
  double time = 0;                  // year_time of the period's last day
  std::string label;                // the period as shown in explanations ("2023")

  // The number the growth formulas use: a range value counts by its least favourable end (the
  // lower end when higher is better, the upper end when lower is better).
  double effective(Direction d) const;
};

// The direction a target says is good: ≥ and > mean higher is better, ≤ and < lower is better;
// = defers to the indicator. The comparator is the target's own statement, so it wins over a
// catalogue direction that contradicts it.
Direction target_direction(Comparator c, Direction indicator_direction);

// Time in years of a period's end: 2023 → 2024.0 (end of 31 December 2023), 2024-Q1 → 2024.25 (≈).
// Years measure the gaps in CAGR formulas, so two consecutive annual values are exactly 1 apart.
double year_time(const Period& p);

// Whether a value satisfies a target (docs/assessment.md, "Met"). A range target is met when the
// value lies in it or beyond it in the good direction; a range value is judged by its least
// favourable end (for =, the target must lie within the range). Qualitative targets are never met
// by a number.
bool target_met(const TargetSpec& target, const ValuePoint& v);

// Share of the target reached (the threshold method's p): vt ÷ T when higher is better; mirrored,
// T ÷ vt, when lower is better (a value at or below zero then counts as fully reached).
// Absent for a qualitative target; 0 when the formula has no meaning (T = 0 with higher-is-better
// and vt < 0).
std::optional<double> share_of_target(const TargetSpec& target, const ValuePoint& current);

// Share of the way from the base to the target that has been covered: (vt − v0) ÷ (T − v0).
// Direction-neutral by construction. Absent when T = v0 or the target is qualitative.
std::optional<double> distance_covered(const TargetSpec& target, const ValuePoint& base,
                                       const ValuePoint& current);

}  // namespace dxmon
