#pragma once
// Plain-text tables for the terminal: columns sized to their content, long cells wrapped on word
// boundaries to a maximum width. Widths count code points of NFC text, which for Vietnamese (all
// letters precomposed) is the number of columns a terminal uses.
#include <ostream>
#include <string>
#include <vector>

namespace dxmon::cli {

class ConsoleTable {
 public:
  // max_widths[i] caps column i (0 = no cap).
  ConsoleTable(std::vector<std::string> headers, std::vector<std::size_t> max_widths = {});
  void add_row(std::vector<std::string> cells);
  void add_section(std::string title);  // a full-width row (a group heading)
  void print(std::ostream& out) const;
  // Off: cells are never wrapped (every row on one line), whatever the maximum widths say.
  static void set_wrapping(bool on);

 private:
  struct Row {
    std::vector<std::string> cells;
    bool section = false;
  };
  std::vector<std::string> headers_;
  std::vector<std::size_t> max_widths_;
  std::vector<Row> rows_;
};

std::size_t display_width(const std::string& s);

}  // namespace dxmon::cli
