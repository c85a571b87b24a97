// Reporting regimes: data windows under the calendar and the Nghị định 09/2019 (15th–14th) cut-off
// rules, deadlines as data (Thông tư 02/2023/TT-BTTTT's examples), date-times in Vietnam time, and
// the approval steps of a submission.
#include "core/regime.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace dxmon {
namespace {

Date d(int y, int m, int day) { return {y, m, day}; }
DateRange range(Date from, Date to) { return {from, to}; }

DateTime at(int y, int m, int day, int hour = 9, int minute = 0) { return {Date{y, m, day}, hour, minute, 0}; }

ReportingRegime regime(PeriodType frequency, CutoffRule cutoff, DeadlineRule rule) {
  ReportingRegime r;
  r.code = "tt02-2023";
  r.name = "Báo cáo về chuyển đổi số";
  r.legal_basis = "Thông tư 02/2023/TT-BTTTT";
  r.unit_group = UnitGroup::MinistriesAndProvinces;
  r.frequency = frequency;
  r.cutoff = cutoff;
  r.deadline = rule;
  return r;
}

// ---- data windows ----

TEST(RegimeWindow, CalendarRuleIsThePeriodItself) {
  const auto cal = CutoffRule::Calendar;
  EXPECT_EQ(data_window(cal, Period::of_month(2025, 3)), range(d(2025, 3, 1), d(2025, 3, 31)));
  EXPECT_EQ(data_window(cal, Period::of_month(2024, 2)), range(d(2024, 2, 1), d(2024, 2, 29)));
  EXPECT_EQ(data_window(cal, Period::of_quarter(2025, 1)), range(d(2025, 1, 1), d(2025, 3, 31)));
  EXPECT_EQ(data_window(cal, Period::of_quarter(2025, 4)), range(d(2025, 10, 1), d(2025, 12, 31)));
  EXPECT_EQ(data_window(cal, Period::of_half(2025, 1)), range(d(2025, 1, 1), d(2025, 6, 30)));
  EXPECT_EQ(data_window(cal, Period::of_half(2025, 2)), range(d(2025, 7, 1), d(2025, 12, 31)));
  EXPECT_EQ(data_window(cal, Period::of_nine_months(2025)), range(d(2025, 1, 1), d(2025, 9, 30)));
  EXPECT_EQ(data_window(cal, Period::of_year(2025)), range(d(2025, 1, 1), d(2025, 12, 31)));
}

TEST(RegimeWindow, Decree09RuleRunsFromThe15thToThe14th) {
  const auto nd09 = CutoffRule::Decree09;
  // Monthly: 15th of the previous month to the 14th of the reporting month; January's window
  // starts in the previous year.
  EXPECT_EQ(data_window(nd09, Period::of_month(2025, 1)), range(d(2024, 12, 15), d(2025, 1, 14)));
  EXPECT_EQ(data_window(nd09, Period::of_month(2025, 3)), range(d(2025, 2, 15), d(2025, 3, 14)));
  EXPECT_EQ(data_window(nd09, Period::of_month(2025, 12)), range(d(2025, 11, 15), d(2025, 12, 14)));
  // Quarterly: 15th of the month before the quarter to the 14th of its last month.
  EXPECT_EQ(data_window(nd09, Period::of_quarter(2025, 1)), range(d(2024, 12, 15), d(2025, 3, 14)));
  EXPECT_EQ(data_window(nd09, Period::of_quarter(2025, 2)), range(d(2025, 3, 15), d(2025, 6, 14)));
  EXPECT_EQ(data_window(nd09, Period::of_quarter(2025, 3)), range(d(2025, 6, 15), d(2025, 9, 14)));
  EXPECT_EQ(data_window(nd09, Period::of_quarter(2025, 4)), range(d(2025, 9, 15), d(2025, 12, 14)));
  // Half-year: 15/12–14/6 and 15/6–14/12.
  EXPECT_EQ(data_window(nd09, Period::of_half(2025, 1)), range(d(2024, 12, 15), d(2025, 6, 14)));
  EXPECT_EQ(data_window(nd09, Period::of_half(2025, 2)), range(d(2025, 6, 15), d(2025, 12, 14)));
  // Year: 15/12 of the previous year to 14/12.
  EXPECT_EQ(data_window(nd09, Period::of_year(2025)), range(d(2024, 12, 15), d(2025, 12, 14)));
  // Nine months, by the same formula.
  EXPECT_EQ(data_window(nd09, Period::of_nine_months(2025)), range(d(2024, 12, 15), d(2025, 9, 14)));
}

TEST(RegimeWindow, BoundaryDaysBelongToExactlyOneWindow) {
  const auto nd09 = CutoffRule::Decree09;
  const DateRange january = data_window(nd09, Period::of_month(2025, 1));
  const DateRange february = data_window(nd09, Period::of_month(2025, 2));
  EXPECT_TRUE(january.contains(d(2024, 12, 15)));
  EXPECT_FALSE(january.contains(d(2024, 12, 14)));
  EXPECT_TRUE(january.contains(d(2025, 1, 14)));
  EXPECT_FALSE(january.contains(d(2025, 1, 15)));
  EXPECT_TRUE(february.contains(d(2025, 1, 15)));
  // 31 December belongs to the next year's January window, not to December's.
  EXPECT_FALSE(data_window(nd09, Period::of_month(2024, 12)).contains(d(2024, 12, 31)));
  EXPECT_TRUE(january.contains(d(2024, 12, 31)));
  EXPECT_FALSE(data_window(nd09, Period::of_year(2024)).contains(d(2024, 12, 31)));
  EXPECT_TRUE(data_window(nd09, Period::of_year(2025)).contains(d(2024, 12, 31)));
}

TEST(RegimeWindow, ConsecutiveWindowsTileTimeUnderBothRules) {
  for (CutoffRule rule : {CutoffRule::Calendar, CutoffRule::Decree09}) {
    std::vector<Period> periods;
    for (int y = 2023; y <= 2026; ++y)
      for (int m = 1; m <= 12; ++m) periods.push_back(Period::of_month(y, m));
    for (int y = 2023; y <= 2026; ++y)
      for (int q = 1; q <= 4; ++q) periods.push_back(Period::of_quarter(y, q));
    for (std::size_t i = 1; i < periods.size(); ++i) {
      if (periods[i].type != periods[i - 1].type) continue;
      SCOPED_TRACE(std::string(cutoff_rule_id(rule)) + " " + periods[i].id());
      EXPECT_EQ(data_window(rule, periods[i]).from, data_window(rule, periods[i - 1]).to.plus_days(1));
    }
    for (int y = 2023; y <= 2026; ++y) {
      EXPECT_EQ(data_window(rule, Period::of_half(y, 2)).from, data_window(rule, Period::of_half(y, 1)).to.plus_days(1));
      EXPECT_EQ(data_window(rule, Period::of_year(y + 1)).from, data_window(rule, Period::of_year(y)).to.plus_days(1));
    }
  }
}

TEST(RegimeWindow, APeriodOfAnotherFrequencyIsRefusedInVietnamese) {
  const ReportingRegime monthly = regime(PeriodType::Month, CutoffRule::Decree09, DeadlineRule::day_of_month(0, 15));
  try {
    data_window(monthly, Period::of_quarter(2025, 2));
    FAIL() << "a quarter was accepted for a monthly regime";
  } catch (const std::invalid_argument& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("Quý II năm 2025 (2025-Q2)"), std::string::npos) << message;
    EXPECT_NE(message.find("báo cáo tháng"), std::string::npos) << message;
  }
  EXPECT_THROW(deadline(monthly, Period::of_year(2025)), std::invalid_argument);
  EXPECT_EQ(data_window(monthly, Period::of_month(2025, 1)), range(d(2024, 12, 15), d(2025, 1, 14)));
}

