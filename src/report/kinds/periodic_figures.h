#pragma once
// The national figures of a reporting period and their same-period comparison (so sánh cùng kỳ),
// as seed 002 prints them (line 83: "Chỉ tiêu | Số liệu tháng 02/2023 | Số liệu tháng 02/2024").
// A quarter's report carries the figures stored for the quarter and for its months: seed 002 gives
// the Q1/2024 infrastructure indicators for February, compared with February 2023.
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace dxmon::report {

// One row of a comparison table: the indicator's figure of the period and of the same period one
// year earlier.
struct PeriodFigure {
  const Indicator* indicator = nullptr;
  const Observation* current = nullptr;
  const Observation* previous = nullptr;  // null: no figure for the same period last year
};

// The national figures (not measured) of `period`: per indicator the figure stored for the period
// itself, else for the latest sub-period it contains; in catalogue order. Of several documents
// for one period the latest as-of date counts (then the first document, so "X" before "X#2").
std::vector<PeriodFigure> national_figures(const Dataset& data, const Period& period);

// The stored figure of one indicator, unit and period (same choice among documents as above).
const Observation* stored_figure(const std::vector<Observation>& observations, const std::string& indicator,
                                 const std::string& unit, const Period& period, bool measured);

// The figure as printed ("81,8%", "hơn 7,9 triệu", "69/179"), or formatted from the value; "-"
// when there is none.
std::string figure_text(const Indicator& indicator, const Observation* o);
// Where the figure comes from: "BC-Q1-2024, seed 002 line 84"; measured figures name the
// measurement ("đo tự động").
std::string figure_source(const Observation& o);
// The change since the same period last year: shares in percentage points ("tăng 4,1 điểm %"),
// other quantities relative ("tăng 17,07%"); "-" when either value is missing.
std::string change_text(const Indicator& indicator, const Observation* previous, const Observation* current);

// The distinct periods with national figures (reported or measured), in time order.
std::vector<Period> periods_with_national_data(const Dataset& data);

}  // namespace dxmon::report
