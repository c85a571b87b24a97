// Numbers as Vietnamese officials write them.
//
// Separators. The decimal separator is the comma and the thousands separator is the dot
// ("1.502.045,5"). Files produced by machines (Excel in an English locale, CSV exports) use a
// decimal dot instead, so a lone dot is ambiguous. The rule:
//   - a comma is always the decimal separator; more than one comma is an error ("12,3,4");
//   - with a comma present, every dot must be a thousands separator in proper groups of three;
//   - several dots: thousands separators, groups of three ("1.502.045.890"), else an error;
//   - a single dot followed by exactly three digits is a thousands separator ("4.591" = 4591),
//     unless the part before it is "0" or longer than three digits, which no grouped number can
//     be ("0.125" = 0.125, "1234.567" = 1234.567);
//   - a single dot followed by one, two, or four or more digits is a decimal point
//     ("3.5" = 3.5, "0.25" = 0.25, "3.1416" = 3.1416).
// So "12.345" means twelve thousand three hundred and forty-five, never 12.345: machine-written
// files that need three decimals must not use this parser, or must write them with a comma.
//
// Qualifiers before the number. One table (kBoundWords below) gives each word its two readings:
// as a comparator in a target (Bound) and as the rounding of a figure printed in a report's text
// (Approximation: where the true value lies relative to the printed figure).
//   word or symbol                                     Bound     Approximation
//   ≥ >= =>   tối thiểu, ít nhất, không dưới, không thấp hơn   AtLeast   None
//   >         trên                                     Above     Over   ("trên 74,48 triệu hồ sơ")
//   ≤ <= =<   tối đa, không quá, không vượt quá, không cao hơn  AtMost    None
//   <         dưới                                     Below     None   (a limit, not a rounding)
//   =                                                  Equal     None
//   hơn                                                About     Over   ("hơn 12,8 nghìn")
//   gần                                                About     Under  ("gần 3,2 nghìn")
//   ≈ ~       khoảng, ước, ước đạt, ước tính, xấp xỉ,
//             trên dưới, chừng                         About     About
// "hơn 12,8 nghìn" in a report is a rounded figure ("a little over 12.8 thousand"), not a
// comparator a target could be checked against, so its Bound is About (the word is kept in
// `qualifier`); as a rounding it says the true value is at or a little over the figure. "trên"
// is ambiguous in the same way, but in targets ("Trên 30%") it is a strict lower bound, which is
// what the reports mean by it most of the time; it is Above, and Over as a rounding.
// Words match without regard to case or diacritics ("Tren 30%" = "Trên 30%").
//
// Multipliers after the number: nghìn/ngàn (10^3), triệu (10^6), tỷ/tỉ (10^9), in any
// combination that multiplies ("2,75 nghìn tỷ" = 2.75e12).
#include "text/number.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "text/text.h"

