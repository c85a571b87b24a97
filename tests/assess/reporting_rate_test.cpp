// Reporting rates: each expected unit's state (on time, late, not submitted, not yet due), the
// DHIS2 completeness and timeliness rates overall and per group, the reminder list in Vietnamese
// order, and the denominator following the units in force (63 provinces for 2025-Q2, 34 for Q3,
// from the built-in catalogue).
#include "assess/reporting_rate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "text/text.h"

namespace dxmon {
namespace {

Date d(int y, int m, int day) { return {y, m, day}; }
DateTime at(int y, int m, int day, int hour = 9, int minute = 0) { return {Date{y, m, day}, hour, minute, 0}; }

ReportingUnit unit(std::string code, std::string name, UnitKind kind, std::optional<Date> to = std::nullopt) {
  ReportingUnit u;
  u.code = std::move(code);
  u.name = std::move(name);
  u.kind = kind;
  u.valid_to = to;
  return u;
}

// Two ministries, three provinces in force, one merged away before 2025-03, one other body.
UnitDirectory small_directory() {
  return UnitDirectory({
      unit("bo-tc", "Bộ Tài chính", UnitKind::Ministry),
      unit("bo-ca", "Bộ Công an", UnitKind::Ministry),
      unit("tinh-02", "Tỉnh Hà Giang", UnitKind::Province),
      unit("tinh-66", "Tỉnh Đắk Lắk", UnitKind::Province),
      unit("tinh-01", "Thành phố Hà Nội", UnitKind::CentralCity),
      unit("tinh-99", "Tỉnh Cũ", UnitKind::Province, d(2025, 2, 28)),
      unit("tand", "Tòa án nhân dân tối cao", UnitKind::Other),
  });
}

ReportingRegime monthly_regime() {
  ReportingRegime r;
  r.code = "tt02-2023.thang";
  r.name = "Báo cáo tháng về chuyển đổi số";
  r.legal_basis = "Thông tư 02/2023/TT-BTTTT";
  r.unit_group = UnitGroup::MinistriesAndProvinces;
  r.frequency = PeriodType::Month;
  r.cutoff = CutoffRule::Decree09;
  r.deadline = DeadlineRule::day_of_month(0, 15);  // by the 15th of the month
  return r;
}

Submission step(std::string unit, DateTime when, SubmissionStatus status = SubmissionStatus::Submitted,
                std::string reason = "", Period period = Period::of_month(2025, 3),
                std::string regime = "tt02-2023.thang") {
  return {std::move(regime), std::move(unit), period, when, status, std::move(reason), "van.thu"};
}

// March 2025, due on 15 March: on time, on time on the deadline day at 23:30, one day late,
// nothing, and sent then returned.
std::vector<Submission> march_steps() {
  using S = SubmissionStatus;
  return {
      step("bo-tc", at(2025, 3, 14)),
      step("bo-tc", at(2025, 3, 17), S::Accepted),
      step("bo-ca", at(2025, 3, 15, 23, 30)),
      step("tinh-01", at(2025, 3, 16, 0, 10)),
      step("tinh-02", at(2025, 3, 10)),
      step("tinh-02", at(2025, 3, 11), S::Returned, "Thiếu biểu số 02"),
      // Steps of another period and another regime do not count.
      step("tinh-66", at(2025, 2, 10), S::Submitted, "", Period::of_month(2025, 2)),
      step("tinh-66", at(2025, 3, 1), S::Submitted, "", Period::of_month(2025, 3), "khac"),
      // A unit not expected in March 2025 (merged away in February).
      step("tinh-99", at(2025, 3, 5)),
  };
}

const UnitReport& report_of(const ReportingRate& rate, const std::string& code) {
  for (const auto& r : rate.units)
    if (r.unit == code) return r;
  throw std::runtime_error("no report for " + code);
}

std::vector<std::string> codes(const std::vector<UnitReport>& list) {
  std::vector<std::string> out;
  for (const auto& r : list) out.push_back(r.unit);
  return out;
}

TEST(ReportingRate, StatesAndRatesAfterTheDeadline) {
  const auto dir = small_directory();
  const auto rate = reporting_rate(monthly_regime(), Period::of_month(2025, 3), dir, march_steps(), d(2025, 3, 20));

  EXPECT_EQ(rate.window, (DateRange{d(2025, 2, 15), d(2025, 3, 14)}));
  EXPECT_EQ(rate.deadline, d(2025, 3, 15));
  EXPECT_EQ(rate.expected_on, d(2025, 3, 31));

  EXPECT_EQ(report_of(rate, "bo-tc").state, UnitReportState::OnTime);
  EXPECT_EQ(report_of(rate, "bo-tc").status, SubmissionStatus::Accepted);
  EXPECT_EQ(report_of(rate, "bo-tc").received_at, at(2025, 3, 14));
  EXPECT_EQ(report_of(rate, "bo-ca").state, UnitReportState::OnTime);  // 23:30 on the deadline day
  const UnitReport& late = report_of(rate, "tinh-01");
  EXPECT_EQ(late.state, UnitReportState::Late);
  EXPECT_EQ(late.days_late, 1);
  EXPECT_EQ(report_of(rate, "tinh-66").state, UnitReportState::NotSubmitted);
  EXPECT_FALSE(report_of(rate, "tinh-66").status);
  const UnitReport& returned = report_of(rate, "tinh-02");
  EXPECT_EQ(returned.state, UnitReportState::NotSubmitted);
  EXPECT_EQ(returned.status, SubmissionStatus::Returned);
  EXPECT_EQ(returned.return_reason, "Thiếu biểu số 02");

  const RateCounts expected_total{5, 3, 2, 1, 2, 0};
  EXPECT_EQ(rate.total, expected_total);
  EXPECT_DOUBLE_EQ(*rate.total.completeness(), 3.0 / 5.0);
  EXPECT_DOUBLE_EQ(*rate.total.timeliness(), 2.0 / 5.0);

  ASSERT_EQ(rate.groups.size(), 2u);
  EXPECT_EQ(rate.groups[0].group, UnitGroup::Ministries);
  EXPECT_EQ(rate.groups[0].counts, (RateCounts{2, 2, 2, 0, 0, 0}));
  EXPECT_DOUBLE_EQ(*rate.groups[0].counts.timeliness(), 1.0);
  EXPECT_EQ(rate.groups[1].group, UnitGroup::Provinces);
  EXPECT_EQ(rate.groups[1].counts, (RateCounts{3, 1, 0, 1, 2, 0}));
  EXPECT_DOUBLE_EQ(*rate.groups[1].counts.completeness(), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(*rate.groups[1].counts.timeliness(), 0.0);

  // Vietnamese collation: Đ after D and before H (byte order would put "Hà Giang" first).
  EXPECT_EQ(codes(rate.to_remind), (std::vector<std::string>{"tinh-66", "tinh-02"}));
  EXPECT_EQ(rate.unexpected_units, (std::vector<std::string>{"tinh-99"}));
  // Every expected unit, ministries and provinces mixed, in collation order of names.
  EXPECT_EQ(codes(rate.units), (std::vector<std::string>{"bo-ca", "bo-tc", "tinh-01", "tinh-66", "tinh-02"}));
}

TEST(ReportingRate, AsOfADateReplaysWhatWasKnownThen) {
  const auto dir = small_directory();
  const auto regime = monthly_regime();
  const Period march = Period::of_month(2025, 3);

  // On the deadline day nobody without a report is overdue yet; the late report has not arrived.
  auto on_deadline = reporting_rate(regime, march, dir, march_steps(), d(2025, 3, 15));
  EXPECT_EQ(on_deadline.total, (RateCounts{5, 2, 2, 0, 0, 3}));
  EXPECT_EQ(report_of(on_deadline, "tinh-01").state, UnitReportState::NotYetDue);
  EXPECT_EQ(codes(on_deadline.to_remind), (std::vector<std::string>{"tinh-01", "tinh-66", "tinh-02"}));

  // On 10 March Hà Giang's report had arrived and not yet been returned.
  auto early = reporting_rate(regime, march, dir, march_steps(), d(2025, 3, 10));
  EXPECT_EQ(report_of(early, "tinh-02").state, UnitReportState::OnTime);
  EXPECT_EQ(early.total, (RateCounts{5, 1, 1, 0, 0, 4}));

  // Before anything arrived.
  auto before = reporting_rate(regime, march, dir, march_steps(), d(2025, 3, 1));
  EXPECT_EQ(before.total, (RateCounts{5, 0, 0, 0, 0, 5}));
  EXPECT_DOUBLE_EQ(*before.total.completeness(), 0.0);
  EXPECT_TRUE(before.unexpected_units.empty());
}

TEST(ReportingRate, ResentAfterReturnCountsTheNewArrival) {
  using S = SubmissionStatus;
  const auto dir = small_directory();
  auto steps = march_steps();
  steps.push_back(step("tinh-02", at(2025, 3, 18), S::Submitted));
  auto rate = reporting_rate(monthly_regime(), Period::of_month(2025, 3), dir, steps, d(2025, 3, 20));
  const UnitReport& r = report_of(rate, "tinh-02");
  EXPECT_EQ(r.state, UnitReportState::Late);
  EXPECT_EQ(r.received_at, at(2025, 3, 18));
  EXPECT_EQ(r.days_late, 3);
  EXPECT_TRUE(r.return_reason.empty());
  EXPECT_EQ(rate.total, (RateCounts{5, 4, 2, 2, 1, 0}));
}

TEST(ReportingRate, ExplicitUnitsJoinTheGroupOnce) {
  auto regime = monthly_regime();
  regime.unit_group = UnitGroup::Ministries;
  regime.units = {"tand", "bo-tc", "tinh-99", "khong-co"};
  const auto dir = small_directory();
  auto rate = reporting_rate(regime, Period::of_month(2025, 3), dir, march_steps(), d(2025, 3, 20));
  EXPECT_EQ(codes(rate.units), (std::vector<std::string>{"bo-ca", "bo-tc", "tand"}));
  ASSERT_EQ(rate.groups.size(), 2u);
  EXPECT_EQ(rate.groups[0].group, UnitGroup::Ministries);
  EXPECT_FALSE(rate.groups[1].group);  // the court, in neither group
  EXPECT_EQ(rate.groups[1].counts, (RateCounts{1, 0, 0, 0, 1, 0}));
  EXPECT_EQ(rate.listed_not_in_force, (std::vector<std::string>{"tinh-99", "khong-co"}));
  // Provinces' reports are not expected under this regime.
  EXPECT_EQ(rate.unexpected_units, (std::vector<std::string>{"tinh-01", "tinh-02", "tinh-99"}));
}

TEST(ReportingRate, NothingExpectedHasNoRates) {
  auto regime = monthly_regime();
  regime.unit_group.reset();
  regime.units = {"tinh-99"};
  auto rate = reporting_rate(regime, Period::of_month(2025, 3), small_directory(), {}, d(2025, 3, 20));
  EXPECT_EQ(rate.total.expected, 0);
  EXPECT_FALSE(rate.total.completeness());
  EXPECT_FALSE(rate.total.timeliness());
  EXPECT_TRUE(rate.groups.empty());
}

TEST(ReportingRate, APeriodOfAnotherFrequencyIsRefused) {
  EXPECT_THROW(reporting_rate(monthly_regime(), Period::of_quarter(2025, 1), small_directory(), {}, d(2025, 4, 1)),
               std::invalid_argument);
}

TEST(ReportingRate, StateIdsAndLabels) {
  EXPECT_EQ(unit_report_state_id(UnitReportState::NotYetDue), "not_yet_due");
  EXPECT_EQ(unit_report_state_label_vi(UnitReportState::OnTime), "đúng hạn");
}

// ---- the built-in catalogue: the 63 → 34 provinces merger changes the denominator ----

// One CSV record per line in data/units.csv; quoted fields may hold commas.
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

std::vector<ReportingUnit> builtin_units() {
  std::ifstream in(std::string(DXMON_DATA_DIR) + "/units.csv");
  EXPECT_TRUE(in) << "cannot open units.csv in " << DXMON_DATA_DIR;
  std::string line;
  std::getline(in, line);
  const auto header = csv_fields(line);
  auto col = [&](const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << name;
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t code = col("code"), name = col("name"), kind = col("kind"), from = col("valid_from"),
                    to = col("valid_to");
  std::vector<ReportingUnit> units;
  while (std::getline(in, line)) {
    auto f = csv_fields(line);
    if (f.size() != header.size()) continue;
    ReportingUnit u;
    u.code = f[code];
    u.name = f[name];
    u.kind = parse_unit_kind(f[kind]).value_or(UnitKind::Other);
    if (!f[from].empty()) u.valid_from = Date::parse_iso(f[from]);
    if (!f[to].empty()) u.valid_to = Date::parse_iso(f[to]);
    units.push_back(u);
  }
  return units;
}

TEST(ReportingRateBuiltin, ProvinceDenominatorIs63For2025Q2And34ForQ3) {
  const UnitDirectory dir(builtin_units());
  ReportingRegime regime;
  regime.code = "tinh.quy";
  regime.name = "Báo cáo quý của địa phương";
  regime.unit_group = UnitGroup::Provinces;
  regime.frequency = PeriodType::Quarter;
  regime.cutoff = CutoffRule::Decree09;
  regime.deadline = DeadlineRule::day_of_month(0, 6);

  // Hà Giang (tinh-02) reports Q2 on time; it was merged on 1 July 2025, so its Q3 report is not
  // expected and does not count.
  std::vector<Submission> steps{
      {"tinh.quy", "tinh-02", Period::of_quarter(2025, 2), at(2025, 6, 5), SubmissionStatus::Submitted, "", ""},
      {"tinh.quy", "tinh-02", Period::of_quarter(2025, 3), at(2025, 9, 5), SubmissionStatus::Submitted, "", ""},
  };
  auto q2 = reporting_rate(regime, Period::of_quarter(2025, 2), dir, steps, d(2025, 7, 15));
  EXPECT_EQ(q2.total.expected, 63);
  EXPECT_EQ(q2.total.on_time, 1);
  EXPECT_EQ(q2.to_remind.size(), 62u);
  EXPECT_TRUE(q2.unexpected_units.empty());

  auto q3 = reporting_rate(regime, Period::of_quarter(2025, 3), dir, steps, d(2025, 10, 15));
  EXPECT_EQ(q3.total.expected, 34);
  EXPECT_EQ(q3.total.received, 0);
  EXPECT_EQ(q3.total.not_submitted, 34);
  EXPECT_EQ(q3.unexpected_units, (std::vector<std::string>{"tinh-02"}));
  EXPECT_DOUBLE_EQ(*q3.total.completeness(), 0.0);

  // The same holds month by month across the merger.
  regime.frequency = PeriodType::Month;
  regime.deadline = DeadlineRule::day_of_month(0, 15);
  EXPECT_EQ(expected_units(regime, Period::of_month(2025, 6), dir).size(), 63u);
  EXPECT_EQ(expected_units(regime, Period::of_month(2025, 7), dir).size(), 34u);

  // The reminder list is in Vietnamese collation order.
  for (std::size_t i = 1; i < q3.to_remind.size(); ++i)
    EXPECT_LE(text::collate(q3.to_remind[i - 1].name, q3.to_remind[i].name), 0)
        << q3.to_remind[i - 1].name << " / " << q3.to_remind[i].name;
}

}  // namespace
}  // namespace dxmon
