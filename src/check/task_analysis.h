#pragma once
// Tasks (nhiệm vụ) as the coordinating ministry reviews them: counts by status and by lead
// agency, overdue tasks, tasks whose status contradicts their own result text, and tasks
// reported "for form" (no substantive result).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/task.h"

namespace dxmon::check {

struct AgencyTaskCounts {
  std::string agency;                       // unit code or name; empty: not stated
  std::map<TaskStatus, int> by_status;
  int total = 0;
};

enum class TaskIssueKind {
  Overdue,               // deadline passed, not completed (nor stopped)
  StatusContradiction,   // the status says one thing, the result text another
  FormalResult,          // result empty or only a placeholder ("Đang thực hiện.")
};

struct TaskIssue {
  TaskIssueKind kind = TaskIssueKind::Overdue;
  std::string task;      // task code
  std::string message;   // Vietnamese
  std::string evidence;  // the phrase of the result text that triggered it, as written
};

struct TaskAnalysis {
  int total = 0;
  std::map<TaskStatus, int> by_status;
  int without_status = 0;
  std::vector<AgencyTaskCounts> by_agency;  // ordered by agency code, "not stated" last
  std::vector<TaskIssue> overdue;
  std::vector<TaskIssue> contradictions;
  std::vector<TaskIssue> formal_results;
};

// `as_of`: the date overdue is judged on (a report's date). A task is overdue when its deadline
// period ended before `as_of` and its current status is neither completed nor stopped.
// Result texts are matched on folded text (text::fold), so "Đang thực hiện" and "dang thuc hien"
// match alike. Empty results are "for form" only for tasks not completed: a completed task listed
// by name only (seed 004's provinces) carries its evidence in the status.
TaskAnalysis analyse_tasks(const std::vector<Task>& tasks, const Date& as_of);

}  // namespace dxmon::check
