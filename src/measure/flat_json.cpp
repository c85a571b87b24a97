#include "measure/flat_json.h"

#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "measure/short_text.h"

namespace dxmon::measure {
namespace {

constexpr int kMaxQuotes = 128;

bool space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Positions of the '"' of the line, or false when it holds a byte that the fast path leaves to the
// full parser: a backslash, a control character or a byte ≥ 0x80 (UTF-8 is validated there).
bool find_quotes(const char* begin, const char* end, const char* (&quotes)[kMaxQuotes], int& count) {
  count = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x20);
  for (const char* block = begin; block < end; block += 16) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
    const auto valid = static_cast<std::uint32_t>(end - block >= 16 ? 0xFFFF : (1u << (end - block)) - 1);
    // Signed compare: bytes ≥ 0x80 are negative, so "less than 0x20" catches them too.
    const auto odd = static_cast<std::uint32_t>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(b, backslash), _mm_cmplt_epi8(b, control))));
    // A tab or carriage return is fine between tokens (a string holding one is refused below).
    for (std::uint32_t m = odd & valid; m; m &= m - 1) {
      const char c = block[__builtin_ctz(m)];
      if (c != '\t' && c != '\r') return false;
    }
    for (auto m = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(b, quote))) & valid; m; m &= m - 1) {
      if (count == kMaxQuotes) return false;
      quotes[count++] = block + __builtin_ctz(m);
    }
  }
#else
  for (const char* p = begin; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == '\\' || c >= 0x80 || (c < 0x20 && c != '\t' && c != '\r')) return false;
    if (c == '"') {
      if (count == kMaxQuotes) return false;
      quotes[count++] = p;
    }
  }
#endif
  return true;
}

// A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool json_number(std::string_view t) {
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i > start;
  };
  if (i < t.size() && t[i] == '-') ++i;
  if (i < t.size() && t[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == t.size();
}

}  // namespace

bool scan_flat_object(const char* begin, const char* end, std::array<std::string_view, kFieldCount>& fields) {
  const char* quotes[kMaxQuotes];
  int count = 0;
  if (!find_quotes(begin, end, quotes, count)) return false;
  int q = 0;
  const char* p = begin;
  auto skip = [&] {
    while (p < end && space(*p)) ++p;
  };
  // A string starting at p: its text, with p after its closing quote.
  auto string = [&](std::string_view& out) {
    if (q + 1 >= count || quotes[q] != p) return false;
    out = {p + 1, static_cast<std::size_t>(quotes[q + 1] - p - 1)};
    p = quotes[q + 1] + 1;
    q += 2;
    return true;
  };
  skip();
  if (p == end || *p != '{') return false;
  ++p;
  skip();
  if (p < end && *p == '}') {
    ++p;
  } else {
    while (true) {
      std::string_view key, value;
      if (!string(key)) return false;
      auto field = parse_field_name(key);
      if (!field) return false;  // the full parser names the unknown key
      skip();
      if (p == end || *p != ':') return false;
      ++p;
      skip();
      if (p == end) return false;
      if (*p == '"') {
        if (!string(value)) return false;
      } else {
        const char* start = p;
        while (p < end && *p != ',' && *p != '}' && !space(*p)) ++p;
        value = {start, static_cast<std::size_t>(p - start)};
        if (same_text(value, "null")) value = {};
        else if (!same_text(value, "true") && !same_text(value, "false") && !json_number(value)) return false;
      }
      fields[static_cast<std::size_t>(*field)] = value;
      skip();
      if (p == end) return false;
      if (*p == '}') {
        ++p;
        break;
      }
      if (*p != ',') return false;
      ++p;
      skip();
    }
  }
  skip();
  return p == end && q == count;
}

}  // namespace dxmon::measure