namespace dxmon::text {

namespace {

const char* const kExamples = "e.g. 58,41 or 58,41% or 1.502.045.890 or 7,2-7,8% or ≥ 80% or Trên 30% or hơn 12,8 nghìn";

[[noreturn]] void reject(std::string_view text, const std::string& what) {
  throw std::invalid_argument("'" + std::string(text) + "' is not a number: " + what + " (" + kExamples +
                              "; '-' or blank for no data)");
}

using A = Approximation;

struct Word {
  const char* folded;
  Bound bound;
  Approximation approx;
};

// The table of the rule at the top of the file. Longest first where one is a prefix or a suffix of
// another ("uoc dat" before "uoc", "tren duoi" before "tren" and "duoi", "khong duoi" before "duoi").
constexpr Word kBoundWords[] = {
    {"khong thap hon", Bound::AtLeast, A::None}, {"khong duoi", Bound::AtLeast, A::None},
    {"toi thieu", Bound::AtLeast, A::None},      {"it nhat", Bound::AtLeast, A::None},
    {"khong vuot qua", Bound::AtMost, A::None},  {"khong cao hon", Bound::AtMost, A::None},
    {"khong qua", Bound::AtMost, A::None},       {"toi da", Bound::AtMost, A::None},
    {"tren duoi", Bound::About, A::About},       {"tren", Bound::Above, A::Over},
    {"duoi", Bound::Below, A::None},             {"uoc dat", Bound::About, A::About},
    {"uoc tinh", Bound::About, A::About},        {"uoc", Bound::About, A::About},
    {"xap xi", Bound::About, A::About},          {"khoang", Bound::About, A::About},
    {"chung", Bound::About, A::About},           {"gan", Bound::About, A::Under},
    {"hon", Bound::About, A::Over},
};

struct Symbol {
  std::string_view text;
  Bound bound;
  Approximation approx;
};

constexpr Symbol kBoundSymbols[] = {
    {"≥", Bound::AtLeast, A::None}, {">=", Bound::AtLeast, A::None}, {"=>", Bound::AtLeast, A::None},
    {"≤", Bound::AtMost, A::None},  {"<=", Bound::AtMost, A::None},  {"=<", Bound::AtMost, A::None},
    {">", Bound::Above, A::None},   {"<", Bound::Below, A::None},    {"=", Bound::Equal, A::None},
    {"≈", Bound::About, A::About},  {"~", Bound::About, A::About},
};

// Dashes that separate the ends of a range or stand alone for "no data".
constexpr std::string_view kDashes[] = {"-", "–", "—", "−"};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

void skip_spaces(std::string_view& s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
}

std::size_t dash_at(std::string_view s) {
  for (std::string_view d : kDashes)
    if (starts_with(s, d)) return d.size();
  return 0;
}

// The folded words of `s` up to the first digit or symbol, with the byte length they took.
std::pair<std::string, std::size_t> leading_words(std::string_view s) {
  std::size_t end = 0;
  while (end < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[end]);
    if (is_digit(s[end]) || c == '<' || c == '>' || c == '=' || c == '~' || c == '%' || c == ',' || c == '.' ||
        dash_at(s.substr(end)) || starts_with(s.substr(end), "≥") || starts_with(s.substr(end), "≤") ||
        starts_with(s.substr(end), "≈"))
      break;
    ++end;
  }
  return {fold(s.substr(0, end)), end};
}

struct NumberToken {
  double value = 0;
  int decimals = 0;  // digits after the decimal separator as written
};

// Digits with '.' and ',' separators → value, by the rule at the top of the file; nullopt with
// `why` set when the token breaks the rule.
std::optional<NumberToken> try_number_token(std::string_view token, std::string& why) {
  std::size_t commas = 0, dots = 0;
  for (char c : token) {
    if (c == ',') ++commas;
    if (c == '.') ++dots;
  }
  if (commas > 1) {
    why = "more than one decimal comma; thousands are separated with dots (1.502.045)";
    return std::nullopt;
  }
  if (token.empty() || !is_digit(token.front()) || !is_digit(token.back())) {
    why = "a separator must stand between digits";
    return std::nullopt;
  }

  std::string_view integer = token, fraction;
  if (commas == 1) {
    std::size_t c = token.find(',');
    integer = token.substr(0, c);
    fraction = token.substr(c + 1);
    if (fraction.find('.') != std::string_view::npos) {
      why = "a dot after the decimal comma; thousands dots go before the comma";
      return std::nullopt;
    }
  }

  // Split the integer part into dot-separated groups.
  std::vector<std::string_view> groups;
  for (std::size_t start = 0;;) {
    std::size_t dot = integer.find('.', start);
    groups.push_back(integer.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  for (std::string_view g : groups)
    if (g.empty()) {
      why = "two separators in a row";
      return std::nullopt;
    }

  NumberToken out;
  std::string digits;
  auto grouped_properly = [&] {
    if (groups.front().size() > 3) return false;
    for (std::size_t i = 1; i < groups.size(); ++i)
      if (groups[i].size() != 3) return false;
    return true;
  };
  if (groups.size() == 1) {
    digits = std::string(groups[0]);
  } else if (commas == 0 && groups.size() == 2 &&
             (groups[1].size() != 3 || groups[0] == "0" || groups[0].size() > 3)) {
    // A lone dot that cannot be a thousands separator: a decimal point from a machine.
    digits = std::string(groups[0]) + "." + std::string(groups[1]);
    out.decimals = static_cast<int>(groups[1].size());
  } else if (grouped_properly()) {
    for (std::string_view g : groups) digits += g;
  } else {
    why = "thousands dots must separate groups of three digits (1.502.045.890)";
    return std::nullopt;
  }
  if (!fraction.empty()) {
    digits += "." + std::string(fraction);
    out.decimals = static_cast<int>(fraction.size());
  }

  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.value);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) {
    why = "the number is out of range";
    return std::nullopt;
  }
  return out;
}

double read_number_token(std::string_view token, std::string_view whole) {
  std::string why;
  auto t = try_number_token(token, why);
  if (!t) reject(whole, why);
  return t->value;
}

// Multiplier words at the front of `s` (nghìn/ngàn 10^3, triệu 10^6, tỷ/tỉ 10^9, multiplying:
// "nghìn tỷ" 10^12), read one folded word at a time; consumed from `s`. 1 when there are none.
double read_multiplier(std::string_view& s) {
  double multiplier = 1;
  skip_spaces(s);
  while (!s.empty()) {
    std::size_t end = s.find(' ');
    std::string word = fold(s.substr(0, end));
    double m = 0;
    if (word == "nghin" || word == "ngan") m = 1e3;
    else if (word == "trieu") m = 1e6;
    else if (word == "ty" || word == "ti") m = 1e9;
    if (m == 0) break;
    multiplier *= m;
    s.remove_prefix(end == std::string_view::npos ? s.size() : end);
    skip_spaces(s);
  }
  return multiplier;
}

struct Term {
  double value = 0;
  bool percent = false;
  double multiplier = 1;  // 1 when no multiplier word was written
  bool has_multiplier = false;
};

// Reads [sign] number [%] [multiplier words] from the front of `s`.
Term read_term(std::string_view& s, std::string_view whole) {
  Term t;
  skip_spaces(s);
  bool negative = false;
  if (std::size_t d = dash_at(s)) {
    negative = true;
    s.remove_prefix(d);
  } else if (starts_with(s, "+")) {
    s.remove_prefix(1);
  }
  skip_spaces(s);
  std::size_t n = 0;
  while (n < s.size() && (is_digit(s[n]) || s[n] == '.' || s[n] == ',')) ++n;
  if (n == 0) reject(whole, "expected digits");
  t.value = read_number_token(s.substr(0, n), whole);
  if (negative) t.value = -t.value;
  s.remove_prefix(n);
  skip_spaces(s);
  if (starts_with(s, "%")) {
    t.percent = true;
    s.remove_prefix(1);
    skip_spaces(s);
  }
  // Multiplier words, so that "nghìn tỷ" multiplies out.
  t.multiplier = read_multiplier(s);
  t.has_multiplier = t.multiplier != 1;
  if (t.has_multiplier && t.percent) reject(whole, "a percentage cannot be followed by nghìn/triệu/tỷ");
  return t;
}

bool is_no_data(std::string_view s) {
  for (std::string_view d : kDashes)
    if (s == d) return true;
  if (s.empty()) return true;
  std::string f = fold(s);
  return f == "chua co so lieu" || f == "khong co so lieu";
}

}  // namespace

