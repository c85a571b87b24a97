// sum_consistency: parts that do not add up to their stated total, for the totals that
// data/indicator_relations.csv declares as `sum_of` their parts. Parts and total are taken from
// the same report (a "#n" second printing counts as the same report), unit and period.
#include <cmath>

#include "check/rules.h"
#include "text/number.h"

namespace dxmon::check {

namespace {

const Observation* find_part(const CheckContext& ctx, const std::string& indicator, const Observation& total) {
  const std::string doc = base_document(total.provenance.document);
  const Observation* same_doc = nullptr;
  const Observation* same_report = nullptr;
  for (const Observation* o : ctx.observations_of(indicator)) {
    if (!o->value || o->unit != total.unit || o->period != total.period) continue;
    if (o->provenance.document == total.provenance.document && !same_doc) same_doc = o;
    if (base_document(o->provenance.document) == doc && !same_report) same_report = o;
  }
  return same_doc ? same_doc : same_report;
}

}  // namespace

void check_sum_consistency(const CheckContext& ctx, std::vector<Finding>& out) {
  for (const auto& rel : ctx.options().relations) {
    if (rel.kind != RelationKind::SumOf || rel.parts.empty()) continue;
    const Indicator* ind = ctx.indicator(rel.indicator);
    for (const Observation* total : ctx.observations_of(rel.indicator)) {
      if (!total->value) continue;
      std::vector<const Observation*> parts;
      for (const auto& code : rel.parts)
        if (const Observation* p = find_part(ctx, code, *total)) parts.push_back(p);
      if (parts.size() != rel.parts.size()) continue;  // a part was not printed: nothing to add up
      double sum = 0;
      Interval range{0, 0};
      std::string terms;
      for (const Observation* p : parts) {
        sum += *p->value;
        const Interval i = printed_of_value(*p).interval();
        range.lo += i.lo;
        range.hi += i.hi;
        terms += (terms.empty() ? "" : " + ") + say_value(*p, ctx.indicator(p->indicator));
      }
      if (range.overlaps(printed_of_value(*total).interval())) continue;
      Finding f;
      f.rule = "sum_consistency";
      f.severity = Severity::Error;
      f.message = "Các phần không cộng lại bằng tổng: " + terms + " = " + text::format_number(sum) +
                  ", khác tổng " + say_value(*total, ind) + " (chênh " + text::format_number(std::fabs(*total->value - sum)) +
                  "; chỉ tiêu \"" + rel.indicator + "\", " + say_period(total->period) + "; nguồn: " + source_of(*total) +
                  ").";
      f.values.push_back(finding_value(*total, "tổng"));
      f.indicators = {rel.indicator};
      for (const Observation* p : parts) {
        f.values.push_back(finding_value(*p, "phần"));
        f.indicators.push_back(p->indicator);
      }
      f.unit = total->unit;
      f.period = total->period;
      out.push_back(std::move(f));
    }
  }
}

}  // namespace dxmon::check
