#pragma once
// Synthetic dossier records for the demo, the tests and the benchmark: deterministic for a seed.
// Agencies and procedures are Zipf-skewed, months follow a seasonal curve (a Tết dip in February,
// a year-end rush), procedures have fixed service levels, fees and deadlines, some completions are
// late, and a share of dossiers is re-sent later in the file with a newer state (status updates).
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/unit.h"

namespace dxmon::measure {

struct GeneratorOptions {
  std::uint64_t records = 100000;  // lines written (re-sent states included)
  std::uint64_t seed = 1;
  int year = 2024;                 // dossiers are received in this year
  bool ndjson = false;
  double resend_rate = 0.3;        // share of dossiers sent first in an earlier state
  double bad_rate = 0.0;           // share of deliberately bad records
  int procedures = 2000;           // national procedure codes
};

struct GeneratorResult {
  std::uint64_t records = 0;
  std::uint64_t dossiers = 0;
  std::uint64_t bad = 0;
};

// Agencies are the units (not the nation) valid in the chosen year. Writes to `out`.
GeneratorResult generate_records(const std::vector<ReportingUnit>& units, const GeneratorOptions& options,
                                 std::ostream& out);

}  // namespace dxmon::measure
