#pragma once
// Tasks (nhiệm vụ, giải pháp): non-numeric work items with a lead agency, deadline and status.
// Status and deadline are separate fields (the reports mix them in one cell: "Đang thực hiện/2025").
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/period.h"

namespace dxmon {

enum class TaskStatus { NotStarted, InProgress, Completed, Overdue, Stopped };

struct TaskStatusChange {
  TaskStatus status = TaskStatus::NotStarted;
  std::optional<Date> date;  // when the status was reported
  std::string source;
  bool operator==(const TaskStatusChange&) const = default;
};

struct Task {
  std::string code;                      // e.g. "qd942.I.12"
  std::string programme;                 // programme code
  std::string name;
  std::string lead_agency;               // unit code
  std::vector<std::string> co_agencies;  // unit codes
  std::optional<Period> deadline;        // absent for "Thường xuyên", "Hàng năm"
  std::string deadline_as_printed;       // "2021-2025", "Hàng năm", "Thường xuyên"
  std::string progress_as_printed;       // the printed cell, verbatim
  std::string result;                    // kết quả
  std::vector<TaskStatusChange> statuses;  // oldest first; the last is the current status
  std::string source;
  bool operator==(const Task&) const = default;

  std::optional<TaskStatus> current_status() const {
    if (statuses.empty()) return std::nullopt;
    return statuses.back().status;
  }
};

std::string_view task_status_id(TaskStatus s);        // "not_started", "in_progress", ...
std::optional<TaskStatus> parse_task_status(std::string_view id);
std::string_view task_status_label_vi(TaskStatus s);  // "Chưa triển khai", "Đang thực hiện", ...

}  // namespace dxmon
