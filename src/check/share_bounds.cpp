// share_bounds: a share outside 0–100 %, or a numerator larger than its denominator (a share
// above 100 %), or a negative count. Such a value cannot be right whatever the definition.
#include "check/rules.h"
#include "text/number.h"

namespace dxmon::check {

void check_share_bounds(const CheckContext& ctx, std::vector<Finding>& out) {
  for (const auto& o : ctx.data().observations) {
    const Indicator* ind = ctx.indicator(o.indicator);
    if (!is_share(ind)) continue;
    auto emit = [&](std::string message) {
      Finding f;
      f.rule = "share_bounds";
      f.severity = Severity::Error;
      f.message = std::move(message);
      f.values.push_back(finding_value(o, "tỷ lệ"));
      f.indicators = {o.indicator};
      f.unit = o.unit;
      f.period = o.period;
      out.push_back(std::move(f));
    };
    const std::string where = " (chỉ tiêu \"" + o.indicator + "\", " + say_period(o.period) + "; nguồn: " +
                              source_of(o) + ")";
    bool reported = false;
    for (auto v : {o.value, o.value_max}) {
      if (v && (*v < 0 || *v > 100) && !reported) {
        emit("Tỷ lệ " + text::format_percent(*v) + " nằm ngoài khoảng 0–100%" + where + ".");
        reported = true;
      }
    }
    if (reported) continue;
    if (o.numerator && o.denominator) {
      if (*o.numerator < 0 || *o.denominator < 0)
        emit("Tử số hoặc mẫu số âm: " + text::format_number(*o.numerator) + "/" + text::format_number(*o.denominator) +
             where + ".");
      else if (*o.numerator > *o.denominator)
        emit("Tử số " + text::format_number(*o.numerator) + " lớn hơn mẫu số " + text::format_number(*o.denominator) +
             ": tỷ lệ " + text::format_percent(*o.numerator / *o.denominator * 100, 2) + " vượt 100%" + where + ".");
    }
  }
}

}  // namespace dxmon::check