// ---- deadlines ----

TEST(RegimeDeadline, Circular02Of2023Examples) {
  const auto nd09 = CutoffRule::Decree09;
  // Monthly: by the 15th of the month.
  const ReportingRegime monthly = regime(PeriodType::Month, nd09, DeadlineRule::day_of_month(0, 15));
  EXPECT_EQ(deadline(monthly, Period::of_month(2025, 1)), d(2025, 1, 15));
  EXPECT_EQ(deadline(monthly, Period::of_month(2025, 3)), d(2025, 3, 15));
  EXPECT_EQ(deadline(monthly, Period::of_month(2025, 12)), d(2025, 12, 15));
  // Quarterly: by the 6th of the last month of the quarter.
  const ReportingRegime quarterly = regime(PeriodType::Quarter, nd09, DeadlineRule::day_of_month(0, 6));
  EXPECT_EQ(deadline(quarterly, Period::of_quarter(2025, 1)), d(2025, 3, 6));
  EXPECT_EQ(deadline(quarterly, Period::of_quarter(2025, 2)), d(2025, 6, 6));
  EXPECT_EQ(deadline(quarterly, Period::of_quarter(2025, 4)), d(2025, 12, 6));
  // Half-year: by 6 June (and, by the same rule, 6 December for the second half).
  const ReportingRegime half = regime(PeriodType::HalfYear, nd09, DeadlineRule::day_of_month(0, 6));
  EXPECT_EQ(deadline(half, Period::of_half(2025, 1)), d(2025, 6, 6));
  EXPECT_EQ(deadline(half, Period::of_half(2025, 2)), d(2025, 12, 6));
  // Year: by 25 November, written either as an offset or as a fixed day and month.
  const ReportingRegime year = regime(PeriodType::Year, nd09, DeadlineRule::day_of_month(-1, 25));
  EXPECT_EQ(deadline(year, Period::of_year(2025)), d(2025, 11, 25));
  const ReportingRegime year_fixed = regime(PeriodType::Year, nd09, DeadlineRule::fixed_date(11, 25));
  EXPECT_EQ(deadline(year_fixed, Period::of_year(2025)), d(2025, 11, 25));
  for (const auto* r : {&monthly, &quarterly, &half, &year, &year_fixed})
    EXPECT_TRUE(regime_problems(*r).empty()) << r->deadline.id();
}

