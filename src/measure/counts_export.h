#pragma once
// The per agency × month counters as CSV: the answer to the benchmark's query (bench/), and a way
// to compare dxmon's numbers with any other engine's.
#include <ostream>

#include "measure/measurement_state.h"

namespace dxmon::measure {

// Header: agency,month,received,online,fee_bearing,paid_online,completed,on_time,result_digitised,
// rated,rating_sum — rows with any non-zero count, ordered by agency code then month (YYYY-MM).
void write_counts_csv(const MeasurementState& state, std::ostream& out);

}  // namespace dxmon::measure
