#include "report/kinds/report_front.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::report {

namespace {

// The unit that coordinated the programme when dxmon's seeds were written.
constexpr const char* kCoordinator = "bo-tttt";

const ReportingUnit* find_unit(const std::vector<ReportingUnit>& units, const std::string& code) {
  for (const auto& u : units)
    if (u.code == code) return &u;
  return nullptr;
}

// Document numbers carry the body's abbreviation in capitals ("BTTTT"); the catalogue keeps it
// among the aliases.
std::string abbreviation_of(const ReportingUnit& u) {
  for (const auto& a : u.aliases)
    if (!a.empty() && std::all_of(a.begin(), a.end(), [](unsigned char c) { return std::isupper(c) != 0; })) return a;
  return {};
}

}  // namespace

Issuer coordinating_ministry(const std::vector<ReportingUnit>& units, const std::vector<UnitSuccession>& successions,
                             const Date& on) {
  const ReportingUnit* unit = find_unit(units, kCoordinator);
  // Follow the full successions (not a partial transfer of some functions) to the body in force
  // on the date.
  if (unit && !unit->valid_on(on))
    for (const UnitSuccession* s : full_successions_from(successions, unit->code, on))
      if (const ReportingUnit* next = find_unit(units, s->successor); next && next->valid_on(on)) {
        unit = next;
        break;
      }
  if (!unit) return {"Bộ Thông tin và Truyền thông", "BTTTT"};
  Issuer issuer = issuer_of(*unit);
  if (issuer.abbreviation.empty()) issuer.abbreviation = "BTTTT";
  return issuer;
}

Issuer issuer_of(const ReportingUnit& unit) { return {unit.name, abbreviation_of(unit)}; }

std::string upper_vi(const std::string& text) {
  std::string out;
  icu::UnicodeString::fromUTF8(text).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

void fill_front(Document& doc, const Issuer& issuer, const std::string& number, const Date& date, int draft_year,
                std::vector<std::string> subject) {
  FrontMatter& f = doc.front;
  f.issuing_body = upper_vi(issuer.name);
  // A draft leaves the number for the clerk to write in (seed 002 line 3: "Số: /BC-BTTTT").
  f.number = number.empty() ? "     /BC-" + issuer.abbreviation : number;
  f.place = "Hà Nội";
  f.date = date.valid() ? text::format_date_long(date)
                        : "ngày      tháng      năm " + std::to_string(draft_year);
  f.title = "BÁO CÁO";
  f.subject = std::move(subject);
}

void fill_closing(Document& doc, const Issuer& issuer, const ReportRequest& request) {
  doc.recipients = {"Thủ tướng Chính phủ (để b/c);",
                    "Các Phó Thủ tướng Chính phủ (để b/c);",
                    "Văn phòng Chính phủ;",
                    "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;",
                    "UBND các tỉnh, thành phố trực thuộc trung ương;",
                    issuer.name + ": Bộ trưởng, các Thứ trưởng, các đơn vị thuộc Bộ;",
                    "Lưu: VT, CĐSQG."};
  if (!request.recipients.empty()) doc.recipients = request.recipients;
  // Seed 002 is signed on the minister's behalf by a deputy; the name is written when signed.
  doc.signature = {"KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", text::squish(request.signer)};
  if (const std::string title = text::squish(request.signer_title); !title.empty()) {
    doc.signature.position = upper_vi(title);
    if (doc.signature.position == "BỘ TRƯỞNG") doc.signature.authority.clear();
  }
}

std::string period_words(const Period& p) {
  if (p.type == PeriodType::Month) return "tháng " + std::to_string(p.index) + " năm " + std::to_string(p.year);
  return text::period_label(p);
}

std::string period_heading(const Period& p) {
  if (p.type == PeriodType::Month) return "Tháng " + text::format_count2(p.index) + "/" + std::to_string(p.year);
  std::string label = text::period_label(p);
  // Labels start with an ASCII letter or a digit ("năm 2023", "Quý I", "06 tháng đầu năm").
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

Date report_day(const Date& requested, const Period& period) {
  return requested.valid() ? requested : period.last_day().plus_days(1);
}

}  // namespace dxmon::report
