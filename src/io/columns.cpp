#include "io/columns.h"

#include <algorithm>
#include <set>

#include "text/text.h"

namespace dxmon::io {
namespace {

std::string required_list(const KindSpec& spec, const std::set<std::string_view>& present) {
  std::vector<std::string> missing;
  for (const auto& c : spec.columns)
    if (c.required && !present.contains(c.name)) missing.push_back("\"" + std::string(c.name) + "\"");
  return text::join(missing, ", ");
}

std::set<std::string_view> recognised(const KindSpec& spec, const TableRow& row) {
  std::set<std::string_view> found;
  for (const auto& cell : row.cells)
    if (const ColumnSpec* c = column_for_header(spec, cell.text)) found.insert(c->name);
  return found;
}

std::string all_columns(const KindSpec& spec) {
  std::vector<std::string> names;
  for (const auto& c : spec.columns) names.emplace_back(c.name);
  return text::join(names, ", ");
}

}  // namespace

Problem header_problem(const Table& table, std::size_t header_pos, std::string what, std::string fix) {
  Problem p;
  p.file = table.file;
  p.sheet = table.sheet;
  p.row = table.header_row;
  if (header_pos < table.header.size()) {
    p.column = table.header[header_pos].column;
    p.field = table.header[header_pos].text;
  }
  p.what = std::move(what);
  p.fix = std::move(fix);
  return p;
}

std::optional<Table> table_from_grid(const Grid& grid, Kind kind, Problems& problems) {
  const KindSpec& spec = spec_of(kind);
  std::size_t required = 0;
  for (const auto& c : spec.columns) required += c.required ? 1 : 0;

  const TableRow* best = nullptr;
  std::size_t best_count = 0;
  for (std::size_t i = 0; i < grid.rows.size() && i < kHeaderSearchRows; ++i) {
    auto found = recognised(spec, grid.rows[i]);
    std::size_t req = 0;
    for (const auto& c : spec.columns) req += (c.required && found.contains(c.name)) ? 1 : 0;
    if (req == required) {
      Table t;
      t.file = grid.file;
      t.sheet = grid.sheet;
      t.kind = std::string(spec.name);
      t.header_row = grid.rows[i].row;
      t.header = grid.rows[i].cells;
      t.rows.assign(grid.rows.begin() + static_cast<std::ptrdiff_t>(i) + 1, grid.rows.end());
      return t;
    }
    if (found.size() > best_count) {
      best = &grid.rows[i];
      best_count = found.size();
    }
  }

  Problem p;
  p.file = grid.file;
  p.sheet = grid.sheet;
  if (grid.rows.empty()) {
    p.what = "tệp không có dữ liệu (không có dòng tiêu đề nào)";
    p.fix = "dòng đầu tiên phải là tiêu đề với các cột: " + all_columns(spec);
    problems.push_back(std::move(p));
    return std::nullopt;
  }
  if (!best) best = &grid.rows.front();
  p.row = best->row;
  p.what = "không tìm thấy dòng tiêu đề có đủ các cột bắt buộc của bảng " + std::string(spec.name) +
           ": thiếu " + required_list(spec, recognised(spec, *best));
  p.fix = "hãy thêm (hoặc sửa tên) các cột đó ở dòng tiêu đề; các cột của bảng là: " + all_columns(spec);
  problems.push_back(std::move(p));
  // The unknown headers of that row are most likely the misspelt required columns: say so too.
  for (const auto& cell : best->cells) {
    if (cell.text.empty() || column_for_header(spec, cell.text)) continue;
    Problem u;
    u.file = grid.file;
    u.sheet = grid.sheet;
    u.row = best->row;
    u.column = cell.column;
    u.field = cell.text;
    u.what = "tên cột \"" + cell.text + "\" không có trong bảng " + std::string(spec.name);
    u.fix = "hãy dùng một trong: " + all_columns(spec);
    problems.push_back(std::move(u));
  }
  return std::nullopt;
}

std::optional<BoundTable> bind_columns(const Table& table, Kind kind, Problems& problems) {
  const KindSpec& spec = spec_of(kind);
  BoundTable bound;
  bound.table = &table;
  bound.spec = &spec;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string& name = table.header[i].text;
    if (text::squish(name).empty()) {
      // A column with no header but with data would be silently dropped: refuse it.
      for (const auto& row : table.rows) {
        if (i < row.cells.size() && !text::squish(row.cells[i].text).empty()) {
          Problem p = header_problem(table, i, "cột " + table.header[i].column + " có dữ liệu nhưng không có tên cột",
                                     "hãy ghi tên cột ở dòng tiêu đề, hoặc xóa dữ liệu của cột này");
          p.row = row.row;
          p.column = row.cells[i].column;
          p.value = row.cells[i].text;
          problems.push_back(std::move(p));
          break;
        }
      }
      continue;
    }
    const ColumnSpec* col = column_for_header(spec, name);
    if (!col) {
      auto close = text::closest(name, [&] {
        std::vector<std::string> names;
        for (const auto& c : spec.columns) names.emplace_back(c.name);
        return names;
      }(), 1);
      // Suggest a column only when it is a likely typo of the header, not any column at all.
      bool near = !close.empty() &&
                  text::edit_distance(name, close.front()) <= std::max<int>(2, static_cast<int>(text::fold(name).size()) / 4);
      std::string fix = near ? "có phải là \"" + close.front() + "\"? " : "";
      problems.push_back(header_problem(table, i, "tên cột \"" + name + "\" không có trong bảng " + std::string(spec.name),
                                        fix + "các cột của bảng là: " + all_columns(spec)));
      continue;
    }
    auto [it, inserted] = bound.position.emplace(std::string(col->name), i);
    if (!inserted) {
      const Cell& first = table.header[it->second];
      problems.push_back(header_problem(
          table, i, "cột \"" + name + "\" trùng với cột " + (first.column.empty() ? "" : first.column + " ") + "\"" + first.text + "\"",
          "mỗi cột chỉ được có một lần; hãy xóa hoặc đổi tên một trong hai cột"));
    }
  }
  // Cells to the right of the last header (a CSV row with too many fields).
  for (const auto& row : table.rows) {
    for (std::size_t i = table.header.size(); i < row.cells.size(); ++i) {
      if (text::squish(row.cells[i].text).empty()) continue;
      Problem p;
      p.file = table.file;
      p.sheet = table.sheet;
      p.row = row.row;
      p.column = row.cells[i].column;
      p.value = row.cells[i].text;
      p.what = "dòng có nhiều ô hơn số cột của tiêu đề (" + std::to_string(table.header.size()) + " cột)";
      p.fix = "trong tệp CSV, ô có dấu phẩy phải được đặt trong ngoặc kép; hoặc thêm tên cột cho ô này";
      problems.push_back(std::move(p));
      break;
    }
  }
  std::set<std::string_view> present;
  for (const auto& c : spec.columns)
    if (bound.has(c.name)) present.insert(c.name);
  std::string missing = required_list(spec, present);
  if (!missing.empty()) {
    problems.push_back(header_problem(table, table.header.size(), "thiếu cột bắt buộc " + missing,
                                      "hãy thêm cột đó vào dòng tiêu đề; các cột của bảng " + std::string(spec.name) +
                                          " là: " + all_columns(spec)));
    return std::nullopt;
  }
  return bound;
}

}  // namespace dxmon::io
