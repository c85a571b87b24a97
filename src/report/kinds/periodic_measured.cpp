#include "report/kinds/periodic_measured.h"

#include <map>
#include <optional>

#include "assess/ranking.h"
#include "measure/service_indicators.h"
#include "report/kinds/periodic_figures.h"
#include "report/kinds/programme_front.h"
#include "report/kinds/report_front.h"
#include "text/number.h"

namespace dxmon::report {

namespace {

const std::string kNation(kNationalUnit);

// The columns of the per-agency tables besides the ranking indicator: the volume, then the
// QĐ 766/QĐ-TTg components a reader compares agencies on.
constexpr const char* kAgencyColumns[] = {"dvc.so_ho_so", kRankingIndicator, "dvc.giai_quyet_dung_han",
                                          "dvc.thanh_toan_truc_tuyen"};
constexpr const char* kAgencyHeaders[] = {"Hồ sơ tiếp nhận", "Tiếp nhận trực tuyến", "Giải quyết đúng hạn",
                                          "Thanh toán trực tuyến"};

bool is_measured(const Observation& o) { return o.provenance.kind == ProvenanceKind::Measurement; }

// The measured indicators in catalogue order; the engine's own rows stand in for those the
// catalogue lacks (a store that was given measured values but not data/indicators_measured.csv).
std::vector<const Indicator*> measured_indicators(const Dataset& data) {
  std::vector<const Indicator*> out;
  std::map<std::string, bool> seen;
  for (const auto& i : data.indicators)
    if (i.kind == IndicatorKind::Measured) {
      out.push_back(&i);
      seen[i.code] = true;
    }
  for (const auto& i : measure::service_indicators())
    if (!seen.count(i.code)) out.push_back(&i);
  return out;
}

const Indicator* find_indicator(const std::vector<const Indicator*>& list, const std::string& code) {
  for (const auto* i : list)
    if (i->code == code) return i;
  return nullptr;
}

// The agencies of `group` ranked by the ranking indicator in `period`, with the change of rank since
// the same period last year when that year was measured too.
std::vector<RankedUnit> ranked_group(const Dataset& data, const Indicator& indicator, const Period& period,
                                     UnitGroup group) {
  auto scores = [&](const Period& p) {
    std::vector<UnitScore> s;
    for (const auto& o : data.observations) {
      if (!is_measured(o) || o.indicator != indicator.code || o.period != p || o.unit == kNation) continue;
      if (!o.value || o.flags.no_data) continue;
      const ReportingUnit* u = find_unit(data, o.unit);
      if (u && unit_in_group(*u, group)) s.push_back({o.unit, *o.value});
    }
    return s;
  };
  auto ranked = rank_units(scores(period), indicator.direction);
  auto before = scores(period.same_period_previous_year());
  if (!before.empty()) compare_with_previous(ranked, rank_units(before, indicator.direction));
  return ranked;
}

Table agency_table(const Dataset& data, const std::vector<const Indicator*>& indicators, const Period& period,
                   UnitGroup group, const std::string& caption) {
  Table t;
  t.caption = caption;
  t.columns = {{7, Align::Center}, {33, Align::Left}, {14, Align::Right}, {12, Align::Center},
               {12, Align::Center}, {12, Align::Center}, {10, Align::Center}};
  Row header{{"Hạng", "Đơn vị"}};
  for (const char* h : kAgencyHeaders) header.cells.push_back(Cell{h});
  header.cells.push_back(Cell{"So với cùng kỳ"});
  t.header.push_back(std::move(header));
  const Indicator* ranking = find_indicator(indicators, kRankingIndicator);
  if (!ranking) return t;
  auto ranked = ranked_group(data, *ranking, period, group);
  bool compared = false;
  for (const auto& r : ranked) compared = compared || r.previous_rank || r.is_new;
  for (const auto& r : ranked) {
    Row row{{Cell{std::to_string(r.rank)}, Cell{unit_name(data, r.unit)}}};
    for (const char* code : kAgencyColumns) {
      const Indicator* ind = find_indicator(indicators, code);
      const Observation* o = ind ? stored_figure(data.observations, code, r.unit, period, true) : nullptr;
      row.cells.push_back(o ? figure_cell(figure_text(*ind, o), figure_source(*o)) : Cell{"-"});
    }
    row.cells.push_back(Cell{rank_change_vi(r, compared)});
    t.body.push_back(std::move(row));
  }
  t.note = "Ghi chú: xếp hạng theo tỷ lệ hồ sơ tiếp nhận trực tuyến; các đơn vị bằng điểm cùng hạng; “-” là chưa có số liệu.";
  return t;
}

}  // namespace

bool has_measured(const Dataset& data, const Period& period) {
  for (const auto& o : data.observations)
    if (is_measured(o) && o.unit == kNation && o.period == period) return true;
  return false;
}

void add_measured_section(Document& doc, const Dataset& data, const Period& period, const std::string& number,
                          int& table_no) {
  const auto indicators = measured_indicators(data);
  const Period previous = period.same_period_previous_year();

  Section s{1, number, "CHỈ SỐ DỊCH VỤ CÔNG ĐO TỰ ĐỘNG TỪ HỒ SƠ THỦ TỤC HÀNH CHÍNH", {}};
  s.blocks.push_back(Paragraph{{plain("Các chỉ số dưới đây do hệ thống tính trực tiếp từ dữ liệu hồ sơ thủ tục hành "
                                      "chính mà các hệ thống giải quyết thủ tục hành chính cấp bộ, cấp tỉnh gửi về "
                                      "(mỗi hồ sơ tính theo trạng thái mới nhất), không qua tổng hợp thủ công; tỷ lệ "
                                      "của cả nước tính từ tổng tử số và tổng mẫu số của các đơn vị.")}});

  Table t;
  t.caption = "Bảng " + std::to_string(table_no++) + ". Chỉ số dịch vụ công của cả nước " + period_words(period) +
              " so với cùng kỳ năm trước";
  t.columns = {{52, Align::Justify}, {16, Align::Center}, {16, Align::Center}, {16, Align::Center}};
  t.header.push_back(Row{{"Chỉ tiêu", Cell{period_heading(previous)}, Cell{period_heading(period)}, "Tăng/giảm"}});
  for (const Indicator* ind : indicators) {
    const Observation* cur = stored_figure(data.observations, ind->code, kNation, period, true);
    if (!cur) continue;
    const Observation* prev = stored_figure(data.observations, ind->code, kNation, previous, true);
    t.body.push_back(Row{{Cell{ind->name},
                          prev ? figure_cell(figure_text(*ind, prev), figure_source(*prev)) : Cell{"-"},
                          figure_cell(figure_text(*ind, cur), figure_source(*cur)),
                          Cell{change_text(*ind, prev, cur)}}});
  }
  t.note = "Ghi chú: “-” là chưa có số liệu; tăng/giảm của tỷ lệ tính bằng điểm phần trăm.";
  s.blocks.push_back(std::move(t));

  // The provinces' spread of the ranking indicator, said in a sentence as the reports do.
  if (const Indicator* ranking = find_indicator(indicators, kRankingIndicator)) {
    const Observation* national = stored_figure(data.observations, ranking->code, kNation, period, true);
    auto provinces = ranked_group(data, *ranking, period, UnitGroup::Provinces);
    if (national && !provinces.empty()) {
      const auto& top = provinces.front();
      const auto& bottom = provinces.back();
      auto pct = [](double v) { return text::format_percent(v, 2); };
      s.blocks.push_back(Paragraph{
          {plain(ranking->name + " " + period_words(period) + " của cả nước đạt "),
           figure(figure_text(*ranking, national), figure_source(*national)),
           plain("; trong " + text::format_count2(static_cast<long>(provinces.size())) +
                 " địa phương, cao nhất là " + unit_name(data, top.unit) + " ("),
           figure(pct(top.score), std::string(measure::kMeasuredDocument)),
           plain("), thấp nhất là " + unit_name(data, bottom.unit) + " ("),
           figure(pct(bottom.score), std::string(measure::kMeasuredDocument)),
           plain("). Chi tiết theo từng bộ, ngành, địa phương tại "), italic("Phụ lục"), plain(" kèm theo.")}});
    }

    // Month by month, this year against last year: the intake's seasonal shape (Tết dip, year-end rush).
    Chart chart;
    chart.kind = ChartKind::Bar;
    chart.title = "Biểu đồ 1. Tỷ lệ hồ sơ tiếp nhận trực tuyến của cả nước theo tháng, " + period_words(period) +
                  " và cùng kỳ năm trước";
    chart.category_label = "Tháng";
    chart.value_label = "Tỷ lệ (%)";
    chart.max_value = 100;
    Series last{"Năm " + std::to_string(previous.year), {}, {}};
    Series now{"Năm " + std::to_string(period.year), {}, {}};
    bool any_last = false;
    for (const Period& m : period.months()) {
      chart.categories.push_back("Tháng " + text::format_count2(m.index));
      const Observation* before = stored_figure(data.observations, ranking->code, kNation,
                                                m.same_period_previous_year(), true);
      const Observation* current = stored_figure(data.observations, ranking->code, kNation, m, true);
      last.values.push_back(before ? before->value : std::nullopt);
      last.labels.push_back(figure_text(*ranking, before));
      now.values.push_back(current ? current->value : std::nullopt);
      now.labels.push_back(figure_text(*ranking, current));
      any_last = any_last || before;
    }
    if (any_last) chart.series.push_back(std::move(last));
    chart.series.push_back(std::move(now));
    s.blocks.push_back(std::move(chart));
  }
  doc.sections.push_back(std::move(s));

  Appendix app;
  app.label = "Phụ lục";
  app.title = {"CHỈ SỐ DỊCH VỤ CÔNG ĐO TỰ ĐỘNG CỦA CÁC BỘ, NGÀNH, ĐỊA PHƯƠNG", upper_vi(period_words(period))};
  app.attached_note = "(Kèm theo Báo cáo chuyển đổi số quốc gia " + period_words(period) + ")";
  Section ministries{1, "I.", "Các bộ, ngành", {}};
  ministries.blocks.push_back(agency_table(data, indicators, period, UnitGroup::Ministries,
                                           "Bảng " + std::to_string(table_no++) + ". Các bộ, ngành"));
  Section provinces{1, "II.", "Các tỉnh, thành phố trực thuộc trung ương", {}};
  provinces.blocks.push_back(agency_table(data, indicators, period, UnitGroup::Provinces,
                                          "Bảng " + std::to_string(table_no++) + ". Các địa phương"));
  app.sections.push_back(std::move(ministries));
  app.sections.push_back(std::move(provinces));
  doc.appendices.push_back(std::move(app));
}

}  // namespace dxmon::report
