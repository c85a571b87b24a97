#include "check/printed_value.h"

#include <algorithm>
#include <cmath>

#include "text/number.h"

namespace dxmon::check {

namespace {

double inferred_unit(double v) {
  const double a = std::fabs(v);
  if (std::fabs(a - std::round(a)) < 1e-9) {
    if (a < 1000) return 1;
    double unit = 1;
    while (unit * 10 < a && std::fmod(a, unit * 10) < 1e-9) unit *= 10;
    return unit;
  }
  for (int d = 1; d <= 6; ++d) {
    const double scaled = a * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) return std::pow(10.0, -d);
  }
  return 1e-6;
}

}  // namespace

Interval PrintedValue::interval() const {
  if (exact && qualifier == Qualifier::None) return {value, value};
  switch (qualifier) {
    case Qualifier::Over: return {value, value + unit};
    case Qualifier::Under: return {value - unit, value};
    case Qualifier::About: return {value - unit, value + unit};
    case Qualifier::None: break;
  }
  return {value - unit / 2, value + unit / 2};
}

PrintedValue printed_value(double value, std::string_view printed) {
  for (const text::FigureInText& f : text::figures_in_text(printed)) {
    if (std::fabs(f.value - value) > 1e-9 * std::max(1.0, std::fabs(value))) continue;
    PrintedValue p;
    p.value = value;
    p.unit = std::pow(10.0, -f.decimals) * f.multiplier;
    p.qualifier = f.approx;
    p.exact = f.decimals == 0 && f.multiplier == 1 && !f.percent;
    return p;
  }
  PrintedValue p;
  p.value = value;
  p.unit = inferred_unit(value);
  p.exact = std::fabs(value - std::round(value)) < 1e-9 && std::fabs(value) < 1000;
  return p;
}

int decimals_for(double unit) {
  if (unit >= 1) return 0;
  return std::min(6, static_cast<int>(std::lround(-std::log10(unit))));
}

}  // namespace dxmon::check
