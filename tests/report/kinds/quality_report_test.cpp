// The data-quality report on the built-in data: the seed errors of NOTES.md that the checks find,
// each with its values and sources, and the task review of seed 000's appendix.
#include <gtest/gtest.h>

#include <stdexcept>

#include "check/run_checks.h"
#include "report/kinds/report_kinds.h"
#include "report/render.h"
#include "report/report_test_util.h"
#include "document_query.h"
#include "support/builtin_data.h"

namespace dxmon::report {
namespace {

using namespace testing;

std::string paragraphs_of(const Document& doc) { return all_text(doc.sections); }

class QualityReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    inputs_ = new ReportInputs;
    inputs_->data = dxmon::testing::load_builtin_dataset();
  }
  static void TearDownTestSuite() { delete inputs_; }
  static ReportRequest request(const char* period, const char* programme = "") {
    ReportRequest rq;
    rq.period = *Period::parse_id(period);
    rq.programme = programme;
    return rq;
  }
  static ReportInputs* inputs_;
};
ReportInputs* QualityReport::inputs_ = nullptr;

TEST_F(QualityReport, TheSeedErrorsWithTheirSources) {
  Document doc = build_quality_report(*inputs_, request("2023"));
  // 11.923/13.506 printed as 91,32% (seed 004 line 254).
  const Table* share = table_with_caption(doc, "Tỷ lệ không khớp với tử số và mẫu số");
  ASSERT_NE(share, nullptr);
  const Row* cccd = row_saying(*share, "11.923/13.506 = 88,28%, báo cáo ghi 91,32%");
  ASSERT_NE(cccd, nullptr);
  EXPECT_EQ(cccd->cells[0].text(), "Lỗi");
  EXPECT_NE(cccd->cells[2].text().find("BC-2022-UBQGCĐS, seed 004 line 254"), std::string::npos)
      << cccd->cells[2].text();
  // The 99% target counted achieved (seed 000 line 46).
  const Table* claim = table_with_caption(doc, "Mục tiêu được tính là đã hoàn thành nhưng chưa đạt");
  ASSERT_NE(claim, nullptr);
  const Row* ninety_nine = row_saying(*claim, "là 99%, chưa đạt mục tiêu 100%");
  ASSERT_NE(ninety_nine, nullptr);
  EXPECT_NE(ninety_nine->cells[2].text().find("14/BC-BTTTT, seed 000 line 46"), std::string::npos)
      << ninety_nine->cells[2].text();
  // 4.591 online services in 2023, 4.483 in Q1/2024 (seed 000 line 380, seed 002 line 147).
  const Table* falls = table_with_caption(doc, "Số lũy kế giảm giữa hai kỳ báo cáo");
  ASSERT_NE(falls, nullptr);
  const Row* services = row_saying(*falls, "xuống 4.483");
  ASSERT_NE(services, nullptr);
  EXPECT_NE(services->cells[1].text().find("từ 4.591"), std::string::npos);
  EXPECT_NE(services->cells[2].text().find("seed 000 line 380"), std::string::npos);
  EXPECT_NE(services->cells[2].text().find("seed 002 line 147"), std::string::npos);
  // 146 + 19 ≠ 334 entries (seed 004 line 126), and the two community-team figures of seed 000.
  ASSERT_NE(table_with_caption(doc, "Các thành phần không cộng đúng tổng"), nullptr);
  EXPECT_NE(row_saying(*table_with_caption(doc, "Các thành phần không cộng đúng tổng"), "146 + 19 = 165, khác tổng 334"),
            nullptr);
}

