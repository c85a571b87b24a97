// The plan report on the national committee's 2022 plan built from the built-in data, against
// seed 004 §I–§II: the 12 indicators with their lead agencies, values, targets and footnotes, the
// count of achieved indicators, and the tasks per ministry and province.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "report/kinds/report_kinds.h"
#include "report/render.h"
#include "support/builtin_data.h"
#include "text/text.h"
#include "../report_test_util.h"
#include "document_query.h"

namespace dxmon::report {
namespace {

using namespace testing;

ReportInputs inputs() {
  static const Dataset data = dxmon::testing::load_builtin_dataset();
  ReportInputs in;
  in.data = data;
  return in;
}

ReportRequest request() {
  ReportRequest rq;
  rq.programme = "khhd2022";
  rq.period = Period::of_year(2022);
  rq.date = Date{2022, 12, 28};
  return rq;
}

const Section& section(const Document& doc, const std::string& number) {
  for (const Section& s : doc.sections)
    if (s.number == number) return s;
  throw std::out_of_range("no section " + number);
}

const Table& indicator_table(const Document& doc) { return *blocks<Table>(section(doc, "I.")).at(0); }

std::vector<const Row*> indicator_rows(const Table& t) {
  std::vector<const Row*> out;
  for (const Row& r : t.body)
    if (r.kind == RowKind::Body) out.push_back(&r);
  return out;
}

const Row& row_no(const Table& t, const std::string& tt) {
  for (const Row* r : indicator_rows(t))
    if (r->cells[0].text() == tt) return *r;
  throw std::out_of_range("no row " + tt);
}

std::string footnote_text(const Document& doc, const Cell& cell) {
  for (const Run& r : cell.runs)
    if (r.footnote > 0) {
      std::string out;
      for (const Run& fr : doc.footnotes.at(static_cast<std::size_t>(r.footnote - 1)).runs) out += fr.text;
      return out;
    }
  return {};
}

TEST(PlanReport, TwelveIndicatorsWithLeadAgenciesValuesAndTargets) {
  const Document doc = build_plan_report(inputs(), request());
  const Table& t = indicator_table(doc);
  EXPECT_EQ(t.header[0].cells[3].text(), "Kết quả thực hiện năm 2022");
  EXPECT_EQ(t.header[0].cells[4].text(), "Mục tiêu năm 2022");
  ASSERT_EQ(indicator_rows(t).size(), 12u);
  // Seed 004 lines 15 and 33: two groups, achieved first.
  ASSERT_EQ(t.body[0].kind, RowKind::Group);
  EXPECT_EQ(t.body[0].cells[1].text(), "Các chỉ tiêu đã hoàn thành");
  ASSERT_EQ(t.body[10].kind, RowKind::Group);
  EXPECT_EQ(t.body[10].cells[0].text(), "II");
  EXPECT_EQ(t.body[10].cells[1].text(), "Các chỉ tiêu chưa hoàn thành");

  EXPECT_EQ(row_no(t, "1").cells[1].text(), "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử");
  EXPECT_EQ(row_no(t, "1").cells[2].text(), "Bộ Tài chính");
  EXPECT_EQ(row_no(t, "1").cells[3].text(), "100%");
  EXPECT_EQ(row_no(t, "2").cells[2].text(), "Bộ Công Thương");
  EXPECT_EQ(row_no(t, "3").cells[2].text(), "Ngân hàng Nhà nước Việt Nam");
  EXPECT_EQ(row_no(t, "5").cells[3].text(), "52,80%");
  EXPECT_EQ(row_no(t, "8").cells[2].text(), "Bộ Kế hoạch và Đầu tư, Bộ Thông tin và Truyền thông");
  EXPECT_EQ(row_no(t, "8").cells[3].text(), "30,07%");
  EXPECT_EQ(row_no(t, "8").cells[4].text(), "30%");
  const Row& digitised = row_no(t, "10");  // line 34: two items in one row
  EXPECT_EQ(digitised.cells[1].text(),
            "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC (thực hiện từ 01/6/2022 đến 22/12/2022)\n- Bộ phận một cửa "
            "cấp bộ\n- Bộ phận một cửa cấp tỉnh");
  EXPECT_EQ(digitised.cells[2].text(), "Văn phòng Chính phủ");
  EXPECT_EQ(digitised.cells[3].text(), "0%\n1,66%");
  EXPECT_EQ(digitised.cells[4].text(), "100%\n100%");
  EXPECT_EQ(row_no(t, "11").cells[3].text(), "40,47%");
  EXPECT_EQ(row_no(t, "12").cells[3].text(), "13,9%");
  EXPECT_EQ(row_no(t, "12").cells[3].source, "BC-2022-UBQGCĐS (seed 004 lines 36, 44)");
  // Targets carry their source too: the plan's act and the line they are transcribed from.
  EXPECT_EQ(row_no(t, "1").cells[4].source, "Quyết định số 27/QĐ-UBQGCĐS (seed 004 line 16 (TT 1; nhóm: line 15))");
  for (const Row* r : indicator_rows(t)) EXPECT_FALSE(r->cells[4].source.empty()) << r->cells[1].text();
}

TEST(PlanReport, FootnotesCarryThePrintedRemarksAndTheAgenciesBehindTheShare) {
  const ReportInputs in = inputs();
  const Document doc = build_plan_report(in, request());
  const Table& t = indicator_table(doc);
  EXPECT_EQ(footnote_text(doc, row_no(t, "2").cells[3]), "Số liệu theo dự báo của Bộ Công Thương.");
  EXPECT_EQ(footnote_text(doc, row_no(t, "3").cells[3]), "Số liệu Quý II năm 2022 do Ngân hàng Nhà nước Việt Nam công bố.");
  EXPECT_NE(footnote_text(doc, row_no(t, "6").cells[3]).find("năm 2021 đạt 42%"), std::string::npos);
  EXPECT_EQ(footnote_text(doc, row_no(t, "9").cells[3]), "Dân số trưởng thành.");
  // Line 44: the agencies providing open data, from the per-agency observations.
  long agencies = std::count_if(in.data.observations.begin(), in.data.observations.end(), [](const Observation& o) {
    return o.indicator == "khhd2022.12" && o.unit != kNationalUnit && o.fact == true;
  });
  EXPECT_EQ(agencies, 14);
  const std::string open = footnote_text(doc, row_no(t, "12").cells[3]);
  EXPECT_EQ(open.rfind("Các cơ quan được ghi nhận năm 2022 (14 cơ quan): Ngân hàng Nhà nước Việt Nam; Bộ Tài chính; ", 0),
            0u)
      << open;
  EXPECT_NE(open.find("; Lạng Sơn."), std::string::npos) << open;
  EXPECT_NE(open.find("; Bảo hiểm xã hội Việt Nam; Thừa Thiên Huế; Đà Nẵng;"), std::string::npos) << open;
  // Marks number down the page.
  int last = 0;
  for (const Row* r : indicator_rows(t))
    for (const Cell& c : r->cells)
      for (const report::Run& run : c.runs)
        if (run.footnote > 0) {
          EXPECT_GT(run.footnote, last);
          last = run.footnote;
        }
  EXPECT_EQ(static_cast<std::size_t>(last), doc.footnotes.size());
}

TEST(PlanReport, NineOfTwelveAchievedComputedFromTheValues) {
  const Document doc = build_plan_report(inputs(), request());
  const std::string text = all_text(section(doc, "I."));
  EXPECT_NE(text.find("Trong 12 chỉ tiêu đặt ra tại Kế hoạch hoạt động của Ủy ban Quốc gia về chuyển đổi số năm 2022, "
                      "đến hết năm 2022 có 9/12 chỉ tiêu đã hoàn thành (đạt 75%)."),
            std::string::npos)
      << text;
  // Seed 004 line 38: Tài chính 1, Ngân hàng 1, Công Thương 2, Thông tin và Truyền thông 5 of which
  // one shared with Kế hoạch và Đầu tư (row 8 names both), fewest first.
  EXPECT_NE(text.find("Trong đó, Bộ Tài chính, Ngân hàng Nhà nước Việt Nam mỗi cơ quan đóng góp 01 chỉ tiêu, Bộ Công "
                      "Thương đóng góp 02 chỉ tiêu và Bộ Thông tin và Truyền thông đóng góp 05 chỉ tiêu (trong đó 01 "
                      "chỉ tiêu có sự đóng góp chung của Bộ Kế hoạch và Đầu tư)."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Trong 3 chỉ tiêu chưa hoàn thành có 01 chỉ tiêu có khả năng hoàn thành cao, 02 chỉ tiêu cần "
                      "nỗ lực tập trung mới hoàn thành đúng hạn."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("trùng với nhóm báo cáo đã công bố cho cả 12 chỉ tiêu"), std::string::npos) << text;
}

// The sentence of line 38 is derived from the lead agencies in the data, not written in: with
// row 8 led by Bộ Kế hoạch và Đầu tư alone, that ministry contributes its own indicator.
TEST(PlanReport, ContributionsFollowTheLeadAgenciesOfTheData) {
  ReportInputs in = inputs();
  for (Indicator& i : in.data.indicators)
    if (i.code == "khhd2022.08") i.co_agencies.clear();
  const std::string text = all_text(section(build_plan_report(in, request()), "I."));
  EXPECT_NE(text.find("Trong đó, Bộ Tài chính, Ngân hàng Nhà nước Việt Nam, Bộ Kế hoạch và Đầu tư mỗi cơ quan đóng góp "
                      "01 chỉ tiêu, Bộ Công Thương đóng góp 02 chỉ tiêu và Bộ Thông tin và Truyền thông đóng góp 04 chỉ "
                      "tiêu."),
            std::string::npos)
      << text;
}

// Seed 004 §II.1 (lines 50–56): the counts it prints — 107 tasks, 44 for ministries (42 completed,
// 02 ongoing, both of Bộ Giáo dục và Đào tạo), 63 for provinces (59 completed, 04 ongoing, named) —
// with the names from the task list, and a note that says which figure is which.
TEST(PlanReport, TasksOfThePlanWithTheReportedCounts) {
  const Document doc = build_plan_report(inputs(), request());
  const Section& s = section(doc, "II.");
  EXPECT_EQ(s.title,
            "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO KẾ HOẠCH HOẠT ĐỘNG CỦA ỦY BAN QUỐC GIA VỀ CHUYỂN ĐỔI SỐ NĂM 2022 VÀ "
            "THEO KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ - CHỦ TỊCH ỦY BAN QUỐC GIA VỀ CHUYỂN ĐỔI SỐ TẠI CÁC PHIÊN HỌP NĂM 2022");
  const Section& plan = section(doc, "1.");
  EXPECT_EQ(plan.level, 2);
  EXPECT_EQ(plan.title, "Kết quả thực hiện nhiệm vụ theo Kế hoạch hoạt động của Ủy ban Quốc gia về chuyển đổi số năm 2022");
  const auto paragraphs = blocks<Paragraph>(plan);
  ASSERT_EQ(paragraphs.size(), 4u);
  EXPECT_EQ(text_of(*paragraphs[0]),
            "Theo Kế hoạch hoạt động của Ủy ban Quốc gia về chuyển đổi số năm 2022 tại Quyết định số 27/QĐ-UBQGCĐS ngày "
            "15/03/2022, có tổng cộng 107 nhiệm vụ. Trong đó, giao các bộ, ngành Trung ương thực hiện 44 nhiệm vụ và "
            "giao 63 địa phương mỗi địa phương 01 nhiệm vụ. Kết quả thực hiện cụ thể:");
  const std::string ministries = text_of(*paragraphs[1]);
  EXPECT_EQ(paragraphs[1]->style, ParagraphStyle::Bullet);
  EXPECT_EQ(ministries.rfind("Bộ, ngành Trung ương: 42 nhiệm vụ hoàn thành; 02 nhiệm vụ đang thực hiện (trong đó, có 02 "
                             "nhiệm vụ của Bộ Giáo dục và Đào tạo: “Xây dựng, phê duyệt theo thẩm quyền kế hoạch",
                             0),
            0u)
      << ministries;
  const std::string provinces = text_of(*paragraphs[2]);
  EXPECT_EQ(provinces.rfind("Các tỉnh, thành phố trực thuộc Trung ương: 59 địa phương hoàn thành: Hà Nội, An Giang, "
                            "Bà Rịa - Vũng Tàu",
                            0),
            0u)
      << provinces;
  EXPECT_NE(provinces.find("; 04 địa phương đang thực hiện: Quảng Ngãi, Quảng Trị, Tiền Giang, Trà Vinh."),
            std::string::npos)
      << provinces;
  EXPECT_EQ(text_of(*paragraphs[3]),
            "Ghi chú: các số 107, 44, 63, 42, 02, 59, 04 là số nhiệm vụ theo báo cáo BC-2022-UBQGCĐS (số liệu đến ngày "
            "31/12/2022), gồm cả các nhiệm vụ chỉ được báo cáo dưới dạng số đếm, không có tên trong dữ liệu; đếm từ danh "
            "sách: 02 nhiệm vụ đang thực hiện của Bộ Giáo dục và Đào tạo; tên nhiệm vụ và tên địa phương lấy từ danh sách "
            "65 nhiệm vụ có tên trong dữ liệu.");
  // The printed counts carry their source; the counted one says it is counted.
  const report::Run& total = paragraphs[0]->runs.at(2);
  EXPECT_EQ(total.text, "107");
  EXPECT_TRUE(total.bold);
  EXPECT_NE(total.source.find("BC-2022-UBQGCĐS (seed 004 line 50"), std::string::npos) << total.source;

  const Table& counts = *blocks<Table>(plan).at(0);
  EXPECT_EQ(counts.caption, "Bảng 2. Số nhiệm vụ có tên trong danh sách, theo cơ quan chủ trì");
  ASSERT_EQ(counts.body.size(), 3u);  // Bộ GD&ĐT, the provinces, the total
  EXPECT_EQ(counts.body[0].cells[1].text(), "Bộ Giáo dục và Đào tạo");
  EXPECT_EQ(counts.body[0].cells[2].text(), "02");
  EXPECT_EQ(counts.body[1].cells[1].text(), "63 tỉnh, thành phố trực thuộc Trung ương");
  EXPECT_EQ(counts.header[0].cells[3].text(), "Hoàn thành");
  EXPECT_EQ(counts.body[1].cells[3].text(), "59");
  EXPECT_EQ(counts.body[2].cells[2].text(), "65");
}

// Seed 004 §II.2 (lines 60–66): the 51 tasks of the Prime Minister's conclusions, 49 completed, the
// two ongoing of Bộ Giáo dục và Đào tạo named — a programme reported with the plan.
TEST(PlanReport, TasksOfTheSessionsConclusionsReportedWithThePlan) {
  const Document doc = build_plan_report(inputs(), request());
  const Section& conclusions = section(doc, "2.");
  EXPECT_EQ(conclusions.title, "Kết quả thực hiện nhiệm vụ theo Kết luận của Thủ tướng Chính phủ - Chủ tịch Ủy ban Quốc "
                               "gia về chuyển đổi số tại các Phiên họp năm 2022");
  const auto paragraphs = blocks<Paragraph>(conclusions);
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_EQ(text_of(*paragraphs[0]),
            "Theo Kết luận của Thủ tướng Chính phủ - Chủ tịch Ủy ban Quốc gia về chuyển đổi số tại các Phiên họp năm "
            "2022, có tổng cộng 51 nhiệm vụ giao cho các bộ, ngành Trung ương. Kết quả thực hiện cụ thể:");
  const std::string ministries = text_of(*paragraphs[1]);
  EXPECT_EQ(ministries.rfind("Bộ, ngành Trung ương: 49 nhiệm vụ hoàn thành; 02 nhiệm vụ đang thực hiện (trong đó, có 02 "
                             "nhiệm vụ của Bộ Giáo dục và Đào tạo: “Chủ trì, phối hợp với Bộ Thông tin và Truyền thông",
                             0),
            0u)
      << ministries;
  EXPECT_NE(ministries.find("; “Khẩn trương ban hành chuẩn chương trình khối ngành công nghệ thông tin."),
            std::string::npos)
      << ministries;
  EXPECT_EQ(blocks<Table>(conclusions).at(0)->caption, "Bảng 3. Số nhiệm vụ có tên trong danh sách, theo cơ quan chủ trì");
}

// Without printed counts the figures are the named tasks', and the report says so.
TEST(PlanReport, WithoutPrintedCountsTheListIsCounted) {
  ReportInputs in = inputs();
  in.data.task_counts.clear();
  const Document doc = build_plan_report(in, request());
  const auto paragraphs = blocks<Paragraph>(section(doc, "1."));
  ASSERT_EQ(paragraphs.size(), 4u);
  EXPECT_EQ(text_of(*paragraphs[0]),
            "Theo dữ liệu nhiệm vụ của Kế hoạch hoạt động của Ủy ban Quốc gia về chuyển đổi số năm 2022, có tổng cộng "
            "65 nhiệm vụ. Trong đó, giao các bộ, ngành Trung ương thực hiện 02 nhiệm vụ và giao 63 địa phương mỗi "
            "địa phương 01 nhiệm vụ. Kết quả thực hiện cụ thể:");
  EXPECT_EQ(text_of(*paragraphs[1]).rfind("Bộ, ngành Trung ương: 00 nhiệm vụ hoàn thành; 02 nhiệm vụ đang thực hiện", 0),
            0u);
  EXPECT_EQ(text_of(*paragraphs[3]),
            "Ghi chú: các số được đếm từ danh sách 65 nhiệm vụ có tên trong dữ liệu; không có số nhiệm vụ nào theo báo "
            "cáo.");
}

TEST(PlanReport, FrontMatter) {
  const Document doc = build_plan_report(inputs(), request());
  EXPECT_EQ(doc.front.issuing_body, "BỘ THÔNG TIN VÀ TRUYỀN THÔNG");
  EXPECT_EQ(doc.front.number, "     /BC-BTTTT");
  EXPECT_EQ(doc.front.date, "ngày 28 tháng 12 năm 2022");
  EXPECT_EQ(text::join(doc.front.subject, " "),
            "Kết quả thực hiện Kế hoạch hoạt động của Ủy ban Quốc gia về chuyển đổi số năm 2022");
  EXPECT_NE(all_text(doc.sections.at(0)).find("tại Quyết định số 27/QĐ-UBQGCĐS ngày 15/03/2022"), std::string::npos);
}

TEST(PlanReport, RenderersAcceptTheDocument) {
  const Document doc = build_plan_report(inputs(), request());
  EXPECT_EQ(render_docx(doc).rfind("PK", 0), 0u);
  EXPECT_EQ(render_xlsx(doc).rfind("PK", 0), 0u);
  const std::string html = render_html(doc);
  EXPECT_NE(html.find("9/12"), std::string::npos);
  EXPECT_EQ(parse_json(render_json(doc)).footnotes.size(), doc.footnotes.size());
}

TEST(PlanReport, GoldenFiles) {
  const Document doc = build_plan_report(inputs(), request());
  std::string diff = testing::check_golden("plan-khhd2022-2022.md", render_markdown(doc));
  EXPECT_TRUE(diff.empty()) << diff;
  diff = testing::check_golden("plan-khhd2022-2022.json", render_json(doc));
  EXPECT_TRUE(diff.empty()) << diff;
}

TEST(PlanReport, RefusesAProgrammeOutsideTheData) {
  ReportRequest rq = request();
  rq.programme.clear();
  EXPECT_THROW(build_plan_report(inputs(), rq), std::invalid_argument);
}

}  // namespace
}  // namespace dxmon::report
