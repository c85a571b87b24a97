#pragma once
// The service indicators dxmon measures from dossier records (METHODS §5), as catalogue rows
// (kind `measured`), and their computation from the engine's counters: per agency × month, rolled
// up to quarter, half-year, nine months and year, and to the nation — always from counters, never
// by averaging shares.
#include <string>
#include <vector>

#include "core/indicator.h"
#include "core/observation.h"
#include "core/unit.h"
#include "measure/measurement_state.h"

namespace dxmon::measure {

// The document every measured observation carries (part of the observation key).
inline constexpr std::string_view kMeasuredDocument = "đo tự động";

// The catalogue rows of the measured indicators (the same rows as data/indicators_measured.csv).
const std::vector<Indicator>& service_indicators();

// The numbers behind one agency (or group) × period.
struct ServiceCounts {
  std::int64_t c[kCounterCount] = {};
  std::int64_t services = 0;               // agency × procedure pairs with a dossier received
  std::int64_t services_full = 0;          // … with a toàn trình dossier
  std::int64_t services_partial_only = 0;  // … with a một phần dossier and no toàn trình one
  std::int64_t online_services = 0;        // pairs with a dossier of an online service level
  std::int64_t online_services_used = 0;   // … of which at least one received online
};

// Observations for the agency × months marked touched in `state`, with every period containing them
// (month, quarter, half-year, nine months, year) for those agencies and for the nation.
// `everything` ignores the marks and covers every agency and month with data.
std::vector<Observation> measured_observations(const MeasurementState& state, bool everything = false);

// The counts of one agency (or, with agency -1, of every agency in `group`) over a period.
ServiceCounts service_counts(const MeasurementState& state, int agency, const Period& period,
                             std::optional<UnitGroup> group = std::nullopt);

}  // namespace dxmon::measure
