#pragma once
// From a grid of cells to a table of known columns: finding the header row (title rows above it
// are skipped) and binding each header to a column of the kind, with a problem for every header
// that is unknown, repeated, or missing.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "io/problem.h"
#include "io/schema.h"
#include "io/table.h"

namespace dxmon::io {

// Rows searched for the header (formats.md: "among the first 20 rows").
inline constexpr std::size_t kHeaderSearchRows = 20;

// The table of `kind` in `grid`: the header is the first of the first 20 rows holding every
// required column. nullopt (with problems) when there is none.
std::optional<Table> table_from_grid(const Grid& grid, Kind kind, Problems& problems);

struct BoundTable {
  const Table* table = nullptr;
  const KindSpec* spec = nullptr;
  std::map<std::string, std::size_t, std::less<>> position;  // column name → cell position
  bool has(std::string_view column) const { return position.contains(column); }
};

// Binds the header of `table` to the columns of `kind`. Unknown and repeated headers and cells
// under no header are problems; nullopt when a required column is missing.
std::optional<BoundTable> bind_columns(const Table& table, Kind kind, Problems& problems);

// A problem located at `table`'s header cell `header_pos` (or the whole header row).
Problem header_problem(const Table& table, std::size_t header_pos, std::string what, std::string fix);

}  // namespace dxmon::io
