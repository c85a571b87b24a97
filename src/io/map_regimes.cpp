// regimes rows → ReportingRegime entities (docs/reporting-rates.md). Units and the recipient may be
// written by name; the regime as a whole is then checked with regime_problems(), as the store
// checks it, so a file the importer accepts is one the store accepts.
#include "io/enum_choices.h"
#include "io/mapping_context.h"

namespace dxmon::io {

void Mapping::regimes(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    const std::size_t problems_before = problems_.size();
    ReportingRegime g;
    g.code = r.required("code");
    check_code(r, "code", g.code);
    g.name = r.required("name");
    g.legal_basis = r.text("legal_basis");
    if (auto recipient = r.text("recipient"); !recipient.empty())
      if (auto code = unit(r, "recipient", recipient, today_, false)) g.recipient = *code;
    g.unit_group = r.choice("unit_group", unit_group_choices(), "nhóm đơn vị");
    g.units = unit_list(r, "units", today_);
    for (const auto& code : r.list("indicators"))
      if (require_indicator(r, "indicators", code)) g.indicators.push_back(code);
    std::optional<PeriodType> frequency;
    if (!r.required("frequency").empty()) frequency = r.choice("frequency", frequency_choices(), "tần suất báo cáo");
    // Blank cut-off and deadline: dxmon's default timing (docs/reporting-rates.md, "When no text
    // gives the timing"): the Nghị định 09 window, due the day after it closes ("M+0:15").
    g.cutoff = CutoffRule::Decree09;
    if (auto c = r.choice("cutoff", cutoff_choices(), "cách chốt số liệu")) g.cutoff = *c;
    g.deadline = DeadlineRule::day_of_month(0, 15);
    if (auto text = r.text("deadline"); !text.empty()) {
      if (auto rule = DeadlineRule::parse_id(text)) g.deadline = *rule;
      else
        r.problem("deadline", "\"" + text + "\" không phải là thời hạn gửi báo cáo",
                  "hãy ghi dạng M+0:15 (ngày 15 của tháng cuối kỳ), M+1:15 (ngày 15 tháng sau), D+10 (10 ngày sau "
                  "khi chốt số liệu) hoặc Y+0:11-25 (ngày 25/11 của năm báo cáo)");
    }
    g.source = r.text("source");
    if (frequency) g.frequency = *frequency;
    if (!g.unit_group && g.units.empty() && problems_.size() == problems_before)
      r.problem("units", "chế độ báo cáo \"" + g.code + "\" chưa nói đơn vị nào phải báo cáo",
                "hãy ghi nhóm đơn vị (cột unit_group: bo_nganh, dia_phuong, bo_nganh_dia_phuong) hoặc danh sách đơn "
                "vị (cột units)");
    if (problems_.size() != problems_before) continue;
    // What is left for regime_problems() is the deadline against the data window; its messages
    // put the fix after " — ".
    for (const auto& message : regime_problems(g)) {
      const std::string dash = " — ";
      auto at = message.find(dash);
      r.problem("deadline", message.substr(0, at), at == std::string::npos ? "" : message.substr(at + dash.size()));
    }
    if (problems_.size() != problems_before) continue;
    if (first_time(seen_regimes_, g.code, r, "code", "mã chế độ báo cáo \"" + g.code + "\""))
      out_.regimes.push_back(std::move(g));
  }
}

}  // namespace dxmon::io
