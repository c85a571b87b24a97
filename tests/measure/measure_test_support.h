#pragma once
// Helpers for the measurement tests: the catalogue's units read from data/units.csv (a minimal
// reader of the columns the engine needs), temporary folders, and running the dxmon binary.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/unit.h"
#include "measure/generator.h"

namespace dxmon::measure::testing {

inline std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  cells.push_back(cur);
  return cells;
}

// Units of data/units.csv: code, name, kind, valid_from, valid_to (enough for the engine).
inline std::vector<ReportingUnit> builtin_units(const std::string& data_dir) {
  std::ifstream in(data_dir + "/units.csv");
  std::string line;
  std::getline(in, line);
  auto header = split_csv_line(line);
  auto col = [&](const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    return header.size();
  };
  std::size_t c_code = col("code"), c_name = col("name"), c_kind = col("kind"), c_from = col("valid_from"),
              c_to = col("valid_to");
  std::vector<ReportingUnit> units;
  while (std::getline(in, line)) {
    auto cells = split_csv_line(line);
    if (cells.size() < header.size()) continue;
    ReportingUnit u;
    u.code = cells[c_code];
    u.name = cells[c_name];
    u.kind = parse_unit_kind(cells[c_kind]).value_or(UnitKind::Other);
    if (!cells[c_from].empty()) u.valid_from = Date::parse_iso(cells[c_from]);
    if (!cells[c_to].empty()) u.valid_to = Date::parse_iso(cells[c_to]);
    u.source = "data/units.csv";
    units.push_back(u);
  }
  return units;
}

// A fresh empty folder under the system's temporary folder.
inline std::filesystem::path temp_dir(const std::string& name) {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() / ("dxmon-" + name + "-" + std::to_string(rd()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A test with a scratch folder, the built-in units and generated record files.
class MeasureFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_dir("measure");
    units_ = builtin_units(DXMON_DATA_DIR);
    ASSERT_FALSE(units_.empty());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path write(const std::string& name, const std::string& content) {
    auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  // `n` records of `seed`; the same seed with more records repeats the first dossiers, many with a
  // newer state.
  std::filesystem::path generate(const std::string& name, std::uint64_t n, std::uint64_t seed, bool ndjson = false,
                                 double bad = 0, int year = 2024) {
    GeneratorOptions o;
    o.year = year;
    o.records = n;
    o.seed = seed;
    o.ndjson = ndjson;
    o.bad_rate = bad;
    auto p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    generate_records(units_, o, out);
    return p;
  }
  std::filesystem::path dir_;
  std::vector<ReportingUnit> units_;
};

}  // namespace dxmon::measure::testing
