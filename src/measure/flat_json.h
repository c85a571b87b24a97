#pragma once
// The fast path for NDJSON dossier records: one flat JSON object per line whose values are plain
// strings (no escapes), numbers, true, false or null. Dossier systems send exactly that, and
// scanning it directly is several times faster than a general JSON parser; any line outside this
// shape (escapes, nested values, non-ASCII bytes, an unknown key, anything malformed) is left to
// simdjson, which then accepts or rejects it with its reason. So the fast path never changes what
// is accepted, only how fast.
#include <array>
#include <string_view>

#include "measure/dossier_record.h"

namespace dxmon::measure {

// The order of the keys in the last line scanned: a dossier system writes every line the same way,
// so the next line is first read as that sequence of `"key":value`, with no key lookups.
struct KeyOrder {
  std::array<Field, 2 * kFieldCount> fields{};
  std::size_t count = 0;
};

// Fills `fields` from the object on [begin, end) (one line without its newline) and returns true,
// or returns false when the line needs the full parser. The caller resets `fields` before each
// call; a key given twice keeps its last value (as the full parser does). Reads up to 15 bytes past
// `end`, which the caller's padding allows. `order` carries the key order from line to line.
bool scan_flat_object(const char* begin, const char* end, std::array<std::string_view, kFieldCount>& fields,
                      KeyOrder& order);

}  // namespace dxmon::measure
