#pragma once
// The parts of a report that do not depend on its content, shared by the periodic, quality and
// rates reports: the heading (issuing ministry, number, place and date), Nơi nhận and the signature
// block, as seed 002 prints them; and the period wordings the titles and column headers use.
#include <string>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "core/unit.h"
#include "report/document.h"
#include "report/kinds/report_inputs.h"

namespace dxmon::report {

// The ministry that coordinates the national digital transformation on `on`: Bộ Thông tin và
// Truyền thông, and from 01/03/2025 its successor in the catalogue's successions (Bộ Khoa học và
// Công nghệ). Read from the catalogue so that a report dated after the merger is issued by the
// body then in charge. Falls back to Bộ TT&TT when the catalogue does not hold it.
struct Issuer {
  std::string name;          // "Bộ Thông tin và Truyền thông"
  std::string abbreviation;  // "BTTTT": the suffix of document numbers ("14/BC-BTTTT")
};
Issuer coordinating_ministry(const std::vector<ReportingUnit>& units, const std::vector<UnitSuccession>& successions,
                             const Date& on);
// A unit as the issuer of a report: its name and the capitals of its document numbers.
Issuer issuer_of(const ReportingUnit& unit);

// The heading and closing of a report by `issuer`. `number` empty gives the blank a draft carries
// ("     /BC-BTTTT"); an invalid `date` gives "ngày      tháng      năm <year>" (seed 002 line 5).
void fill_front(Document& doc, const Issuer& issuer, const std::string& number, const Date& date, int draft_year,
                std::vector<std::string> subject);

// Nơi nhận and the signature block of the reports to the Prime Minister (seed 002 lines 259–270):
// signed on the minister's behalf by a deputy ("KT. BỘ TRƯỞNG / THỨ TRƯỞNG"), the request's signer
// under it (seed 000 prints "Nguyễn Huy Dũng"). The request's title replaces "THỨ TRƯỞNG" (a
// minister signing in person needs no "KT."); its recipients replace the default list.
void fill_closing(Document& doc, const Issuer& issuer, const ReportRequest& request);

// Vietnamese upper case (ICU, locale "vi"): "Bộ Thông tin và Truyền thông" → "BỘ THÔNG TIN VÀ TRUYỀN THÔNG".
std::string upper_vi(const std::string& text);

// "Quý I năm 2024", "tháng 3 năm 2024", "năm 2023": the period in a sentence or a title.
std::string period_words(const Period& p);
// Column headers: "Tháng 02/2024" (the two-digit month as seed 002 line 83 prints it),
// "Quý I năm 2024", "Năm 2023".
std::string period_heading(const Period& p);

// The date a report without a date is judged on: the day after its period ends.
Date report_day(const Date& requested, const Period& period);

}  // namespace dxmon::report
