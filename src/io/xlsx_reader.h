#pragma once
// Reading XLSX workbooks (zipped SpreadsheetML) with libzip and pugixml: every sheet as a grid of
// text cells. Shared strings (rich text runs joined), inline strings, numbers (kept as Excel stored
// them, integers without ".0"; percent-formatted cells as "58,41%", date-formatted cells as ISO
// dates), booleans as yes/no, and merged ranges (every cell takes the top-left value).
#include <string>
#include <vector>

#include "io/problem.h"
#include "io/table.h"

namespace dxmon::io {

// One grid per sheet in workbook order (Grid::sheet is the sheet name). A file that is not an
// XLSX workbook yields no grids and a problem for the whole file.
std::vector<Grid> read_xlsx(const std::string& path, const std::string& file, Problems& problems);

// Excel's escape for characters XML cannot hold: "_x000D_" → "\r". Used by the reader and writer.
std::string decode_excel_escapes(const std::string& s);
std::string encode_excel_escapes(const std::string& s);

}  // namespace dxmon::io
