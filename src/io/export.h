#pragma once
// `dxmon export`: a Dataset as a directory of CSV files (one per kind), one JSON file, or one
// XLSX workbook (one sheet per kind), in the import format of docs/formats.md. Values are
// canonical (decimal point, shortest round-trip digits) and as_printed keeps the original text,
// so export → import into an empty store → export gives identical files.
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "io/xlsx_writer.h"

namespace dxmon::io {

enum class ExportFormat { CsvDirectory, Json, Xlsx };

// ".json" → Json, ".xlsx" → Xlsx, no extension (or a trailing '/', or an existing folder) → a
// folder of CSV files; any other extension ("out.docx") → nullopt: the caller asks for --format.
std::optional<ExportFormat> export_format_for(const std::string& path);

// One table per kind, in dependency order, named by the kind, with every column of the format.
std::vector<SheetOut> export_tables(const Dataset& data);

// Writes `data` to `path`; returns the files written. Throws std::runtime_error.
std::vector<std::string> export_dataset(const Dataset& data, const std::string& path, ExportFormat format);

}  // namespace dxmon::io
