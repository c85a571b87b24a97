#pragma once
// Reading the cells of one row by column name, as typed values. A cell that cannot be read adds
// a problem at that cell (file, sheet, row, column, header, value) and yields nothing, so a row
// is read to its end and every bad cell of it is reported.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "io/columns.h"
#include "text/number.h"

namespace dxmon::io {

class RowReader {
 public:
  RowReader(const BoundTable& table, const TableRow& row, Problems& problems)
      : table_(table), row_(row), problems_(problems) {}

  const TableRow& row() const { return row_; }
  bool has_column(std::string_view column) const { return table_.has(column); }
  // "units.csv:12" (or "book.xlsx [units]:12"): where this row is, for messages about other rows.
  std::string where() const;

  // The cell, trimmed and in NFC ("" when the column is absent or the cell blank).
  std::string text(std::string_view column) const;
  // As text(), with a problem when blank.
  std::string required(std::string_view column) const;
  // ';'-separated parts, each trimmed.
  std::vector<std::string> list(std::string_view column) const;
  std::optional<Date> date(std::string_view column) const;
  std::optional<Period> period(std::string_view column) const;
  std::optional<int> whole_number(std::string_view column) const;
  // A number as officials write it ("58,41%", "1.502.045.890", "7,2-7,8%"), or, when `canonical`
  // or the cell is a typed number, in C syntax ("58.41"). nullopt when blank or unreadable;
  // ParsedNumber::no_data for "-".
  std::optional<text::ParsedNumber> number(std::string_view column, bool canonical) const;
  // yes/no, có/không, true/false, 1/0.
  std::optional<bool> yes_no(std::string_view column) const;

  // An enum value from its id or its Vietnamese words (folded match). `what` names the kind of
  // value for the message ("loại đơn vị").
  template <typename E>
  std::optional<E> choice(std::string_view column, const std::vector<std::pair<E, std::vector<std::string_view>>>& names,
                          std::string_view what) const {
    std::string cell = text(column);
    if (cell.empty()) return std::nullopt;
    std::string key = fold_key(cell);
    for (const auto& [value, words] : names)
      for (auto w : words)
        if (fold_key(w) == key) return value;
    std::vector<std::string> ids;
    for (const auto& [value, words] : names) ids.emplace_back(words.front());
    problem(column, "\"" + cell + "\" không phải là " + std::string(what), "hãy dùng một trong: " + join(ids));
    return std::nullopt;
  }

  // Adds a problem located at `column` of this row.
  void problem(std::string_view column, std::string what, std::string fix) const;

 private:
  const Cell* cell(std::string_view column) const;
  static std::string fold_key(std::string_view s);
  static std::string join(const std::vector<std::string>& parts);

  const BoundTable& table_;
  const TableRow& row_;
  Problems& problems_;
};

// Trim white space (ASCII, NBSP and other Unicode spaces) at both ends; inner text is kept.
std::string trim_cell(std::string_view s);
// Shortest round-trip C syntax for a double, in plain digits ("58.41", "1502045890",
// "2750000000000"); an exponent only past 32 characters ("1e-300").
std::string canonical_number(double v);
std::optional<double> parse_canonical_number(std::string_view s);

}  // namespace dxmon::io
