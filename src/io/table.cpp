#include "io/table.h"

namespace dxmon::io {

bool TableRow::blank() const {
  for (const auto& c : cells)
    if (c.text.find_first_not_of(" \t\r\n") != std::string::npos) return false;
  return true;
}

std::string column_letter(std::size_t index) {
  std::string out;
  std::size_t n = index + 1;
  while (n > 0) {
    std::size_t rem = (n - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return out;
}

std::optional<std::size_t> column_index(const std::string& letters) {
  if (letters.empty()) return std::nullopt;
  std::size_t n = 0;
  for (char c : letters) {
    if (c < 'A' || c > 'Z') return std::nullopt;
    n = n * 26 + static_cast<std::size_t>(c - 'A' + 1);
  }
  return n - 1;
}

}  // namespace dxmon::io
