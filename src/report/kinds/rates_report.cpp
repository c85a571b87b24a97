// The reporting-rate report (tình hình gửi báo cáo) of one regime and period: the DHIS2 rates
// (completeness = received ÷ expected, timeliness = on time ÷ expected) overall and per group of
// units, each expected unit's state, the units to remind and the reports that do not count. All
// figures come from src/assess/reporting_rate.h; this file only words them.
#include <stdexcept>

#include "assess/reporting_rate.h"
#include "report/kinds/report_front.h"
#include "report/kinds/report_kinds.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::report {

namespace {

const ReportingRegime& find_regime(const Dataset& data, const std::string& code) {
  for (const auto& r : data.regimes)
    if (r.code == code) return r;
  std::string msg;
  if (code.empty())
    msg = "Hãy chọn chế độ báo cáo (--regime MÃ).";
  else
    msg = "Không có chế độ báo cáo “" + code + "” trong kho dữ liệu.";
  if (data.regimes.empty()) {
    msg += " Kho dữ liệu chưa có chế độ báo cáo nào; hãy khai báo chế độ báo cáo trước.";
  } else {
    msg += " Các chế độ báo cáo hiện có: ";
    for (std::size_t i = 0; i < data.regimes.size(); ++i)
      msg += (i ? "; " : "") + data.regimes[i].code + " (" + data.regimes[i].name + ")";
    msg += ".";
  }
  throw std::invalid_argument(msg);
}

std::string group_label(const std::optional<UnitGroup>& g) {
  if (!g) return "Đơn vị khác";
  switch (*g) {
    case UnitGroup::Ministries: return "Bộ, ngành";
    case UnitGroup::Provinces: return "Địa phương";
    case UnitGroup::MinistriesAndProvinces: return "Bộ, ngành, địa phương";
    case UnitGroup::Nation: return "Cả nước";
  }
  return "Đơn vị khác";
}

// "06/04/2025 10:15" (Vietnam time).
std::string moment(const DateTime& t) {
  return text::format_date_short(t.date) + " " + text::format_count2(t.hour) + ":" + text::format_count2(t.minute);
}

std::string rate_text(const std::optional<double>& r) { return r ? text::format_percent(*r * 100.0, 2) : "-"; }

std::string count_of(int part, int whole) { return text::format_count2(part) + "/" + text::format_count2(whole); }

std::string state_text(const UnitReport& u) {
  std::string s(unit_report_state_label_vi(u.state));
  if (u.state == UnitReportState::Late) s += " " + std::to_string(u.days_late) + " ngày";
  return s;
}

// What the latest step says when it is not simply the counted report (a draft, a return).
std::string note_of(const UnitReport& u) {
  if (!u.status) return "";
  std::string note = "Bước gần nhất: " + std::string(submission_status_label_vi(*u.status));
  if (!u.return_reason.empty()) note += " (lý do: " + u.return_reason + ")";
  return note;
}

Row rate_row(const std::string& label, const RateCounts& c, const std::string& source, bool total) {
  auto cell = [&](std::string text) {
    Cell cell = figure_cell(std::move(text), source);
    if (total)
      for (auto& r : cell.runs) r.bold = true;
    return cell;
  };
  Cell name{total ? std::vector<Run>{bold(label)} : std::vector<Run>{plain(label)}};
  return Row{{std::move(name), cell(std::to_string(c.expected)), cell(std::to_string(c.received)),
              cell(std::to_string(c.on_time)), cell(std::to_string(c.late)),
              cell(std::to_string(c.not_submitted + c.not_yet_due)), cell(rate_text(c.completeness())),
              cell(rate_text(c.timeliness()))}};
}

}  // namespace

