#include "measure/flat_json.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#if defined(__SSE2__)
#include <immintrin.h>
#endif

#include "measure/short_text.h"

namespace dxmon::measure {
namespace {

#if defined(__SSE2__)
// The bytes of `b` that are not plain (see plain()), as 0xFF. A signed compare: bytes ≥ 0x80 are
// negative, so "less than 0x20" catches them with the control characters (a newline among them).
__m128i odd_bytes(__m128i b) {
  return _mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8('\\')), _mm_cmplt_epi8(b, _mm_set1_epi8(0x20)));
}
// The same, 32 bytes at a time (AVX2 has no signed "less than": 0x20 > b).
__attribute__((target("avx2"))) __m256i odd_bytes(__m256i b) {
  return _mm256_or_si256(_mm256_cmpeq_epi8(b, _mm256_set1_epi8('\\')), _mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), b));
}
#endif

// Whether the line holds only bytes the fast path reads as they are: no backslash (escapes), no
// control character (a tab is legal between tokens but not in a string: the full parser decides)
// and nothing ≥ 0x80 (UTF-8 is validated by the full parser).
bool plain(const char* begin, const char* end) {
#if defined(__SSE2__)
  __m128i odd = _mm_setzero_si128();
  const char* block = begin;
  for (; block + 16 <= end; block += 16)
    odd = _mm_or_si128(odd, odd_bytes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(block))));
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

bool digit(char c) { return c >= '0' && c <= '9'; }

// A number, true or false at `p` (its text in `out`) or null (empty): the byte after it, or nullptr.
// What follows is checked by the caller. Reads on while it sees digits: the byte after a line (a
// newline, a carriage return or the buffer's zero padding) stops it.
const char* scalar(const char* p, std::string_view& out) {
  const char* start = p;
  switch (*p) {
    case 't':
      if (!same_text({p, 4}, "true")) return nullptr;
      out = {p, 4};
      return p + 4;
    case 'f':
      if (!same_text({p, 5}, "false")) return nullptr;
      out = {p, 5};
      return p + 5;
    case 'n':
      if (!same_text({p, 4}, "null")) return nullptr;
      out = {};
      return p + 4;
  }
  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  if (*p == '-') ++p;
  if (*p == '0') {
    ++p;
  } else if (digit(*p)) {
    while (digit(*++p)) {
    }
  } else {
    return nullptr;
  }
  if (*p == '.') {
    if (!digit(*++p)) return nullptr;
    while (digit(*++p)) {
    }
  }
  if (*p == 'e' || *p == 'E') {
    ++p;
    if (*p == '+' || *p == '-') ++p;
    if (!digit(*p)) return nullptr;
    while (digit(*++p)) {
    }
  }
  out = {start, static_cast<std::size_t>(p - start)};
  return p;
}

// `"name":` for every field, as a 32-byte pattern and the mask of its bytes: what the keys of the
// usual line look like, compared 16 bytes at a time.
struct QuotedKey {
  alignas(16) char text[32] = {};
  std::uint32_t mask = 0;  // bit i set: byte i belongs to the key
  std::size_t size = 0;
};

const std::array<QuotedKey, kFieldCount>& quoted_keys() {
  static const auto keys = [] {
    std::array<QuotedKey, kFieldCount> k;
    for (std::size_t i = 0; i < kFieldCount; ++i) {
      // Formatted with snprintf: building it with std::string operators draws a false -Wrestrict
      // from GCC 12 at -O3 (GCC bug 105329).
      char text[64];
      const int n = std::snprintf(text, sizeof text, "\"%.*s\":", static_cast<int>(kFieldNames[i].size()),
                                  kFieldNames[i].data());
      std::memcpy(k[i].text, text, static_cast<std::size_t>(n));
      k[i].mask = (1u << n) - 1;  // the longest, "dossier_digitised":, has 20 bytes
      k[i].size = static_cast<std::size_t>(n);
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
    const char* after = scalar(p_, out);
    if (!after) return false;
    p_ = after;
    return true;
  }

 private:
  const char* p_;
  const char* end_;
};

#if defined(__SSE2__)
constexpr std::size_t kUsualLineMax = 1024;  // longer lines take the general path
constexpr std::size_t kNotUsual = SIZE_MAX;
using QuoteBits = std::uint64_t[kUsualLineMax / 64];

constexpr std::size_t kLineGoesOn = SIZE_MAX - 1;

// The end of a line's pass at the block at offset `i` of `width` bytes whose bytes that are not
// plain (odd_bytes) are the bits `odd`: the line's length, kNotUsual, or kLineGoesOn when the line
// goes on after the block.
[[gnu::always_inline]] inline std::size_t line_end_in_block(const char* begin, std::size_t left, std::size_t i,
                                                            std::size_t width, std::uint32_t odd) {
  if (odd) {
    const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(odd));
    if (at >= left) return left;  // the padding after the last line
    return begin[at] == '\n' ? at : kNotUsual;
  }
  if (i + width >= left) return left;  // the last line, without its newline
  return kLineGoesOn;
}

// One pass over the line at `begin`: its length (up to its '\n', or to `end`) when every byte of it
// is plain (see plain()) and it is shorter than kUsualLineMax, with the positions of its quotes as
// bits; otherwise kNotUsual. Finding the line's end, checking its bytes and finding its strings were
// three passes (memchr, plain(), a search per string).
std::size_t plain_line(const char* begin, const char* end, QuoteBits& quotes) {
  const __m128i quote = _mm_set1_epi8('"');
  const auto left = static_cast<std::size_t>(end - begin);
  for (std::size_t i = 0; i < kUsualLineMax; i += 16) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(begin + i));
    const auto q = static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(b, quote))));
    if ((i & 63) == 0)
      quotes[i >> 6] = q;
    else
      quotes[i >> 6] |= q << (i & 63);
    const std::size_t r = line_end_in_block(begin, left, i, 16, static_cast<std::uint32_t>(_mm_movemask_epi8(odd_bytes(b))));
    if (r != kLineGoesOn) return r;
  }
  return kNotUsual;
}

