#include "check/printed_value.h"

#include <cctype>
#include <cmath>
#include <optional>
#include <string>

#include "text/text.h"

namespace dxmon::check {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Token {
  double value = 0;
  int decimals = 0;
  double multiplier = 1;
  Qualifier qualifier = Qualifier::None;
};

// "80,8" → 80.8 (1 decimal); "11.923" → 11923; "1.502.045.890"; "91.6" (a decimal point, as
// exported) → 91.6.
std::optional<Token> parse_token(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
  if (s.empty()) return std::nullopt;
  Token t;
  std::string canonical;
  if (auto comma = s.find(','); comma != std::string::npos) {
    for (std::size_t i = 0; i < comma; ++i)
      if (s[i] != '.') canonical += s[i];
    std::string frac = s.substr(comma + 1);
    if (frac.find_first_of(".,") != std::string::npos) return std::nullopt;
    canonical += "." + frac;
    t.decimals = static_cast<int>(frac.size());
  } else {
    // Dots are thousands separators when every group after one has three digits.
    bool thousands = true;
    std::size_t pos = s.find('.');
    int dots = 0;
    while (pos != std::string::npos) {
      ++dots;
      std::size_t next = s.find('.', pos + 1);
      std::size_t len = (next == std::string::npos ? s.size() : next) - pos - 1;
      if (len != 3) thousands = false;
      pos = next;
    }
    if (dots == 0 || thousands) {
      for (char c : s)
        if (c != '.') canonical += c;
    } else if (dots == 1) {
      canonical = s;
      t.decimals = static_cast<int>(s.size() - s.find('.') - 1);
    } else {
      return std::nullopt;
    }
  }
  try {
    t.value = std::stod(canonical);
  } catch (...) {
    return std::nullopt;
  }
  return t;
}

double multiplier_after(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && rest[i] == ' ') ++i;
  rest.remove_prefix(i);
  auto starts = [&](std::string_view w) { return rest.substr(0, w.size()) == w; };
  if (starts("nghìn tỷ") || starts("nghìn tỉ")) return 1e12;
  if (starts("nghìn") || starts("ngàn")) return 1e3;
  if (starts("triệu")) return 1e6;
  if (starts("tỷ") || starts("tỉ")) return 1e9;
  return 1;
}

Qualifier qualifier_before(std::string_view before) {
  const std::string folded = text::fold(before);
  const std::size_t space = folded.rfind(' ');
  const std::string last = space == std::string::npos ? folded : folded.substr(space + 1);
  if (last == "hon" || last == "tren") return Qualifier::Over;
  if (last == "gan") return Qualifier::Under;
  if (last == "khoang" || last == "uoc" || last == "xi" || last == "chung") return Qualifier::About;
  return Qualifier::None;
}

double inferred_unit(double v) {
  const double a = std::fabs(v);
  if (std::fabs(a - std::round(a)) < 1e-9) {
    if (a < 1000) return 1;
    double unit = 1;
    while (unit * 10 < a && std::fmod(a, unit * 10) < 1e-9) unit *= 10;
    return unit;
  }
  for (int d = 1; d <= 6; ++d) {
    const double scaled = a * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) return std::pow(10.0, -d);
  }
  return 1e-6;
}

}  // namespace

Interval PrintedValue::interval() const {
  if (exact && qualifier == Qualifier::None) return {value, value};
  switch (qualifier) {
    case Qualifier::Over: return {value, value + unit};
    case Qualifier::Under: return {value - unit, value};
    case Qualifier::About: return {value - unit, value + unit};
    case Qualifier::None: break;
  }
  return {value - unit / 2, value + unit / 2};
}

PrintedValue printed_value(double value, std::string_view printed) {
  for (std::size_t i = 0; i < printed.size();) {
    if (!is_digit(printed[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < printed.size() && (is_digit(printed[j]) || printed[j] == '.' || printed[j] == ',')) ++j;
    if (auto t = parse_token(std::string(printed.substr(i, j - i)))) {
      const double m = multiplier_after(printed.substr(j));
      const double v = t->value * m;
      if (std::fabs(v - value) <= 1e-9 * std::max(1.0, std::fabs(value))) {
        PrintedValue p;
        p.value = value;
        p.unit = std::pow(10.0, -t->decimals) * m;
        p.qualifier = qualifier_before(printed.substr(0, i));
        std::size_t k = j;
        while (k < printed.size() && printed[k] == ' ') ++k;
        const bool percent = k < printed.size() && printed[k] == '%';
        p.exact = t->decimals == 0 && m == 1 && !percent;
        return p;
      }
    }
    i = j;
  }
  PrintedValue p;
  p.value = value;
  p.unit = inferred_unit(value);
  p.exact = std::fabs(value - std::round(value)) < 1e-9 && std::fabs(value) < 1000;
  return p;
}

int decimals_for(double unit) {
  if (unit >= 1) return 0;
  return std::min(6, static_cast<int>(std::lround(-std::log10(unit))));
}

}  // namespace dxmon::check
