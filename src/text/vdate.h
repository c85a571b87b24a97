#pragma once
// Dates and periods in Vietnamese words.
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/period.h"

namespace dxmon::text {

// "ngày 16 tháng 02 năm 2024" (day below 10 and months 1–2 with a leading zero, Nghị định 30/2020).
std::string format_date_long(const Date& d);
// "16/02/2024"
std::string format_date_short(const Date& d);
// Accepts "16/02/2024", "16/2/2024", "2024-02-16", "ngày 16 tháng 02 năm 2024", "16 tháng 2 năm 2024".
std::optional<Date> parse_date(std::string_view text);

// Labels: "tháng 3/2024", "Quý I năm 2024", "06 tháng đầu năm 2024" (two digits, as the reports
// write the half-year), "9 tháng năm 2024", "năm 2024", "ngày 15/03/2024".
std::string period_label(const Period& p);
// Accepts the identifiers and the labels above, and the variants seen in reports:
// "6 tháng đầu năm 2023", "Quý 1/2024", "quý I/2024", "tháng 03 năm 2024", "6 tháng cuối năm 2024".
std::optional<Period> parse_period(std::string_view text);

}  // namespace dxmon::text
