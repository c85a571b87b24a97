// revisions rows → Revision entities: the history of changed values as `dxmon export` writes it.
// A revision is about an observation the store holds or the same import brings; the store appends
// it unless the same revision is already kept (so re-importing an export adds nothing).
#include <algorithm>

#include "io/mapping_context.h"

namespace dxmon::io {

bool Mapping::observation_known(const std::string& indicator, const std::string& key) const {
  for (const auto& o : out_.observations)
    if (o.key() == key) return true;
  return stored_observation(indicator, key) != nullptr;
}

void Mapping::revisions(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    const std::string indicator = r.required("indicator");
    r.required("period");
    auto period = r.period("period");
    const std::string document = r.required("document");
    std::string unit_code = r.text("unit");
    if (unit_code.empty()) {
      unit_code = std::string(kNationalUnit);
    } else if (auto code = unit(r, "unit", unit_code, period ? period->last_day() : today_, false)) {
      unit_code = *code;
    } else {
      continue;
    }
    Revision v;
    v.field = r.text("field");
    if (v.field.empty()) v.field = "value";
    if (std::find(std::begin(kRevisionFields), std::end(kRevisionFields), v.field) == std::end(kRevisionFields))
      r.problem("field", "\"" + v.field + "\" không phải là trường của một giá trị",
                "hãy dùng value, flags, as_of, comment, location hoặc provenance");
    v.changed_at = r.required("changed_at");
    v.changed_by = r.required("changed_by");
    v.old_value = r.text("old_value");
    v.new_value = r.text("new_value");
    v.reason = r.text("reason");
    if (indicator.empty() || !period || document.empty() || v.changed_at.empty() || v.changed_by.empty()) continue;
    v.observation_key = indicator + "|" + unit_code + "|" + period->id() + "|" + document;
    if (!observation_known(indicator, v.observation_key)) {
      r.problem("indicator",
                "lịch sử sửa đổi của giá trị \"" + v.observation_key +
                    "\" mà giá trị này không có trong kho dữ liệu hay trong các tệp đang nhập",
                "hãy nhập giá trị (bảng observations) cùng lúc, hoặc sửa chỉ tiêu, đơn vị, kỳ, văn bản cho đúng");
      continue;
    }
    out_.revisions.push_back(std::move(v));
  }
}

}  // namespace dxmon::io