TEST(RegimeDeadline, OffsetsCrossTheYearAndClipToTheMonth) {
  const auto cal = CutoffRule::Calendar;
  // The 15th of the month after: December's report is due in January of the next year.
  EXPECT_EQ(deadline(DeadlineRule::day_of_month(1, 15), cal, Period::of_month(2025, 12)), d(2026, 1, 15));
  EXPECT_EQ(deadline(DeadlineRule::day_of_month(1, 15), cal, Period::of_quarter(2025, 4)), d(2026, 1, 15));
  EXPECT_EQ(deadline(DeadlineRule::day_of_month(-1, 25), cal, Period::of_month(2025, 1)), d(2024, 12, 25));
  // A day past the end of the month is its last day.
  EXPECT_EQ(deadline(DeadlineRule::day_of_month(0, 31), cal, Period::of_month(2025, 6)), d(2025, 6, 30));
  EXPECT_EQ(deadline(DeadlineRule::day_of_month(0, 30), cal, Period::of_month(2024, 2)), d(2024, 2, 29));
  EXPECT_EQ(deadline(DeadlineRule::day_of_month(0, 30), cal, Period::of_month(2025, 2)), d(2025, 2, 28));
  // Days after the cut-off follow the rule's window.
  EXPECT_EQ(deadline(DeadlineRule::days_after_cutoff(10), cal, Period::of_month(2025, 1)), d(2025, 2, 10));
  EXPECT_EQ(deadline(DeadlineRule::days_after_cutoff(10), CutoffRule::Decree09, Period::of_month(2025, 1)),
            d(2025, 1, 24));
  EXPECT_EQ(deadline(DeadlineRule::days_after_cutoff(0), CutoffRule::Decree09, Period::of_year(2025)), d(2025, 12, 14));
  // A fixed date in the year after.
  EXPECT_EQ(deadline(DeadlineRule::fixed_date(1, 15, 1), cal, Period::of_year(2025)), d(2026, 1, 15));
}

TEST(RegimeDeadline, RuleTextRoundTripsAndBadTextIsRefused) {
  for (const DeadlineRule& r : {DeadlineRule::day_of_month(0, 15), DeadlineRule::day_of_month(-1, 25),
                                DeadlineRule::day_of_month(1, 6), DeadlineRule::days_after_cutoff(10),
                                DeadlineRule::fixed_date(11, 25), DeadlineRule::fixed_date(1, 15, 1)}) {
    auto back = DeadlineRule::parse_id(r.id());
    ASSERT_TRUE(back) << r.id();
    EXPECT_EQ(*back, r);
  }
  EXPECT_EQ(DeadlineRule::day_of_month(0, 15).id(), "M+0:15");
  EXPECT_EQ(DeadlineRule::day_of_month(-1, 25).id(), "M-1:25");
  EXPECT_EQ(DeadlineRule::days_after_cutoff(10).id(), "D+10");
  EXPECT_EQ(DeadlineRule::fixed_date(1, 5, 1).id(), "Y+1:01-05");
  for (const char* bad : {"", "M", "M+0", "M+0:", "M0:15", "M+0:32", "M+0:0", "M++1:15", "D-3", "D10", "Y+0:13-01",
                          "Y+0:11", "Y+0:11-32", "X+1:1", "M+0:15x"})
    EXPECT_FALSE(DeadlineRule::parse_id(bad)) << bad;
}

