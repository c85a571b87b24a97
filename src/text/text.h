#pragma once
// Vietnamese text: NFC normalisation, diacritic- and case-insensitive matching, collation.
#include <string>
#include <string_view>
#include <vector>

namespace dxmon::text {

// Unicode NFC (the form every stored name is kept in). Invalid UTF-8 throws std::invalid_argument.
std::string nfc(std::string_view s);
bool is_valid_utf8(std::string_view s);

// Folded key for matching: NFC, lower case, diacritics removed (đ → d), punctuation turned into
// single spaces, trimmed. "TP. Hà Nội" → "tp ha noi", "Bộ TT&TT" → "bo tt tt".
std::string fold(std::string_view s);

// Trim ASCII and Unicode spaces (incl. NBSP) at both ends; collapse inner runs of white space.
std::string squish(std::string_view s);

// Vietnamese collation (ICU "vi"): negative, 0, positive like strcmp.
int collate(std::string_view a, std::string_view b);
void sort_vietnamese(std::vector<std::string>& names);

// Levenshtein distance over folded code points (for "did you mean" suggestions).
int edit_distance(std::string_view a, std::string_view b);
// The `limit` candidates closest to `query` (by folded edit distance), closest first.
std::vector<std::string> closest(std::string_view query, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

// Split on a separator, trimming each part; empty parts dropped.
std::vector<std::string> split_list(std::string_view s, char sep = ';');
std::string join(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace dxmon::text
