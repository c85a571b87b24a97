#pragma once
// JSON files: {"units": [{"code": "tinh-01", …}], "observations": […]}. Read into the same
// Table shape as CSV and XLSX (lists joined with ';', numbers as typed cells in C syntax), and
// written from export tables (lists as arrays, numbers as JSON numbers, empty values omitted).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/problem.h"
#include "io/schema.h"
#include "io/table.h"
#include "io/xlsx_writer.h"

namespace dxmon::io {

// A top-level array is taken as a table of `bare_array_kind` (from --kind or the file name).
std::vector<Table> read_json(std::string_view text, const std::string& file, std::optional<Kind> bare_array_kind,
                             Problems& problems);

// `tables` are named by kind (SheetOut::name); column types come from the schema.
std::string write_json(const std::vector<SheetOut>& tables);

}  // namespace dxmon::io
