// `dxmon show tasks`: the named tasks with their lead agency, deadline and status, and next to
// them the task counts the reports printed without listing the tasks (assess/task_tally.h), so
// that a reader sees which figure is reported and which is counted from the list.
#include <iostream>
#include <map>

#include "assess/task_tally.h"
#include "cli/console_table.h"
#include "cli/show_support.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::cli {
namespace {

// One row per printed count, beside the count of the named tasks of the same group and status.
void show_task_counts(const TaskTally& tally, const std::string& programme_name) {
  if (!tally.has_reported()) return;
  std::cout << "\nSố nhiệm vụ theo báo cáo của " << programme_name
            << (tally.as_of ? " (ngày " + text::format_date_short(*tally.as_of) + ")" : std::string())
            << ": số đếm in trong báo cáo, gồm cả nhiệm vụ không có tên trong danh sách trên; bên cạnh là số "
               "đếm từ danh sách.\n";
  ConsoleTable t({"Nhóm cơ quan chủ trì", "Trạng thái", "Theo báo cáo", "Đếm từ danh sách", "Nguồn"}, {0, 0, 0, 0, 48});
  for (const auto& [key, cell] : tally.reported_in_order()) {
    const TaskCount& c = *cell->reported;
    t.add_row({key.group ? std::string(unit_group_label_vi(*key.group)) : "Tất cả",
               key.status ? std::string(task_status_label_vi(*key.status)) : "Tổng số",
               c.as_printed.empty() ? text::format_count2(c.count) : c.as_printed, text::format_count2(cell->listed),
               c.document + (c.source.empty() ? "" : (c.document.empty() ? "" : ", ") + c.source)});
  }
  t.print(std::cout);
}

}  // namespace

void show_tasks(Store& store, const ShowOptions& opt) {
  UnitDirectory dir(store.units());
  ConsoleTable t({"Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Trạng thái"}, {0, 60, 28, 12, 0});
  std::map<std::string, int> by_status;
  auto tasks = store.tasks(opt.programme);
  for (const auto& task : tasks) {
    auto s = task.current_status();
    std::string status = s ? std::string(task_status_label_vi(*s)) : "";
    ++by_status[status];
    t.add_row({task.code, task.name, unit_name(dir, task.lead_agency),
               task.deadline_as_printed.empty() && task.deadline ? text::period_label(*task.deadline)
                                                                  : task.deadline_as_printed,
               status});
  }
  t.print(std::cout);
  std::cout << "\n" << tasks.size() << " nhiệm vụ có tên trong danh sách";
  for (const auto& [status, n] : by_status) std::cout << "; " << status << ": " << text::format_count2(n);
  std::cout << "\n";

  Dataset data;
  data.units = dir.units();
  data.tasks = std::move(tasks);
  data.task_counts = store.task_counts(opt.programme);
  for (const auto& p : store.programmes())
    if (opt.programme.empty() || p.code == opt.programme) show_task_counts(tally_tasks(data, p.code), p.name);
}

}  // namespace dxmon::cli