TEST(RegimeProblems, ListsEveryFaultInVietnamese) {
  ReportingRegime empty;
  empty.frequency = PeriodType::Day;
  auto problems = regime_problems(empty);
  EXPECT_EQ(problems.size(), 4u);  // code, name, units, frequency

  // A fixed 6 June for half-years would make the second half due before its window opens.
  ReportingRegime half = regime(PeriodType::HalfYear, CutoffRule::Calendar, DeadlineRule::fixed_date(6, 6));
  problems = regime_problems(half);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("2024-H2"), std::string::npos) << problems[0];

  ReportingRegime bad_day = regime(PeriodType::Month, CutoffRule::Calendar, DeadlineRule::day_of_month(0, 40));
  problems = regime_problems(bad_day);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("M+0:40"), std::string::npos) << problems[0];

  ReportingRegime listed = regime(PeriodType::Month, CutoffRule::Calendar, DeadlineRule::day_of_month(1, 5));
  listed.unit_group.reset();
  listed.units = {"bo-tttt"};
  EXPECT_TRUE(regime_problems(listed).empty());
}

TEST(RegimeIds, FrequencyCutoffAndStatusIdsRoundTrip) {
  for (PeriodType t : {PeriodType::Month, PeriodType::Quarter, PeriodType::HalfYear, PeriodType::NineMonths,
                       PeriodType::Year})
    EXPECT_EQ(parse_frequency(frequency_id(t)), t);
  EXPECT_EQ(frequency_id(PeriodType::Day), "");
  EXPECT_EQ(parse_cutoff_rule("nd09"), CutoffRule::Decree09);
  EXPECT_EQ(parse_cutoff_rule(cutoff_rule_id(CutoffRule::Calendar)), CutoffRule::Calendar);
  EXPECT_FALSE(parse_cutoff_rule("15-14"));
  for (auto s : {SubmissionStatus::Draft, SubmissionStatus::Submitted, SubmissionStatus::Accepted,
                 SubmissionStatus::Returned})
    EXPECT_EQ(parse_submission_status(submission_status_id(s)), s);
  EXPECT_EQ(submission_status_label_vi(SubmissionStatus::Returned), "bị trả lại");
  EXPECT_EQ(frequency_label_vi(PeriodType::HalfYear), "báo cáo 6 tháng");
}

// ---- date-times ----

