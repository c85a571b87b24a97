// The periodic national report (báo cáo chuyển đổi số quốc gia tháng/quý), as seed 002: the
// national figures of the period grouped by pillar, each table comparing the period with the same
// period of the previous year; then, when the store holds figures dxmon measured from dossier
// records, the measured service indicators with the agencies ranked in an appendix.
#include <algorithm>
#include <map>
#include <stdexcept>

#include "report/kinds/periodic_figures.h"
#include "report/kinds/periodic_measured.h"
#include "report/kinds/report_front.h"
#include "report/kinds/report_kinds.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::report {

namespace {

// "Số liệu tháng 02/2024" (seed 002 line 83), "Số liệu Quý I năm 2024", "Số liệu năm 2023".
std::string column_heading(const Period& p) {
  if (p.type == PeriodType::Month) return "Số liệu tháng " + text::format_count2(p.index) + "/" + std::to_string(p.year);
  return "Số liệu " + text::period_label(p);
}

// The unit in brackets after the name, as seed 002 writes "Tốc độ … (Mbps)"; not for shares, nor
// when the name already says it ("Số thôn lõm sóng" in thôn).
std::string indicator_label(const Indicator& ind) {
  if (ind.unit.empty() || ind.unit == "%") return ind.name;
  if (text::fold(ind.name).find(text::fold(ind.unit)) != std::string::npos) return ind.name;
  return ind.name + " (" + ind.unit + ")";
}

// The section a pillar belongs to: a qualified pillar ("Hạ tầng số (thí điểm Mobile Money)") is
// part of its main one ("Hạ tầng số"), as seed 002 prints Mobile Money under 1.3. Hạ tầng số.
std::string main_pillar(const std::string& pillar) {
  const auto open = pillar.find(" (");
  return open == std::string::npos ? pillar : pillar.substr(0, open);
}

bool earlier(const Period& a, const Period& b) {
  if (a.first_day() != b.first_day()) return a.first_day() < b.first_day();
  return a.last_day() > b.last_day();
}

[[noreturn]] void no_data(const Dataset& data, const Period& period) {
  std::string msg = "Không có số liệu cả nước cho kỳ " + period_words(period) + " (" + period.id() + ").";
  auto periods = periods_with_national_data(data);
  if (periods.empty()) {
    msg += " Kho dữ liệu chưa có số liệu cả nước nào; hãy nhập số liệu (dxmon import) hoặc đo từ hồ sơ (dxmon ingest).";
  } else {
    msg += " Các kỳ có số liệu: ";
    for (std::size_t i = 0; i < periods.size(); ++i)
      msg += (i ? ", " : "") + period_words(periods[i]) + " (" + periods[i].id() + ")";
    msg += ".";
  }
  throw std::invalid_argument(msg);
}

// Units reported as lacking an agency-share fact in the period (seed 002 footnote ³: the ministries
// and provinces that had not yet issued their 2024 plan), said in one sentence with the count.
std::optional<Paragraph> units_lacking(const Dataset& data, const Indicator& ind, const Period& period) {
  std::vector<const Observation*> lacking;
  for (const auto& o : data.observations)
    if (o.indicator == ind.code && o.unit != kNationalUnit && period.contains(o.period) && o.fact == false &&
        o.provenance.kind != ProvenanceKind::Measurement)
      lacking.push_back(&o);
  if (lacking.empty()) return std::nullopt;
  std::vector<std::string> names;
  std::optional<Date> as_of;
  for (const auto* o : lacking) {
    std::string name = o->unit;
    for (const auto& u : data.units)
      if (u.code == o->unit) name = u.name;
    names.push_back(name);
    if (o->as_of && (!as_of || *o->as_of > *as_of)) as_of = o->as_of;
  }
  Paragraph p;
  p.runs.push_back(plain("Về chỉ tiêu “" + ind.name + "”" +
                         (as_of ? ", đến ngày " + text::format_date_short(*as_of) : std::string()) + " còn "));
  p.runs.push_back(figure(text::format_count2(static_cast<long>(lacking.size())), figure_source(*lacking.front())));
  p.runs.push_back(plain(" đơn vị được báo cáo là chưa thực hiện: " + text::join(names, ", ") + "."));
  return p;
}

}  // namespace