// plain_line 32 bytes at a time, for processors with AVX2 (compiled for it alone, used when the
// processor has it): this pass over every byte of every line was an eighth of the line scan's time
// (150 → 132 ns a line, one million generated lines).
__attribute__((target("avx2"))) std::size_t plain_line_avx2(const char* begin, const char* end,
                                                             QuoteBits& quotes) {
  const __m256i quote = _mm256_set1_epi8('"');
  const auto left = static_cast<std::size_t>(end - begin);
  for (std::size_t i = 0; i < kUsualLineMax; i += 32) {
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(begin + i));
    const auto q = static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, quote))));
    if ((i & 63) == 0)
      quotes[i >> 6] = q;
    else
      quotes[i >> 6] |= q << 32;
    const std::size_t r = line_end_in_block(begin, left, i, 32, static_cast<std::uint32_t>(_mm256_movemask_epi8(odd_bytes(b))));
    if (r != kLineGoesOn) return r;
  }
  return kNotUsual;
}

// The first quote at or after `from` and before `len`, or kNotUsual.
std::size_t next_quote_bit(const QuoteBits& quotes, std::size_t from, std::size_t len) {
  if (from >= len) return kNotUsual;
  std::size_t w = from >> 6;
  std::uint64_t bits = quotes[w] & (~std::uint64_t{0} << (from & 63));
  while (!bits) {
    if ((++w << 6) >= len) return kNotUsual;
    bits = quotes[w];
  }
  const std::size_t at = (w << 6) + static_cast<std::size_t>(__builtin_ctzll(bits));
  return at < len ? at : kNotUsual;
}

// Whether `key` is written at `p` (reads 32 bytes).
bool key_at(const char* p, const QuotedKey& key) {
  const auto* a = reinterpret_cast<const __m128i*>(p);
  const auto* k = reinterpret_cast<const __m128i*>(key.text);
  const auto eq = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(a), k[0]))) |
                  static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(a + 1), k[1]))) << 16;
  return (eq & key.mask) == key.mask;
}

#endif

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

const std::array<std::string_view, kFieldCount>& written_keys() {
  static const auto keys = [] {
    std::array<std::string_view, kFieldCount> k;
    for (std::size_t i = 0; i < kFieldCount; ++i) k[i] = {quoted_keys()[i].text, quoted_keys()[i].size};
    return k;
  }();
  return keys;
}

bool scan_flat_object(const char* begin, const char* end, std::array<std::string_view, kFieldCount>& fields,
                      KeyOrder& order) {
  if (end > begin && end[-1] == '\r') --end;  // a CRLF line ending
  if (!plain(begin, end)) return false;
  if (scan_any(begin, end, fields, order)) return true;
  order.count = 0;
  return false;
}

#if defined(__SSE2__)
namespace {

// The usual line, its first pass 32 bytes at a time (`avx2`) or 16.
const char* scan_usual_line_with(const char* begin, const char* end, std::array<std::string_view, kFieldCount>& fields,
                                 const KeyOrder& order, const char** value_ends, bool avx2) {
  if (order.count == 0 || order.count > kFieldCount) return nullptr;
  QuoteBits quotes;
  const std::size_t len = avx2 ? plain_line_avx2(begin, end, quotes) : plain_line(begin, end, quotes);
  if (len == kNotUsual) return nullptr;
  const auto& keys = quoted_keys();
  const char* p = begin;
  if (*p++ != '{') return nullptr;
  for (std::size_t k = 0; k < order.count; ++k) {
    const auto f = static_cast<std::size_t>(order.fields[k]);
    if (k > 0 && *p++ != ',') return nullptr;
    if (!key_at(p, keys[f])) return nullptr;
    p += keys[f].size;
    if (*p == '"') {
      const auto from = static_cast<std::size_t>(p + 1 - begin);
      const std::size_t close = next_quote_bit(quotes, from, len);
      if (close == kNotUsual) return nullptr;
      fields[f] = {p + 1, close - from};
      p = begin + close + 1;
    } else if (!(p = scalar(p, fields[f]))) {
      return nullptr;
    }
    value_ends[k] = p;
  }
  if (*p != '}' || p + 1 != begin + len) return nullptr;
  return begin + len;
}

}  // namespace

const char* scan_usual_line(const char* begin, const char* end, std::array<std::string_view, kFieldCount>& fields,
                            const KeyOrder& order, const char** value_ends) {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return scan_usual_line_with(begin, end, fields, order, value_ends, avx2);
}

const char* scan_usual_line_portable(const char* begin, const char* end,
                                     std::array<std::string_view, kFieldCount>& fields, const KeyOrder& order,
                                     const char** value_ends) {
  return scan_usual_line_with(begin, end, fields, order, value_ends, false);
}
#else
// Without SSE2 every line takes the general path.
const char* scan_usual_line(const char*, const char*, std::array<std::string_view, kFieldCount>&, const KeyOrder&,
                            const char**) {
  return nullptr;
}
const char* scan_usual_line_portable(const char*, const char*, std::array<std::string_view, kFieldCount>&,
                                     const KeyOrder&, const char**) {
  return nullptr;
}
#endif

}  // namespace dxmon::measure
