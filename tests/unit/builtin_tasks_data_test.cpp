// Checks the built-in task data (data/tasks.csv, data/task_statuses.csv) against the counts the
// seed reports print, so that a transcription slip (a lost row, a mis-read status) fails here.
// The CSV reader below is deliberately tiny and local: it lets this test judge the data files on
// their own, independently of the project's importer.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/task.h"

namespace {

using Row = std::map<std::string, std::string>;

struct Table {
  std::vector<std::string> header;
  std::vector<Row> rows;
};

// RFC 4180: comma separated, double-quoted cells may hold commas, quotes ("") and newlines.
std::vector<std::vector<std::string>> parse_csv(std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string cell;
  bool quoted = false;
  bool any = false;  // something seen on the current record
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(cell);
      cell.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !cell.empty()) {
        record.push_back(cell);
        records.push_back(record);
      }
      record.clear();
      cell.clear();
      any = false;
    } else {
      cell += c;
      any = true;
    }
  }
  if (any || !cell.empty()) {
    record.push_back(cell);
    records.push_back(record);
  }
  return records;
}

Table read_table(const std::string& file) {
  const std::string path = std::string(DXMON_DATA_DIR) + "/" + file;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  auto records = parse_csv(ss.str());
  Table t;
  if (records.empty()) return t;
  t.header = records.front();
  for (std::size_t r = 1; r < records.size(); ++r) {
    EXPECT_EQ(records[r].size(), t.header.size()) << file << " row " << r + 1 << " has the wrong cell count";
    Row row;
    for (std::size_t c = 0; c < t.header.size() && c < records[r].size(); ++c) row[t.header[c]] = records[r][c];
    t.rows.push_back(row);
  }
  return t;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

bool is_nfc(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return false;
  bool ok = nfc->isNormalized(icu::UnicodeString::fromUTF8(s), err);
  return U_SUCCESS(err) && ok;
}

class BuiltinTasksData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tasks_ = new Table(read_table("tasks.csv"));
    statuses_ = new Table(read_table("task_statuses.csv"));
  }
  static void TearDownTestSuite() {
    delete tasks_;
    delete statuses_;
  }
  static std::vector<Row> with_prefix(const std::string& prefix) {
    std::vector<Row> out;
    for (const auto& r : tasks_->rows)
      if (starts_with(r.at("code"), prefix)) out.push_back(r);
    return out;
  }
  static int count_status(const std::vector<Row>& rows, const std::string& status) {
    int n = 0;
    for (const auto& r : rows) n += r.at("status") == status;
    return n;
  }
  static Table* tasks_;
  static Table* statuses_;
};
Table* BuiltinTasksData::tasks_ = nullptr;
Table* BuiltinTasksData::statuses_ = nullptr;

TEST_F(BuiltinTasksData, HeadersAreTheColumnsOfDocsFormats) {
  const std::vector<std::string> task_cols = {"code", "programme", "name", "lead_agency", "co_agencies",
                                              "deadline", "deadline_as_printed", "progress_as_printed",
                                              "result", "status", "status_date", "source"};
  EXPECT_EQ(tasks_->header, task_cols);
  const std::vector<std::string> status_cols = {"task", "status", "date", "source"};
  EXPECT_EQ(statuses_->header, status_cols);
}

// Seed 000 appendix: table I (56 tasks led by Bộ TT&TT) and table II (18 led by other ministries).
TEST_F(BuiltinTasksData, Qd942HasTheAppendixTablesWithEightCompletedByLabel) {
  auto all = with_prefix("qd942.");
  EXPECT_EQ(all.size(), 74u);
  EXPECT_EQ(with_prefix("qd942.I.").size(), 56u);
  EXPECT_EQ(with_prefix("qd942.II.").size(), 18u);
  std::set<std::string> codes;
  for (const auto& r : all) {
    codes.insert(r.at("code"));
    EXPECT_EQ(r.at("programme"), "qd942") << r.at("code");
    EXPECT_EQ(r.at("status_date"), "2024-02-16") << r.at("code");
  }
  char buf[32];
  for (int i = 1; i <= 56; ++i) {
    std::snprintf(buf, sizeof buf, "qd942.I.%02d", i);
    EXPECT_TRUE(codes.count(buf)) << buf << " is missing";
  }
  for (int i = 1; i <= 18; ++i) {
    std::snprintf(buf, sizeof buf, "qd942.II.%02d", i);
    EXPECT_TRUE(codes.count(buf)) << buf << " is missing";
  }
  // The count in seeds/extracted/NOTES.md: 8 of 74 carry "Hoàn thành"/"Đã hoàn thành".
  EXPECT_EQ(count_status(all, "completed"), 8);
  int labelled_done = 0;
  for (const auto& r : all) {
    const auto& p = r.at("progress_as_printed");
    bool done = starts_with(p, "Hoàn thành") || starts_with(p, "Đã hoàn thành");
    labelled_done += done;
    EXPECT_EQ(done, r.at("status") == "completed") << r.at("code") << ": status must follow the printed label";
  }
  EXPECT_EQ(labelled_done, 8);
}

// The status comes from the printed label even where the result text contradicts it.
TEST_F(BuiltinTasksData, Qd942StopRequestKeepsThePrintedLabel) {
  auto rows = with_prefix("qd942.I.04");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("status"), "in_progress");
  EXPECT_EQ(rows[0].at("progress_as_printed"), "Đang thực hiện/2021-2025");
  EXPECT_NE(rows[0].at("result").find("xin dừng"), std::string::npos);
}

