#pragma once
// The columns of each kind of table, as docs/formats.md defines them: names, the Vietnamese
// aliases a person may write in a header, and which are required. Import and export both read
// this one table, so they cannot disagree about a column.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dxmon::io {

enum class Kind {
  Units, Successions, Indicators, Programmes, Targets, Observations, Tasks, TaskStatuses, TaskCounts, Overrides,
  Regimes, Relations, Revisions
};

// How a column's values are written in JSON (CSV/XLSX cells are always text, lists ';'-separated).
enum class ColumnType { Text, Number, List };

struct ColumnSpec {
  std::string_view name;
  std::vector<std::string_view> aliases;  // Vietnamese headers
  bool required = false;
  ColumnType type = ColumnType::Text;
};

struct KindSpec {
  Kind kind;
  std::string_view name;                  // "units"
  std::vector<std::string_view> aliases;  // Vietnamese names for sheets and files: "đơn vị"
  std::vector<ColumnSpec> columns;
};

// In dependency order (units before what refers to them): the order of import and export.
const std::vector<KindSpec>& kinds();
const KindSpec& spec_of(Kind k);
std::string_view kind_name(Kind k);

// The kind whose name (or Vietnamese alias) `name` starts with, after folding: "observations_2023",
// "Units", "Kết quả thực hiện 2023". The longest match wins ("task_statuses" over "tasks").
std::optional<Kind> kind_from_name(std::string_view name);

// The column a header names (folded match on the name and aliases), or nullptr.
const ColumnSpec* column_for_header(const KindSpec& spec, std::string_view header);

}  // namespace dxmon::io
