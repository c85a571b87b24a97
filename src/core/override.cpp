#include "core/override.h"

#include "text/text.h"
#include "text/vdate.h"

namespace dxmon {

std::string override_subject_vi(const Override& o) {
  return "mục tiêu \"" + o.target + "\"" + (o.programme.empty() ? "" : " của chương trình \"" + o.programme + "\"") +
         (o.period.year == 0 ? "" : " (" + text::period_label(o.period) + ")");
}

std::string override_key(const Override& o) { return o.programme + "|" + o.target + "|" + o.period.id(); }

std::vector<OverrideFault> override_faults(const Override& o) {
  std::vector<OverrideFault> out;
  if (o.period.year == 0)
    out.push_back({"period", "thiếu kỳ đánh giá",
                   "hãy ghi kỳ mà điều chỉnh này đánh giá (trường \"period\"), ví dụ 2023 cho báo cáo năm 2023"});
  // A blank of spaces is no reason: the point of an override is that someone can read why.
  if (text::squish(o.why).empty())
    out.push_back({"why", "thiếu lý do",
                   "hãy ghi rõ lý do điều chỉnh (trường \"why\"), ví dụ văn bản hoặc số liệu làm căn cứ"});
  if (text::squish(o.who).empty())
    out.push_back({"who", "thiếu người quyết định",
                   "hãy ghi rõ người hoặc cơ quan điều chỉnh (trường \"who\")"});
  if (o.fine && report_group_of(*o.fine) != o.group)
    out.push_back({"fine",
                   "mức chi tiết \"" + std::string(progress_class_label_vi(*o.fine)) + "\" không thuộc nhóm \"" +
                       std::string(report_group_label_vi(o.group)) + "\"",
                   "hãy sửa một trong hai"});
  return out;
}

}  // namespace dxmon
