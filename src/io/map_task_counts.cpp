// task_counts rows → TaskCount entities: how many tasks a report says a programme has, in all or
// for a group of lead units, in all or with a status, without naming them (core/task_count.h).
#include "io/enum_choices.h"
#include "io/mapping_context.h"

namespace dxmon::io {

void Mapping::task_counts(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    TaskCount c;
    c.programme = r.required("programme");
    const bool programme_ok = require_programme(r, "programme", c.programme);
    c.group = r.choice("group", unit_group_choices(), "nhóm đơn vị chủ trì");
    c.status = r.choice("status", task_status_choices(), "trạng thái nhiệm vụ");
    std::optional<int> count;
    if (!r.required("count").empty()) count = r.whole_number("count");
    if (count && *count < 0)
      r.problem("count", "số nhiệm vụ âm (" + std::to_string(*count) + ")", "hãy ghi số nhiệm vụ như báo cáo in, ví dụ 44");
    c.as_printed = r.text("as_printed");
    if (c.as_printed.empty()) c.as_printed = r.text("count");
    c.as_of = r.date("as_of");
    c.document = r.text("document");
    c.source = r.text("source");
    if (!programme_ok || !count || *count < 0) continue;
    c.count = *count;
    std::string what = "số nhiệm vụ của chương trình \"" + c.programme + "\"" +
                       (c.group ? ", nhóm " + std::string(unit_group_id(*c.group)) : "") +
                       (c.status ? ", trạng thái " + std::string(task_status_id(*c.status)) : "") +
                       (c.as_of ? ", ngày " + c.as_of->iso() : "");
    if (first_time(seen_task_counts_, c.key(), r, "count", what)) out_.task_counts.push_back(std::move(c));
  }
}

}  // namespace dxmon::io
