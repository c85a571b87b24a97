#pragma once
// A table as read from a file, before it is understood: the header and the rows of cells as text,
// each cell with its place in the source (CSV line, XLSX "B7", JSON array index) so that every
// problem can point at it. All three formats are read into this one shape.
#include <optional>
#include <string>
#include <vector>

namespace dxmon::io {

struct Cell {
  std::string text;     // the cell as text (NFC is applied by the mapping, not here)
  bool number = false;  // a typed number (XLSX numeric cell, JSON number): `text` is in C syntax
  std::string column;   // column letter ("C") in CSV/XLSX; empty in JSON
};

struct TableRow {
  int row = 0;              // CSV line, XLSX row number, JSON array index (1-based)
  std::vector<Cell> cells;  // by column position, aligned with Table::header
  bool blank() const;
};

struct Table {
  std::string file;    // file name for messages
  std::string sheet;   // XLSX sheet name or JSON key; empty for CSV
  std::string kind;    // "units", "observations", …; empty when not known yet
  int header_row = 0;  // where the header was found (0 for JSON)
  std::vector<Cell> header;
  std::vector<TableRow> rows;
};

// "A".."Z", "AA".. for a 0-based column index, and back (nullopt if not letters).
std::string column_letter(std::size_t index);
std::optional<std::size_t> column_index(const std::string& letters);

// A grid of rows as a spreadsheet or CSV holds them, before the header is known.
struct Grid {
  std::string file;
  std::string sheet;
  std::vector<TableRow> rows;  // non-empty rows, in order
};

}  // namespace dxmon::io