Document build_rates_report(const ReportInputs& in, const ReportRequest& rq) {
  const Dataset& data = in.data;
  const ReportingRegime& regime = find_regime(data, rq.regime);
  const Period& period = rq.period;
  const UnitDirectory directory(data.units);
  // Without a date the report is the situation on the day after the deadline: every state final.
  const Date as_of = rq.date.valid() ? rq.date : deadline(regime, period).plus_days(1);
  const ReportingRate rate = reporting_rate(regime, period, directory, in.submissions, as_of);

  // The report is issued by the body the reports go to, when the regime names one in force.
  Issuer issuer = coordinating_ministry(data.units, data.successions, as_of);
  if (const ReportingUnit* r = directory.find(regime.recipient); r && r->valid_on(as_of)) issuer = issuer_of(*r);

  Document doc;
  fill_front(doc, issuer, rq.number, rq.date, as_of.year,
             {"Tình hình gửi báo cáo " + period_words(period),
              "theo chế độ “" + regime.name + "”" +
                  (regime.legal_basis.empty() ? std::string() : " (" + regime.legal_basis + ")")});

  const std::string source = "Tính từ các báo cáo ghi nhận theo chế độ " + regime.code + " đến ngày " +
                             text::format_date_short(as_of);
  Section opening{0, "", "", {}};
  opening.blocks.push_back(Paragraph{
      {plain((regime.legal_basis.empty() ? std::string() : "Theo " + regime.legal_basis + ", ") + regime.name + " " +
             period_words(period) + " có thời gian chốt số liệu từ ngày " + text::format_date_short(rate.window.from) +
             " đến ngày " + text::format_date_short(rate.window.to) + "; thời hạn gửi báo cáo là ngày "),
       bold(text::format_date_short(rate.deadline)),
       plain(". Tình hình gửi báo cáo của các đơn vị tính đến ngày " + text::format_date_short(as_of) +
             " như sau:")}});
  doc.sections.push_back(std::move(opening));

  // I. The rates.
  Section rates{1, "I.", "TỶ LỆ GỬI BÁO CÁO", {}};
  const RateCounts& t = rate.total;
  rates.blocks.push_back(Paragraph{{plain("Có "), figure(text::format_count2(t.expected), source),
                                    plain(" đơn vị phải gửi báo cáo " + period_words(period) + ", trong đó:")}});
  SummaryCounts counts;
  counts.lines.push_back({count_of(t.received, t.expected), "đơn vị đã gửi báo cáo",
                          "tỷ lệ gửi báo cáo " + rate_text(t.completeness())});
  counts.lines.push_back({count_of(t.on_time, t.expected), "đơn vị gửi đúng hạn",
                          "tỷ lệ gửi báo cáo đúng hạn " + rate_text(t.timeliness())});
  if (t.late > 0) counts.lines.push_back({count_of(t.late, t.expected), "đơn vị gửi muộn", ""});
  if (t.not_submitted > 0)
    counts.lines.push_back({count_of(t.not_submitted, t.expected), "đơn vị chưa gửi, đã quá hạn", ""});
  if (t.not_yet_due > 0)
    counts.lines.push_back({count_of(t.not_yet_due, t.expected), "đơn vị chưa gửi, chưa đến hạn", ""});
  rates.blocks.push_back(std::move(counts));

  Table by_group;
  by_group.caption = "Bảng 1. Tỷ lệ gửi báo cáo theo nhóm đơn vị";
  by_group.columns = {{22, Align::Left},   {10, Align::Center}, {10, Align::Center}, {10, Align::Center},
                      {10, Align::Center}, {10, Align::Center}, {14, Align::Center}, {14, Align::Center}};
  by_group.header.push_back(Row{{"Nhóm đơn vị", "Phải gửi", "Đã gửi", "Đúng hạn", "Muộn", "Chưa gửi",
                                 "Tỷ lệ gửi báo cáo", "Tỷ lệ gửi đúng hạn"}});
  for (const auto& g : rate.groups) by_group.body.push_back(rate_row(group_label(g.group), g.counts, source, false));
  by_group.body.push_back(rate_row("Tổng cộng", t, source, true));
  by_group.note = "Ghi chú: tỷ lệ gửi báo cáo = số đơn vị đã gửi ÷ số đơn vị phải gửi; tỷ lệ gửi đúng hạn = số "
                  "đơn vị gửi đúng hạn ÷ số đơn vị phải gửi.";
  rates.blocks.push_back(std::move(by_group));
  doc.sections.push_back(std::move(rates));

  // II. Every expected unit.
  Section units{1, "II.", "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ", {}};
  Table table;
  table.caption = "Bảng 2. Tình hình gửi báo cáo của từng đơn vị";
  table.columns = {{6, Align::Center}, {34, Align::Left}, {18, Align::Center}, {18, Align::Center}, {24, Align::Left}};
  table.header.push_back(Row{{"TT", "Đơn vị", "Tình trạng", "Thời điểm nhận", "Ghi chú"}});
  const bool grouped = rate.groups.size() > 1;
  int tt = 0;
  for (const auto& g : rate.groups) {
    if (grouped) {
      Row head{{Cell{""}, Cell{std::vector<Run>{bold(group_label(g.group))}}}, RowKind::Group};
      head.cells[1].span = 4;
      table.body.push_back(std::move(head));
    }
    for (const auto& u : rate.units) {
      if (u.group != g.group) continue;
      table.body.push_back(Row{{Cell{std::to_string(++tt)}, Cell{u.name}, Cell{state_text(u)},
                                Cell{u.received_at ? moment(*u.received_at) : std::string("-")}, Cell{note_of(u)}}});
    }
  }
  units.blocks.push_back(std::move(table));
  doc.sections.push_back(std::move(units));

  // III. Whom to remind.
  Section remind{1, "III.", "CÁC ĐƠN VỊ CẦN NHẮC GỬI BÁO CÁO", {}};
  if (rate.to_remind.empty()) {
    remind.blocks.push_back(Paragraph{{plain("Tất cả các đơn vị đã gửi báo cáo.")}});
  } else {
    remind.blocks.push_back(Paragraph{{plain("Có "),
                                       figure(text::format_count2(static_cast<long>(rate.to_remind.size())), source),
                                       plain(" đơn vị chưa gửi báo cáo:")}});
    for (const auto& u : rate.to_remind) {
      std::string note = note_of(u);
      remind.blocks.push_back(Paragraph{{plain(u.name + ": " + state_text(u) + (note.empty() ? "" : "; " + note) + ";")},
                                        ParagraphStyle::Bullet});
    }
    auto& last = std::get<Paragraph>(remind.blocks.back()).runs.back().text;
    last.back() = '.';
  }
  doc.sections.push_back(std::move(remind));

  // IV. What does not count.
  if (!rate.unexpected_units.empty() || !rate.listed_not_in_force.empty()) {
    Section other{1, "IV.", "BÁO CÁO KHÔNG TÍNH VÀO TỶ LỆ", {}};
    auto names = [&](const std::vector<std::string>& codes) {
      std::vector<std::string> out;
      for (const auto& c : codes) {
        const ReportingUnit* u = directory.find(c);
        out.push_back(u ? u->name + " (" + c + ")" : c);
      }
      return text::join(out, ", ");
    };
    if (!rate.unexpected_units.empty())
      other.blocks.push_back(Paragraph{
          {plain("Đã nhận báo cáo của "), figure(text::format_count2(static_cast<long>(rate.unexpected_units.size()))),
           plain(" đơn vị không thuộc diện phải báo cáo " + period_words(period) + " (không tính vào tỷ lệ): " +
                 names(rate.unexpected_units) + ".")}});
    if (!rate.listed_not_in_force.empty())
      other.blocks.push_back(Paragraph{
          {plain("Chế độ báo cáo liệt kê các đơn vị không còn (hoặc chưa) hoạt động vào ngày " +
                 text::format_date_short(rate.expected_on) + ": " + names(rate.listed_not_in_force) +
                 "; đề nghị cập nhật danh sách đơn vị của chế độ báo cáo.")}});
    doc.sections.push_back(std::move(other));
  }

  Section closing{0, "", "", {}};
  closing.blocks.push_back(Paragraph{{plain(
      "Đề nghị các đơn vị chưa gửi báo cáo khẩn trương hoàn thành, gửi báo cáo; các đơn vị có báo cáo bị trả lại "
      "hoàn thiện theo ý kiến của cơ quan tiếp nhận và gửi lại.")}});
  doc.sections.push_back(std::move(closing));
  fill_closing(doc, issuer, rq);
  return doc;
}

}  // namespace dxmon::report
