// achieved_claim: a target the report counted achieved ("đã hoàn thành" in its printed group)
// whose latest value up to the target's deadline does not satisfy the target's comparator
// (seed 000: 99% counted achieved against 100%).
// classified_without_value: a target the report put in a class although it has no value for the
// period the report assessed (the latest period with any value among the programme's targets).
#include <map>

#include "check/rules.h"
#include "text/number.h"
#include "text/text.h"

namespace dxmon::check {

namespace {

bool claims_achieved(const Target& t) {
  const std::string g = " " + text::fold(t.printed_group) + " ";
  return g.find(" da hoan thanh ") != std::string::npos;
}

bool usable(const Observation& o) { return o.value && !o.flags.no_data && o.unit == kNationalUnit; }

// The latest usable national value of `indicator` whose period ends by `until` (if given).
const Observation* latest_value(const CheckContext& ctx, const std::string& indicator, const std::optional<Period>& until) {
  const Observation* best = nullptr;
  for (const Observation* o : ctx.observations_of(indicator)) {
    if (!usable(*o)) continue;
    if (until && o->period.last_day() > until->last_day()) continue;
    if (!best || o->period.last_day() > best->period.last_day() ||
        (o->period.last_day() == best->period.last_day() && reference_date(*o) > reference_date(*best)))
      best = o;
  }
  return best;
}

bool item_met(const TargetItem& item, double v) {
  if (item.value_max) return v >= *item.value && v <= *item.value_max;
  return comparator_holds(item.comparator, v, *item.value);
}

std::string target_ref(const Target& t) { return t.programme + "/" + t.code; }

std::string target_name(const Target& t) {
  std::string label = t.label;
  if (label.size() > 90) {
    std::size_t cut = label.rfind(' ', 90);
    label = label.substr(0, cut == std::string::npos ? 90 : cut) + "…";
  }
  return "Mục tiêu " + (t.printed_no.empty() ? t.code : t.printed_no) + " (" + t.programme + "/" + t.code + ": “" +
         label + "”)";
}

void check_claim(const CheckContext& ctx, const Target& t, std::vector<Finding>& out) {
  if (!claims_achieved(t)) return;
  for (const auto& item : t.items) {
    if (!item.value) continue;  // a qualitative target cannot be checked against a number
    const Observation* o = latest_value(ctx, item.indicator, t.deadline);
    if (!o || item_met(item, *o->value)) continue;  // no value: classified_without_value says so
    const Indicator* ind = ctx.indicator(item.indicator);
    Finding f;
    f.rule = "achieved_claim";
    f.severity = Severity::Error;
    f.message = target_name(t) + " được xếp vào “" + t.printed_group + "” nhưng kết quả " + say_period(o->period) +
                " là " + say_value(*o, ind) + ", chưa đạt mục tiêu " + item.as_printed +
                (item.label.empty() ? "" : " (" + item.label + ")") + " (nguồn: " + source_of(*o) + ").";
    f.values.push_back(finding_value(*o, "kết quả"));
    f.indicators = {item.indicator};
    f.unit = o->unit;
    f.period = o->period;
    f.target = target_ref(t);
    out.push_back(std::move(f));
  }
}

}  // namespace

void check_achieved_claims(const CheckContext& ctx, std::vector<Finding>& out) {
  for (const auto& t : ctx.data().targets) check_claim(ctx, t, out);

  // The period each programme's report assessed: the latest with a value among its targets.
  std::map<std::string, Period> assessed;
  for (const auto& t : ctx.data().targets)
    for (const auto& item : t.items)
      if (const Observation* o = latest_value(ctx, item.indicator, t.deadline)) {
        auto it = assessed.find(t.programme);
        if (it == assessed.end() || o->period.last_day() > it->second.last_day()) assessed[t.programme] = o->period;
      }
  for (const auto& t : ctx.data().targets) {
    if (t.printed_group.empty()) continue;
    auto it = assessed.find(t.programme);
    if (it == assessed.end()) continue;
    const Period& period = it->second;
    bool has_value = false;
    for (const auto& item : t.items)
      for (const Observation* o : ctx.observations_of(item.indicator))
        has_value = has_value || (usable(*o) && period.contains(o->period));
    if (has_value) continue;
    Finding f;
    f.rule = "classified_without_value";
    f.severity = Severity::Warning;
    f.message = target_name(t) + " được xếp vào “" + t.printed_group + "” nhưng không có kết quả " +
                say_period(period) + " (nguồn: " + t.source + "). Hãy bổ sung số liệu hoặc xếp vào “chưa có số liệu”.";
    for (const auto& item : t.items) f.indicators.push_back(item.indicator);
    f.period = period;
    f.target = target_ref(t);
    out.push_back(std::move(f));
  }
}

}  // namespace dxmon::check
