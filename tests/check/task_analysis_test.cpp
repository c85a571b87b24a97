// Task analysis on seed 000's appendix and seed 004's tasks (the built-in data), and at its
// boundaries on tasks built here.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "check/task_analysis.h"
#include "check_support.h"

namespace dxmon::check {
namespace {

std::set<std::string> codes(const std::vector<TaskIssue>& issues) {
  std::set<std::string> s;
  for (const auto& i : issues) s.insert(i.task);
  return s;
}

std::vector<Task> programme_tasks(const Dataset& d, const std::string& programme) {
  std::vector<Task> out;
  for (const auto& t : d.tasks)
    if (t.programme == programme) out.push_back(t);
  return out;
}

TEST(TaskAnalysisSeed000, CountsOverdueContradictionsAndFormalResults) {
  const Dataset d = testing::load_builtin();
  const auto a = analyse_tasks(programme_tasks(d, "qd942"), Date{2024, 2, 16});
  EXPECT_EQ(a.total, 74);
  EXPECT_EQ(a.by_status.at(TaskStatus::Completed), 8);  // NOTES.md: 8/74
  EXPECT_EQ(a.by_status.at(TaskStatus::InProgress), 64);
  EXPECT_EQ(a.by_status.at(TaskStatus::NotStarted), 2);
  // NOTES.md: rows I-15, 16, 17, 18, 28, 30 (deadline 2023) still in progress in February 2024.
  EXPECT_EQ(codes(a.overdue), (std::set<std::string>{"qd942.I.15", "qd942.I.16", "qd942.I.17", "qd942.I.18",
                                                     "qd942.I.28", "qd942.I.30"}));
  // Row I-4: "Đang thực hiện" but the project is being asked to stop.
  ASSERT_EQ(codes(a.contradictions), (std::set<std::string>{"qd942.I.04"}));
  EXPECT_NE(a.contradictions[0].message.find("xin dừng"), std::string::npos) << a.contradictions[0].message;
  // NOTES.md: 10 Table I rows with only "Đang thực hiện." / "Đang xây dựng", and II-12, II-13 empty.
  EXPECT_EQ(codes(a.formal_results),
            (std::set<std::string>{"qd942.I.52", "qd942.I.54", "qd942.I.55", "qd942.I.56", "qd942.I.16", "qd942.I.20",
                                   "qd942.I.23", "qd942.I.24", "qd942.I.40", "qd942.I.42", "qd942.II.12",
                                   "qd942.II.13"}));
  // Table I is led by one ministry; most of table II names no agency (listed last).
  ASSERT_FALSE(a.by_agency.empty());
  EXPECT_EQ(a.by_agency.back().agency, "");
  int sum = 0;
  for (const auto& g : a.by_agency) sum += g.total;
  EXPECT_EQ(sum, 74);
}

TEST(TaskAnalysisSeed004, ProvincesStillImplementing) {
  const Dataset d = testing::load_builtin();
  const auto a = analyse_tasks(programme_tasks(d, "khhd2022"), Date{2022, 12, 31});
  EXPECT_EQ(a.by_status.at(TaskStatus::Completed), 59);  // seed 004: 59 provinces completed
  EXPECT_EQ(a.by_status.at(TaskStatus::InProgress), 6);   // 4 provinces + 2 tasks of Bộ GD&ĐT
}

Task task(std::string code, TaskStatus s, std::string result, std::optional<Period> deadline = std::nullopt) {
  Task t;
  t.code = std::move(code);
  t.programme = "p";
  t.result = std::move(result);
  t.deadline = deadline;
  t.statuses.push_back({s, Date{2024, 1, 1}, "test"});
  return t;
}

TEST(TaskAnalysis, OverdueBoundaryIsTheDayAfterTheDeadline) {
  const std::vector<Task> tasks = {task("a", TaskStatus::InProgress, "x", Period::of_year(2023)),
                                   task("b", TaskStatus::Completed, "x", Period::of_year(2022)),
                                   task("c", TaskStatus::Stopped, "x", Period::of_year(2022))};
  EXPECT_TRUE(analyse_tasks(tasks, Date{2023, 12, 31}).overdue.empty());
  EXPECT_EQ(codes(analyse_tasks(tasks, Date{2024, 1, 1}).overdue), (std::set<std::string>{"a"}));
}

TEST(TaskAnalysis, ContradictionsMatchFoldedPhrasesNotWordsInside) {
  const std::vector<Task> tasks = {
      task("a", TaskStatus::InProgress, "Dự án xin dung thuc hien."),       // written without diacritics
      task("b", TaskStatus::InProgress, "Đang xây dựng hệ thống, sử dụng nền tảng."),  // "dựng", "dụng" ≠ "dừng"
      task("c", TaskStatus::Completed, "Hệ thống đang triển khai tại 10 tỉnh."),
      task("d", TaskStatus::InProgress, "Đã hoàn thành giai đoạn 1."),
      task("e", TaskStatus::InProgress, "  Đang thực hiện.  "),
      task("f", TaskStatus::Completed, ""),
  };
  const auto a = analyse_tasks(tasks, Date{2024, 1, 1});
  EXPECT_EQ(codes(a.contradictions), (std::set<std::string>{"a", "c", "d"}));
  EXPECT_EQ(codes(a.formal_results), (std::set<std::string>{"e"}));
}

}  // namespace
}  // namespace dxmon::check
