#include "io/row_reader.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::io {

std::string trim_cell(std::string_view s) {
  auto space_at_front = [&](std::size_t& len) {
    if (s.empty()) return false;
    unsigned char c = static_cast<unsigned char>(s.front());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return (len = 1), true;
    if (s.starts_with("\xC2\xA0")) return (len = 2), true;             // NBSP
    if (s.starts_with("\xE2\x80\x8B") || s.starts_with("\xE2\x80\xAF") ||  // ZWSP, narrow NBSP
        s.starts_with("\xEF\xBB\xBF"))                                      // stray BOM
      return (len = 3), true;
    return false;
  };
  auto space_at_back = [&](std::size_t& len) {
    if (s.empty()) return false;
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return (len = 1), true;
    if (s.ends_with("\xC2\xA0")) return (len = 2), true;
    if (s.ends_with("\xE2\x80\x8B") || s.ends_with("\xE2\x80\xAF")) return (len = 3), true;
    return false;
  };
  std::size_t len = 0;
  while (space_at_front(len)) s.remove_prefix(len);
  while (space_at_back(len)) s.remove_suffix(len);
  return std::string(s);
}

std::string canonical_number(double v) {
  if (v == 0) v = 0;  // no "-0"
  // Plain digits ("2750000000000", not "2.75e+12"): a person opening the CSV reads the number.
  // Only a number that would need more than 32 characters so (1e-300) keeps the exponent.
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (ec == std::errc() && end - buf <= 32) return std::string(buf, end);
  auto [end2, ec2] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end2);
}

std::optional<double> parse_canonical_number(std::string_view s) {
  if (s.starts_with('+')) s.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string RowReader::where() const {
  std::string out = table_.table->file;
  if (!table_.table->sheet.empty()) out += " [" + table_.table->sheet + "]";
  return out + ":" + std::to_string(row_.row);
}

const Cell* RowReader::cell(std::string_view column) const {
  auto it = table_.position.find(column);
  if (it == table_.position.end() || it->second >= row_.cells.size()) return nullptr;
  return &row_.cells[it->second];
}

void RowReader::problem(std::string_view column, std::string what, std::string fix) const {
  Problem p;
  p.file = table_.table->file;
  p.sheet = table_.table->sheet;
  p.row = row_.row;
  auto it = table_.position.find(column);
  if (it != table_.position.end()) {
    p.field = table_.table->header[it->second].text;
    p.column = table_.table->header[it->second].column;
    if (const Cell* c = cell(column)) {
      p.value = c->text;
      if (!c->column.empty()) p.column = c->column;
    }
  } else {
    p.field = std::string(column);
  }
  p.what = std::move(what);
  p.fix = std::move(fix);
  problems_.push_back(std::move(p));
}

std::string RowReader::text(std::string_view column) const {
  const Cell* c = cell(column);
  if (!c) return "";
  std::string t = trim_cell(c->text);
  try {
    return text::nfc(t);
  } catch (const std::exception&) {
    problem(column, "ô có ký tự không phải UTF-8", "hãy lưu tệp với bảng mã UTF-8");
    return "";
  }
}

std::string RowReader::required(std::string_view column) const {
  std::string t = text(column);
  if (t.empty()) problem(column, "thiếu giá trị ở cột bắt buộc", "hãy điền giá trị cho ô này");
  return t;
}

std::vector<std::string> RowReader::list(std::string_view column) const {
  std::vector<std::string> out;
  for (auto& part : text::split_list(text(column), ';')) out.push_back(trim_cell(part));
  return out;
}

std::optional<Date> RowReader::date(std::string_view column) const {
  std::string t = text(column);
  if (t.empty()) return std::nullopt;
  if (auto d = text::parse_date(t); d && d->valid()) return d;
  problem(column, "\"" + t + "\" không phải là ngày hợp lệ", "hãy ghi ngày dạng 2024-02-16 hoặc 16/02/2024");
  return std::nullopt;
}

std::optional<Period> RowReader::period(std::string_view column) const {
  std::string t = text(column);
  if (t.empty()) return std::nullopt;
  if (auto p = text::parse_period(t)) return p;
  problem(column, "\"" + t + "\" không phải là kỳ báo cáo",
          "hãy ghi kỳ dạng 2024, 2024-Q1, 2024-03, 2024-H1, 2024-M9, 2024-03-15 hoặc \"Quý I năm 2024\"");
  return std::nullopt;
}

std::optional<int> RowReader::whole_number(std::string_view column) const {
  std::string t = text(column);
  if (t.empty()) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec == std::errc{} && p == t.data() + t.size()) return v;
  if (auto d = parse_canonical_number(t); d && *d == std::floor(*d) && std::fabs(*d) < 2e9) return static_cast<int>(*d);
  problem(column, "\"" + t + "\" không phải là số nguyên", "hãy ghi một số nguyên như 7");
  return std::nullopt;
}

std::optional<text::ParsedNumber> RowReader::number(std::string_view column, bool canonical) const {
  const Cell* c = cell(column);
  std::string t = text(column);
  if (t.empty()) return std::nullopt;
  if (canonical || (c && c->number)) {
    if (auto v = parse_canonical_number(t)) {
      text::ParsedNumber n;
      n.value = *v;
      return n;
    }
  }
  try {
    return text::parse_number(t);
  } catch (const std::exception&) {
    problem(column, "giá trị \"" + t + "\" không phải là số",
            "hãy nhập số như 58,41% hoặc 1.502.045.890 (dấu phẩy thập phân, dấu chấm phân cách hàng nghìn); "
            "ghi \"-\" nếu không có số liệu");
    return std::nullopt;
  }
}

std::optional<bool> RowReader::yes_no(std::string_view column) const {
  std::string t = text(column);
  if (t.empty()) return std::nullopt;
  std::string k = fold_key(t);
  if (k == "yes" || k == "co" || k == "true" || k == "1" || k == "x") return true;
  if (k == "no" || k == "khong" || k == "false" || k == "0") return false;
  problem(column, "\"" + t + "\" không phải là có/không", "hãy ghi yes hoặc no (có hoặc không)");
  return std::nullopt;
}

std::string RowReader::fold_key(std::string_view s) { return text::fold(s); }
std::string RowReader::join(const std::vector<std::string>& parts) { return text::join(parts, ", "); }

}  // namespace dxmon::io
