#include "assess/progress.h"

#include <cmath>

namespace dxmon {

std::optional<double> TargetSpec::effective_value() const {
  if (!value) return std::nullopt;
  if (value_max && direction == Direction::LowerIsBetter) return value_max;
  return value;
}

double ValuePoint::effective(Direction d) const {
  if (value_max && d == Direction::LowerIsBetter) return *value_max;
  return value;
}

Direction target_direction(Comparator c, Direction indicator_direction) {
  switch (c) {
    case Comparator::AtLeast:
    case Comparator::Above: return Direction::HigherIsBetter;
    case Comparator::AtMost:
    case Comparator::Below: return Direction::LowerIsBetter;
    case Comparator::Equal: return indicator_direction;
  }
  return indicator_direction;
}

double year_time(const Period& p) {
  const Date end = p.last_day();
  const long jan1 = Date{end.year, 1, 1}.days_since_epoch();
  const long next_jan1 = Date{end.year + 1, 1, 1}.days_since_epoch();
  const double day_of_year = static_cast<double>(end.days_since_epoch() - jan1 + 1);
  return end.year + day_of_year / static_cast<double>(next_jan1 - jan1);
}

bool target_met(const TargetSpec& target, const ValuePoint& v) {
  if (!target.value) return false;
  const double lo = v.value;
  const double hi = v.value_max.value_or(v.value);
  if (target.value_max) {
    // Range target: in the range or beyond it in the good direction.
    if (target.direction == Direction::HigherIsBetter) return lo >= *target.value;
    return hi <= *target.value_max;
  }
  const double t = *target.value;
  switch (target.comparator) {
    case Comparator::AtLeast:
    case Comparator::Above: return comparator_holds(target.comparator, lo, t);
    case Comparator::AtMost:
    case Comparator::Below: return comparator_holds(target.comparator, hi, t);
    case Comparator::Equal: {
      // Printed values carry at most a few decimals: equality within rounding noise.
      constexpr double kEps = 1e-9;
      return lo - kEps <= t && t <= hi + kEps;
    }
  }
  return false;
}

std::optional<double> share_of_target(const TargetSpec& target, const ValuePoint& current) {
  const auto t = target.effective_value();
  if (!t) return std::nullopt;
  const double v = current.effective(target.direction);
  if (target.direction == Direction::HigherIsBetter) {
    if (*t != 0) return v / *t;
    return v >= 0 ? 1.0 : 0.0;
  }
  if (v <= 0) return 1.0;
  return *t / v;
}

std::optional<double> distance_covered(const TargetSpec& target, const ValuePoint& base,
                                       const ValuePoint& current) {
  const auto t = target.effective_value();
  if (!t) return std::nullopt;
  const double v0 = base.effective(target.direction);
  const double vt = current.effective(target.direction);
  if (*t == v0) return std::nullopt;
  return (vt - v0) / (*t - v0);
}

}  // namespace dxmon
