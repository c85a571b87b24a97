// Every built-in row that cites a seed line says something that line prints: a value of
// observations.csv, a target of targets.csv, a task's name and progress of tasks.csv, a count of
// task_counts.csv. A slip in a transcription (a value copied from the next row, a line number off by
// one) fails here. The seeds are the project's sources in ../shared/seeds (DXMON_SEEDS_DIR, or the
// environment variable of that name); without them there is nothing to check against.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "io/csv.h"
#include "text/text.h"

namespace dxmon {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string seeds_dir() {
  if (const char* env = std::getenv("DXMON_SEEDS_DIR"); env && *env) return env;
  return DXMON_SEEDS_DIR;
}

// The seed reports' lines, by seed number ("000") and 1-based line, without the extraction's
// "**" bold markers.
class Seeds {
 public:
  explicit Seeds(const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(dir)) {
      const std::string name = e.path().filename().string();
      if (e.path().extension() != ".txt" || name.size() < 4 || name[3] != '_') continue;
      std::vector<std::string> lines;
      std::istringstream in(slurp(e.path()));
      for (std::string line; std::getline(in, line);) {
        for (std::size_t at = line.find("**"); at != std::string::npos; at = line.find("**")) line.erase(at, 2);
        lines.push_back(text::nfc(line));  // tabs kept: they separate a table's cells
      }
      lines_[name.substr(0, 3)] = std::move(lines);
    }
  }
  bool empty() const { return lines_.empty(); }
  const std::string* line(const std::string& seed, int n) const {
    auto it = lines_.find(seed);
    if (it == lines_.end() || n < 1 || n > static_cast<int>(it->second.size())) return nullptr;
    return &it->second[static_cast<std::size_t>(n - 1)];
  }

 private:
  std::map<std::string, std::vector<std::string>> lines_;
};

// The (seed, line) pairs a source cites: "seed 000 lines 276,279; table I row 1", "seed 004 line
// 31 (TT 8; nhóm: line 15)", "seed 004 lines 50,54,192". Line numbers belong to the last seed named.
std::vector<std::pair<std::string, int>> cited_lines(const std::string& source) {
  std::vector<std::pair<std::string, int>> out;
  static const std::regex token(R"(seed (\d{3})|lines? (\d+(?:\s*[,–-]\s*\d+)*))");
  std::string seed;
  for (auto it = std::sregex_iterator(source.begin(), source.end(), token); it != std::sregex_iterator(); ++it) {
    if ((*it)[1].matched) {
      seed = (*it)[1];
      continue;
    }
    if (seed.empty()) continue;
    static const std::regex number(R"(\d+)");
    const std::string list = (*it)[2];
    std::vector<int> numbers;
    for (auto n = std::sregex_iterator(list.begin(), list.end(), number); n != std::sregex_iterator(); ++n)
      numbers.push_back(std::stoi(n->str()));
    // "lines 12-14": the lines of the range.
    if (numbers.size() == 2 && list.find_first_of("-–") != std::string::npos && numbers[1] > numbers[0] &&
        numbers[1] - numbers[0] < 20)
      for (int n = numbers[0] + 1; n < numbers[1]; ++n) numbers.push_back(n);
    for (int n : numbers) out.emplace_back(seed, n);
  }
  return out;
}

struct Rows {
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
};

Rows read_data(const std::string& file) {
  io::Problems problems;
  io::Grid grid = io::read_csv(slurp(fs::path(DXMON_DATA_DIR) / file), file, problems);
  EXPECT_TRUE(problems.empty()) << file;
  Rows out;
  if (grid.rows.empty()) return out;
  for (const auto& c : grid.rows[0].cells) out.header.push_back(c.text);
  for (std::size_t r = 1; r < grid.rows.size(); ++r) {
    std::map<std::string, std::string> row{{"#row", std::to_string(grid.rows[r].row)}};
    for (std::size_t c = 0; c < out.header.size() && c < grid.rows[r].cells.size(); ++c)
      row[out.header[c]] = text::squish(text::nfc(grid.rows[r].cells[c].text));
    out.rows.push_back(std::move(row));
  }
  return out;
}

