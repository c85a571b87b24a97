// The portable build of the NDJSON scanner (see ndjson_scan.h).
#define SIMDJSON_BUILTIN_IMPLEMENTATION fallback
#include <simdjson.h>

#include <cstring>

#include "measure/flat_json.h"
#include "measure/ndjson_scan.h"

namespace dxmon::measure::detail {
namespace NS = simdjson::fallback;
#define DXMON_NDJSON_FUNCTION parse_ndjson_portable
#include "measure/ndjson_body.inc"
}  // namespace dxmon::measure::detail
