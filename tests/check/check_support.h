#pragma once
// Loading the built-in data and the indicator relations for the check tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "check/relation.h"
#include "core/dataset.h"
#include "io/csv.h"
#include "io/import.h"

namespace dxmon::check::testing {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The built-in data as `dxmon init --builtin` reads it: every CSV of data/ through the importer.
inline Dataset load_builtin() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(DXMON_DATA_DIR))
    if (e.path().extension() == ".csv") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  io::ImportOptions options;
  options.today = Date{2024, 12, 31};
  auto report = io::read_files(files, options, io::Catalogue{});
  for (const auto& p : report.problems) ADD_FAILURE() << p.to_string();
  return report.data;
}

// data/checks/indicator_relations.csv
inline std::vector<IndicatorRelation> load_relations() {
  const std::string path = std::string(DXMON_DATA_DIR) + "/checks/indicator_relations.csv";
  io::Problems problems;
  io::Grid grid = io::read_csv(read_text(path), "indicator_relations.csv", problems);
  for (const auto& p : problems) ADD_FAILURE() << p.to_string();
  std::vector<IndicatorRelation> out;
  if (grid.rows.empty()) return out;
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < grid.rows[0].cells.size(); ++i) col[grid.rows[0].cells[i].text] = i;
  for (std::size_t r = 1; r < grid.rows.size(); ++r) {
    const auto& cells = grid.rows[r].cells;
    auto cell = [&](const char* name) {
      auto it = col.find(name);
      return it != col.end() && it->second < cells.size() ? cells[it->second].text : std::string();
    };
    std::string error;
    auto rel = relation_from_cells(cell("relation"), cell("indicator"), cell("parts"), cell("group"), cell("source"), error);
    if (rel)
      out.push_back(*rel);
    else
      ADD_FAILURE() << "indicator_relations.csv:" << grid.rows[r].row << ": " << error;
  }
  return out;
}

}  // namespace dxmon::check::testing
