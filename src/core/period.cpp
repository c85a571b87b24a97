#include "core/period.h"

#include <cstdio>

namespace dxmon {

namespace {

std::optional<int> digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// The period of `type` that holds day `d` (for NineMonths: the year's first nine months,
// whether or not `d` falls in them; the caller checks containment).
Period period_holding(PeriodType type, const Date& d) {
  switch (type) {
    case PeriodType::Day: return Period::of_day(d);
    case PeriodType::Month: return Period::of_month(d.year, d.month);
    case PeriodType::Quarter: return Period::of_quarter(d.year, (d.month - 1) / 3 + 1);
    case PeriodType::HalfYear: return Period::of_half(d.year, d.month <= 6 ? 1 : 2);
    case PeriodType::NineMonths: return Period::of_nine_months(d.year);
    case PeriodType::Year: return Period::of_year(d.year);
  }
  return Period::of_year(d.year);
}

}  // namespace

std::string Period::id() const {
  char buf[32];
  switch (type) {
    case PeriodType::Day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, index, day); break;
    case PeriodType::Month: std::snprintf(buf, sizeof buf, "%04d-%02d", year, index); break;
    case PeriodType::Quarter: std::snprintf(buf, sizeof buf, "%04d-Q%d", year, index); break;
    case PeriodType::HalfYear: std::snprintf(buf, sizeof buf, "%04d-H%d", year, index); break;
    case PeriodType::NineMonths: std::snprintf(buf, sizeof buf, "%04d-M9", year); break;
    case PeriodType::Year: std::snprintf(buf, sizeof buf, "%04d", year); break;
  }
  return buf;
}

std::optional<Period> Period::parse_id(std::string_view id) {
  // Identifiers are machine keys, so the grammar is strict: a four-digit year, then
  // "-MM", "-MM-DD", "-Qn", "-Hn" or "-M9". Human spellings go through text::parse_period.
  if (id.size() < 4) return std::nullopt;
  auto y = id.size() >= 4 ? digits(id.substr(0, 4)) : std::nullopt;
  if (!y || *y < 1) return std::nullopt;
  if (id.size() == 4) return of_year(*y);
  if (id[4] != '-') return std::nullopt;
  std::string_view rest = id.substr(5);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H' || rest[0] == 'M')) {
    auto n = digits(rest.substr(1));
    if (!n) return std::nullopt;
    if (rest[0] == 'Q' && *n >= 1 && *n <= 4) return of_quarter(*y, *n);
    if (rest[0] == 'H' && *n >= 1 && *n <= 2) return of_half(*y, *n);
    if (rest[0] == 'M' && *n == 9) return of_nine_months(*y);
    return std::nullopt;
  }
  if (rest.size() == 2) {
    auto m = digits(rest);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    return of_month(*y, *m);
  }
  if (auto d = Date::parse_iso(id)) return of_day(*d);
  return std::nullopt;
}

Date Period::first_day() const {
  switch (type) {
    case PeriodType::Day: return {year, index, day};
    case PeriodType::Month: return {year, index, 1};
    case PeriodType::Quarter: return {year, 3 * index - 2, 1};
    case PeriodType::HalfYear: return {year, 6 * index - 5, 1};
    case PeriodType::NineMonths:
    case PeriodType::Year: return {year, 1, 1};
  }
  return {year, 1, 1};
}

Date Period::last_day() const {
  auto end_of = [this](int month) { return Date{year, month, days_in_month(year, month)}; };
  switch (type) {
    case PeriodType::Day: return {year, index, day};
    case PeriodType::Month: return end_of(index);
    case PeriodType::Quarter: return end_of(3 * index);
    case PeriodType::HalfYear: return end_of(6 * index);
    case PeriodType::NineMonths: return end_of(9);
    case PeriodType::Year: return end_of(12);
  }
  return end_of(12);
}

bool Period::contains(const Period& other) const {
  return first_day() <= other.first_day() && other.last_day() <= last_day();
}

bool Period::contains(const Date& d) const { return first_day() <= d && d <= last_day(); }

std::optional<Period> Period::rolled_up_to(PeriodType target) const {
  Period candidate = period_holding(target, first_day());
  if (candidate.contains(*this)) return candidate;
  return std::nullopt;  // e.g. Q4 into nine months, or a quarter into a month
}

Period Period::same_period_previous_year() const {
  Period p = *this;
  p.year -= 1;
  // 29 February has no twin in a common year; the last day of February stands in for it.
  if (p.type == PeriodType::Day && p.day > days_in_month(p.year, p.index)) p.day = days_in_month(p.year, p.index);
  return p;
}

std::vector<Period> Period::months() const {
  std::vector<Period> out;
  const Date first = first_day(), last = last_day();
  for (int m = first.month; m <= last.month; ++m) out.push_back(of_month(year, m));
  return out;
}

}  // namespace dxmon
