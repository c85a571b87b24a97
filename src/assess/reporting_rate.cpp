#include "assess/reporting_rate.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/enum_names.h"
#include "text/text.h"

namespace dxmon {
namespace {

constexpr detail::EnumNames<UnitReportState, 4> kStateIds{{
    {UnitReportState::OnTime, "on_time"},
    {UnitReportState::Late, "late"},
    {UnitReportState::NotSubmitted, "not_submitted"},
    {UnitReportState::NotYetDue, "not_yet_due"},
}};

constexpr detail::EnumNames<UnitReportState, 4> kStateLabels{{
    {UnitReportState::OnTime, "đúng hạn"},
    {UnitReportState::Late, "muộn"},
    {UnitReportState::NotSubmitted, "chưa gửi (quá hạn)"},
    {UnitReportState::NotYetDue, "chưa gửi (chưa đến hạn)"},
}};

// The group a unit is counted under in the per-group rates.
std::optional<UnitGroup> group_of(const ReportingUnit& u) {
  for (UnitGroup g : {UnitGroup::Ministries, UnitGroup::Provinces, UnitGroup::Nation})
    if (unit_in_group(u, g)) return g;
  return std::nullopt;
}

void count(RateCounts& c, const UnitReport& r) {
  ++c.expected;
  switch (r.state) {
    case UnitReportState::OnTime: ++c.on_time; ++c.received; break;
    case UnitReportState::Late: ++c.late; ++c.received; break;
    case UnitReportState::NotSubmitted: ++c.not_submitted; break;
    case UnitReportState::NotYetDue: ++c.not_yet_due; break;
  }
}

std::optional<double> ratio(int part, int whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / whole;
}

bool by_name(const ReportingUnit* a, const ReportingUnit* b) {
  int c = text::collate(a->name, b->name);
  return c != 0 ? c < 0 : a->code < b->code;
}

}  // namespace

std::string_view unit_report_state_id(UnitReportState s) { return detail::name_of(kStateIds, s); }
std::string_view unit_report_state_label_vi(UnitReportState s) { return detail::name_of(kStateLabels, s); }

std::optional<double> RateCounts::completeness() const { return ratio(received, expected); }
std::optional<double> RateCounts::timeliness() const { return ratio(on_time, expected); }

std::vector<const ReportingUnit*> expected_units(const ReportingRegime& regime, const Period& period,
                                                 const UnitDirectory& directory) {
  const Date on = period.last_day();
  std::vector<const ReportingUnit*> out;
  std::set<std::string> seen;
  if (regime.unit_group)
    for (const ReportingUnit* u : directory.members(*regime.unit_group, on))
      if (seen.insert(u->code).second) out.push_back(u);
  for (const std::string& code : regime.units) {
    const ReportingUnit* u = directory.find(code);
    if (u && u->valid_on(on) && seen.insert(u->code).second) out.push_back(u);
  }
  std::sort(out.begin(), out.end(), by_name);
  return out;
}

ReportingRate reporting_rate(const ReportingRegime& regime, const Period& period, const UnitDirectory& directory,
                             const std::vector<Submission>& submissions, const Date& as_of) {
  ReportingRate out;
  out.regime = regime.code;
  out.period = period;
  out.as_of = as_of;
  out.window = data_window(regime, period);  // throws on a period of another frequency
  out.deadline = deadline(regime, period);
  out.expected_on = period.last_day();

  // Each unit's steps for this regime and period known on `as_of`, in the order they happened.
  std::map<std::string, std::vector<Submission>> steps;
  for (const Submission& s : submissions)
    if (s.regime == regime.code && s.period == period && s.received_at.date <= as_of) steps[s.unit].push_back(s);
  for (auto& [unit, list] : steps)
    std::stable_sort(list.begin(), list.end(),
                     [](const Submission& a, const Submission& b) { return a.received_at < b.received_at; });

  const auto expected = expected_units(regime, period, directory);
  std::set<std::string> expected_codes;
  std::map<std::optional<UnitGroup>, RateCounts> per_group;
  for (const ReportingUnit* u : expected) {
    expected_codes.insert(u->code);
    UnitReport r;
    r.unit = u->code;
    r.name = u->name;
    r.group = group_of(*u);
    if (auto it = steps.find(u->code); it != steps.end()) {
      SubmissionState state = submission_state(it->second);
      r.status = state.status;
      r.received_at = state.received_at;
      r.return_reason = state.return_reason;
    }
    if (r.received_at) {
      const Date received = r.received_at->date;
      r.state = received <= out.deadline ? UnitReportState::OnTime : UnitReportState::Late;
      if (r.state == UnitReportState::Late)
        r.days_late = static_cast<int>(received.days_since_epoch() - out.deadline.days_since_epoch());
    } else {
      // The deadline day itself is still in time.
      r.state = as_of <= out.deadline ? UnitReportState::NotYetDue : UnitReportState::NotSubmitted;
    }
    count(out.total, r);
    count(per_group[r.group], r);
    if (!r.received()) out.to_remind.push_back(r);
    out.units.push_back(std::move(r));
  }

  for (UnitGroup g : {UnitGroup::Ministries, UnitGroup::Provinces, UnitGroup::Nation})
    if (auto it = per_group.find(g); it != per_group.end()) out.groups.push_back({g, it->second});
  if (auto it = per_group.find(std::nullopt); it != per_group.end()) out.groups.push_back({std::nullopt, it->second});

  for (const auto& [unit, list] : steps)
    if (!expected_codes.contains(unit)) out.unexpected_units.push_back(unit);
  for (const std::string& code : regime.units) {
    const ReportingUnit* u = directory.find(code);
    if (!u || !u->valid_on(out.expected_on)) out.listed_not_in_force.push_back(code);
  }
  return out;
}

}  // namespace dxmon