TEST(RegimeDateTime, ParsesOffsetsIntoVietnamTime) {
  auto t = DateTime::parse_iso("2025-04-06T10:15:00+07:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, (DateTime{d(2025, 4, 6), 10, 15, 0}));
  EXPECT_EQ(t->iso(), "2025-04-06T10:15:00+07:00");
  // 20:00 UTC on the 5th is 03:00 on the 6th in Hà Nội: a report sent then is dated the 6th.
  EXPECT_EQ(DateTime::parse_iso("2025-04-05T20:00:00Z"), (DateTime{d(2025, 4, 6), 3, 0, 0}));
  EXPECT_EQ(DateTime::parse_iso("2024-12-31T18:30:00.250Z"), (DateTime{d(2025, 1, 1), 1, 30, 0}));
  EXPECT_EQ(DateTime::parse_iso("2025-03-01T05:00:00+09:00"), (DateTime{d(2025, 3, 1), 3, 0, 0}));
  EXPECT_EQ(DateTime::parse_iso("2025-03-01T01:00-0500"), (DateTime{d(2025, 3, 1), 13, 0, 0}));
  EXPECT_EQ(DateTime::parse_iso("2025-03-01 08:05"), (DateTime{d(2025, 3, 1), 8, 5, 0}));
  EXPECT_EQ(DateTime::parse_iso("2025-03-01"), (DateTime{d(2025, 3, 1), 0, 0, 0}));
  for (const char* bad : {"", "2025-03", "2025-02-30T10:00", "2025-03-01T24:00", "2025-03-01T10:60",
                          "2025-03-01X10:00", "2025-03-01T10:00+7", "2025-03-01T10:00:00+07:00junk"})
    EXPECT_FALSE(DateTime::parse_iso(bad)) << bad;
}

TEST(RegimeDateTime, TextSortsLikeTheValue) {
  std::vector<DateTime> times{at(2025, 3, 15, 23, 59), at(2025, 3, 16, 0, 0), at(2026, 1, 1, 0, 0),
                              at(2025, 3, 15, 9, 5)};
  for (const auto& a : times)
    for (const auto& b : times) EXPECT_EQ(a < b, a.iso() < b.iso()) << a.iso() << " " << b.iso();
}

// ---- approval ----

Submission step(SubmissionStatus status, DateTime when, std::string reason = "") {
  return {"tt02-2023", "tinh-01", Period::of_month(2025, 3), when, status, std::move(reason), "chuyen.vien"};
}

TEST(SubmissionSteps, FollowDraftSubmittedAcceptedOrReturned) {
  using S = SubmissionStatus;
  const std::vector<Submission> none;
  EXPECT_FALSE(submission_step_error(none, step(S::Draft, at(2025, 3, 10))));
  EXPECT_FALSE(submission_step_error(none, step(S::Submitted, at(2025, 3, 10))));
  EXPECT_TRUE(submission_step_error(none, step(S::Accepted, at(2025, 3, 10))));
  EXPECT_TRUE(submission_step_error(none, step(S::Returned, at(2025, 3, 10), "thiếu số liệu")));

  const std::vector<Submission> sent{step(S::Submitted, at(2025, 3, 10))};
  EXPECT_FALSE(submission_step_error(sent, step(S::Submitted, at(2025, 3, 11))));  // a correction
  EXPECT_FALSE(submission_step_error(sent, step(S::Accepted, at(2025, 3, 12))));
  EXPECT_FALSE(submission_step_error(sent, step(S::Returned, at(2025, 3, 12), "Thiếu biểu 02")));
  EXPECT_TRUE(submission_step_error(sent, step(S::Draft, at(2025, 3, 12))));
  auto no_reason = submission_step_error(sent, step(S::Returned, at(2025, 3, 12)));
  ASSERT_TRUE(no_reason);
  EXPECT_NE(no_reason->find("lý do"), std::string::npos) << *no_reason;
  auto backwards = submission_step_error(sent, step(S::Accepted, at(2025, 3, 9)));
  ASSERT_TRUE(backwards);
  EXPECT_NE(backwards->find("09:00 ngày 09/03/2025"), std::string::npos) << *backwards;

  const std::vector<Submission> returned{step(S::Submitted, at(2025, 3, 10)),
                                         step(S::Returned, at(2025, 3, 11), "Thiếu biểu 02")};
  EXPECT_FALSE(submission_step_error(returned, step(S::Submitted, at(2025, 3, 12))));
  EXPECT_FALSE(submission_step_error(returned, step(S::Draft, at(2025, 3, 12))));
  EXPECT_TRUE(submission_step_error(returned, step(S::Accepted, at(2025, 3, 12))));

  const std::vector<Submission> accepted{step(S::Submitted, at(2025, 3, 10)), step(S::Accepted, at(2025, 3, 11))};
  for (S next : {S::Draft, S::Submitted, S::Accepted}) {
    auto locked = submission_step_error(accepted, step(next, at(2025, 3, 12)));
    ASSERT_TRUE(locked);
    EXPECT_NE(locked->find("khoá"), std::string::npos) << *locked;
  }
}

TEST(SubmissionSteps, StateCountsTheFirstSendingSinceTheLastReturn) {
  using S = SubmissionStatus;
  std::vector<Submission> h;
  EXPECT_FALSE(submission_state(h).status);
  h.push_back(step(S::Draft, at(2025, 3, 9)));
  EXPECT_EQ(submission_state(h).status, S::Draft);
  EXPECT_FALSE(submission_state(h).received_at);
  h.push_back(step(S::Submitted, at(2025, 3, 10)));
  h.push_back(step(S::Submitted, at(2025, 3, 11)));  // a correction: the report still arrived on the 10th
  EXPECT_EQ(submission_state(h).received_at, at(2025, 3, 10));
  h.push_back(step(S::Returned, at(2025, 3, 12), "Thiếu biểu 02"));
  auto returned = submission_state(h);
  EXPECT_EQ(returned.status, S::Returned);
  EXPECT_FALSE(returned.received_at);
  EXPECT_EQ(returned.return_reason, "Thiếu biểu 02");
  h.push_back(step(S::Submitted, at(2025, 3, 17)));
  h.push_back(step(S::Accepted, at(2025, 3, 18)));
  auto done = submission_state(h);
  EXPECT_EQ(done.status, S::Accepted);
  EXPECT_EQ(done.received_at, at(2025, 3, 17));
  EXPECT_TRUE(done.return_reason.empty());
}

}  // namespace
}  // namespace dxmon
