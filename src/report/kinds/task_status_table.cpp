#include "report/kinds/task_status_table.h"

#include "assess/task_tally.h"
#include "report/kinds/programme_front.h"
#include "text/number.h"

namespace dxmon::report {

AgencyTaskRow agency_task_row(const Dataset& data, const check::AgencyTaskCounts& counts) {
  return {counts.agency.empty() ? "Chưa ghi cơ quan chủ trì" : unit_name(data, counts.agency), counts.total,
          counts.by_status};
}

Table task_status_table(std::string caption, std::string total_heading, const check::TaskAnalysis& all,
                        const std::vector<AgencyTaskRow>& rows) {
  Table t;
  t.caption = std::move(caption);
  std::vector<TaskStatus> statuses;
  for (TaskStatus st : kTaskStatusOrder)
    if (all.by_status.count(st)) statuses.push_back(st);
  t.columns = {{6, Align::Center}, {40, Align::Left}, {12, Align::Center}};
  Row head{{"TT", "Cơ quan chủ trì", std::move(total_heading)}};
  for (TaskStatus st : statuses) {
    t.columns.push_back({42.0 / static_cast<double>(statuses.size()), Align::Center});
    head.cells.push_back(Cell{std::string(task_status_label_vi(st))});
  }
  t.header.push_back(std::move(head));
  int n = 0;
  for (const AgencyTaskRow& r : rows) {
    Row row{{Cell{std::to_string(++n)}, Cell{r.agency}, Cell{text::format_count2(r.total)}}};
    for (TaskStatus st : statuses) {
      auto it = r.by_status.find(st);
      row.cells.push_back(Cell{text::format_count2(it == r.by_status.end() ? 0 : it->second)});
    }
    t.body.push_back(std::move(row));
  }
  Row total{{Cell{""}, Cell{std::vector<Run>{bold("Tổng cộng")}}, Cell{std::vector<Run>{bold(text::format_count2(all.total))}}}};
  for (TaskStatus st : statuses) total.cells.push_back(Cell{std::vector<Run>{bold(text::format_count2(all.by_status.at(st)))}});
  t.body.push_back(std::move(total));
  return t;
}

}  // namespace dxmon::report
