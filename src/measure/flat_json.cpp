#include "measure/flat_json.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "measure/short_text.h"

namespace dxmon::measure {
namespace {

// Whether the line holds only bytes the fast path reads as they are: no backslash (escapes), no
// control character (a tab is legal between tokens but not in a string: the full parser decides)
// and nothing ≥ 0x80 (UTF-8 is validated by the full parser).
bool plain(const char* begin, const char* end) {
#if defined(__SSE2__)
  const __m128i backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x20);
  __m128i odd = _mm_setzero_si128();
  const char* block = begin;
  for (; block + 16 <= end; block += 16) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
    // Signed compare: bytes ≥ 0x80 are negative, so "less than 0x20" catches them too.
    odd = _mm_or_si128(odd, _mm_or_si128(_mm_cmpeq_epi8(b, backslash), _mm_cmplt_epi8(b, control)));
  }
  if (_mm_movemask_epi8(odd)) return false;
  begin = block;
#endif
  for (const char* p = begin; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == '\\' || c < 0x20 || c >= 0x80) return false;
  }
  return true;
}

// The next '"' in [p, end), or end. Reads up to 15 bytes past `end` (the caller's padding).
const char* next_quote(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  for (; p < end; p += 16) {
    const auto m = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), quote)));
    if (m) return std::min(end, p + __builtin_ctz(m));
  }
  return end;
#else
  while (p < end && *p != '"') ++p;
  return p;
#endif
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

// `"name":` for every field: what the keys of the usual line look like.
const std::array<std::string, kFieldCount>& quoted_keys() {
  static const auto keys = [] {
    std::array<std::string, kFieldCount> k;
    for (std::size_t i = 0; i < kFieldCount; ++i) {
      // Formatted in a buffer: building it with std::string operators draws a false -Wrestrict
      // from GCC 12 at -O3 (GCC bug 105329).
      char text[64];
      const int n = std::snprintf(text, sizeof text, "\"%.*s\":", static_cast<int>(kFieldNames[i].size()),
                                  kFieldNames[i].data());
      k[i] = std::string(text, static_cast<std::size_t>(n));
    }
    return k;
  }();
  return keys;
}

// Reads the tokens of one line of plain bytes (see plain()).
class Scanner {
 public:
  Scanner(const char* begin, const char* end) : p_(begin), end_(end) {}

  void skip_spaces() {
    while (p_ < end_ && *p_ == ' ') ++p_;
  }
  bool take(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  // `text` literally at the current position.
  bool take(std::string_view text) {
    if (static_cast<std::size_t>(end_ - p_) < text.size() || !same_text({p_, text.size()}, text)) return false;
    p_ += text.size();
    return true;
  }
  bool at_end() const { return p_ == end_; }
  char peek() const { return p_ < end_ ? *p_ : '\0'; }

  // A string (the opening quote at the current position): its text.
  bool string(std::string_view& out) {
    if (!take('"')) return false;
    const char* close = next_quote(p_, end_);
    if (close == end_) return false;
    out = {p_, static_cast<std::size_t>(close - p_)};
    p_ = close + 1;
    return true;
  }
  // A value: a string's text, a number or true/false as written, null as empty.
  bool value(std::string_view& out) {
    if (peek() == '"') return string(out);
    const char* start = p_;
    while (p_ < end_ && *p_ != ',' && *p_ != '}' && *p_ != ' ') ++p_;
    out = {start, static_cast<std::size_t>(p_ - start)};
    if (same_text(out, "null")) {
      out = {};
      return true;
    }
    return same_text(out, "true") || same_text(out, "false") || json_number(out);
  }

 private:
  const char* p_;
  const char* end_;
};

// The usual line: the keys of the last line, in its order, with no spaces.
bool scan_as_before(const char* begin, const char* end, std::array<std::string_view, kFieldCount>& fields,
                    const KeyOrder& order) {
  const auto& keys = quoted_keys();
  Scanner s(begin, end);
  if (!s.take('{')) return false;
  for (std::size_t k = 0; k < order.count; ++k) {
    const auto f = static_cast<std::size_t>(order.fields[k]);
    if ((k > 0 && !s.take(',')) || !s.take(keys[f]) || !s.value(fields[f])) return false;
  }
  return s.take('}') && s.at_end();
}

// Any flat object of known keys, in any order, with spaces between tokens; records the key order.
bool scan_any(const char* begin, const char* end, std::array<std::string_view, kFieldCount>& fields,
              KeyOrder& order) {
  Scanner s(begin, end);
  order.count = 0;
  s.skip_spaces();
  if (!s.take('{')) return false;
  s.skip_spaces();
  if (!s.take('}')) {
    do {
      s.skip_spaces();
      std::string_view key;
      if (!s.string(key)) return false;
      auto field = parse_field_name(key);
      if (!field) return false;  // the full parser names the unknown key
      if (order.count < order.fields.size()) order.fields[order.count++] = *field;
      s.skip_spaces();
      if (!s.take(':')) return false;
      s.skip_spaces();
      if (!s.value(fields[static_cast<std::size_t>(*field)])) return false;
      s.skip_spaces();
    } while (s.take(','));
    if (!s.take('}')) return false;
  }
  s.skip_spaces();
  return s.at_end();
}

}  // namespace

bool scan_flat_object(const char* begin, const char* end, std::array<std::string_view, kFieldCount>& fields,
                      KeyOrder& order) {
  if (end > begin && end[-1] == '\r') --end;  // a CRLF line ending
  if (!plain(begin, end)) return false;
  if (order.count > 0 && order.count <= kFieldCount && scan_as_before(begin, end, fields, order)) return true;
  fields.fill({});
  if (scan_any(begin, end, fields, order)) return true;
  order.count = 0;
  return false;
}

}  // namespace dxmon::measure
