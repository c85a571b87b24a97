#pragma once
// A weighted composite index of units built from the values in the store (METHODS.md §3): each
// component is an indicator with a maximum number of points; a unit's points in it come from its
// value of the indicator in the period, and its index is points obtained ÷ maximum points, as the
// DTI index and the service index of Quyết định 766/QĐ-TTg compute theirs. Rules: docs/assessment.md §9.
#include <functional>
#include <string>
#include <vector>

#include "assess/ranking.h"
#include "core/dataset.h"

namespace dxmon {

// The points a unit's value earns in a component of `max_points`:
//   an indicator counted in points ("điểm"): the value itself (0…max, checked by composite_scores());
//   a share in % where higher is better: value ÷ 100 × max; lower is better: (100 − value) ÷ 100 × max.
// Throws std::invalid_argument (Vietnamese) for another kind of indicator: a count has no maximum.
void require_component(const Indicator& indicator);
double component_points(const Indicator& indicator, double value, double max_points);

// Every unit with a value of at least one component's indicator in `period` (the national figure
// excluded; of several documents the latest as-of counts), with its points per component;
// `keep` selects the units (a group in force). Components whose indicator is not in `data` are
// refused with std::invalid_argument naming them.
std::vector<UnitPoints> units_points(const Dataset& data, const std::vector<CompositeComponent>& components,
                                     const Period& period, const std::function<bool(const std::string&)>& keep);

}  // namespace dxmon
