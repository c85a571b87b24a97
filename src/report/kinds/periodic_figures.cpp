#include "report/kinds/periodic_figures.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "text/number.h"

namespace dxmon::report {

namespace {

bool is_measured(const Observation& o) { return o.provenance.kind == ProvenanceKind::Measurement; }

bool has_figure(const Observation& o) {
  if (o.flags.no_data) return false;
  return o.value || (o.numerator && o.denominator);
}

// Of two figures of one indicator, unit and period: the later as-of date, then the first document.
bool better(const Observation& a, const Observation& b) {
  if (a.as_of != b.as_of) return a.as_of > b.as_of;
  return a.provenance.document < b.provenance.document;
}

// Time order of periods: by first day, the longer period first.
bool earlier(const Period& a, const Period& b) {
  if (a.first_day() != b.first_day()) return a.first_day() < b.first_day();
  return a.last_day() > b.last_day();
}

std::optional<double> value_of(const Observation& o) {
  if (o.value) return o.value;
  if (o.numerator && o.denominator && *o.denominator != 0) return 100.0 * *o.numerator / *o.denominator;
  return std::nullopt;
}

std::string rounded(double v) { return text::format_number(std::round(v * 100.0) / 100.0); }

}  // namespace

const Observation* stored_figure(const std::vector<Observation>& observations, const std::string& indicator,
                                 const std::string& unit, const Period& period, bool measured) {
  const Observation* best = nullptr;
  for (const auto& o : observations) {
    if (o.indicator != indicator || o.unit != unit || o.period != period || is_measured(o) != measured) continue;
    if (!has_figure(o)) continue;
    if (!best || better(o, *best)) best = &o;
  }
  return best;
}

std::vector<PeriodFigure> national_figures(const Dataset& data, const Period& period) {
  // The period each indicator is reported for: the period itself when stored, else the latest
  // sub-period (seed 002 gives "tháng 3/2024" and "Quý I" figures side by side).
  std::map<std::string, Period> chosen;
  for (const auto& o : data.observations) {
    if (o.unit != kNationalUnit || is_measured(o) || !has_figure(o) || !period.contains(o.period)) continue;
    auto it = chosen.find(o.indicator);
    if (it == chosen.end()) {
      chosen.emplace(o.indicator, o.period);
      continue;
    }
    const Period& held = it->second;
    if (held == period) continue;
    if (o.period == period || o.period.last_day() > held.last_day() ||
        (o.period.last_day() == held.last_day() && o.period.first_day() < held.first_day()))
      it->second = o.period;
  }
  std::vector<PeriodFigure> out;
  for (const auto& ind : data.indicators) {
    auto it = chosen.find(ind.code);
    if (it == chosen.end()) continue;
    PeriodFigure f;
    f.indicator = &ind;
    f.current = stored_figure(data.observations, ind.code, std::string(kNationalUnit), it->second, false);
    f.previous = stored_figure(data.observations, ind.code, std::string(kNationalUnit),
                               it->second.same_period_previous_year(), false);
    if (f.current) out.push_back(f);
  }
  return out;
}

std::string figure_text(const Indicator& indicator, const Observation* o) {
  if (!o || o->flags.no_data) return "-";
  if (!o->as_printed.empty()) return o->as_printed;
  if (o->value) {
    if (indicator.unit == "%") return text::format_percent(*o->value, 2);
    if (indicator.unit == "điểm") return text::format_number(*o->value, 2);
    return text::format_number(*o->value);
  }
  if (o->numerator && o->denominator)
    return text::format_number(*o->numerator) + "/" + text::format_number(*o->denominator);
  return "-";
}

std::string figure_source(const Observation& o) {
  if (is_measured(o)) return o.provenance.document;
  if (o.provenance.location.empty()) return o.provenance.document;
  return o.provenance.document + ", " + o.provenance.location;
}

std::string change_text(const Indicator& indicator, const Observation* previous, const Observation* current) {
  if (!previous || !current) return "-";
  auto before = value_of(*previous), now = value_of(*current);
  if (!before || !now) return "-";
  if (indicator.unit == "%") {
    double points = *now - *before;
    if (std::abs(points) < 0.005) return "không đổi";
    return (points > 0 ? "tăng " : "giảm ") + rounded(std::abs(points)) + " điểm %";
  }
  if (*before == 0) return "-";
  double change = 100.0 * (*now - *before) / std::abs(*before);
  if (std::abs(change) < 0.005) return "không đổi";
  return (change > 0 ? "tăng " : "giảm ") + rounded(std::abs(change)) + "%";
}

std::vector<Period> periods_with_national_data(const Dataset& data) {
  std::set<Period> seen;
  for (const auto& o : data.observations)
    if (o.unit == kNationalUnit && has_figure(o)) seen.insert(o.period);
  std::vector<Period> out(seen.begin(), seen.end());
  std::sort(out.begin(), out.end(), earlier);
  return out;
}

}  // namespace dxmon::report
