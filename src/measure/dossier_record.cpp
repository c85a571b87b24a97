#include "measure/dossier_record.h"

#include <array>
#include <vector>

#include "measure/short_text.h"

namespace dxmon::measure {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    unsigned c = static_cast<unsigned char>(s[i]) - '0';
    if (c > 9) return false;
    v = v * 10 + static_cast<int>(c);
  }
  out = v;
  return true;
}

int month_days(int y, int m) {
  static constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return d[m - 1];
}

// Two digits at s[i], s[i+1] (the caller checked the length); -1 when either is not a digit.
inline int two_digits(const char* s) {
  const unsigned a = static_cast<unsigned char>(s[0]) - '0', b = static_cast<unsigned char>(s[1]) - '0';
  return a > 9 || b > 9 ? -1 : static_cast<int>(a * 10 + b);
}

constexpr int kDayCount = 18263;  // days from 2000-01-01 to 2049-12-31

// The month index of every day from 2000 to 2049.
const std::uint16_t* month_of_day() {
  static const std::vector<std::uint16_t> table = [] {
    std::vector<std::uint16_t> t(kDayCount);
    int day = 0;
    for (int y = kFirstYear; y < kFirstYear + kMonthCount / 12; ++y)
      for (int m = 1; m <= 12; ++m)
        for (int d = 0; d < month_days(y, m); ++d) t[static_cast<std::size_t>(day++)] = static_cast<std::uint16_t>(month_index(y, m));
    return t;
  }();
  return table.data();
}

// The day number (days since 2000-01-01) of the first of every month from January 2000 to January
// 2050: the common timestamp form needs it, and its month length, four times per record.
const std::int32_t* month_first_days() {
  static const std::vector<std::int32_t> table = [] {
    std::vector<std::int32_t> t(kMonthCount + 1);
    std::int32_t day = 0;
    for (int m = 0; m <= kMonthCount; ++m) {
      t[static_cast<std::size_t>(m)] = day;
      if (m < kMonthCount) day += month_days(year_of_month_index(m), month_of_month_index(m));
    }
    return t;
  }();
  return table.data();
}

// The common form "2024-03-15T08:30:05" (or with a space), Vietnam time: no offset to convert.
std::optional<std::int64_t> parse_plain_timestamp(const char* s) {
  const int y1 = two_digits(s), y2 = two_digits(s + 2), mo = two_digits(s + 5), d = two_digits(s + 8),
            h = two_digits(s + 11), mi = two_digits(s + 14), sec = two_digits(s + 17);
  if ((y1 | y2 | mo | d | h | mi | sec) < 0 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
      s[13] != ':' || s[16] != ':')
    return std::nullopt;
  const int y = y1 * 100 + y2;
  if (y < kFirstYear || y >= kFirstYear + kMonthCount / 12 || mo < 1 || mo > 12 || h > 23 || mi > 59 || sec > 60)
    return std::nullopt;
  static const std::int32_t* first = month_first_days();
  const int m = month_index(y, mo);
  if (d < 1 || d > first[m + 1] - first[m]) return std::nullopt;
  return std::int64_t{first[m] + d - 1} * 86400 + h * 3600 + mi * 60 + sec;
}

}  // namespace

// The ids differ in length or first letter: one comparison each (these run for every record).
std::optional<ServiceLevel> parse_service_level(std::string_view id) {
  switch (id.size()) {
    case 10: if (same_text(id, "toan_trinh")) return ServiceLevel::FullOnline; break;
    case 8: if (same_text(id, "mot_phan")) return ServiceLevel::PartialOnline; break;
    case 16: if (same_text(id, "khong_truc_tuyen")) return ServiceLevel::NotOnline; break;
  }
  return std::nullopt;
}
std::optional<Channel> parse_channel(std::string_view id) {
  switch (id.size()) {
    case 10: if (same_text(id, "truc_tuyen")) return Channel::Online; break;
    case 9:
      if (same_text(id, "truc_tiep")) return Channel::InPerson;
      if (same_text(id, "buu_chinh")) return Channel::Post;
      break;
  }
  return std::nullopt;
}
std::optional<DossierStatus> parse_status(std::string_view id) {
  switch (id.size()) {
    case 10:
      if (same_text(id, "hoan_thanh")) return DossierStatus::Completed;
      if (same_text(id, "dang_xu_ly")) return DossierStatus::Processing;
      break;
    case 9: if (same_text(id, "tiep_nhan")) return DossierStatus::Received; break;
    case 7: if (same_text(id, "tra_lai")) return DossierStatus::Returned; break;
    case 3: if (same_text(id, "rut")) return DossierStatus::Withdrawn; break;
  }
  return std::nullopt;
}
std::string_view service_level_id(ServiceLevel l) {
  switch (l) {
    case ServiceLevel::FullOnline: return "toan_trinh";
    case ServiceLevel::PartialOnline: return "mot_phan";
    case ServiceLevel::NotOnline: return "khong_truc_tuyen";
  }
  return "";
}
std::string_view channel_id(Channel c) {
  switch (c) {
    case Channel::Online: return "truc_tuyen";
    case Channel::InPerson: return "truc_tiep";
    case Channel::Post: return "buu_chinh";
  }
  return "";
}
std::string_view status_id(DossierStatus s) {
  switch (s) {
    case DossierStatus::Received: return "tiep_nhan";
    case DossierStatus::Processing: return "dang_xu_ly";
    case DossierStatus::Completed: return "hoan_thanh";
    case DossierStatus::Returned: return "tra_lai";
    case DossierStatus::Withdrawn: return "rut";
  }
  return "";
}

