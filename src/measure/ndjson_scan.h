#pragma once
// The NDJSON scanner in two builds: simdjson 3.0 compiles its on-demand API for a single
// implementation chosen by the compiler flags, so the AVX2 build (ndjson_avx2.cpp, compiled for
// that target) and a portable build (ndjson_portable.cpp) are separate files; record_parser.cpp
// picks one at run time from the processor's features.
#include <cstdint>

#include "measure/record_parser.h"

namespace dxmon::measure::detail {

void parse_ndjson_avx2(const char* begin, const char* end, const RecordCatalog& catalog, std::uint64_t first_line,
                       ParseResult& out);
void parse_ndjson_portable(const char* begin, const char* end, const RecordCatalog& catalog,
                           std::uint64_t first_line, ParseResult& out);

}  // namespace dxmon::measure::detail