ParsedNumber parse_number(std::string_view text) {
  std::string clean = squish(nfc(text));
  ParsedNumber out;
  if (is_no_data(clean)) {
    out.no_data = true;
    return out;
  }
  std::string_view s = clean;

  // Comparator symbol or qualifier words.
  for (const Symbol& sym : kBoundSymbols) {
    if (starts_with(s, sym.text)) {
      out.bound = sym.bound;
      out.approx = sym.approx;
      out.qualifier = std::string(sym.text);
      s.remove_prefix(sym.text.size());
      break;
    }
  }
  if (out.bound == Bound::None) {
    auto [words, length] = leading_words(s);
    if (!words.empty()) {
      for (const Word& w : kBoundWords) {
        if (words == w.folded) {
          out.bound = w.bound;
          out.approx = w.approx;
          // The words as written, in lower case: "Trên" → "trên".
          std::string written = squish(s.substr(0, length));
          icu::UnicodeString u = icu::UnicodeString::fromUTF8(written);
          out.qualifier.clear();
          u.toLower(icu::Locale("vi")).toUTF8String(out.qualifier);
          break;
        }
      }
      if (out.bound == Bound::None) reject(text, "unknown words before the number");
      s.remove_prefix(length);
    }
  }

  Term first = read_term(s, text);
  std::optional<Term> second;
  skip_spaces(s);
  if (!s.empty()) {
    // A range: "7,2-7,8%", "7,2 – 7,8%", "5 đến 10".
    std::size_t sep = dash_at(s);
    if (!sep) {
      std::size_t end = s.find(' ');
      std::string word = fold(s.substr(0, end));
      if (word == "den" || word == "toi") sep = end == std::string_view::npos ? s.size() : end;
    }
    if (!sep) reject(text, "unexpected '" + std::string(s) + "' after the number");
    s.remove_prefix(sep);
    skip_spaces(s);
    if (s.empty()) reject(text, "a range needs a number after the dash");
    second = read_term(s, text);
    skip_spaces(s);
    if (!s.empty()) reject(text, "unexpected '" + std::string(s) + "' after the range");
    // A unit written once at the end applies to both ends: "7,2-7,8%", "2-3 triệu".
    if (second->percent && !first.has_multiplier) first.percent = true;
    if (first.percent && !second->has_multiplier) second->percent = true;
    if (second->has_multiplier && !first.has_multiplier && !first.percent) first.multiplier = second->multiplier;
    if (first.percent != second->percent) reject(text, "one end of the range is a percentage and the other is not");
  }

  out.value = first.value * first.multiplier;
  out.percent = first.percent;
  if (second) {
    out.value_max = second->value * second->multiplier;
    if (*out.value_max < out.value) reject(text, "the range's upper end is below its lower end");
  }
  return out;
}

