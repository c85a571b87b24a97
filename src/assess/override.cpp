#include "assess/override.h"

#include <set>
#include <stdexcept>

#include "assess/assessment.h"
#include "text/text.h"

namespace dxmon {
namespace {

std::string name_of(const Override& o) {
  return "mục tiêu \"" + o.target + "\"" + (o.programme.empty() ? "" : " của chương trình \"" + o.programme + "\"");
}

}  // namespace

void validate_override(const Override& o) {
  if (text::squish(o.why).empty())
    throw std::invalid_argument("Điều chỉnh phân loại " + name_of(o) +
                                " bị từ chối: thiếu lý do. Hãy ghi rõ lý do điều chỉnh (trường \"why\"), "
                                "ví dụ văn bản hoặc số liệu làm căn cứ.");
  if (text::squish(o.who).empty())
    throw std::invalid_argument("Điều chỉnh phân loại " + name_of(o) +
                                " bị từ chối: thiếu người quyết định. Hãy ghi rõ người hoặc cơ quan điều chỉnh "
                                "(trường \"who\").");
  if (o.fine && report_group_of(*o.fine) != o.group)
    throw std::invalid_argument("Điều chỉnh phân loại " + name_of(o) + " bị từ chối: mức chi tiết \"" +
                                std::string(progress_class_label_vi(*o.fine)) + "\" không thuộc nhóm \"" +
                                std::string(report_group_label_vi(o.group)) + "\". Hãy sửa một trong hai.");
}

void apply_overrides(ProgrammeAssessment& assessment, const std::vector<Override>& overrides) {
  std::set<std::string> seen;
  for (const Override& o : overrides) {
    validate_override(o);
    if (!o.programme.empty() && assessment.programme && o.programme != assessment.programme->code)
      throw std::invalid_argument("Điều chỉnh phân loại " + name_of(o) + " không thuộc chương trình \"" +
                                  assessment.programme->code + "\" đang đánh giá.");
    TargetAssessment* t = assessment.find(o.target);
    if (!t)
      throw std::invalid_argument("Điều chỉnh phân loại " + name_of(o) +
                                  " bị từ chối: không có mục tiêu mã này. Hãy kiểm tra mã mục tiêu.");
    if (!seen.insert(o.target).second)
      throw std::invalid_argument("Có hai điều chỉnh phân loại cho " + name_of(o) + ". Hãy giữ lại một.");
    t->override_ = o;
  }
}

}  // namespace dxmon
