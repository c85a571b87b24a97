// cumulative_monotonic: a running total (lũy kế; `cumulative` in data/indicator_relations.csv)
// that falls from one period to the next — an error, a running total cannot fall.
// stock_decrease: a stock (aggregation `last`, higher is better, not declared cumulative) that
// falls — a warning: stocks can fall (a system disconnected), but in a progress report a fall
// usually means a figure that was not refreshed or a changed definition.
// Falls within the printed precision ("hơn 35,4 triệu" → "35,38 triệu") are not findings.
#include <set>

#include "check/rules.h"
#include "check/series.h"

namespace dxmon::check {

void check_cumulative_monotonic(const CheckContext& ctx, std::vector<Finding>& out) {
  std::set<std::string> cumulative;
  for (const auto& rel : ctx.options().relations)
    if (rel.kind == RelationKind::Cumulative) cumulative.insert(rel.indicator);

  for (const auto& ind : ctx.data().indicators) {
    const bool running_total = cumulative.count(ind.code) > 0;
    const bool stock = ind.aggregation == Aggregation::Last && ind.direction == Direction::HigherIsBetter;
    if (!running_total && !stock) continue;
    for (const auto& series : series_of(ctx, ind.code)) {
      for (std::size_t i = 1; i < series.size(); ++i) {
        // The highest earlier value against the lowest later one: one finding per step.
        const Observation* before = nullptr;
        const Observation* after = nullptr;
        for (const Observation* a : series[i - 1].values)
          if (!before || printed_of_value(*a).interval().lo > printed_of_value(*before).interval().lo) before = a;
        for (const Observation* b : series[i].values)
          if (!after || printed_of_value(*b).interval().hi < printed_of_value(*after).interval().hi) after = b;
        if (printed_of_value(*after).interval().hi >= printed_of_value(*before).interval().lo) continue;
        Finding f;
        f.rule = running_total ? "cumulative_monotonic" : "stock_decrease";
        f.severity = running_total ? Severity::Error : Severity::Warning;
        f.message = std::string(running_total ? "Số lũy kế giảm" : "Số liệu giảm") + " từ " + say_value(*before, &ind) +
                    " (" + say_period(before->period) + ", " + source_of(*before) + ") xuống " + say_value(*after, &ind) +
                    " (" + say_period(after->period) + ", " + source_of(*after) + ") (chỉ tiêu \"" + ind.code + "\"" +
                    (running_total ? "; số lũy kế không thể giảm" : "; hãy kiểm tra số liệu có được cập nhật, cùng định nghĩa") +
                    ").";
        f.values.push_back(finding_value(*before, "kỳ trước"));
        f.values.push_back(finding_value(*after, "kỳ sau"));
        f.indicators = {ind.code};
        f.unit = after->unit;
        f.period = after->period;
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace dxmon::check
