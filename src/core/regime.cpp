#include "core/regime.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <stdexcept>

#include "core/enum_names.h"
#include "text/vdate.h"

namespace dxmon {
namespace {

constexpr detail::EnumNames<CutoffRule, 2> kCutoffIds{{
    {CutoffRule::Calendar, "calendar"},
    {CutoffRule::Decree09, "nd09"},
}};

constexpr detail::EnumNames<PeriodType, 5> kFrequencyIds{{
    {PeriodType::Month, "month"},
    {PeriodType::Quarter, "quarter"},
    {PeriodType::HalfYear, "half_year"},
    {PeriodType::NineMonths, "nine_months"},
    {PeriodType::Year, "year"},
}};

constexpr detail::EnumNames<PeriodType, 6> kFrequencyLabels{{
    {PeriodType::Day, "báo cáo ngày"},
    {PeriodType::Month, "báo cáo tháng"},
    {PeriodType::Quarter, "báo cáo quý"},
    {PeriodType::HalfYear, "báo cáo 6 tháng"},
    {PeriodType::NineMonths, "báo cáo 9 tháng"},
    {PeriodType::Year, "báo cáo năm"},
}};

constexpr detail::EnumNames<SubmissionStatus, 4> kStatusIds{{
    {SubmissionStatus::Draft, "draft"},
    {SubmissionStatus::Submitted, "submitted"},
    {SubmissionStatus::Accepted, "accepted"},
    {SubmissionStatus::Returned, "returned"},
}};

constexpr detail::EnumNames<SubmissionStatus, 4> kStatusLabels{{
    {SubmissionStatus::Draft, "nháp"},
    {SubmissionStatus::Submitted, "đã gửi"},
    {SubmissionStatus::Accepted, "đã tiếp nhận"},
    {SubmissionStatus::Returned, "bị trả lại"},
}};

// Vietnam's offset from UTC, in seconds (no daylight saving since 1975).
constexpr long kVietnamOffset = 7 * 3600;

// The first day of the month `n` months after (year, month).
Date month_start(int year, int month, int n) {
  int m0 = year * 12 + (month - 1) + n;
  int y = m0 >= 0 ? m0 / 12 : (m0 - 11) / 12;
  return {y, m0 - y * 12 + 1, 1};
}

// Day `day` of a month, or its last day when the month is shorter.
Date clipped(Date first_of_month, int day) {
  first_of_month.day = std::min(day, days_in_month(first_of_month.year, first_of_month.month));
  return first_of_month;
}

std::optional<int> number(std::string_view s) {
  int v = 0;
  if (s.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// "+1", "-1", "+0": an explicit sign, then digits.
std::optional<int> signed_number(std::string_view s) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  auto n = number(s.substr(1));
  if (!n || s[1] == '+' || s[1] == '-') return std::nullopt;
  return s[0] == '-' ? -*n : *n;
}

std::string with_sign(int n) { return (n < 0 ? "-" : "+") + std::to_string(n < 0 ? -n : n); }

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// "tháng 3/2025 (2025-03)": the words for the reader, the identifier for the file or command line.
std::string period_words(const Period& p) { return text::period_label(p) + " (" + p.id() + ")"; }
// "09:05 ngày 16/03/2025"
std::string time_words(const DateTime& t) {
  return two(t.hour) + ":" + two(t.minute) + " ngày " + text::format_date_short(t.date);
}

}  // namespace

std::string_view cutoff_rule_id(CutoffRule r) { return detail::name_of(kCutoffIds, r); }
std::optional<CutoffRule> parse_cutoff_rule(std::string_view id) { return detail::value_of(kCutoffIds, id); }
std::string_view frequency_id(PeriodType t) { return detail::name_of(kFrequencyIds, t); }
std::optional<PeriodType> parse_frequency(std::string_view id) { return detail::value_of(kFrequencyIds, id); }
std::string_view frequency_label_vi(PeriodType t) { return detail::name_of(kFrequencyLabels, t); }

std::string_view submission_status_id(SubmissionStatus s) { return detail::name_of(kStatusIds, s); }
std::optional<SubmissionStatus> parse_submission_status(std::string_view id) {
  return detail::value_of(kStatusIds, id);
}
std::string_view submission_status_label_vi(SubmissionStatus s) { return detail::name_of(kStatusLabels, s); }

// ---- deadline rules as text ----

std::string DeadlineRule::id() const {
  switch (kind) {
    case Kind::DayOfMonth: return "M" + with_sign(months) + ":" + std::to_string(day);
    case Kind::DaysAfterCutoff: return "D" + with_sign(days);
    case Kind::FixedDate: return "Y" + with_sign(years) + ":" + two(month) + "-" + two(day);
  }
  return {};
}

std::optional<DeadlineRule> DeadlineRule::parse_id(std::string_view id) {
  if (id.size() < 3) return std::nullopt;
  const char kind = id[0];
  std::string_view rest = id.substr(1);
  if (kind == 'D') {
    auto n = signed_number(rest);
    if (!n || *n < 0) return std::nullopt;
    return days_after_cutoff(*n);
  }
  auto colon = rest.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto offset = signed_number(rest.substr(0, colon));
  std::string_view when = rest.substr(colon + 1);
  if (!offset) return std::nullopt;
  if (kind == 'M') {
    auto d = number(when);
    if (!d || *d < 1 || *d > 31) return std::nullopt;
    return day_of_month(*offset, *d);
  }
  if (kind == 'Y') {
    auto dash = when.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto m = number(when.substr(0, dash));
    auto d = number(when.substr(dash + 1));
    if (!m || !d || *m < 1 || *m > 12 || *d < 1 || *d > 31) return std::nullopt;
    return fixed_date(*m, *d, *offset);
  }
  return std::nullopt;
}

// ---- windows and deadlines ----

DateRange data_window(CutoffRule rule, const Period& period) {
  if (rule == CutoffRule::Calendar) return {period.first_day(), period.last_day()};
  // Nghị định 09/2019: one formula gives each rule the decree states (and nine months by analogy).
  const Date first = period.first_day(), last = period.last_day();
  Date from = month_start(first.year, first.month, -1);
  from.day = 15;
  return {from, Date{last.year, last.month, 14}};
}

namespace {
void require_frequency(const ReportingRegime& regime, const Period& period) {
  if (period.type == regime.frequency) return;
  throw std::invalid_argument("chế độ báo cáo " + quoted(regime.code) + " là " +
                              std::string(detail::name_of(kFrequencyLabels, regime.frequency)) +
                              ", không có kỳ " + period_words(period) + " (" +
                              std::string(detail::name_of(kFrequencyLabels, period.type)) +
                              ") — hãy chọn một kỳ đúng tần suất của chế độ báo cáo");
}
}  // namespace

DateRange data_window(const ReportingRegime& regime, const Period& period) {
  require_frequency(regime, period);
  return data_window(regime.cutoff, period);
}

Date deadline(const DeadlineRule& rule, CutoffRule cutoff, const Period& period) {
  switch (rule.kind) {
    case DeadlineRule::Kind::DayOfMonth: {
      const Date last = period.last_day();
      return clipped(month_start(last.year, last.month, rule.months), rule.day);
    }
    case DeadlineRule::Kind::DaysAfterCutoff: return data_window(cutoff, period).to.plus_days(rule.days);
    case DeadlineRule::Kind::FixedDate: return clipped(Date{period.year + rule.years, rule.month, 1}, rule.day);
  }
  return period.last_day();
}

Date deadline(const ReportingRegime& regime, const Period& period) {
  require_frequency(regime, period);
  return deadline(regime.deadline, regime.cutoff, period);
}

std::vector<std::string> regime_problems(const ReportingRegime& r) {
  std::vector<std::string> out;
  const std::string which = "chế độ báo cáo " + quoted(r.code.empty() ? r.name : r.code);
  if (r.code.empty()) out.push_back(which + ": thiếu mã chế độ báo cáo — hãy đặt một mã (ví dụ tt02-2023.thang)");
  if (r.name.empty()) out.push_back(which + ": thiếu tên chế độ báo cáo");
  if (!r.unit_group && r.units.empty())
    out.push_back(which + ": chưa nói đơn vị nào phải báo cáo — hãy ghi nhóm đơn vị (bộ, ngành / địa phương) "
                          "hoặc danh sách mã đơn vị");
  if (frequency_id(r.frequency).empty())
    out.push_back(which + ": tần suất báo cáo phải là tháng, quý, 6 tháng, 9 tháng hoặc năm");
  const DeadlineRule& d = r.deadline;
  bool deadline_ok = DeadlineRule::parse_id(d.id()).has_value();
  if (!deadline_ok)
    out.push_back(which + ": thời hạn gửi báo cáo " + quoted(d.id()) +
                  " không hợp lệ — ngày phải từ 1 đến 31, tháng từ 1 đến 12, số ngày sau khi chốt số liệu không âm");
  if (!out.empty()) return out;

  // Every period of a year (a leap year, so 29 February is tried): the report cannot be due
  // before its data window opens.
  const int year = 2024;
  std::vector<Period> periods;
  switch (r.frequency) {
    case PeriodType::Month:
      for (int m = 1; m <= 12; ++m) periods.push_back(Period::of_month(year, m));
      break;
    case PeriodType::Quarter:
      for (int q = 1; q <= 4; ++q) periods.push_back(Period::of_quarter(year, q));
      break;
    case PeriodType::HalfYear: periods = {Period::of_half(year, 1), Period::of_half(year, 2)}; break;
    case PeriodType::NineMonths: periods = {Period::of_nine_months(year)}; break;
    default: periods = {Period::of_year(year)}; break;
  }
  for (const Period& p : periods) {
    const DateRange window = data_window(r.cutoff, p);
    const Date due = deadline(d, r.cutoff, p);
    if (due < window.from) {
      out.push_back(which + ": thời hạn " + quoted(d.id()) + " rơi vào ngày " + text::format_date_short(due) +
                    ", trước khi kỳ " + period_words(p) + " bắt đầu chốt số liệu (ngày " +
                    text::format_date_short(window.from) +
                    ") — thời hạn dạng ngày/tháng cố định chỉ dùng cho báo cáo năm; hãy dùng dạng M+n:ngày");
      break;
    }
  }
  return out;
}

// ---- date and time in Vietnam ----

std::string DateTime::iso() const {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", date.year, date.month, date.day, hour,
                minute, second);
  return buf;
}

std::optional<DateTime> DateTime::parse_iso(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  auto date = Date::parse_iso(text.substr(0, 10));
  if (!date) return std::nullopt;
  DateTime out{*date};
  std::string_view rest = text.substr(10);
  if (rest.empty()) return out;
  if (rest[0] != 'T' && rest[0] != ' ') return std::nullopt;
  rest.remove_prefix(1);

  auto two_digits = [&](int max) -> std::optional<int> {
    if (rest.size() < 2) return std::nullopt;
    auto n = number(rest.substr(0, 2));
    if (!n || *n > max) return std::nullopt;
    rest.remove_prefix(2);
    return n;
  };
  auto h = two_digits(23);
  if (!h || rest.empty() || rest[0] != ':') return std::nullopt;
  rest.remove_prefix(1);
  auto m = two_digits(59);
  if (!m) return std::nullopt;
  int s = 0;
  if (!rest.empty() && rest[0] == ':') {
    rest.remove_prefix(1);
    auto sec = two_digits(60);
    if (!sec) return std::nullopt;
    s = std::min(*sec, 59);  // a leap second counts as the last second of its minute
    if (!rest.empty() && rest[0] == '.') {  // fractions of a second: dropped
      rest.remove_prefix(1);
      while (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') rest.remove_prefix(1);
    }
  }
  long offset = kVietnamOffset;  // no offset written: Vietnam time
  if (rest == "Z") {
    offset = 0;
  } else if (!rest.empty()) {
    if (rest[0] != '+' && rest[0] != '-') return std::nullopt;
    int sign = rest[0] == '-' ? -1 : 1;
    rest.remove_prefix(1);
    auto oh = two_digits(14);
    if (!oh) return std::nullopt;
    if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
    auto om = two_digits(59);
    if (!om || !rest.empty()) return std::nullopt;
    offset = sign * (*oh * 3600L + *om * 60L);
  }
  long total = date->days_since_epoch() * 86400L + *h * 3600L + *m * 60L + s - offset + kVietnamOffset;
  long days = total >= 0 ? total / 86400 : (total - 86399) / 86400;
  long secs = total - days * 86400;
  out.date = Date::from_days_since_epoch(days);
  out.hour = static_cast<int>(secs / 3600);
  out.minute = static_cast<int>(secs % 3600 / 60);
  out.second = static_cast<int>(secs % 60);
  return out;
}

// ---- approval ----

std::optional<std::string> submission_step_error(const std::vector<Submission>& history, const Submission& next) {
  const std::string which = "báo cáo của đơn vị " + quoted(next.unit) + " kỳ " + period_words(next.period) +
                            " theo chế độ " + quoted(next.regime);
  if (next.status == SubmissionStatus::Returned && next.reason.empty())
    return which + ": trả lại báo cáo phải ghi lý do — hãy nhập lý do trả lại";
  if (history.empty()) {
    if (next.status == SubmissionStatus::Draft || next.status == SubmissionStatus::Submitted) return std::nullopt;
    return which + ": chưa được gửi nên chưa thể " +
           (next.status == SubmissionStatus::Accepted ? "tiếp nhận" : "trả lại") + " — đơn vị phải gửi báo cáo trước";
  }
  const Submission& last = history.back();
  using S = SubmissionStatus;
  // Locked first: after acceptance nothing may follow, whatever its time.
  if (last.status == S::Accepted)
    return which + ": đã được tiếp nhận ngày " + last.received_at.date.iso() +
           " nên số liệu đã khoá — không ghi thêm bước nào cho báo cáo này; số liệu cần sửa phải được "
           "đính chính (có người sửa và lý do) thay vì gửi lại báo cáo";
  if (next.received_at < last.received_at)
    return which + ": bước \"" + std::string(submission_status_label_vi(next.status)) + "\" lúc " +
           time_words(next.received_at) + " sớm hơn bước đã ghi lúc " + time_words(last.received_at) +
           " — lịch sử báo cáo chỉ được ghi tiếp, không chèn vào giữa; hãy kiểm tra thời điểm";
  switch (last.status) {
    case S::Accepted: break;  // handled above
    case S::Draft:
    case S::Returned:
      if (next.status == S::Draft || next.status == S::Submitted) return std::nullopt;
      return which + std::string(": đang ở trạng thái \"") + std::string(submission_status_label_vi(last.status)) +
             "\", chưa được gửi nên chưa thể " + (next.status == S::Accepted ? "tiếp nhận" : "trả lại");
    case S::Submitted:
      if (next.status == S::Draft)
        return which + ": đã gửi, không thể trở lại bản nháp — bên nhận có thể trả lại báo cáo để đơn vị sửa";
      return std::nullopt;
  }
  return std::nullopt;
}

SubmissionState submission_state(const std::vector<Submission>& history) {
  SubmissionState out;
  for (const Submission& s : history) {
    out.status = s.status;
    out.return_reason.clear();
    switch (s.status) {
      case SubmissionStatus::Draft: out.received_at.reset(); break;
      case SubmissionStatus::Submitted:
        if (!out.received_at) out.received_at = s.received_at;
        break;
      case SubmissionStatus::Accepted:
        if (!out.received_at) out.received_at = s.received_at;
        break;
      case SubmissionStatus::Returned:
        out.received_at.reset();
        out.return_reason = s.reason;
        break;
    }
  }
  return out;
}

}  // namespace dxmon
