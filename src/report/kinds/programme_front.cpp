#include "report/kinds/programme_front.h"

#include <stdexcept>

#include "report/kinds/report_front.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::report {

namespace {

// Letters, not bytes: Vietnamese letters take two or three bytes in UTF-8.
std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

const Programme& require_programme(const Dataset& data, const std::string& code) {
  for (const Programme& p : data.programmes)
    if (p.code == code) return p;
  std::string known;
  for (const Programme& p : data.programmes) known += (known.empty() ? "" : ", ") + p.code;
  if (code.empty())
    throw std::invalid_argument("Chưa chọn chương trình: hãy ghi mã chương trình (--programme), ví dụ " +
                                (known.empty() ? std::string("qd942") : known) + ".");
  throw std::invalid_argument("Không có chương trình \"" + code + "\" trong dữ liệu" +
                              (known.empty() ? std::string(".") : "; các chương trình hiện có: " + known + "."));
}

int require_year(const Period& period, std::string_view kind_vi) {
  if (period.type != PeriodType::Year || period.year <= 0)
    throw std::invalid_argument(std::string(kind_vi.empty() ? "Báo cáo" : kind_vi) +
                                " cần kỳ báo cáo là một năm (ví dụ 2023), không phải \"" + period.id() + "\".");
  return period.year;
}

std::string programme_act(const Programme& p) {
  if (p.document.empty()) return {};
  return p.issued ? p.document + " ngày " + text::format_date_short(*p.issued) : p.document;
}

std::string programme_reference(const Programme& p) { return p.document.empty() ? p.name : p.document; }

std::vector<std::string> title_lines(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  for (const std::string& word : text::split_list(text::squish(text), ' ')) {
    if (!line.empty() && letters(line) + 1 + letters(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string upper_title(const std::string& text) {
  std::string out;
  for (const std::string& word : text::split_list(text, ' ')) {
    const bool number = word.find_first_of("0123456789/") != std::string::npos;
    out += (out.empty() ? "" : " ") + (number ? word : upper_vi(word));
  }
  return out;
}

const ReportingUnit* find_unit(const Dataset& data, std::string_view code) {
  for (const ReportingUnit& u : data.units)
    if (u.code == code) return &u;
  return nullptr;
}

std::string unit_name(const Dataset& data, std::string_view code) {
  const ReportingUnit* u = find_unit(data, code);
  return u ? u->name : std::string(code);
}

std::string unit_short_name(const Dataset& data, std::string_view code) {
  const ReportingUnit* u = find_unit(data, code);
  if (!u) return std::string(code);
  return u->short_names.empty() ? u->name : u->short_names.front();
}

bool is_province(const Dataset& data, std::string_view code) {
  const ReportingUnit* u = find_unit(data, code);
  return u && (u->kind == UnitKind::Province || u->kind == UnitKind::CentralCity);
}

}  // namespace dxmon::report
