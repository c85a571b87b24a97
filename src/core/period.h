#pragma once
// Reporting periods (kỳ báo cáo): day, month, quarter, half-year, nine months, year.
// Identifiers: 2024-03-15 (day), 2024-03, 2024-Q1, 2024-H1, 2024-M9 (first nine months), 2024.
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace dxmon {

enum class PeriodType { Day, Month, Quarter, HalfYear, NineMonths, Year };

struct Period {
  PeriodType type = PeriodType::Year;
  int year = 0;
  int index = 0;  // month 1..12, quarter 1..4, half 1..2; 0 for year and nine months
  int day = 0;    // only for Day (index is then the month)

  auto operator<=>(const Period&) const = default;

  static Period of_year(int y) { return {PeriodType::Year, y, 0, 0}; }
  static Period of_month(int y, int m) { return {PeriodType::Month, y, m, 0}; }
  static Period of_quarter(int y, int q) { return {PeriodType::Quarter, y, q, 0}; }
  static Period of_half(int y, int h) { return {PeriodType::HalfYear, y, h, 0}; }
  static Period of_nine_months(int y) { return {PeriodType::NineMonths, y, 0, 0}; }
  static Period of_day(const Date& d) { return {PeriodType::Day, d.year, d.month, d.day}; }

  std::string id() const;
  static std::optional<Period> parse_id(std::string_view id);

  Date first_day() const;
  Date last_day() const;
  // True when every day of `other` lies inside this period.
  bool contains(const Period& other) const;
  bool contains(const Date& d) const;
  // The period of `type` that contains this one (roll-up), if this one fits inside one.
  std::optional<Period> rolled_up_to(PeriodType type) const;
  // The same period one year earlier (cùng kỳ năm trước).
  Period same_period_previous_year() const;
  // Months covered, in order (a Day yields its month).
  std::vector<Period> months() const;
};

}  // namespace dxmon
