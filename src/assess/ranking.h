#pragma once
// Rankings of units (xếp hạng): by one indicator's values or by a composite of points ÷ maximum
// (as the DTI index does, METHODS.md §3). Equal scores share a rank and the next rank skips
// (1, 1, 3); the change since the previous period is shown, and new entries are marked.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/indicator.h"
#include "core/observation.h"
#include "core/period.h"

namespace dxmon {

struct UnitScore {
  std::string unit;  // unit code
  double score = 0;
};

struct RankedUnit {
  std::string unit;
  double score = 0;
  int rank = 0;                      // 1 = best
  bool tied = false;                 // shares its rank with another unit
  std::optional<int> previous_rank;  // absent: not ranked in the previous period
  std::optional<int> rank_change;    // previous − current: +2 = moved up two places
  bool is_new = false;               // ranked now, not in the previous ranking (when one was given)
};

// Ranks by score, best first: highest first when higher is better, lowest first otherwise.
// Scores equal within 1e-9 (relative) tie. Units with the same score are listed by code.
std::vector<RankedUnit> rank_units(std::vector<UnitScore> scores, Direction direction);

// Fills previous_rank, rank_change and is_new from an earlier ranking of the same kind.
void compare_with_previous(std::vector<RankedUnit>& current, const std::vector<RankedUnit>& previous);

// The change of rank as the reports write it: "tăng 2 bậc", "giảm 1 bậc", "giữ nguyên", "mới";
// "-" when there was no previous ranking to compare with.
std::string rank_change_vi(const RankedUnit& r, bool compared);

// The period just before `p`, of the same type: 2024-03 → 2024-02, 2024-Q1 → 2023-Q4, 2024 → 2023,
// 2024-H1 → 2023-H2; nine months and days go back one year and one day.
Period preceding_period(const Period& p);

// Each unit's usable value of `indicator` in `period` (the national figure excluded; of several
// documents the one with the latest as_of counts), by unit code.
std::map<std::string, const Observation*> unit_values(const std::vector<Observation>& observations,
                                                      const std::string& indicator, const Period& period);

// Ranks the units with a usable value of `indicator` in `period` (the national figure excluded;
// of several documents the one with the latest as_of counts), in the indicator's direction.
// With `previous`, the change since that period is filled in.
std::vector<RankedUnit> rank_by_indicator(const std::vector<Observation>& observations, const Indicator& indicator,
                                          const Period& period, const std::optional<Period>& previous = std::nullopt);

// A component of a composite index and its maximum points (DTI 2022: 9 main indicators, 1.000
// points; QĐ 766/QĐ-TTg: five components, 100 points).
struct CompositeComponent {
  std::string code;
  std::string name;
  double max_points = 0;
};

struct UnitPoints {
  std::string unit;
  std::map<std::string, double> points;  // component code → points obtained
};

struct CompositeScore {
  std::string unit;
  double points = 0;      // total obtained
  double max_points = 0;  // total possible
  double index = 0;       // points ÷ max_points
  std::map<std::string, double> component_index;  // each component's points ÷ its maximum
  std::vector<std::string> missing;  // components with no points given (counted as 0)
};

// Throws std::invalid_argument (Vietnamese: which unit, which component, the value and the
// allowed range) for points below 0 or above the component's maximum, an unknown component, or a
// component whose maximum is not positive.
std::vector<CompositeScore> composite_scores(const std::vector<CompositeComponent>& components,
                                             const std::vector<UnitPoints>& units);
// Ranks composite scores by index, higher first.
std::vector<RankedUnit> rank_composite(const std::vector<CompositeScore>& scores);

}  // namespace dxmon