std::optional<ParsedNumber> try_parse_number(std::string_view text) {
  try {
    return parse_number(text);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The qualifier words that end `before` (the text up to a figure), by the table of the rule.
const Word* qualifier_ending(std::string_view before) {
  // Only the last few words matter: fold a tail, cut at a character boundary.
  std::size_t from = before.size() > 48 ? before.size() - 48 : 0;
  while (from < before.size() && is_continuation_byte(before[from])) ++from;
  const std::string folded = fold(before.substr(from));
  for (const Word& w : kBoundWords) {
    std::string_view key = w.folded;
    if (folded.size() < key.size() || folded.compare(folded.size() - key.size(), key.size(), key) != 0) continue;
    if (folded.size() == key.size() || folded[folded.size() - key.size() - 1] == ' ') return &w;
  }
  return nullptr;
}

}  // namespace

std::vector<FigureInText> figures_in_text(std::string_view text) {
  std::vector<FigureInText> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (is_digit(text[j]) || text[j] == '.' || text[j] == ',')) ++j;
    std::size_t token_end = j;  // sentence punctuation after the digits is not part of them
    while (token_end > i && (text[token_end - 1] == '.' || text[token_end - 1] == ',')) --token_end;
    std::string why;
    if (auto token = try_number_token(text.substr(i, token_end - i), why)) {
      FigureInText f;
      f.begin = i;
      f.decimals = token->decimals;
      std::string_view rest = text.substr(token_end);
      std::string_view after_spaces = rest;
      skip_spaces(after_spaces);
      if (starts_with(after_spaces, "%")) {
        f.percent = true;
        rest = after_spaces.substr(1);
      } else {
        std::string_view words = rest;
        f.multiplier = read_multiplier(words);
        if (f.multiplier != 1) rest = words;
      }
      f.end = text.size() - rest.size();
      while (f.end > token_end && text[f.end - 1] == ' ') --f.end;
      f.value = token->value * f.multiplier;
      if (const Word* w = qualifier_ending(text.substr(0, i))) {
        f.approx = w->approx;
        f.qualifier = w->folded;
      }
      out.push_back(std::move(f));
    }
    i = j;
  }
  return out;
}

