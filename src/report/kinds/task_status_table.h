#pragma once
// The table of the programme reports (annual, plan) that counts named tasks by lead agency and
// status: one row per line of agencies, a column per status that occurs, and the totals.
#include <map>
#include <string>
#include <vector>

#include "check/task_analysis.h"
#include "core/dataset.h"
#include "core/task.h"
#include "report/document.h"

namespace dxmon::report {

// One row: an agency (or the provinces together), its tasks and their statuses.
struct AgencyTaskRow {
  std::string agency;  // as the row names it
  int total = 0;
  std::map<TaskStatus, int> by_status;
};

// The row of one agency's named tasks, the agency by its name ("Chưa ghi cơ quan chủ trì" if none).
AgencyTaskRow agency_task_row(const Dataset& data, const check::AgencyTaskCounts& counts);

// `caption` above; `total_heading` over the count column ("Tổng số", "Số nhiệm vụ"); the totals
// row from `all`, which `rows` divide. Only the statuses `all` has get a column (kTaskStatusOrder).
Table task_status_table(std::string caption, std::string total_heading, const check::TaskAnalysis& all,
                        const std::vector<AgencyTaskRow>& rows);

}  // namespace dxmon::report