std::optional<Field> parse_field_name(std::string_view name) {
  // No two field names share their length and first letter: one table lookup, one comparison.
  static const auto by_shape = [] {
    std::array<std::array<std::int8_t, 128>, 32> t{};
    for (auto& row : t) row.fill(-1);
    for (std::size_t i = 0; i < kFieldCount; ++i)
      t[kFieldNames[i].size()][static_cast<unsigned char>(kFieldNames[i][0])] = static_cast<std::int8_t>(i);
    return t;
  }();
  if (name.empty() || name.size() >= by_shape.size() || static_cast<unsigned char>(name[0]) >= 128) return std::nullopt;
  const std::int8_t i = by_shape[name.size()][static_cast<unsigned char>(name[0])];
  if (i < 0 || !same_text(kFieldNames[static_cast<std::size_t>(i)], name)) return std::nullopt;
  return static_cast<Field>(i);
}

// Howard Hinnant's days_from_civil, shifted to 2000-01-01.
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468 - 10957;
}

void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468 + 10957;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yoe + era * 400) + (m <= 2);
}

int month_index_of_seconds(std::int64_t s) {
  static const std::uint16_t* table = month_of_day();
  return table[s / 86400];
}

std::optional<std::int64_t> parse_timestamp(std::string_view s) {
  if (s.size() == 19) {
    // 60 seconds may spill into the next day: the last second of 2049 needs the general path.
    if (auto t = parse_plain_timestamp(s.data()); t && *t < std::int64_t{kDayCount} * 86400) return t;
  }
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  if (y < kFirstYear || y >= kFirstYear + kMonthCount / 12 || mo < 1 || mo > 12 || d < 1 ||
      d > month_days(y, mo))
    return std::nullopt;
  std::size_t p = 10;
  int offset_minutes = 7 * 60;  // Vietnam time unless the text says otherwise
  if (p < s.size()) {
    if (s[p] != 'T' && s[p] != ' ') return std::nullopt;
    if (!digits(s, p + 1, 2, h) || p + 3 >= s.size() || s[p + 3] != ':' || !digits(s, p + 4, 2, mi))
      return std::nullopt;
    p += 6;
    if (p < s.size() && s[p] == ':') {
      if (!digits(s, p + 1, 2, sec)) return std::nullopt;
      p += 3;
      if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
        ++p;
        std::size_t start = p;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
        if (p == start) return std::nullopt;
      }
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
    if (p < s.size()) {
      if (s[p] == 'Z' && p + 1 == s.size()) {
        offset_minutes = 0;
      } else if ((s[p] == '+' || s[p] == '-') && p + 6 == s.size() && s[p + 3] == ':') {
        int oh, om;
        if (!digits(s, p + 1, 2, oh) || !digits(s, p + 4, 2, om) || oh > 14 || om > 59) return std::nullopt;
        offset_minutes = (s[p] == '+' ? 1 : -1) * (oh * 60 + om);
      } else {
        return std::nullopt;
      }
    }
  }
  std::int64_t t = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
                   mi * 60 + sec;
  t += (7 * 60 - offset_minutes) * 60;  // to Vietnam time
  if (t < 0 || t >= days_from_civil(kFirstYear + kMonthCount / 12, 1, 1) * 86400) return std::nullopt;
  return t;
}

}  // namespace dxmon::measure
