// denominator_group: a share whose denominator is meant to count a group of units ("bộ, ngành",
// declared `denominator_group` in data/indicator_relations.csv) but differs from the number of
// units of that group in force on the value's date (data/units.csv).
// group_partition: counts that together make up a group ("19 bộ, ngành đã ban hành" + "06 bộ,
// ngành chưa ban hành", declared `group_partition`) whose sum differs from the group in force.
// Both are warnings: the report may mean a narrower set of units, but then it must say which.
#include <map>
#include <tuple>

#include "check/rules.h"
#include "text/number.h"
#include "text/vdate.h"

namespace dxmon::check {

namespace {

std::size_t group_size(const CheckContext& ctx, const UnitSelection& sel, const Date& on) {
  std::size_t n = 0;
  for (const auto& u : ctx.units().units())
    if (u.valid_on(on) && sel.contains(u)) ++n;
  return n;
}

void check_denominators(const CheckContext& ctx, const IndicatorRelation& rel, std::vector<Finding>& out) {
  for (const Observation* o : ctx.observations_of(rel.indicator)) {
    if (!o->denominator) continue;
    const Date on = reference_date(*o);
    const std::size_t n = group_size(ctx, rel.group, on);
    if (n == 0 || *o->denominator == static_cast<double>(n)) continue;
    Finding f;
    f.rule = "denominator_group";
    f.severity = Severity::Warning;
    f.message = "Mẫu số " + text::format_number(*o->denominator) + " (" + rel.group.label_vi() +
                ") khác số " + rel.group.label_vi() + " đang tồn tại ngày " + text::format_date_short(on) + " (" +
                text::format_number(static_cast<double>(n)) + ") (chỉ tiêu \"" + o->indicator + "\", " +
                say_period(o->period) + "; nguồn: " + source_of(*o) +
                "). Hãy ghi rõ tập đơn vị làm mẫu số hoặc sửa mẫu số.";
    f.values.push_back(finding_value(*o, "mẫu số"));
    f.indicators = {o->indicator};
    f.unit = o->unit;
    f.period = o->period;
    out.push_back(std::move(f));
  }
}

void check_partition(const CheckContext& ctx, const IndicatorRelation& rel, std::vector<Finding>& out) {
  if (rel.parts.empty()) return;
  using Key = std::tuple<std::string, Period, std::string>;  // unit, period, report
  std::map<Key, std::vector<const Observation*>> found;
  for (const auto& code : rel.parts)
    for (const Observation* o : ctx.observations_of(code))
      if (o->value) {
        auto& v = found[Key{o->unit, o->period, base_document(o->provenance.document)}];
        bool has = false;
        for (const Observation* x : v) has = has || x->indicator == code;
        if (!has) v.push_back(o);
      }
  for (const auto& [key, obs] : found) {
    if (obs.size() != rel.parts.size()) continue;
    double sum = 0;
    Date on = reference_date(*obs.front());
    std::string terms;
    for (const Observation* o : obs) {
      sum += *o->value;
      if (on < reference_date(*o)) on = reference_date(*o);
      terms += (terms.empty() ? "" : " + ") + say_value(*o, ctx.indicator(o->indicator));
    }
    const std::size_t n = group_size(ctx, rel.group, on);
    if (n == 0 || sum == static_cast<double>(n)) continue;
    Finding f;
    f.rule = "group_partition";
    f.severity = Severity::Warning;
    f.message = terms + " = " + text::format_number(sum) + " " + rel.group.label_vi() + ", khác số " +
                rel.group.label_vi() + " đang tồn tại ngày " + text::format_date_short(on) + " (" +
                text::format_number(static_cast<double>(n)) + ") (chỉ tiêu \"" + rel.indicator + "\", " +
                say_period(std::get<1>(key)) + "; báo cáo " + std::get<2>(key) +
                "). Hãy ghi rõ tập đơn vị được tính hoặc bổ sung các đơn vị còn thiếu.";
    f.indicators = {rel.indicator};
    for (const Observation* o : obs) {
      f.values.push_back(finding_value(*o, "phần"));
      f.indicators.push_back(o->indicator);
    }
    f.unit = std::get<0>(key);
    f.period = std::get<1>(key);
    out.push_back(std::move(f));
  }
}

}  // namespace

void check_denominator_group(const CheckContext& ctx, std::vector<Finding>& out) {
  for (const auto& rel : ctx.options().relations) {
    if (rel.group.empty()) continue;
    if (rel.kind == RelationKind::DenominatorGroup) check_denominators(ctx, rel, out);
    if (rel.kind == RelationKind::GroupPartition) check_partition(ctx, rel, out);
  }
}

}  // namespace dxmon::check
