// tasks and task_statuses rows → Task entities with their status history.
//
// History is appended, never rewritten (the store merges it). A tasks row's status becomes a new
// status change only when it differs from the current status: the last of the history imported
// alongside (task_statuses), or else of the stored task. So re-importing an export changes nothing.
#include "io/enum_choices.h"
#include "io/mapping_context.h"

namespace dxmon::io {

void Mapping::tasks(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    TaskRow tr;
    Task& task = tr.task;
    task.code = r.required("code");
    check_code(r, "code", task.code);
    task.programme = r.required("programme");
    bool programme_ok = require_programme(r, "programme", task.programme);
    task.name = r.required("name");
    tr.status = r.choice("status", task_status_choices(), "trạng thái nhiệm vụ");
    tr.status_date = r.date("status_date");
    Date as_of = tr.status_date.value_or(today_);
    if (auto lead = r.text("lead_agency"); !lead.empty())
      if (auto code = unit(r, "lead_agency", lead, as_of, false)) task.lead_agency = *code;
    task.co_agencies = unit_list(r, "co_agencies", as_of);
    task.deadline = r.period("deadline");
    task.deadline_as_printed = r.text("deadline_as_printed");
    task.progress_as_printed = r.text("progress_as_printed");
    task.result = r.text("result");
    task.source = r.text("source");
    if (task.code.empty() || !programme_ok) continue;
    if (first_time(seen_tasks_, task.code, r, "code", "mã nhiệm vụ \"" + task.code + "\""))
      task_rows_.push_back(std::move(tr));
  }
}

void Mapping::task_statuses(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    std::string task = r.required("task");
    std::optional<TaskStatus> status;
    if (!r.required("status").empty()) status = r.choice("status", task_status_choices(), "trạng thái nhiệm vụ");
    auto date = r.date("date");
    std::string source = r.text("source");
    if (task.empty()) continue;
    bool known = seen_tasks_.contains(task);
    for (const auto& s : stored_.tasks) known = known || s.code == task;
    if (!known) {
      r.problem("task", "nhiệm vụ \"" + task + "\" không có trong danh mục nhiệm vụ (của kho dữ liệu hay của các tệp đang nhập)",
                "hãy sửa mã, hoặc nhập nhiệm vụ này trong bảng tasks cùng lúc");
      continue;
    }
    if (!status) continue;
    auto [it, fresh] = status_history_.try_emplace(task);
    if (fresh) status_order_.push_back(task);
    it->second.push_back({*status, date, source});
  }
}

void Mapping::finish_tasks() {
  auto stored_task = [&](const std::string& code) -> const Task* {
    for (const auto& s : stored_.tasks)
      if (s.code == code) return &s;
    return nullptr;
  };
  for (auto& tr : task_rows_) {
    Task& task = tr.task;
    if (auto h = status_history_.find(task.code); h != status_history_.end()) {
      task.statuses = h->second;
      status_history_.erase(h);
    } else if (const Task* s = stored_task(task.code)) {
      task.statuses = s->statuses;
    }
    if (tr.status && (task.statuses.empty() || task.statuses.back().status != *tr.status))
      task.statuses.push_back({*tr.status, tr.status_date, task.source});
    out_.tasks.push_back(std::move(task));
  }
  // History rows for tasks that only the store holds: the stored task with the history to append.
  for (const auto& code : status_order_) {
    auto h = status_history_.find(code);
    if (h == status_history_.end()) continue;
    if (const Task* s = stored_task(code)) {
      Task task = *s;
      task.statuses = h->second;
      out_.tasks.push_back(std::move(task));
    }
  }
}

}  // namespace dxmon::io
