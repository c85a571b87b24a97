// overrides rows → Override entities: a person's class for a target in one period, with who, when
// and why.
// The checks are core's override_faults(), each reported at the cell it is about.
#include "core/override.h"
#include "io/enum_choices.h"
#include "io/mapping_context.h"
#include "text/text.h"

namespace dxmon::io {

bool Mapping::require_target(const RowReader& r, std::string_view column, const std::string& programme,
                             const std::string& code) const {
  std::vector<std::string> codes;
  auto known = [&](const std::vector<Target>& targets) {
    for (const auto& t : targets) {
      if (t.programme != programme) continue;
      if (t.code == code) return true;
      codes.push_back(t.code);
    }
    return false;
  };
  if (known(out_.targets) || known(stored_.targets)) return true;
  auto close = text::closest(code, codes, 3);
  r.problem(column,
            "chương trình \"" + programme + "\" không có mục tiêu mã \"" + code +
                "\" (trong kho dữ liệu hay trong các tệp đang nhập)",
            (close.empty() ? std::string() : "có phải là: " + text::join(close, ", ") + "? ") +
                "hãy sửa mã mục tiêu, hoặc nhập mục tiêu này trong bảng targets cùng lúc");
  return false;
}

void Mapping::overrides(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    Override o;
    o.programme = r.required("programme");
    o.target = r.required("target");
    bool target_ok = !o.target.empty() && require_programme(r, "programme", o.programme) &&
                     require_target(r, "target", o.programme, o.target);
    // A blank period cell is refused below by override_faults() ("thiếu kỳ đánh giá").
    const std::optional<Period> period = r.period("period");
    if (period) o.period = *period;
    std::optional<ReportGroup> group;
    if (!r.required("group").empty()) group = r.choice("group", report_group_choices(), "nhóm phân loại");
    o.fine = r.choice("fine", progress_class_choices(), "mức phân loại chi tiết");
    o.who = r.text("who");
    o.when = r.date("when");
    o.why = r.text("why");
    o.source = r.text("source");
    if (group) o.group = *group;
    bool faultless = true;
    for (const auto& f : override_faults(o)) {
      if (f.field == "fine" && !group) continue;  // the group cell already has its problem
      if (f.field == "period" && !r.text("period").empty()) continue;  // unreadable: already said
      r.problem(f.field, "điều chỉnh phân loại " + override_subject_vi(o) + " bị từ chối: " + f.what, f.fix);
      faultless = false;
    }
    if (!group || !target_ok || !faultless) continue;
    if (first_time(seen_overrides_, override_key(o), r, "target",
                   "điều chỉnh phân loại " + override_subject_vi(o)))
      out_.overrides.push_back(std::move(o));
  }
}

}  // namespace dxmon::io
