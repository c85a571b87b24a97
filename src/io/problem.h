#pragma once
// One thing wrong with an input file, said so that the official who made the file can find the
// cell and fix it: where (file, sheet, row, column), what is wrong, and what to do. `what` and `fix`
// are Vietnamese (the users are officials); the frame of to_string() is Vietnamese too.
#include <string>
#include <vector>

namespace dxmon::io {

struct Problem {
  std::string file;    // file name as given (base name in messages)
  std::string sheet;   // XLSX sheet or JSON key; empty for CSV
  int row = 0;         // CSV line, XLSX row, JSON array index (1-based); 0 = the whole file/sheet
  std::string column;  // column letter ("C") in CSV/XLSX; empty in JSON or for whole rows
  std::string field;   // the column's header as written, or the format's column name
  std::string value;   // the offending cell text, if any
  std::string what;    // what is wrong (Vietnamese)
  std::string fix;     // how to fix it (Vietnamese); may be empty

  // `units.csv:12: cột C "kind": "tỉnh x" không phải là loại đơn vị — hãy dùng một trong: …`
  // `book.xlsx [observations]:7: cột D "value": …`, `data.json [units #3] "kind": …`
  std::string to_string() const;
  bool operator==(const Problem&) const = default;
};

using Problems = std::vector<Problem>;

}  // namespace dxmon::io
