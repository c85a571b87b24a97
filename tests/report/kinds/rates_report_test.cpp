// The reporting-rate report. The regime and the submissions are TEST DATA built here (no seed prints
// a submission log): a monthly regime for the provinces after Thông tư 02/2023/TT-BTTTT (deadline
// the 15th of the month, Nghị định 09/2019 cut-off), and for March 2025 some provinces on time,
// some late, two returned, one draft and the rest silent, plus reports from units not expected.
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/unit_directory.h"
#include "report/kinds/report_kinds.h"
#include "report/render.h"
#include "report/report_test_util.h"
#include "document_query.h"
#include "support/builtin_data.h"

namespace dxmon::report {
namespace {

using namespace testing;

const Section* section_titled(const Document& doc, const std::string& title) {
  return testing::section_titled(doc.sections, title);
}

Submission step(const std::string& unit, const char* when, SubmissionStatus status, const char* reason = "") {
  Submission s;
  s.regime = "thu-nghiem.tinh-thang";
  s.unit = unit;
  s.period = Period::of_month(2025, 3);
  s.received_at = *DateTime::parse_iso(when);
  s.status = status;
  s.reason = reason;
  s.who = "chuyenvien";
  return s;
}

class RatesReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    inputs_ = new ReportInputs;
    inputs_->data = dxmon::testing::load_builtin_dataset();
    ReportingRegime r;
    r.code = "thu-nghiem.tinh-thang";
    r.name = "Báo cáo tháng về chuyển đổi số";
    r.legal_basis = "Thông tư 02/2023/TT-BTTTT";
    r.unit_group = UnitGroup::Provinces;
    r.frequency = PeriodType::Month;
    r.cutoff = CutoffRule::Decree09;
    r.deadline = DeadlineRule::day_of_month(0, 15);
    r.source = "test data (tests/report/kinds/rates_report_test.cpp)";
    inputs_->data.regimes.push_back(r);

    // The 63 provinces in force on 31/03/2025, in the order the report lists them.
    UnitDirectory dir(inputs_->data.units);
    provinces_ = new std::vector<std::string>;
    for (const auto* u : dir.members(UnitGroup::Provinces, Date{2025, 3, 31})) provinces_->push_back(u->code);
    auto& subs = inputs_->submissions;
    const auto& p = *provinces_;
    for (std::size_t i = 0; i < 40; ++i) subs.push_back(step(p[i], "2025-03-10T09:00:00", SubmissionStatus::Submitted));
    for (std::size_t i = 40; i < 50; ++i) subs.push_back(step(p[i], "2025-03-18T14:30:00", SubmissionStatus::Submitted));
    for (std::size_t i = 50; i < 52; ++i) {
      subs.push_back(step(p[i], "2025-03-12T08:00:00", SubmissionStatus::Submitted));
      subs.push_back(step(p[i], "2025-03-13T16:00:00", SubmissionStatus::Returned, "Thiếu số liệu chỉ tiêu 3"));
    }
    subs.push_back(step(p[52], "2025-03-14T10:00:00", SubmissionStatus::Draft));
    // A province formed on 01/07/2025 cannot be expected in March 2025; a ministry is not in the group.
    subs.push_back(step("bo-tc-2025", "2025-03-11T10:00:00", SubmissionStatus::Submitted));
  }
  static void TearDownTestSuite() {
    delete provinces_;
    delete inputs_;
  }
  static ReportRequest request() {
    ReportRequest rq;
    rq.regime = "thu-nghiem.tinh-thang";
    rq.period = Period::of_month(2025, 3);
    rq.date = Date{2025, 3, 20};
    return rq;
  }
  static std::string name_of(const std::string& code) {
    for (const auto& u : inputs_->data.units)
      if (u.code == code) return u.name;
    return code;
  }
  static ReportInputs* inputs_;
  static std::vector<std::string>* provinces_;
};
ReportInputs* RatesReport::inputs_ = nullptr;
std::vector<std::string>* RatesReport::provinces_ = nullptr;

