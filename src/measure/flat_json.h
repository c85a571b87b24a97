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

// `"name":` of every field, what a line writes before its value (compact_lines.h restores lines with
// them).
const std::array<std::string_view, kFieldCount>& written_keys();

// The order of the keys in the last line read: a dossier system writes every line the same way,
// so the next line is first read as that sequence of `"key":value` (scan_usual_line).
struct KeyOrder {
  std::array<Field, 2 * kFieldCount> fields{};
  std::size_t count = 0;
};

// The usual line, found and read in one pass: when the line at `begin` (up to its '\n', or `end`) has
// exactly the keys of `order`, in that order, with no spaces and only plain bytes (no escape, no
// control character, nothing ≥ 0x80), fills `fields`, sets `value_ends[k]` to the end of the k-th
// value as written (after its closing quote; compact_lines.h keeps the values) and returns the line's
// end (its '\n', or `end`). Otherwise returns nullptr: the caller finds the line's end and calls scan_flat_object.
// The caller resets `fields` first. Reads up to 32 bytes past the line (the caller's padding).
const char* scan_usual_line(const char* begin, const char* end, std::array<std::string_view, kFieldCount>& fields,
                            const KeyOrder& order, const char** value_ends);
// scan_usual_line as a processor without AVX2 runs it (its first pass 16 bytes at a time instead of
// 32), so that the tests read every line with both on one machine.
const char* scan_usual_line_portable(const char* begin, const char* end,
                                     std::array<std::string_view, kFieldCount>& fields, const KeyOrder& order,
                                     const char** value_ends);

// Fills `fields` from the object on [begin, end) (one line without its newline) and returns true,
// or returns false when the line needs the full parser. Any key order and spaces between tokens are
// read; the key order is recorded in `order` for scan_usual_line. The caller resets `fields` before
// each call; a key given twice keeps its last value (as the full parser does). Reads up to 15 bytes
// past `end`, which the caller's padding allows.
bool scan_flat_object(const char* begin, const char* end, std::array<std::string_view, kFieldCount>& fields,
                      KeyOrder& order);

}  // namespace dxmon::measure
