// repeated_values: a share printed unchanged (the same numerator and denominator, or the same
// percentage) in periods at least CheckOptions::repeated_min_days apart — a figure that was
// probably not refreshed. Only shares strictly between 0 and 100 % are considered: a share that
// has reached 100 % (63/63) is expected to stay there, and a bare count has no ceiling we know of.
#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "check/rules.h"
#include "check/series.h"
#include "text/number.h"

namespace dxmon::check {

namespace {

// What must be equal for two values to count as "unchanged".
std::optional<std::pair<double, double>> signature(const Observation& o, const Indicator* ind) {
  if (o.numerator && o.denominator && *o.numerator > 0 && *o.numerator < *o.denominator)
    return std::pair{*o.numerator, *o.denominator};
  if (is_share(ind) && !o.numerator && !o.denominator && o.value && *o.value > 0 && *o.value < 100)
    return std::pair{*o.value, -1.0};
  return std::nullopt;
}

std::string say(const Observation& o, const Indicator* ind) {
  if (o.numerator && o.denominator)
    return text::format_number(*o.numerator) + "/" + text::format_number(*o.denominator);
  return say_value(o, ind);
}

}  // namespace

void check_repeated_values(const CheckContext& ctx, std::vector<Finding>& out) {
  // Values without a printed share (69/179) are kept as numerator and denominator only, so the
  // series is built here rather than from series_of (which needs a value).
  for (const auto& ind : ctx.data().indicators) {
    std::map<std::string, std::vector<const Observation*>> by_unit;
    for (const Observation* o : ctx.observations_of(ind.code))
      if (!o->flags.no_data && signature(*o, &ind)) by_unit[o->unit].push_back(o);
    for (auto& [unit, obs] : by_unit) {
      std::stable_sort(obs.begin(), obs.end(),
                       [](const Observation* a, const Observation* b) { return reference_date(*a) < reference_date(*b); });
      std::size_t start = 0;
      for (std::size_t i = 1; i <= obs.size(); ++i) {
        if (i < obs.size() && signature(*obs[i], &ind) == signature(*obs[start], &ind)) continue;
        // obs[start, i) print the same figure.
        const Observation& first = *obs[start];
        const Observation& last = *obs[i - 1];
        const long days = reference_date(last).days_since_epoch() - reference_date(first).days_since_epoch();
        if (i - start >= 2 && first.period != last.period && days >= ctx.options().repeated_min_days) {
          Finding f;
          f.rule = "repeated_values";
          f.severity = Severity::Warning;
          std::string where;
          for (std::size_t k = start; k < i; ++k) {
            where += (where.empty() ? "" : "; ") + say_period(obs[k]->period) + " (" + source_of(*obs[k]) + ")";
            f.values.push_back(finding_value(*obs[k], "giá trị"));
          }
          f.message = "Số liệu " + say(first, &ind) + " không thay đổi qua " + std::to_string(i - start) +
                      " kỳ báo cáo cách nhau " + std::to_string(days) + " ngày: " + where + " (chỉ tiêu \"" + ind.code +
                      "\"). Hãy kiểm tra số liệu đã được cập nhật chưa.";
          f.indicators = {ind.code};
          f.unit = unit;
          f.period = last.period;
          out.push_back(std::move(f));
        }
        start = i;
      }
    }
  }
}

}  // namespace dxmon::check
