#pragma once
// A calendar date (ngày). Plain value type; no time zone: dates in the reports are civil dates.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dxmon {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  auto operator<=>(const Date&) const = default;

  bool valid() const;
  // ISO form "2024-02-16".
  std::string iso() const;
  static std::optional<Date> parse_iso(std::string_view text);
  // Days since 1970-01-01 (for arithmetic) and back.
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);
  Date plus_days(long n) const { return from_days_since_epoch(days_since_epoch() + n); }
};

int days_in_month(int year, int month);

}  // namespace dxmon
