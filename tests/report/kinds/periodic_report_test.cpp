// The periodic national report on the built-in data (seed 002, Q1/2024) and on figures measured by
// the real engine from generated dossier records.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "measure/engine.h"
#include "measure/generator.h"
#include "measure/service_indicators.h"
#include "report/kinds/report_kinds.h"
#include "report/render.h"
#include "report/report_test_util.h"
#include "document_query.h"
#include "support/builtin_data.h"
#include "text/number.h"

namespace dxmon::report {
namespace {

using namespace testing;


const Table* find_table(const Document& doc, const std::string& header_text, const std::string& caption_part = "") {
  auto scan = [&](const std::vector<Section>& sections) -> const Table* {
    for (const auto& s : sections)
      for (const auto& b : s.blocks)
        if (const auto* t = std::get_if<Table>(&b)) {
          if (!caption_part.empty() && t->caption.find(caption_part) == std::string::npos) continue;
          for (const auto& r : t->header)
            for (const auto& c : r.cells)
              if (c.text() == header_text) return t;
        }
    return nullptr;
  };
  if (const Table* t = scan(doc.sections)) return t;
  for (const auto& a : doc.appendices)
    if (const Table* t = scan(a.sections)) return t;
  return nullptr;
}

const Row* find_row(const Table& t, const std::string& text, std::size_t column = 0) {
  for (const auto& r : t.body)
    if (r.cells.size() > column && r.cells[column].text().rfind(text, 0) == 0) return &r;
  return nullptr;
}

class PeriodicReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    inputs_ = new ReportInputs;
    inputs_->data = dxmon::testing::load_builtin_dataset();
  }
  static void TearDownTestSuite() { delete inputs_; }
  static ReportRequest request(const char* period) {
    ReportRequest rq;
    rq.period = *Period::parse_id(period);
    return rq;
  }
  static ReportInputs* inputs_;
};
ReportInputs* PeriodicReport::inputs_ = nullptr;

TEST_F(PeriodicReport, FrontMatterAsSeed002) {
  Document doc = build_periodic_report(*inputs_, request("2024-Q1"));
  EXPECT_EQ(doc.front.issuing_body, "BỘ THÔNG TIN VÀ TRUYỀN THÔNG");
  EXPECT_EQ(doc.front.number, "     /BC-BTTTT");  // a draft, as seed 002 line 3
  EXPECT_EQ(doc.front.date, "ngày      tháng      năm 2024");
  ASSERT_EQ(doc.front.subject.size(), 1u);
  EXPECT_EQ(doc.front.subject[0], "Chuyển đổi số quốc gia Quý I năm 2024");
  EXPECT_EQ(doc.signature.authority, "KT. BỘ TRƯỞNG");
  EXPECT_EQ(doc.recipients.front(), "Thủ tướng Chính phủ (để b/c);");
}

TEST_F(PeriodicReport, InfrastructureComparedWithFebruary2023) {
  Document doc = build_periodic_report(*inputs_, request("2024-Q1"));
  const Table* t = find_table(doc, "Số liệu tháng 02/2024");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->header[0].cells[1].text(), "Số liệu tháng 02/2023");  // seed 002 line 83
  const Row* phones = find_row(*t, "Tỷ lệ thuê bao điện thoại di động sử dụng điện thoại thông minh");
  ASSERT_NE(phones, nullptr);
  EXPECT_EQ(phones->cells[1].text(), "77,7%");
  EXPECT_EQ(phones->cells[2].text(), "81,8%");
  EXPECT_EQ(phones->cells[3].text(), "tăng 4,1 điểm %");  // 81,8 − 77,7
  EXPECT_EQ(phones->cells[2].source, "BC-Q1-2024, seed 002 line 84");
  const Row* fixed = find_row(*t, "Tốc độ truy cập mạng băng rộng cố định (Mbps)");
  ASSERT_NE(fixed, nullptr);
  EXPECT_EQ(fixed->cells[1].text(), "91,6");
  EXPECT_EQ(fixed->cells[2].text(), "107,24");
  EXPECT_EQ(fixed->cells[3].text(), "tăng 17,07%");  // (107,24 − 91,6) ÷ 91,6
  EXPECT_EQ(t->body.size(), 4u);
  // The speedtest.net note of seed 002 footnote ² is a footnote on both speed rows.
  ASSERT_FALSE(doc.footnotes.empty());
  EXPECT_NE(doc.footnotes[0].runs[0].text.find("speedtest.net"), std::string::npos);
}