namespace {

// Rounds a plain decimal string ("1234.5678", no sign) to `decimals` places, half away from
// zero, on the decimal digits themselves: the value a person reads in "2.675" rounds to 2.68
// even though the nearest double is 2.67499999….
std::string round_decimal_string(const std::string& s, int decimals) {
  std::size_t dot = s.find('.');
  std::string integer = dot == std::string::npos ? s : s.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : s.substr(dot + 1);
  if (static_cast<int>(fraction.size()) <= decimals) {
    fraction.append(static_cast<std::size_t>(decimals) - fraction.size(), '0');
  } else {
    bool round_up = fraction[static_cast<std::size_t>(decimals)] >= '5';
    fraction.resize(static_cast<std::size_t>(decimals));
    if (round_up) {
      std::string digits = integer + fraction;
      int i = static_cast<int>(digits.size()) - 1;
      for (; i >= 0; --i) {
        if (digits[static_cast<std::size_t>(i)] == '9') {
          digits[static_cast<std::size_t>(i)] = '0';
        } else {
          ++digits[static_cast<std::size_t>(i)];
          break;
        }
      }
      if (i < 0) digits.insert(digits.begin(), '1');
      integer = digits.substr(0, digits.size() - fraction.size());
      fraction = digits.substr(digits.size() - fraction.size());
    }
  }
  return fraction.empty() ? integer : integer + "." + fraction;
}

}  // namespace

std::string format_number(double v, int decimals) {
  if (std::isnan(v)) return "-";  // the reports' mark for "no figure"
  if (std::isinf(v)) return v < 0 ? "-∞" : "∞";
  const bool negative = std::signbit(v);
  // Shortest fixed notation that reads back as the same double: the number as it was written.
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::fixed);
  std::string plain = ec == std::errc() ? std::string(buf, end) : std::to_string(std::fabs(v));

  std::string rounded = round_decimal_string(plain, decimals < 0 ? 6 : decimals);
  std::size_t dot = rounded.find('.');
  std::string integer = dot == std::string::npos ? rounded : rounded.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : rounded.substr(dot + 1);
  if (decimals < 0)
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();

  std::string grouped;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += '.';
    grouped += integer[i];
  }
  bool zero = integer.find_first_not_of('0') == std::string::npos &&
              fraction.find_first_not_of('0') == std::string::npos;
  std::string out = (negative && !zero) ? "-" : "";  // no "-0" after rounding
  out += grouped;
  if (!fraction.empty()) out += "," + fraction;
  return out;
}

std::string format_percent(double v, int decimals) { return format_number(v, decimals) + "%"; }

std::string format_count(long long n) { return format_number(static_cast<double>(n)); }

std::string format_count2(long n) {
  if (n >= 0 && n < 10) return "0" + std::to_string(n);
  return std::to_string(n);
}

std::string format_scaled(double v, Approximation approx) {
  std::string prefix;
  switch (approx) {
    case Approximation::Over: prefix = "hơn "; break;
    case Approximation::Under: prefix = "gần "; break;
    case Approximation::About: prefix = "khoảng "; break;
    case Approximation::None: break;
  }
  if (!std::isfinite(v)) return prefix + format_number(v);
  struct Scale {
    double factor;
    const char* word;
  };
  static constexpr Scale kScales[] = {{1e12, "nghìn tỷ"}, {1e9, "tỷ"}, {1e6, "triệu"}, {1e3, "nghìn"}};
  const double threshold = approx == Approximation::None ? 1e6 : 1e3;
  const double a = std::fabs(v);
  if (a >= threshold) {
    // The one scale at which the figure reads 1 to 999 (nghìn tỷ: anything above).
    for (const Scale& s : kScales) {
      if (a < s.factor) continue;
      if (s.factor != kScales[0].factor && a >= s.factor * 1000) break;
      const double scaled = v / s.factor;
      const double thousandths = scaled * 1000;
      if (std::fabs(thousandths - std::round(thousandths)) <= 1e-6 * std::max(1.0, std::fabs(thousandths)))
        return prefix + format_number(std::round(thousandths) / 1000) + " " + s.word;
      break;
    }
  }
  return prefix + format_number(v);
}

}  // namespace dxmon::text
