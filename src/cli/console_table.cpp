#include "cli/console_table.h"

#include <algorithm>

namespace dxmon::cli {
namespace {

bool wrapping = true;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Splits `s` into lines of at most `width` columns, breaking at spaces where possible.
std::vector<std::string> wrap(const std::string& s, std::size_t width) {
  if (!wrapping || width == 0 || display_width(s) <= width) return {s};
  std::vector<std::string> lines;
  std::string line, word;
  auto flush_word = [&] {
    if (word.empty()) return;
    std::size_t need = display_width(line) + (line.empty() ? 0 : 1) + display_width(word);
    if (!line.empty() && need > width) {
      lines.push_back(line);
      line.clear();
    }
    while (display_width(word) > width) {  // a word longer than the column: hard break
      std::size_t cols = 0, i = 0;
      while (i < word.size() && cols < width) {
        ++i;
        while (i < word.size() && is_continuation(static_cast<unsigned char>(word[i]))) ++i;
        ++cols;
      }
      lines.push_back(word.substr(0, i));
      word.erase(0, i);
    }
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : s) {
    if (c == ' ' || c == '\n') flush_word();
    else word += c;
  }
  flush_word();
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string pad(const std::string& s, std::size_t width) {
  return s + std::string(width - std::min(width, display_width(s)), ' ');
}

}  // namespace

std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if (!is_continuation(c)) ++n;
  return n;
}

ConsoleTable::ConsoleTable(std::vector<std::string> headers, std::vector<std::size_t> max_widths)
    : headers_(std::move(headers)), max_widths_(std::move(max_widths)) {
  max_widths_.resize(headers_.size(), 0);
}

void ConsoleTable::set_wrapping(bool on) { wrapping = on; }

void ConsoleTable::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back({std::move(cells), false});
}

void ConsoleTable::add_section(std::string title) { rows_.push_back({{std::move(title)}, true}); }

void ConsoleTable::print(std::ostream& out) const {
  std::vector<std::size_t> widths(headers_.size());
  auto fit = [&](std::size_t col, const std::string& s) {
    std::size_t w = 0;
    for (const auto& line : wrap(s, max_widths_[col])) w = std::max(w, display_width(line));
    widths[col] = std::max(widths[col], w);
  };
  for (std::size_t c = 0; c < headers_.size(); ++c) fit(c, headers_[c]);
  for (const auto& r : rows_)
    if (!r.section)
      for (std::size_t c = 0; c < r.cells.size(); ++c) fit(c, r.cells[c]);

  std::size_t total = 0;
  for (auto w : widths) total += w + 3;
  std::string rule(total > 1 ? total - 1 : 0, '-');

  auto print_row = [&](const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> wrapped;
    std::size_t height = 1;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      wrapped.push_back(wrap(cells[c], widths[c]));
      height = std::max(height, wrapped.back().size());
    }
    for (std::size_t l = 0; l < height; ++l) {
      std::string line;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (c) line += " | ";
        line += pad(l < wrapped[c].size() ? wrapped[c][l] : "", widths[c]);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << '\n';
    }
  };
  print_row(headers_);
  out << rule << '\n';
  for (const auto& r : rows_) {
    if (r.section) out << r.cells.front() << '\n';
    else print_row(r.cells);
  }
}

}  // namespace dxmon::cli
