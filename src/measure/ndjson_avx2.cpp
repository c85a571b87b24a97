// The AVX2 build of the NDJSON scanner (see ndjson_scan.h).
#pragma GCC push_options
#pragma GCC target("avx2,bmi,bmi2,pclmul,lzcnt,popcnt")
#define SIMDJSON_BUILTIN_IMPLEMENTATION haswell
#include <simdjson.h>

#include <cstring>

#include "measure/flat_json.h"
#include "measure/ndjson_scan.h"

namespace dxmon::measure::detail {
namespace NS = simdjson::haswell;
#define DXMON_NDJSON_FUNCTION parse_ndjson_avx2
#include "measure/ndjson_body.inc"
}  // namespace dxmon::measure::detail
#pragma GCC pop_options
