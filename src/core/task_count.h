#pragma once
// Tasks known only as counts (số nhiệm vụ theo báo cáo). A report may say how many tasks a programme
// has — in all, for the units of a group, with a status — without listing them: seed 004 §II prints
// "107 nhiệm vụ … giao các bộ, ngành Trung ương thực hiện 44 nhiệm vụ … 42 nhiệm vụ đã hoàn thành",
// but names only two of the 44. These counts are kept as reported, apart from the named Task rows,
// so that a count and a list are never confused: views and reports show both and say which is which.
#include <optional>
#include <string>

#include "core/date.h"
#include "core/task.h"
#include "core/unit.h"

namespace dxmon {

struct TaskCount {
  std::string programme;             // programme code
  std::optional<UnitGroup> group;    // the group of the lead units; absent: all the programme's tasks
  std::optional<TaskStatus> status;  // absent: whatever their status (the total)
  long count = 0;
  std::string as_printed;            // the figure as printed ("02")
  std::optional<Date> as_of;         // the day the count is for (the report's date)
  std::string document;              // the report that printed it
  std::string source;                // seed file and line, or where else it comes from
  bool operator==(const TaskCount&) const = default;

  // One count per programme, group, status and day: "khhd2022|bo_nganh|completed|2022-12-31".
  std::string key() const;
};

}  // namespace dxmon
