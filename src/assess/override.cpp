#include "assess/override.h"

#include <set>
#include <stdexcept>

#include "assess/assessment.h"

namespace dxmon {
namespace {

std::string name_of(const Override& o) { return override_subject_vi(o); }

}  // namespace

// The checks themselves are core's (override_faults), shared with the store and the importer.
void validate_override(const Override& o) {
  auto faults = override_faults(o);
  if (faults.empty()) return;
  const OverrideFault& f = faults.front();
  std::string fix = f.fix;
  if (!fix.empty() && fix[0] == 'h') fix[0] = 'H';  // every fix starts with "hãy"
  throw std::invalid_argument("Điều chỉnh phân loại " + name_of(o) + " bị từ chối: " + f.what + ". " + fix + ".");
}

int apply_overrides(ProgrammeAssessment& assessment, const std::vector<Override>& overrides) {
  std::set<std::string> seen;
  int applied = 0;
  for (const Override& o : overrides) {
    validate_override(o);
    if (!o.programme.empty() && assessment.programme && o.programme != assessment.programme->code)
      throw std::invalid_argument("Điều chỉnh phân loại " + name_of(o) + " không thuộc chương trình \"" +
                                  assessment.programme->code + "\" đang đánh giá.");
    TargetAssessment* t = assessment.find(o.target);
    if (!t)
      throw std::invalid_argument("Điều chỉnh phân loại " + name_of(o) +
                                  " bị từ chối: không có mục tiêu mã này. Hãy kiểm tra mã mục tiêu.");
    if (!seen.insert(override_key(o)).second)
      throw std::invalid_argument("Có hai điều chỉnh phân loại cho " + name_of(o) + ". Hãy giữ lại một.");
    if (o.period != assessment.as_of) continue;
    t->override_ = o;
    ++applied;
  }
  return applied;
}

}  // namespace dxmon