TEST_F(PeriodicReport, QuarterFiguresAndTheUnitsWithoutA2024Plan) {
  Document doc = build_periodic_report(*inputs_, request("2024-Q1"));
  const Table* q = find_table(doc, "Số liệu Quý I năm 2024", "Hạ tầng số");
  ASSERT_NE(q, nullptr);
  const Row* fibre = find_row(*q, "Số thôn chưa có cáp quang đến thôn");
  ASSERT_NE(fibre, nullptr);
  EXPECT_EQ(fibre->cells[2].text(), "3.551");
  EXPECT_EQ(fibre->cells[1].text(), "-");  // no Q1/2023 figure stored
  EXPECT_EQ(fibre->cells[3].text(), "-");
  // eCabinet meetings: the quarter's figure (5) is preferred to March's (01).
  const Table* gov = find_table(doc, "Số liệu Quý I năm 2024", "Chính phủ số");
  std::string all = all_text(doc.sections);
  EXPECT_NE(all.find("còn 13 đơn vị được báo cáo là chưa thực hiện: Bộ Tài chính, Bộ Công Thương"), std::string::npos)
      << all;
  EXPECT_NE(all.find("đến ngày 20/03/2024"), std::string::npos);
  (void)gov;
}

TEST_F(PeriodicReport, AMonthTakesItsOwnFigures) {
  Document doc = build_periodic_report(*inputs_, request("2024-03"));
  EXPECT_EQ(doc.front.subject[0], "Chuyển đổi số quốc gia tháng 3 năm 2024");
  const Table* t = find_table(doc, "Số liệu tháng 03/2024");
  ASSERT_NE(t, nullptr);
  const Row* villages = find_row(*t, "Số thôn lõm sóng");
  ASSERT_NE(villages, nullptr);
  EXPECT_EQ(villages->cells[2].text(), "1.050");
  EXPECT_EQ(villages->cells[2].source, "BC-Q1-2024, seed 002 line 91");
  // February's figures are not March's.
  EXPECT_EQ(find_table(doc, "Số liệu tháng 02/2024"), nullptr);
}

TEST_F(PeriodicReport, AnEmptyPeriodSaysWhichPeriodsHaveData) {
  try {
    build_periodic_report(*inputs_, request("2024-Q2"));
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("Không có số liệu cả nước cho kỳ Quý II năm 2024 (2024-Q2)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("Quý I năm 2024 (2024-Q1)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("tháng 2 năm 2024 (2024-02)"), std::string::npos) << msg;
  }
}

TEST_F(PeriodicReport, GoldenMarkdownAndJson) {
  Document doc = build_periodic_report(*inputs_, request("2024-Q1"));
  std::string md = render_markdown(doc);
  EXPECT_EQ(report::testing::check_golden("periodic-2024-Q1.md", md), "");
  EXPECT_EQ(report::testing::check_golden("periodic-2024-Q1.json", render_json(doc)), "");
  // The JSON reads back to the same document.
  EXPECT_EQ(render_json(parse_json(render_json(doc))), render_json(doc));
}

// Measured figures from the real engine: two years of generated dossier records, ingested and turned
// into observations exactly as `dxmon ingest` publishes them.
class PeriodicMeasured : public PeriodicReport {
 protected:
  static void SetUpTestSuite() {
    PeriodicReport::SetUpTestSuite();
    dir_ = new std::filesystem::path(report::testing::scratch_dir("periodic_measured"));
    engine_ = new measure::MeasurementEngine(*dir_ / "records", inputs_->data.units);
    for (int year : {2023, 2024}) {
      measure::GeneratorOptions o;
      o.records = 40000;
      o.seed = static_cast<std::uint64_t>(year);
      o.year = year;
      std::ostringstream out;
      measure::generate_records(inputs_->data.units, o, out);
      engine_->ingest_content("records-" + std::to_string(year) + ".csv", out.str(), measure::RecordFormat::Csv);
    }
    for (auto& o : measure::measured_observations(engine_->state(), true)) inputs_->data.observations.push_back(o);
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete dir_;
    PeriodicReport::TearDownTestSuite();
  }
  static std::filesystem::path* dir_;
  static measure::MeasurementEngine* engine_;
};
std::filesystem::path* PeriodicMeasured::dir_ = nullptr;
measure::MeasurementEngine* PeriodicMeasured::engine_ = nullptr;

std::string online_share(const measure::ServiceCounts& c) {
  return text::format_percent(100.0 * static_cast<double>(c.c[measure::kOnlineLevelOnline]) /
                                  static_cast<double>(c.c[measure::kOnlineLevel]),
                              2);
}

