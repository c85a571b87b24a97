#pragma once
// Writing a minimal, valid XLSX workbook: one sheet per table, a bold header row, text as inline
// strings, numbers as numeric cells. Entries carry a fixed timestamp, so the same tables always
// give the same bytes.
#include <string>
#include <vector>

#include "io/table.h"

namespace dxmon::io {

struct SheetOut {
  std::string name;                      // at most 31 characters, no []:*?/\ (Excel's rule)
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;   // Cell::number marks numeric cells (text in C syntax)
};

// Throws std::runtime_error when the file cannot be written.
void write_xlsx(const std::string& path, const std::vector<SheetOut>& sheets);

}  // namespace dxmon::io