TEST_F(RatesReport, RatesOverallAndForTheProvinces) {
  ASSERT_EQ(provinces_->size(), 63u);
  Document doc = build_rates_report(*inputs_, request());
  // After 01/03/2025 the coordinating ministry is Bộ Khoa học và Công nghệ (the merger of Bộ TT&TT).
  EXPECT_EQ(doc.front.issuing_body, "BỘ KHOA HỌC VÀ CÔNG NGHỆ");
  EXPECT_EQ(doc.front.number, "     /BC-BKHCN");
  EXPECT_EQ(doc.front.subject[0], "Tình hình gửi báo cáo tháng 3 năm 2025");
  const Table* t = table_with_caption(doc, "Tỷ lệ gửi báo cáo theo nhóm đơn vị");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->body.size(), 2u);  // Địa phương, Tổng cộng
  const Row& prov = t->body[0];
  EXPECT_EQ(prov.cells[0].text(), "Địa phương");
  EXPECT_EQ(prov.cells[1].text(), "63");
  EXPECT_EQ(prov.cells[2].text(), "50");
  EXPECT_EQ(prov.cells[3].text(), "40");
  EXPECT_EQ(prov.cells[4].text(), "10");
  EXPECT_EQ(prov.cells[5].text(), "13");
  EXPECT_EQ(prov.cells[6].text(), "79,37%");  // 50 ÷ 63
  EXPECT_EQ(prov.cells[7].text(), "63,49%");  // 40 ÷ 63
  const Section* opening = &doc.sections.front();
  EXPECT_NE(all_text(*opening).find("từ ngày 15/02/2025 đến ngày 14/03/2025"), std::string::npos) << all_text(*opening);
  EXPECT_NE(all_text(*opening).find("15/03/2025"), std::string::npos);
}

TEST_F(RatesReport, EachUnitsStateAndWhomToRemind) {
  Document doc = build_rates_report(*inputs_, request());
  const Table* t = table_with_caption(doc, "Tình hình gửi báo cáo của từng đơn vị");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->body.size(), 63u);  // one group: no group rows
  const auto& p = *provinces_;
  EXPECT_EQ(t->body[0].cells[1].text(), name_of(p[0]));
  EXPECT_EQ(t->body[0].cells[2].text(), "đúng hạn");
  EXPECT_EQ(t->body[0].cells[3].text(), "10/03/2025 09:00");
  EXPECT_EQ(t->body[40].cells[2].text(), "muộn 3 ngày");  // 18/03 against 15/03
  EXPECT_EQ(t->body[50].cells[2].text(), "chưa gửi (quá hạn)");
  EXPECT_NE(t->body[50].cells[4].text().find("Thiếu số liệu chỉ tiêu 3"), std::string::npos);
  const Section* remind = section_titled(doc, "CÁC ĐƠN VỊ CẦN NHẮC GỬI BÁO CÁO");
  ASSERT_NE(remind, nullptr);
  std::string text = all_text(*remind);
  EXPECT_NE(text.find("Có 13 đơn vị chưa gửi báo cáo:"), std::string::npos) << text;
  EXPECT_NE(text.find(name_of(p[52]) + ": chưa gửi (quá hạn); Bước gần nhất: nháp"), std::string::npos) << text;
  const Section* other = section_titled(doc, "BÁO CÁO KHÔNG TÍNH VÀO TỶ LỆ");
  ASSERT_NE(other, nullptr);
  EXPECT_NE(all_text(*other).find("(bo-tc-2025)"), std::string::npos) << all_text(*other);
}

TEST_F(RatesReport, UnknownRegimeAndWrongFrequencyAreRefused) {
  ReportRequest rq = request();
  rq.regime = "khong-co";
  try {
    build_rates_report(*inputs_, rq);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("thu-nghiem.tinh-thang (Báo cáo tháng về chuyển đổi số)"), std::string::npos)
        << e.what();
  }
  rq = request();
  rq.period = Period::of_quarter(2025, 1);
  EXPECT_THROW(build_rates_report(*inputs_, rq), std::invalid_argument);
}

TEST_F(RatesReport, GoldenMarkdownAndRenderers) {
  Document doc = build_rates_report(*inputs_, request());
  EXPECT_EQ(report::testing::check_golden("rates-thu-nghiem.tinh-thang-2025-03.md", render_markdown(doc)), "");
  EXPECT_EQ(render_docx(doc).rfind("PK", 0), 0u);
  EXPECT_NE(render_html(doc).find("79,37%"), std::string::npos);
  EXPECT_EQ(render_xlsx(doc).rfind("PK", 0), 0u);
}

}  // namespace
}  // namespace dxmon::report