TEST_F(PeriodicMeasured, NationalFiguresComeFromTheCounters) {
  const Period q1 = *Period::parse_id("2024-Q1");
  Document doc = build_periodic_report(*inputs_, request("2024-Q1"));
  ASSERT_NE(section_titled(doc.sections, "CHỈ SỐ DỊCH VỤ CÔNG ĐO TỰ ĐỘNG TỪ HỒ SƠ THỦ TỤC HÀNH CHÍNH"), nullptr);
  const Table* t = find_table(doc, "Quý I năm 2024", "Chỉ số dịch vụ công của cả nước");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->header[0].cells[1].text(), "Quý I năm 2023");
  const Row* online = find_row(*t, "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến");
  ASSERT_NE(online, nullptr);
  // Recomputed from the engine's counters for every agency: the nation.
  EXPECT_EQ(online->cells[2].text(), online_share(measure::service_counts(engine_->state(), -1, q1)));
  EXPECT_EQ(online->cells[1].text(),
            online_share(measure::service_counts(engine_->state(), -1, q1.same_period_previous_year())));
  EXPECT_EQ(online->cells[2].source, "đo tự động");
  const Row* dossiers = find_row(*t, "Số hồ sơ thủ tục hành chính tiếp nhận");
  ASSERT_NE(dossiers, nullptr);
  EXPECT_EQ(dossiers->cells[2].text(),
            text::format_number(static_cast<double>(
                measure::service_counts(engine_->state(), -1, q1).c[measure::kReceived])));
}

TEST_F(PeriodicMeasured, ProvincesRankedInTheAppendix) {
  const Period q1 = *Period::parse_id("2024-Q1");
  Document doc = build_periodic_report(*inputs_, request("2024-Q1"));
  ASSERT_EQ(doc.appendices.size(), 1u);
  const Table* t = find_table(doc, "Hạng", "Các địa phương");
  ASSERT_NE(t, nullptr);
  ASSERT_FALSE(t->body.empty());
  EXPECT_LE(t->body.size(), 63u);  // the 63 provinces of 2024 at most
  // The first row has the highest share of all provinces, recomputed from the counters.
  double best = -1;
  std::string best_name;
  for (const auto& u : inputs_->data.units) {
    if (!unit_in_group(u, UnitGroup::Provinces) || !u.valid_on(q1.last_day())) continue;
    int a = engine_->state().agencies().find(u.code);
    if (a < 0) continue;
    auto c = measure::service_counts(engine_->state(), a, q1);
    if (c.c[measure::kOnlineLevel] == 0) continue;
    double share = 100.0 * c.c[measure::kOnlineLevelOnline] / c.c[measure::kOnlineLevel];
    if (share > best) best = share, best_name = u.name;
  }
  EXPECT_EQ(t->body[0].cells[0].text(), "1");
  EXPECT_EQ(t->body[0].cells[1].text(), best_name);
  EXPECT_EQ(t->body[0].cells[3].text(), text::format_percent(best, 2));
  // Both years measured: every row says how its rank moved.
  for (const auto& r : t->body) EXPECT_NE(r.cells[6].text(), "-");
}

TEST_F(PeriodicMeasured, ChartOfTheMonthsAndEveryRendererAcceptsIt) {
  Document doc = build_periodic_report(*inputs_, request("2024-Q1"));
  const Chart* chart = nullptr;
  for (const auto& s : doc.sections)
    for (const auto& b : s.blocks)
      if (const auto* c = std::get_if<Chart>(&b)) chart = c;
  ASSERT_NE(chart, nullptr);
  EXPECT_EQ(chart->categories, (std::vector<std::string>{"Tháng 01", "Tháng 02", "Tháng 03"}));
  ASSERT_EQ(chart->series.size(), 2u);
  EXPECT_EQ(chart->series[0].name, "Năm 2023");
  EXPECT_EQ(chart->series[1].labels[2],
            online_share(measure::service_counts(engine_->state(), -1, *Period::parse_id("2024-03"))));

  std::string docx = render_docx(doc);
  EXPECT_EQ(docx.rfind("PK", 0), 0u);
  std::string html = render_html(doc);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("Các địa phương"), std::string::npos);
  std::string xlsx = render_xlsx(doc);
  EXPECT_EQ(xlsx.rfind("PK", 0), 0u);
}

}  // namespace
}  // namespace dxmon::report
