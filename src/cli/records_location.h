#pragma once
// Where the measurement engine of a store keeps its records, shared by ingest and rebuild.
#include <memory>
#include <string>

#include "cli/command.h"
#include "measure/engine.h"

namespace dxmon::cli {

// Opens the engine beside the store (sqlite:PATH → PATH.records/) or in `records_dir` when given
// (required for PostgreSQL), and says on stderr when a crashed ingest was cleaned up.
std::unique_ptr<measure::MeasurementEngine> open_engine(const GlobalOptions& global, Store& store,
                                                        const std::string& records_dir);

}  // namespace dxmon::cli