class BuiltinSeedLines : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(seeds_dir())) GTEST_SKIP() << "no seed reports in " << seeds_dir();
    seeds_ = std::make_unique<Seeds>(seeds_dir());
    ASSERT_FALSE(seeds_->empty()) << "no seed NNN_*.txt in " << seeds_dir();
  }

  // Whether `printed` is on one of the lines `source` cites: as written (a figure: "7,5% ¹",
  // "≥ 80%"), or, for wording (`words`), without regard to case and diacritics across the cited
  // lines joined (a task's name may run over a page break). Counts the rows that cite a seed.
  ::testing::AssertionResult on_cited_line(const std::string& printed, const std::string& source, bool words) {
    const auto cited = cited_lines(source);
    if (cited.empty()) return ::testing::AssertionSuccess() << "cites no seed line";
    ++checked_;
    std::string joined;
    for (const auto& [seed, n] : cited) {
      const std::string* line = seeds_->line(seed, n);
      if (!line) return ::testing::AssertionFailure() << "seed " << seed << " has no line " << n;
      const std::string squished = text::squish(*line);
      if (squished.find(printed) != std::string::npos) return ::testing::AssertionSuccess();
      joined += " " + squished;
    }
    if (words && (text::fold(joined).find(text::fold(printed)) != std::string::npos ||
                  split_over_cells(text::fold(printed), cited, 0)))
      return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "\"" << printed << "\" is not on the cited lines of \"" << source << "\"";
  }

  // Whether folded `rest` is the text of table cells on the cited lines from `from` on, in order:
  // a task's name broken by a page break continues in the same column after the repeated header
  // ("… trên cơ sở" on line 289, "Mạng Truyền số liệu chuyên dùng …" on line 292).
  bool split_over_cells(const std::string& rest, const std::vector<std::pair<std::string, int>>& cited,
                        std::size_t from) const {
    for (std::size_t i = from; i < cited.size(); ++i) {
      const std::string* line = seeds_->line(cited[i].first, cited[i].second);
      if (!line) continue;
      std::istringstream cells(*line);
      for (std::string cell; std::getline(cells, cell, '\t');) {
        const std::string c = text::fold(cell);
        if (c.empty()) continue;
        if (rest == c) return true;
        if (rest.size() > c.size() && rest.compare(0, c.size() + 1, c + " ") == 0 &&
            split_over_cells(rest.substr(c.size() + 1), cited, i + 1))
          return true;
      }
    }
    return false;
  }

  std::unique_ptr<Seeds> seeds_;
  int checked_ = 0;
};

TEST_F(BuiltinSeedLines, ObservationValuesAreOnTheirLines) {
  for (const auto& r : read_data("observations.csv").rows) {
    // What the row says was printed: the cell as printed, else the value cell; for a yes/no fact
    // about a unit, the unit as the list names it.
    std::string printed = !r.at("as_printed").empty() ? r.at("as_printed") : r.at("value");
    if (!r.at("fact").empty()) printed = r.at("unit");
    if (printed.empty()) continue;
    EXPECT_TRUE(on_cited_line(printed, r.at("location"), !r.at("fact").empty()))
        << "observations.csv row " << r.at("#row") << " (" << r.at("indicator") << ", " << r.at("period") << ")";
  }
  EXPECT_EQ(checked_, 217);  // every observation: all of them cite a seed line
}

TEST_F(BuiltinSeedLines, TargetsAreOnTheirLines) {
  for (const auto& r : read_data("targets.csv").rows)
    EXPECT_TRUE(on_cited_line(r.at("target"), r.at("source"), false))
        << "targets.csv row " << r.at("#row") << " (" << r.at("programme") << " " << r.at("code") << ")";
  EXPECT_EQ(checked_, 48);  // the 35 targets of Quyết định 942; the 12 of the 2022 plan in 13 rows
}

TEST_F(BuiltinSeedLines, TaskNamesAndProgressAreOnTheirLines) {
  for (const auto& r : read_data("tasks.csv").rows) {
    const std::string where = "tasks.csv row " + r.at("#row") + " (" + r.at("code") + ")";
    EXPECT_TRUE(on_cited_line(r.at("name"), r.at("source"), true)) << where;
    if (!r.at("progress_as_printed").empty()) {
      EXPECT_TRUE(on_cited_line(r.at("progress_as_printed"), r.at("source"), true)) << where;
    }
  }
  EXPECT_EQ(checked_, 2 * 141);  // the name and the progress cell of each of the 141 tasks
}

TEST_F(BuiltinSeedLines, TaskCountsAreOnTheirLines) {
  for (const auto& r : read_data("task_counts.csv").rows)
    EXPECT_TRUE(on_cited_line(r.at("as_printed"), r.at("source"), false))
        << "task_counts.csv row " << r.at("#row") << " (" << r.at("programme") << " " << r.at("group") << " "
        << r.at("status") << ")";
  EXPECT_EQ(checked_, 10);
}

// The citation reader itself, on the forms the data uses.
TEST(CitedLines, FormsOfTheData) {
  using V = std::vector<std::pair<std::string, int>>;
  EXPECT_EQ(cited_lines("seed 000 line 41 (STT 1.1; trụ cột: line 40; nhóm: line 37)"),
            (V{{"000", 41}, {"000", 40}, {"000", 37}}));
  EXPECT_EQ(cited_lines("seed 004 lines 50,54,192; the one task"), (V{{"004", 50}, {"004", 54}, {"004", 192}}));
  EXPECT_EQ(cited_lines("seed 000 lines 86, 96"), (V{{"000", 86}, {"000", 96}}));
  EXPECT_EQ(cited_lines("seed 002 lines 84-86"), (V{{"002", 84}, {"002", 86}, {"002", 85}}));
  EXPECT_EQ(cited_lines("reference/provinces_34_2025.csv row 4"), V{});
}

}  // namespace
}  // namespace dxmon
