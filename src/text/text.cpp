#include "text/text.h"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <stdexcept>

namespace dxmon::text {

namespace {

// Appends code point `c` as UTF-8.
void append_utf8(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(n));
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Space for squish/trim purposes: Unicode White_Space (covers NBSP, ideographic and thin spaces).
bool is_space(UChar32 c) { return u_isUWhiteSpace(c); }

// Invisible characters that arrive with copy-paste from Word and web pages (zero-width space,
// BOM / zero-width no-break space); they carry no meaning and would break matching.
bool is_invisible(UChar32 c) { return c == 0x200B || c == 0xFEFF || c == 0x200C || c == 0x200D; }

const icu::Normalizer2& nfc_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC unavailable: ") + u_errorName(status));
  return *n;
}

const icu::Normalizer2& nfkd_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFKD unavailable: ") + u_errorName(status));
  return *n;
}

// One collator per thread: Collator::compare is const, but ICU documents instances as not
// thread-safe in general, and creating one is cheap enough to do once per thread.
icu::Collator& vietnamese_collator() {
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status) || !c) throw std::runtime_error(std::string("ICU collator for vi unavailable: ") + u_errorName(status));
    return c;
  }();
  return *collator;
}

std::vector<UChar32> code_points(std::string_view s) {
  std::vector<UChar32> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c);  // invalid bytes come out as negative values; they still count as one symbol
  }
  return out;
}

std::string_view trim_view(std::string_view s) {
  // Trims white space (ASCII and Unicode) from both ends without touching the middle.
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  int32_t begin = 0;
  while (begin < n) {
    int32_t i = begin;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !(is_space(c) || is_invisible(c))) break;
    begin = i;
  }
  int32_t end = n;
  while (end > begin) {
    int32_t i = end;
    UChar32 c;
    U8_PREV(p, 0, i, c);
    if (c < 0 || !(is_space(c) || is_invisible(c))) break;
    end = i;
  }
  return s.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);  // rejects overlong forms, surrogates and values above U+10FFFF
    if (c < 0) return false;
  }
  return true;
}

std::string nfc(std::string_view s) {
  if (!is_valid_utf8(s)) throw std::invalid_argument("text is not valid UTF-8; save the file as UTF-8");
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& n = nfc_normalizer();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (n.isNormalized(u, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = n.normalize(u, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("NFC normalisation failed: ") + u_errorName(status));
  return to_utf8(out);
}

std::string fold(std::string_view s) {
  // NFKD splits every Vietnamese letter into base + combining marks (ễ → e + ̂ + ̃, ơ → o + ̛),
  // and compatibility forms (full-width digits, ligatures) into plain ones; dropping the marks
  // then leaves the bare letters. đ/Đ is a letter of its own (no decomposition), so it is mapped
  // by hand. Anything that is neither letter nor digit separates words.
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString d = nfkd_normalizer().normalize(u, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("NFKD normalisation failed: ") + u_errorName(status));
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (U_GET_GC_MASK(c) & U_GC_M_MASK) continue;  // combining marks (diacritics)
    if (is_invisible(c)) continue;
    if (c == 0x0110 || c == 0x0111) c = 'd';
    if (!u_isalnum(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    append_utf8(out, u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  return out;
}

std::string squish(std::string_view s) {
  s = trim_view(s);
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  bool in_space = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && is_invisible(c)) continue;
    if (c >= 0 && is_space(c)) {
      in_space = true;
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out.append(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

int collate(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = vietnamese_collator().compareUTF8(
      icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("collation failed: ") + u_errorName(status));
  return static_cast<int>(r);
}

void sort_vietnamese(std::vector<std::string>& names) {
  // Sort keys are computed once per name rather than per comparison.
  icu::Collator& coll = vietnamese_collator();
  std::vector<std::string> keys(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(names[i]);
    int32_t len = coll.getSortKey(u, nullptr, 0);
    keys[i].resize(static_cast<std::size_t>(len));
    coll.getSortKey(u, reinterpret_cast<uint8_t*>(keys[i].data()), len);
  }
  std::vector<std::size_t> order(names.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return keys[x] < keys[y]; });
  std::vector<std::string> sorted;
  sorted.reserve(names.size());
  for (std::size_t i : order) sorted.push_back(std::move(names[i]));
  names = std::move(sorted);
}

int edit_distance(std::string_view a, std::string_view b) {
  const std::vector<UChar32> x = code_points(fold(a)), y = code_points(fold(b));
  std::vector<int> row(y.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= x.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= y.size(); ++j) {
      int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

std::vector<std::string> closest(std::string_view query, const std::vector<std::string>& candidates,
                                 std::size_t limit) {
  std::vector<std::pair<int, std::size_t>> scored;
  scored.reserve(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) scored.emplace_back(edit_distance(query, candidates[i]), i);
  // Stable: among equally close candidates the caller's order is kept.
  std::stable_sort(scored.begin(), scored.end(), [](const auto& l, const auto& r) { return l.first < r.first; });
  std::vector<std::string> out;
  for (const auto& [distance, i] : scored) {
    if (out.size() >= limit) break;
    if (std::find(out.begin(), out.end(), candidates[i]) != out.end()) continue;
    out.push_back(candidates[i]);
  }
  return out;
}

std::vector<std::string> split_list(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view part = trim_view(s.substr(start, end - start));
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace dxmon::text
