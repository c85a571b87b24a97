#include "io/relations_file.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "io/csv.h"

namespace dxmon::io {

std::vector<check::IndicatorRelation> read_relations_file(const std::string& path, Problems& problems) {
  const std::string file = std::filesystem::path(path).filename().string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back({file, "", 0, "", "", "", "không mở được tệp quan hệ giữa các chỉ tiêu",
                        "kiểm tra đường dẫn " + path + " (thư mục dữ liệu có sẵn, tùy chọn --data-dir)"});
    return {};
  }
  std::stringstream text;
  text << in.rdbuf();
  Grid grid = read_csv(text.str(), file, problems);
  std::vector<check::IndicatorRelation> out;
  if (grid.rows.empty()) return out;
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < grid.rows[0].cells.size(); ++i) column[grid.rows[0].cells[i].text] = i;
  for (std::size_t r = 1; r < grid.rows.size(); ++r) {
    const auto& cells = grid.rows[r].cells;
    auto cell = [&](const char* name) {
      auto it = column.find(name);
      return it != column.end() && it->second < cells.size() ? cells[it->second].text : std::string();
    };
    std::string error;
    auto relation = check::relation_from_cells(cell("relation"), cell("indicator"), cell("parts"), cell("group"),
                                               cell("source"), error);
    if (relation)
      out.push_back(std::move(*relation));
    else
      problems.push_back({file, "", grid.rows[r].row, "", "", "", error, ""});
  }
  return out;
}

}  // namespace dxmon::io
