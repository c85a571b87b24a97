// Dates and periods in Vietnamese words. Parsing works on fold()ed text, so case, diacritics
// and punctuation do not matter: "Quy I nam 2024", "QUÝ I/2024" and "quý 1 - 2024" are one period.
#include "text/vdate.h"

#include <cstdio>
#include <vector>

#include "text/text.h"

namespace dxmon::text {

namespace {

std::optional<int> number(std::string_view s, std::size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<int> year_token(std::string_view s) {
  if (s.size() != 4) return std::nullopt;
  return number(s, 4);
}

std::vector<std::string> words(std::string_view folded) { return split_list(folded, ' '); }

std::optional<Date> checked(int y, int m, int d) {
  Date date{y, m, d};
  if (!date.valid()) return std::nullopt;
  return date;
}

// Quarter numbers are written in Roman numerals in titles ("Quý IV") and in digits elsewhere.
std::optional<int> quarter_number(std::string_view s) {
  if (s == "i" || s == "1" || s == "01") return 1;
  if (s == "ii" || s == "2" || s == "02") return 2;
  if (s == "iii" || s == "3" || s == "03") return 3;
  if (s == "iv" || s == "4" || s == "04") return 4;
  return std::nullopt;
}

const char* const kRoman[] = {"", "I", "II", "III", "IV"};

}  // namespace

std::string format_date_long(const Date& d) {
  // Nghị định 30/2020/NĐ-CP, Appendix I: days below 10 and months 1 and 2 are written with a
  // leading zero ("ngày 05 tháng 02 năm 2024"), other months without ("ngày 16 tháng 3 năm 2024").
  char buf[64];
  if (d.month <= 2)
    std::snprintf(buf, sizeof buf, "ngày %02d tháng %02d năm %d", d.day, d.month, d.year);
  else
    std::snprintf(buf, sizeof buf, "ngày %02d tháng %d năm %d", d.day, d.month, d.year);
  return buf;
}

std::string format_date_short(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::optional<Date> parse_date(std::string_view text) {
  if (auto iso = Date::parse_iso(squish(text))) return iso;
  std::vector<std::string> w = words(fold(text));
  // "ngày 16 tháng 02 năm 2024" → [ngay 16 thang 2 nam 2024]; "16/02/2024" → [16 02 2024].
  if (!w.empty() && w.front() == "ngay") w.erase(w.begin());
  if (w.size() == 5 && w[1] == "thang" && w[3] == "nam") w = {w[0], w[2], w[4]};
  if (w.size() != 3) return std::nullopt;
  if (auto y = year_token(w[0])) {  // 2024-2-16 and the like: year first
    auto m = number(w[1], 2), d = number(w[2], 2);
    if (m && d) return checked(*y, *m, *d);
    return std::nullopt;
  }
  auto d = number(w[0], 2), m = number(w[1], 2), y = year_token(w[2]);
  if (d && m && y) return checked(*y, *m, *d);
  return std::nullopt;
}

std::string period_label(const Period& p) {
  switch (p.type) {
    case PeriodType::Day: return "ngày " + format_date_short(p.first_day());
    case PeriodType::Month: return "tháng " + std::to_string(p.index) + "/" + std::to_string(p.year);
    case PeriodType::Quarter: {
      std::string q = p.index >= 1 && p.index <= 4 ? kRoman[p.index] : std::to_string(p.index);
      return "Quý " + q + " năm " + std::to_string(p.year);
    }
    case PeriodType::HalfYear:
      return std::string(p.index == 1 ? "06 tháng đầu năm " : "06 tháng cuối năm ") + std::to_string(p.year);
    case PeriodType::NineMonths: return "9 tháng năm " + std::to_string(p.year);
    case PeriodType::Year: return "năm " + std::to_string(p.year);
  }
  return p.id();
}

std::optional<Period> parse_period(std::string_view text) {
  const std::string clean = squish(text);
  if (auto id = Period::parse_id(clean)) return id;

  // Tokens of the folded text without the word "năm" (year), which the labels put in some
  // places and not others: "Quý I năm 2024" and "Quý I/2024" both become [quy i 2024].
  std::vector<std::string> w;
  for (std::string& t : words(fold(clean)))
    if (t != "nam") w.push_back(std::move(t));
  // "trong năm 2022", "trong quý I/2024" (within): deadlines in the task tables are written so.
  if (!w.empty() && w.front() == "trong") w.erase(w.begin());
  if (w.empty()) return std::nullopt;
  auto y = year_token(w.back());

  // A day: "ngày 15/03/2024", "15/03/2024", "ngày 15 tháng 3 năm 2024".
  if (w.front() == "ngay" || (w.size() == 3 && y && number(w[0], 2) && number(w[1], 2))) {
    if (auto d = parse_date(clean)) return Period::of_day(*d);
    return std::nullopt;
  }
  if (y && w.size() == 1) return Period::of_year(*y);                      // "năm 2022"
  if (y && w.size() == 2 && w[0] == "ca") return Period::of_year(*y);      // "cả năm 2022"

  if (y && w.size() == 3 && w[0] == "thang") {                             // "tháng 3/2024"
    if (auto m = number(w[1], 2); m && *m >= 1 && *m <= 12) return Period::of_month(*y, *m);
    return std::nullopt;
  }
  if (y && w.size() == 3 && w[0] == "quy") {                               // "Quý I năm 2024"
    if (auto q = quarter_number(w[1])) return Period::of_quarter(*y, *q);
    return std::nullopt;
  }
  // "6 tháng đầu năm 2023", "06 tháng năm 2023", "6 tháng cuối năm 2023", "9 tháng (đầu) năm 2023",
  // "3 tháng đầu năm" (a quarter), "12 tháng năm 2021" (the year). Counts with no period type of
  // their own ("11 tháng đầu năm 2022", cumulative to November) are not periods here.
  if (y && (w.size() == 3 || w.size() == 4) && w[1] == "thang") {
    auto n = number(w[0], 2);
    std::string_view which = w.size() == 4 ? std::string_view(w[2]) : std::string_view("dau");
    if (!n || (which != "dau" && which != "cuoi")) return std::nullopt;
    const bool first = which == "dau";
    if (*n == 3) return Period::of_quarter(*y, first ? 1 : 4);
    if (*n == 6) return Period::of_half(*y, first ? 1 : 2);
    if (*n == 9 && first) return Period::of_nine_months(*y);
    if (*n == 12) return Period::of_year(*y);
    return std::nullopt;
  }
  if (y && w.size() == 3 && w[0] == "nua") {                               // "nửa đầu năm 2024"
    if (w[1] == "dau") return Period::of_half(*y, 1);
    if (w[1] == "cuoi") return Period::of_half(*y, 2);
    return std::nullopt;
  }
  // Short codes in either order: "Q1/2024", "2024 q1", "H2-2023", "2024-m9" (lower case ids).
  if (w.size() == 2) {
    auto code_and_year = [](std::string_view code, std::string_view year) -> std::optional<Period> {
      auto yy = year_token(year);
      if (!yy || code.size() != 2) return std::nullopt;
      auto n = number(code.substr(1), 1);
      if (!n) return std::nullopt;
      if (code[0] == 'q' && *n >= 1 && *n <= 4) return Period::of_quarter(*yy, *n);
      if (code[0] == 'h' && *n >= 1 && *n <= 2) return Period::of_half(*yy, *n);
      if (code[0] == 'm' && *n == 9) return Period::of_nine_months(*yy);
      return std::nullopt;
    };
    if (auto p = code_and_year(w[0], w[1])) return p;
    if (auto p = code_and_year(w[1], w[0])) return p;
    // "2024-03" typed with other separators, e.g. "2024/03".
    if (auto yy = year_token(w[0]))
      if (auto m = number(w[1], 2); m && *m >= 1 && *m <= 12) return Period::of_month(*yy, *m);
  }
  return std::nullopt;
}

}  // namespace dxmon::text