// "Đang thực hiện/2021-2025" → deadline 2025 (end of the range); "Hàng năm"/"Thường xuyên" → none.
TEST_F(BuiltinTasksData, Qd942DeadlinesAreSplitFromTheProgressCell) {
  const std::regex year("\\d{4}");
  const std::regex range("\\d{4}-(\\d{4})");
  for (const auto& r : with_prefix("qd942.")) {
    const auto& printed = r.at("deadline_as_printed");
    const auto& progress = r.at("progress_as_printed");
    std::smatch m;
    if (std::regex_match(printed, year)) {
      EXPECT_EQ(r.at("deadline"), printed) << r.at("code");
    } else if (std::regex_match(printed, m, range)) {
      EXPECT_EQ(r.at("deadline"), m[1].str()) << r.at("code");
    } else {
      EXPECT_TRUE(printed.empty() || printed == "Hàng năm" || printed == "Thường xuyên") << r.at("code");
      EXPECT_TRUE(r.at("deadline").empty()) << r.at("code");
    }
    // The printed deadline is the tail of the printed progress cell.
    if (!printed.empty()) {
      ASSERT_GE(progress.size(), printed.size()) << r.at("code");
      EXPECT_EQ(progress.substr(progress.size() - printed.size()), printed) << r.at("code");
    }
  }
}

// Seed 004 §II.1: 63 localities with one task each, 59 completed, 4 named as still in progress.
TEST_F(BuiltinTasksData, Khhd2022ProvinceTasksMatchTheSeedLists) {
  auto dp = with_prefix("khhd2022.dp.");
  EXPECT_EQ(dp.size(), 63u);
  EXPECT_EQ(count_status(dp, "completed"), 59);
  std::set<std::string> in_progress, leads;
  for (const auto& r : dp) {
    EXPECT_EQ(r.at("programme"), "khhd2022");
    EXPECT_EQ(r.at("status_date"), "2022-12-31");
    leads.insert(r.at("lead_agency"));
    if (r.at("status") == "in_progress") in_progress.insert(r.at("lead_agency"));
  }
  EXPECT_EQ(leads.size(), 63u) << "each locality has exactly one task";
  EXPECT_EQ(in_progress, (std::set<std::string>{"Quảng Ngãi", "Quảng Trị", "Tiền Giang", "Trà Vinh"}));
}

// Seed 004 names only the 2 ministry tasks still in progress, both of Bộ Giáo dục và Đào tạo.
TEST_F(BuiltinTasksData, Khhd2022NamedMinistryTasksAreTheTwoOfTheEducationMinistry) {
  std::vector<Row> ministry;
  for (const auto& r : with_prefix("khhd2022."))
    if (!starts_with(r.at("code"), "khhd2022.dp.")) ministry.push_back(r);
  ASSERT_EQ(ministry.size(), 2u);
  for (const auto& r : ministry) {
    EXPECT_EQ(r.at("lead_agency"), "Bộ Giáo dục và Đào tạo");
    EXPECT_EQ(r.at("status"), "in_progress");
  }
}

TEST_F(BuiltinTasksData, EveryTaskHasNameLeadSourceAndAUniqueCode) {
  ASSERT_FALSE(tasks_->rows.empty());
  std::set<std::string> codes;
  for (const auto& r : tasks_->rows) {
    const auto& code = r.at("code");
    EXPECT_FALSE(code.empty());
    EXPECT_TRUE(codes.insert(code).second) << "duplicate code " << code;
    EXPECT_FALSE(r.at("programme").empty()) << code;
    EXPECT_FALSE(r.at("name").empty()) << code;
    // Table II of seed 000 prints no agency column: a lead is recorded only where a seed names it.
    if (r.at("lead_agency").empty()) {
      EXPECT_NE(r.at("source").find("no seed names the lead agency"), std::string::npos) << code;
    }
    EXPECT_TRUE(starts_with(r.at("source"), "seed ")) << code << ": source must cite the seed";
    EXPECT_TRUE(dxmon::parse_task_status(r.at("status")).has_value()) << code << ": status " << r.at("status");
    EXPECT_TRUE(std::regex_match(r.at("status_date"), std::regex("\\d{4}-\\d{2}-\\d{2}"))) << code;
    EXPECT_TRUE(r.at("deadline").empty() || std::regex_match(r.at("deadline"), std::regex("\\d{4}"))) << code;
    for (const auto& [col, value] : r) EXPECT_TRUE(is_nfc(value)) << code << " column " << col << " is not NFC";
  }
}

TEST_F(BuiltinTasksData, StatusHistoryNamesExistingTasksAndAgreesWithTheCurrentStatus) {
  std::map<std::string, Row> by_code;
  for (const auto& r : tasks_->rows) by_code[r.at("code")] = r;
  std::map<std::string, Row> last;  // oldest first, so the last row of a task is its current status
  for (const auto& s : statuses_->rows) {
    const auto& task = s.at("task");
    EXPECT_TRUE(by_code.count(task)) << "task_statuses names an unknown task " << task;
    EXPECT_TRUE(dxmon::parse_task_status(s.at("status")).has_value()) << task << ": status " << s.at("status");
    EXPECT_TRUE(std::regex_match(s.at("date"), std::regex("\\d{4}-\\d{2}-\\d{2}"))) << task;
    EXPECT_FALSE(s.at("source").empty()) << task;
    last[task] = s;
  }
  for (const auto& [code, r] : by_code) {
    ASSERT_TRUE(last.count(code)) << code << " has no status history";
    EXPECT_EQ(last[code].at("status"), r.at("status")) << code;
    EXPECT_EQ(last[code].at("date"), r.at("status_date")) << code;
  }
}

}  // namespace
