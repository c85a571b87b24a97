#pragma once
// Reporting regimes (chế độ báo cáo) and submissions: what must be reported, by whom, to whom, how
// often, with which data cut-off (thời gian chốt số liệu) and which deadline (thời hạn gửi báo cáo);
// and the reports the units send under a regime, with their approval history. No I/O here.
//
// A regime has one frequency. A legal text that sets several (Thông tư 02/2023/TT-BTTTT: monthly,
// quarterly, half-year and year reports) is recorded as one regime per frequency sharing its
// legal basis. See docs/reporting-rates.md.
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "core/unit.h"

namespace dxmon {

// How a period's data window is cut.
enum class CutoffRule {
  Calendar,  // the period itself (statistical reporting)
  Decree09,  // Nghị định 09/2019/NĐ-CP: 15th of the month before the period's first month
             // to the 14th of its last month (monthly 15/02–14/03, Q1 15/12–14/03, H1 15/12–14/06,
             // year 15/12 of the previous year–14/12)
};

std::string_view cutoff_rule_id(CutoffRule r);  // "calendar", "nd09"
std::optional<CutoffRule> parse_cutoff_rule(std::string_view id);

// A regime's frequency: the period types a regime may have (not Day). Ids: "month", "quarter",
// "half_year", "nine_months", "year".
std::string_view frequency_id(PeriodType t);
std::optional<PeriodType> parse_frequency(std::string_view id);
std::string_view frequency_label_vi(PeriodType t);  // "báo cáo tháng", "báo cáo quý", …

// When the report of a period is due, as data. Three forms cover the texts seen:
//  - DayOfMonth: day `day` of the month `months` months after the period's last month (0: the last
//    month itself, -1: the month before it, 1: the month after). Thông tư 02/2023: monthly "M+0:15",
//    quarterly and half-year "M+0:6" (6th of the last month; 6 June for H1), year "M-1:25" (25/11).
//    A day past the month's end means its last day (day 31 in June is 30 June).
//  - DaysAfterCutoff: `days` days after the last day of the data window ("D+10").
//  - FixedDate: day `day` of month `month` of the period's year plus `years` ("Y+0:11-25",
//    "Y+1:01-15"); meant for year regimes.
struct DeadlineRule {
  enum class Kind { DayOfMonth, DaysAfterCutoff, FixedDate };
  Kind kind = Kind::DayOfMonth;
  int months = 0;  // DayOfMonth
  int day = 15;    // DayOfMonth, FixedDate: 1..31
  int days = 0;    // DaysAfterCutoff: ≥ 0
  int month = 12;  // FixedDate: 1..12
  int years = 0;   // FixedDate

  static DeadlineRule day_of_month(int months_after_last, int day) {
    return {Kind::DayOfMonth, months_after_last, day, 0, 12, 0};
  }
  static DeadlineRule days_after_cutoff(int days) { return {Kind::DaysAfterCutoff, 0, 15, days, 12, 0}; }
  static DeadlineRule fixed_date(int month, int day, int years_after = 0) {
    return {Kind::FixedDate, 0, day, 0, month, years_after};
  }

  // The compact text form used in the store and in files: "M+1:15", "D+10", "Y+0:11-25".
  std::string id() const;
  static std::optional<DeadlineRule> parse_id(std::string_view id);
  bool operator==(const DeadlineRule& o) const { return id() == o.id(); }  // fields a kind ignores don't count
};

struct ReportingRegime {
  std::string code;                      // e.g. "tt02-2023.thang"
  std::string name;                      // "Báo cáo tháng về chuyển đổi số"
  std::string legal_basis;               // "Thông tư 02/2023/TT-BTTTT"
  std::string recipient;                 // unit code of the body reports go to; may be empty
  std::optional<UnitGroup> unit_group;   // who reports: the members of a group in force …
  std::vector<std::string> units;        // … and/or these unit codes
  std::vector<std::string> indicators;   // indicator codes reported under the regime
  PeriodType frequency = PeriodType::Month;
  CutoffRule cutoff = CutoffRule::Calendar;
  DeadlineRule deadline;
  std::string source;                    // where this row comes from
  bool operator==(const ReportingRegime&) const = default;
};

// A closed range of civil dates.
struct DateRange {
  Date from;
  Date to;
  bool contains(const Date& d) const { return from <= d && d <= to; }
  bool operator==(const DateRange&) const = default;
};

// The data window of `period` under a cut-off rule, and under a regime (whose frequency the
// period must have: otherwise std::invalid_argument with a message in Vietnamese).
DateRange data_window(CutoffRule rule, const Period& period);
DateRange data_window(const ReportingRegime& regime, const Period& period);
// The day the report of `period` is due (a report received on that day is on time).
Date deadline(const DeadlineRule& rule, CutoffRule cutoff, const Period& period);
Date deadline(const ReportingRegime& regime, const Period& period);

// What is wrong with a regime, in Vietnamese, one message per fault (empty: usable). Checks the
// fields and that no period's deadline falls before its data window opens.
std::vector<std::string> regime_problems(const ReportingRegime& regime);

// A civil date and time in Vietnam (UTC+7, no daylight saving): deadlines are Vietnamese civil
// dates, so a report received at 23:30 on the deadline day is on time wherever it was sent from.
struct DateTime {
  Date date;
  int hour = 0, minute = 0, second = 0;

  auto operator<=>(const DateTime&) const = default;
  // "2025-04-06T10:15:00+07:00": fixed width, so the text sorts like the value.
  std::string iso() const;
  // Accepts "2025-04-06T10:15:00" (Vietnam time), with "+07:00", "Z" or another offset (converted
  // to Vietnam time), a space for the "T", and a bare date (midnight).
  static std::optional<DateTime> parse_iso(std::string_view text);
};

// Approval (METHODS §1): draft → submitted → accepted, or returned with a reason and sent again.
enum class SubmissionStatus { Draft, Submitted, Accepted, Returned };
std::string_view submission_status_id(SubmissionStatus s);  // "draft", "submitted", "accepted", "returned"
std::optional<SubmissionStatus> parse_submission_status(std::string_view id);
std::string_view submission_status_label_vi(SubmissionStatus s);  // "nháp", "đã gửi", "đã tiếp nhận", "bị trả lại"

// One step in the life of a unit's report for a period: the unit saving a draft or sending it, the
// recipient accepting or returning it. The history of a report is the list of its steps in order.
struct Submission {
  std::string regime;
  std::string unit;
  Period period;
  DateTime received_at;  // when the step happened (for `Submitted`: when the report arrived)
  SubmissionStatus status = SubmissionStatus::Submitted;
  std::string reason;    // required for Returned; optional note otherwise
  std::string who;       // the person who took the step
  bool operator==(const Submission&) const = default;
};

// Why `next` may not follow `history` (the earlier steps of the same report, in order), in
// Vietnamese; nullopt when it may. Accepted reports are locked; a return needs a reason; steps
// never go back in time.
std::optional<std::string> submission_step_error(const std::vector<Submission>& history, const Submission& next);

// Where a report stands after its history (steps of one regime, unit and period, in order).
struct SubmissionState {
  std::optional<SubmissionStatus> status;  // the latest step; nullopt: nothing recorded
  // When the report counted as received arrived: the first `Submitted` step since the last
  // return (a correction sent before acceptance does not move it), or the acceptance if nothing
  // was sent. Empty while the report is a draft or has been returned.
  std::optional<DateTime> received_at;
  std::string return_reason;  // of the latest step when it is a return
};
SubmissionState submission_state(const std::vector<Submission>& history);

}  // namespace dxmon