Document build_periodic_report(const ReportInputs& in, const ReportRequest& rq) {
  const Dataset& data = in.data;
  const Period& period = rq.period;
  const auto figures = national_figures(data, period);
  const bool measured = has_measured(data, period);
  if (figures.empty() && !measured) no_data(data, period);

  const Date day = report_day(rq.date, period);
  const Issuer issuer = coordinating_ministry(data.units, data.successions, day);
  Document doc;
  fill_front(doc, issuer, rq.number, rq.date, day.year, {"Chuyển đổi số quốc gia " + period_words(period)});

  Section opening{0, "", "", {}};
  opening.blocks.push_back(Paragraph{{plain(
      "Thực hiện nhiệm vụ được Chính phủ giao tại Phiên họp thường kỳ tháng 8/2023 về định kỳ xây dựng, trình "
      "Chính phủ Báo cáo chuyển đổi số quốc gia, " + issuer.name + " xin báo cáo tình hình chuyển đổi số quốc gia " +
      period_words(period) + " như sau:")}});
  doc.sections.push_back(std::move(opening));

  int table_no = 1;
  int roman = 0;
  static const char* kRoman[] = {"I.", "II.", "III.", "IV."};
  if (!figures.empty()) {
    doc.sections.push_back(Section{1, kRoman[roman++], "KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ QUỐC GIA", {}});
    // Main pillars in the order the catalogue first names them; figures without a pillar last,
    // under "Các chỉ tiêu khác".
    std::vector<std::string> pillars;
    for (const auto& f : figures)
      if (const std::string p = main_pillar(f.indicator->pillar);
          std::find(pillars.begin(), pillars.end(), p) == pillars.end())
        pillars.push_back(p);
    std::stable_partition(pillars.begin(), pillars.end(), [](const std::string& p) { return !p.empty(); });
    std::map<std::string, int> footnote_of;  // one footnote per distinct data source note
    int n = 0;
    for (const auto& pillar : pillars) {
      Section s{2, std::to_string(++n) + ".", pillar.empty() ? "Các chỉ tiêu khác" : pillar, {}};
      auto in_section = [&](const Indicator& ind) { return main_pillar(ind.pillar) == pillar; };
      // One table per period the figures refer to, so each header says exactly what is compared.
      std::vector<Period> periods;
      for (const auto& f : figures)
        if (in_section(*f.indicator) &&
            std::find(periods.begin(), periods.end(), f.current->period) == periods.end())
          periods.push_back(f.current->period);
      std::sort(periods.begin(), periods.end(), earlier);
      for (const Period& p : periods) {
        const Period last_year = p.same_period_previous_year();
        Table t;
        t.caption = "Bảng " + std::to_string(table_no++) + ". " + s.title + ": số liệu " + period_words(p) +
                    " so với cùng kỳ năm trước";
        t.columns = {{52, Align::Justify}, {16, Align::Center}, {16, Align::Center}, {16, Align::Center}};
        t.header.push_back(Row{{"Chỉ tiêu", Cell{column_heading(last_year)}, Cell{column_heading(p)}, "Tăng/giảm"}});
        for (const auto& f : figures) {
          if (!in_section(*f.indicator) || f.current->period != p) continue;
          Cell name{indicator_label(*f.indicator)};
          // A note on where the data itself comes from (seed 002 footnote ²: speedtest.net).
          if (!f.indicator->definition_source.empty()) {
            auto [it, added] = footnote_of.emplace(f.indicator->definition_source, 0);
            if (added) it->second = doc.add_footnote(f.indicator->definition_source);
            name.runs.push_back(footnote_mark(it->second));
          }
          t.body.push_back(Row{{std::move(name),
                                f.previous ? figure_cell(figure_text(*f.indicator, f.previous),
                                                         figure_source(*f.previous))
                                           : Cell{"-"},
                                figure_cell(figure_text(*f.indicator, f.current), figure_source(*f.current)),
                                Cell{change_text(*f.indicator, f.previous, f.current)}}});
        }
        t.note = "Ghi chú: “-” là chưa có số liệu; tăng/giảm của tỷ lệ tính bằng điểm phần trăm.";
        s.blocks.push_back(std::move(t));
      }
      // Agency shares are stored as one fact per unit, often without a national figure.
      for (const auto& ind : data.indicators)
        if (in_section(ind) && ind.kind == IndicatorKind::AgencyShare)
          if (auto p = units_lacking(data, ind, period)) s.blocks.push_back(std::move(*p));
      doc.sections.push_back(std::move(s));
    }
  }
  if (measured) add_measured_section(doc, data, period, kRoman[roman++], table_no);

  Section closing{0, "", "", {}};
  closing.blocks.push_back(
      Paragraph{{plain(issuer.name + " kính báo cáo Thủ tướng Chính phủ xem xét, chỉ đạo./.")}});
  doc.sections.push_back(std::move(closing));
  fill_closing(doc, issuer, rq);
  return doc;
}

}  // namespace dxmon::report
