#include "io/index_components_file.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "io/csv.h"
#include "text/number.h"
#include "text/text.h"

namespace dxmon::io {

namespace {

// Header names and the Vietnamese words a person may write, matched after folding.
const std::map<std::string, std::string>& column_names() {
  static const std::map<std::string, std::string> names = [] {
    std::map<std::string, std::string> out;
    for (const auto& [header, column] : std::vector<std::pair<std::string, std::string>>{
             {"indicator", "indicator"},   {"chỉ tiêu", "indicator"},     {"thành phần", "indicator"},
             {"max_points", "max_points"}, {"điểm tối đa", "max_points"}, {"trọng số", "max_points"},
             {"weight", "max_points"},     {"name", "name"},              {"tên", "name"}})
      out.emplace(text::fold(header), column);
    return out;
  }();
  return names;
}

std::optional<double> positive_number(const std::string& text) {
  auto n = text::try_parse_number(text);
  if (!n || n->no_data || n->value_max || !(n->value > 0)) return std::nullopt;
  return n->value;
}

}  // namespace

std::optional<CompositeComponent> parse_index_component(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos) return std::nullopt;
  CompositeComponent c;
  c.code = text::squish(text.substr(0, eq));
  auto points = positive_number(text::squish(text.substr(eq + 1)));
  if (c.code.empty() || !points) return std::nullopt;
  c.max_points = *points;
  return c;
}

std::vector<CompositeComponent> read_index_components(const std::string& path, Problems& problems) {
  const std::string file = std::filesystem::path(path).filename().string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back({file, "", 0, "", "", "", "không mở được tệp thành phần chỉ số",
                        "kiểm tra đường dẫn " + path});
    return {};
  }
  std::stringstream content;
  content << in.rdbuf();
  Grid grid = read_csv(content.str(), file, problems);
  if (grid.rows.empty()) {
    problems.push_back({file, "", 0, "", "", "", "tệp thành phần chỉ số không có dòng nào",
                        "hãy ghi dòng tiêu đề indicator,max_points,name và mỗi thành phần một dòng"});
    return {};
  }
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < grid.rows[0].cells.size(); ++i)
    if (auto it = column_names().find(text::fold(grid.rows[0].cells[i].text)); it != column_names().end())
      column.emplace(it->second, i);
  bool columns_ok = true;
  for (const char* required : {"indicator", "max_points"})
    if (!column.contains(required)) {
      problems.push_back({file, "", grid.rows[0].row, "", required, "", std::string("thiếu cột ") + required,
                          "hãy ghi dòng tiêu đề indicator,max_points,name"});
      columns_ok = false;
    }
  if (!columns_ok) return {};

  std::vector<CompositeComponent> out;
  std::set<std::string> seen;
  for (std::size_t r = 1; r < grid.rows.size(); ++r) {
    const TableRow& row = grid.rows[r];
    auto cell = [&](const char* name) -> std::pair<std::string, std::string> {
      auto it = column.find(name);
      if (it == column.end() || it->second >= row.cells.size()) return {"", column_letter(it == column.end() ? 0 : it->second)};
      return {text::squish(row.cells[it->second].text), column_letter(it->second)};
    };
    const auto [code, code_col] = cell("indicator");
    const auto [points_text, points_col] = cell("max_points");
    CompositeComponent c;
    c.code = code;
    c.name = cell("name").first;
    bool ok = true;
    if (code.empty()) {
      problems.push_back({file, "", row.row, code_col, "indicator", "", "thiếu mã chỉ tiêu", "hãy ghi mã chỉ tiêu của thành phần"});
      ok = false;
    } else if (!seen.insert(code).second) {
      problems.push_back({file, "", row.row, code_col, "indicator", code, "chỉ tiêu \"" + code + "\" đã có ở dòng trước",
                          "mỗi thành phần chỉ ghi một dòng; hãy xoá một dòng"});
      ok = false;
    }
    if (auto points = positive_number(points_text)) {
      c.max_points = *points;
    } else {
      problems.push_back({file, "", row.row, points_col, "max_points", points_text,
                          "điểm tối đa phải là một số lớn hơn 0", "hãy ghi số điểm tối đa của thành phần, ví dụ 20"});
      ok = false;
    }
    if (ok) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace dxmon::io