TEST_F(QualityReport, CountsAgreeWithTheChecksUpToThePeriod) {
  // Independently of the report: the findings of run_checks whose values start by the end of 2023.
  check::CheckOptions options;
  options.relations = inputs_->data.relations;
  auto all = check::run_checks(inputs_->data, options);
  const Date end{2023, 12, 31};
  long expected = 0, errors = 0;
  for (const auto& f : all) {
    bool in = false, dated = false;
    if (f.period) dated = true, in = in || f.period->first_day() <= end;
    for (const auto& v : f.values)
      if (v.period) dated = true, in = in || v.period->first_day() <= end;
    if (in || !dated) ++expected, errors += f.severity == check::Severity::Error;
  }
  ASSERT_GT(expected, 0);
  Document doc = build_quality_report(*inputs_, request("2023"));
  const Table* by_rule = table_with_caption(doc, "Số phát hiện theo quy tắc kiểm tra");
  ASSERT_NE(by_rule, nullptr);
  const Row& total = by_rule->body.back();
  EXPECT_EQ(total.cells[1].text(), "Tổng cộng");
  EXPECT_EQ(total.cells[5].text(), std::to_string(expected));
  EXPECT_EQ(total.cells[2].text(), std::to_string(errors));
  // The Q1/2024-only findings (83/83 "bộ, tỉnh", the 2024 plans' 19 + 6) wait for a later period.
  EXPECT_EQ(table_with_caption(doc, "Các nhóm đơn vị không cộng đủ tổng số đơn vị"), nullptr);
  Document q1 = build_quality_report(*inputs_, request("2024-Q1"));
  EXPECT_NE(table_with_caption(q1, "Các nhóm đơn vị không cộng đủ tổng số đơn vị"), nullptr);
  EXPECT_EQ(table_with_caption(q1, "Số phát hiện theo quy tắc kiểm tra")->body.back().cells[5].text(),
            std::to_string(all.size()));
}

TEST_F(QualityReport, TaskReviewOfSeed000) {
  ReportRequest rq = request("2023", "qd942");
  rq.date = Date{2024, 2, 16};  // the date of report 14/BC-BTTTT
  Document doc = build_quality_report(*inputs_, rq);
  EXPECT_EQ(doc.front.subject[1], "thực hiện Quyết định số 942/QĐ-TTg");
  EXPECT_EQ(doc.front.date, "ngày 16 tháng 02 năm 2024");
  std::string text = paragraphs_of(doc);
  EXPECT_NE(text.find("Tổng số 74 nhiệm vụ"), std::string::npos) << text;
  // Six tasks of table I with deadline 2023 still "Đang thực hiện" (NOTES.md).
  const Table* overdue = table_with_caption(doc, "Nhiệm vụ quá hạn nhưng chưa hoàn thành");
  ASSERT_NE(overdue, nullptr);
  int due_2023 = 0;
  for (const auto& r : overdue->body)
    if (r.cells[2].text().find("có thời hạn năm 2023") != std::string::npos) ++due_2023;
  EXPECT_EQ(due_2023, 6);
  const Table* formal = table_with_caption(doc, "Kết quả báo cáo mang tính hình thức");
  ASSERT_NE(formal, nullptr);
  EXPECT_NE(row_saying(*formal, "chỉ ghi “Đang thực hiện.”"), nullptr);
  // Restricted to QĐ 942: the 2022 plan's findings are not in it, its own are.
  EXPECT_EQ(table_with_caption(doc, "Tỷ lệ không khớp với tử số và mẫu số"), nullptr);
  EXPECT_NE(table_with_caption(doc, "Mục tiêu được tính là đã hoàn thành nhưng chưa đạt"), nullptr);
}

TEST_F(QualityReport, UnknownProgrammeIsRefusedInVietnamese) {
  try {
    build_quality_report(*inputs_, request("2023", "qd999"));
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("Không có chương trình “qd999”"), std::string::npos) << msg;
    EXPECT_NE(msg.find("qd942 (Quyết định số 942/QĐ-TTg)"), std::string::npos) << msg;
  }
}

TEST_F(QualityReport, GoldenMarkdownAndRenderers) {
  ReportRequest rq = request("2023");
  Document doc = build_quality_report(*inputs_, rq);
  EXPECT_EQ(report::testing::check_golden("quality-2023.md", render_markdown(doc)), "");
  EXPECT_EQ(render_docx(doc).rfind("PK", 0), 0u);
  EXPECT_NE(render_html(doc).find("Giá trị, nguồn"), std::string::npos);
  EXPECT_EQ(render_xlsx(doc).rfind("PK", 0), 0u);
}

}  // namespace
}  // namespace dxmon::report
