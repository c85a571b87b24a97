#pragma once
// Reporting rates (tỷ lệ gửi báo cáo) of a regime for one period, as of a date: who was expected
// to report, who has, on time or late, who has not, and the DHIS2 rates (METHODS §1):
//   completeness = reports received ÷ reports expected
//   timeliness   = reports received by the deadline ÷ reports expected
// Pure computation over the regime, the unit catalogue and the submissions; see
// docs/reporting-rates.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/regime.h"
#include "core/unit_directory.h"

namespace dxmon {

enum class UnitReportState {
  OnTime,        // received by the deadline (đúng hạn)
  Late,          // received after the deadline (muộn)
  NotSubmitted,  // nothing received and the deadline has passed (chưa gửi, quá hạn)
  NotYetDue,     // nothing received, the deadline is today or later (chưa đến hạn)
};
std::string_view unit_report_state_id(UnitReportState s);        // "on_time", "late", "not_submitted", "not_yet_due"
std::string_view unit_report_state_label_vi(UnitReportState s);  // "đúng hạn", "muộn", …

// One expected unit's report.
struct UnitReport {
  std::string unit;   // code
  std::string name;   // official name
  std::optional<UnitGroup> group;  // Ministries or Provinces; nullopt for other units listed by code
  UnitReportState state = UnitReportState::NotYetDue;
  std::optional<SubmissionStatus> status;  // latest step recorded by `as_of`, if any
  std::optional<DateTime> received_at;     // when the counted report arrived
  int days_late = 0;                       // Late: civil days after the deadline
  std::string return_reason;               // when the latest step is a return
  bool received() const { return state == UnitReportState::OnTime || state == UnitReportState::Late; }
};

// Counts and rates of a set of expected units. Rates are fractions (0..1), absent when nothing
// was expected.
struct RateCounts {
  int expected = 0;
  int received = 0;
  int on_time = 0;
  int late = 0;
  int not_submitted = 0;
  int not_yet_due = 0;
  std::optional<double> completeness() const;
  std::optional<double> timeliness() const;
  bool operator==(const RateCounts&) const = default;
};

struct GroupRate {
  std::optional<UnitGroup> group;  // nullopt: units listed by code that belong to neither group
  RateCounts counts;
};

struct ReportingRate {
  std::string regime;
  Period period;
  Date as_of;
  DateRange window;   // the period's data window under the regime's cut-off rule
  Date deadline;
  Date expected_on;   // the day the expected units are taken from: the period's last day
  std::vector<UnitReport> units;        // every expected unit, in Vietnamese collation of names
  RateCounts total;
  std::vector<GroupRate> groups;        // Ministries, Provinces, then others; only groups with units
  std::vector<UnitReport> to_remind;    // nothing received (overdue or not yet due), collation order
  // Reports from units the regime does not expect on `expected_on` (a province merged away, a
  // unit not in the list): kept apart, never counted in the rates. Codes in byte order.
  std::vector<std::string> unexpected_units;
  // Codes listed in the regime that are not in the catalogue or not in force on `expected_on`.
  std::vector<std::string> listed_not_in_force;
};

// The units a regime expects a report from for `period`: the members of its group and the units
// it lists, in force on the period's last day (so the 63 provinces for 2025-Q2, the 34 from
// 2025-Q3), without duplicates, ordered by Vietnamese collation of their names.
std::vector<const ReportingUnit*> expected_units(const ReportingRegime& regime, const Period& period,
                                                 const UnitDirectory& directory);

// The reporting rate of `regime` for `period` as known on `as_of` (steps recorded after `as_of`
// are ignored, so a past date replays the situation then). `submissions` may hold steps of other
// regimes and periods (they are ignored); steps of one report must be in the order they happened.
// Throws std::invalid_argument when the period does not have the regime's frequency.
ReportingRate reporting_rate(const ReportingRegime& regime, const Period& period, const UnitDirectory& directory,
                             const std::vector<Submission>& submissions, const Date& as_of);

}  // namespace dxmon
