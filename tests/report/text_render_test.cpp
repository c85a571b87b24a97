// HTML, Markdown and JSON of the demonstration report: structure, escaping, and golden files.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "report/demo_document.h"
#include "report/render.h"
#include "report_test_util.h"

namespace dxmon::report {
namespace {

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

TEST(HtmlRender, IsSelfContainedVietnameseA4) {
  std::string html = render_html(demo_document());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_NE(html.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos);
  EXPECT_NE(html.find("Hà Nội, ngày 16 tháng 02 năm 2024"), std::string::npos);
}

TEST(HtmlRender, ChartIsInlineSvgWithOneBarPerValue) {
  std::string html = render_html(demo_document());
  ASSERT_EQ(count(html, "<svg"), 1u);
  std::string svg = html.substr(html.find("<svg"), html.find("</svg>") - html.find("<svg"));
  EXPECT_EQ(count(svg, "<rect"), 8u + 2u);  // 4 categories × 2 series, and 2 legend keys
  EXPECT_NE(svg.find(">59,38%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Hợp đồng điện tử</text>"), std::string::npos);
}

TEST(HtmlRender, FootnotesLinkBothWaysAndSourcesAreTitles) {
  std::string html = render_html(demo_document());
  for (const char* s : {"href=\"#fn1\" id=\"fnref1\"", "href=\"#fn2\" id=\"fnref2\"", "<li id=\"fn1\">",
                        "<li id=\"fn2\">", "href=\"#fnref1\""})
    EXPECT_NE(html.find(s), std::string::npos) << s;
  EXPECT_NE(html.find("Trừ văn bản mật theo quy định của pháp luật."), std::string::npos);
  EXPECT_NE(html.find("title=\"Nguồn: Báo cáo số 14/BC-BTTTT ngày 16/02/2024\">59,38%</td>"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"group\"><td style=\"text-align:center\"><strong>1</strong></td><td colspan=\"4\">"),
            std::string::npos);
}

TEST(HtmlRender, TextIsEscaped) {
  Document doc = demo_document();
  doc.front.subject = {"<script>alert(1)</script> & \"x\""};
  std::string html = render_html(doc);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"), std::string::npos);
}

TEST(MarkdownRender, TablesFootnotesAndCounts) {
  std::string md = render_markdown(demo_document());
  EXPECT_NE(md.find("| STT | Chỉ tiêu | Kết quả 2022 | Kết quả 2023 | Mục tiêu 2025 |\n"
                    "| :---: | --- | :---: | :---: | :---: |\n"),
            std::string::npos);
  EXPECT_NE(md.find("| **1** | **Cung cấp dịch vụ chất lượng phục vụ xã hội** |  |  |  |\n"), std::string::npos);
  EXPECT_NE(md.find("| 2.4 | Tỷ lệ cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng phân tích, khai thác "
                    "dữ liệu và công nghệ số | 45%<sup>a</sup> | 59,38% | ≥ 50% |\n"),
            std::string::npos);
  EXPECT_NE(md.find("| 3.1 | Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử | 33%<sup>b</sup> |"), std::string::npos);
  EXPECT_NE(md.find("\n_Nguồn: Kết quả 2023: Báo cáo số 14/BC-BTTTT ngày 16/02/2024; (a) Báo cáo số "
                    "14/BC-BTTTT, cột Kết quả 2022; (b) Bộ Công Thương, Sách trắng Thương mại điện tử Việt Nam "
                    "năm 2022._\n"),
            std::string::npos);
  EXPECT_NE(md.find("chữ ký số chuyên dùng[^1] | 90%<sup>a</sup> |"), std::string::npos);
  EXPECT_NE(md.find("| 80%[^2] |"), std::string::npos);
  EXPECT_NE(md.find("\n[^1]: Trừ văn bản mật theo quy định của pháp luật.\n"), std::string::npos);
  EXPECT_NE(md.find("\n[^2]: Theo Sách trắng"), std::string::npos);
  EXPECT_NE(md.find("- **07/35** mục tiêu đã hoàn thành (đạt 20%);\n"), std::string::npos);
  EXPECT_NE(md.find("- **08/35** mục tiêu phải nỗ lực tập trung mới hoàn thành đúng hạn (chiếm 23%).\n"),
            std::string::npos);
  EXPECT_NE(md.find("#### 1.1. Nhóm các mục tiêu đã hoàn thành\n"), std::string::npos);
  // A line break inside a cell and a pipe in text must not break the table.
  EXPECT_NE(md.find("phường.<br>- Hoàn thành"), std::string::npos);
  Document doc = demo_document();
  std::get<Table>(doc.sections[3].blocks[0]).body[1].cells[1] = Cell{"a | b *c*"};
  EXPECT_NE(render_markdown(doc).find("| a \\| b \\*c\\* |"), std::string::npos);
}

TEST(JsonRender, ParsesBackToTheSameDocument) {
  std::string json = render_json(demo_document());
  auto j = nlohmann::json::parse(json);
  EXPECT_EQ(j["front"]["number"], "14/BC-BTTTT");
  EXPECT_EQ(j["footnotes"].size(), 2u);
  EXPECT_EQ(j["sections"][3]["blocks"][0]["type"], "table");
  EXPECT_EQ(j["sections"][3]["blocks"][0]["body"].size(), 10u);
  Document back = parse_json(json);
  EXPECT_EQ(render_json(back), json);
  EXPECT_EQ(render_markdown(back), render_markdown(demo_document()));
}

TEST(JsonRender, KeysKeepTheirOrder) {
  std::string json = render_json(demo_document());
  EXPECT_LT(json.find("\"front\""), json.find("\"sections\""));
  EXPECT_LT(json.find("\"sections\""), json.find("\"footnotes\""));
  EXPECT_LT(json.find("\"recipients\""), json.find("\"appendices\""));
}

TEST(JsonRender, BadJsonSaysWhere) {
  EXPECT_THROW(parse_json("{"), std::invalid_argument);
  std::string json = render_json(demo_document());
  json.replace(json.find("\"summary_counts\""), 16, "\"pie\"");
  try {
    parse_json(json);
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("sections[2].blocks[1]"), std::string::npos) << e.what();
  }
}

TEST(GoldenReport, DemoMarkdown) {
  std::string diff = testing::check_golden("demo.md", render_markdown(demo_document()));
  EXPECT_TRUE(diff.empty()) << diff;
}

TEST(GoldenReport, DemoHtml) {
  std::string diff = testing::check_golden("demo.html", render_html(demo_document()));
  EXPECT_TRUE(diff.empty()) << diff;
}

TEST(GoldenReport, DemoJson) {
  std::string diff = testing::check_golden("demo.json", render_json(demo_document()));
  EXPECT_TRUE(diff.empty()) << diff;
}

}  // namespace
}  // namespace dxmon::report
