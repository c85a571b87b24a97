// share_consistency: a printed share that does not match its own numerator and denominator.
// agency_share_consistency: a printed share of agencies that does not match the yes/no facts
// recorded for the agencies of its group (the footnote listing who did it) over the group in force.
// Rounding is never an error: the printed share and the counts are compared as the intervals
// their printed digits allow (printed_value.h).
#include <cmath>

#include "check/rules.h"
#include "text/number.h"
#include "text/vdate.h"

namespace dxmon::check {

namespace {

void check_own_ratio(const CheckContext& ctx, const Observation& o, std::vector<Finding>& out) {
  const Indicator* ind = ctx.indicator(o.indicator);
  if (!is_share(ind) || !o.value || !o.numerator || !o.denominator || *o.denominator <= 0 || *o.numerator < 0) return;
  const Interval n = printed_of_numerator(o).interval();
  const Interval d = printed_of_denominator(o).interval();
  if (d.lo <= 0) return;
  const Interval computed{n.lo / d.hi * 100, n.hi / d.lo * 100};
  const PrintedValue printed = printed_of_value(o);
  if (computed.overlaps(printed.interval())) return;
  const double exact = *o.numerator / *o.denominator * 100;
  const double unit = std::min(printed.unit, 0.01);
  Finding f;
  f.rule = "share_consistency";
  f.severity = Severity::Error;
  f.message = text::format_number(*o.numerator) + "/" + text::format_number(*o.denominator) + " = " +
              quote_percent(exact, unit) + ", báo cáo ghi " + say_value(o, ind) + " (chênh " +
              quote(std::fabs(exact - *o.value), unit) + " điểm phần trăm; chỉ tiêu \"" + o.indicator + "\", " +
              say_period(o.period) + "; nguồn: " + source_of(o) + ").";
  f.values.push_back(finding_value(o, "tỷ lệ ghi trong báo cáo"));
  f.indicators = {o.indicator};
  f.unit = o.unit;
  f.period = o.period;
  out.push_back(std::move(f));
}

void check_agency_share(const CheckContext& ctx, const Indicator& ind, std::vector<Finding>& out) {
  if (ind.kind != IndicatorKind::AgencyShare || !ind.unit_group) return;
  const auto& obs = ctx.observations_of(ind.code);
  for (const Observation* total : obs) {
    if (total->unit != kNationalUnit || !total->value) continue;
    const std::string doc = base_document(total->provenance.document);
    const Date as_of = reference_date(*total);
    int yes = 0;
    bool any_fact = false;
    for (const Observation* f : obs) {
      if (!f->fact || f->period != total->period || base_document(f->provenance.document) != doc) continue;
      any_fact = true;
      const ReportingUnit* u = ctx.units().find(f->unit);
      if (*f->fact && u && unit_in_group(*u, *ind.unit_group)) ++yes;
    }
    if (!any_fact) continue;  // no list of agencies: nothing to recompute from
    const std::size_t members = ctx.units().members(*ind.unit_group, as_of).size();
    if (members == 0) continue;
    const double computed = 100.0 * yes / static_cast<double>(members);
    const PrintedValue printed = printed_of_value(*total);
    if (printed.interval().contains(computed)) continue;
    const std::string group = std::string(unit_group_label_vi(*ind.unit_group));
    Finding f;
    f.rule = "agency_share_consistency";
    f.severity = Severity::Warning;
    f.message = "Danh sách trong báo cáo có " + text::format_number(yes) + "/" + text::format_number(members) + " " +
                group + " (số " + group + " ngày " + text::format_date_short(as_of) + ") = " +
                quote_percent(computed, 0.01) + ", báo cáo ghi " + say_value(*total, &ind) + " (chỉ tiêu \"" +
                ind.code + "\", " + say_period(total->period) + "; nguồn: " + source_of(*total) +
                "). Hãy kiểm tra danh sách đơn vị hoặc mẫu số.";
    f.values.push_back(finding_value(*total, "tỷ lệ ghi trong báo cáo"));
    f.indicators = {ind.code};
    f.unit = total->unit;
    f.period = total->period;
    out.push_back(std::move(f));
  }
}

}  // namespace

void check_share_consistency(const CheckContext& ctx, std::vector<Finding>& out) {
  for (const auto& o : ctx.data().observations) check_own_ratio(ctx, o, out);
  for (const auto& ind : ctx.data().indicators) check_agency_share(ctx, ind, out);
}

}  // namespace dxmon::check
