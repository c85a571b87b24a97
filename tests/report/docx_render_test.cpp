// The DOCX of the demonstration report, unzipped with libzip and read with pugixml: the page and
// margins of Nghị định 30/2020, the heading, real footnotes, table headers, page numbers.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <set>
#include <string>

#include "io/zip_archive.h"
#include "report/demo_document.h"
#include "report/render.h"
#include "report_test_util.h"

namespace dxmon::report {
namespace {

class DocxRender : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string dir = testing::scratch_dir("docx");
    path_ = dir + "/demo.docx";
    testing::write_file(path_, render_docx(demo_document()));
    zip_ = std::make_unique<io::ZipReader>(path_);
  }
  pugi::xml_document part(const std::string& name) {
    auto text = zip_->read(name);
    EXPECT_TRUE(text) << name << " is missing from the package";
    pugi::xml_document doc;
    auto result = doc.load_string(text ? text->c_str() : "");
    EXPECT_TRUE(result) << name << ": " << result.description() << " at offset " << result.offset;
    return doc;
  }
  std::string path_;
  std::unique_ptr<io::ZipReader> zip_;
};

std::string all_text(pugi::xml_node node) {
  std::string out;
  for (auto t : node.select_nodes(".//w:t")) out += t.node().text().get();
  return out;
}

TEST_F(DocxRender, EveryPartIsWellFormedXml) {
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                           "word/styles.xml", "word/settings.xml", "word/footnotes.xml", "word/header1.xml",
                           "word/header2.xml"})
    part(name);
  auto types = part("[Content_Types].xml");
  EXPECT_TRUE(types.select_node("//Override[@PartName='/word/footnotes.xml']"));
}

TEST_F(DocxRender, PageIsA4WithTheDecreeMargins) {
  auto doc = part("word/document.xml");
  auto sect = doc.select_node("/w:document/w:body/w:sectPr").node();
  ASSERT_TRUE(sect);
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:w").as_int(), 11906);
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:h").as_int(), 16838);
  auto mar = sect.child("w:pgMar");
  EXPECT_EQ(mar.attribute("w:top").as_int(), 1134);     // 20 mm
  EXPECT_EQ(mar.attribute("w:bottom").as_int(), 1134);  // 20 mm
  EXPECT_EQ(mar.attribute("w:left").as_int(), 1701);    // 30 mm
  EXPECT_EQ(mar.attribute("w:right").as_int(), 851);    // 15 mm
  // Page numbers from page 2: a distinct (empty) first-page header and a PAGE field in the default one.
  EXPECT_TRUE(sect.child("w:titlePg"));
  EXPECT_TRUE(sect.select_node("w:headerReference[@w:type='first']"));
  auto header = part("word/header1.xml");
  EXPECT_NE(std::string(header.select_node("//w:instrText").node().text().get()).find("PAGE"), std::string::npos);
  EXPECT_STREQ(header.select_node("//w:jc").node().attribute("w:val").value(), "center");
  EXPECT_FALSE(part("word/header2.xml").select_node("//w:instrText"));
}

TEST_F(DocxRender, BodyFontIsTimesNewRoman14) {
  auto styles = part("word/styles.xml");
  auto rpr = styles.select_node("//w:docDefaults/w:rPrDefault/w:rPr").node();
  EXPECT_STREQ(rpr.child("w:rFonts").attribute("w:ascii").value(), "Times New Roman");
  EXPECT_EQ(rpr.child("w:sz").attribute("w:val").as_int(), 28);
}

TEST_F(DocxRender, HeadingHasBodyNationalTitleMottoAndDate) {
  auto doc = part("word/document.xml");
  auto heading = doc.select_node("/w:document/w:body/w:tbl[1]").node();
  ASSERT_TRUE(heading);
  std::string text = all_text(heading);
  EXPECT_NE(text.find("BỘ THÔNG TIN VÀ TRUYỀN THÔNG"), std::string::npos);
  EXPECT_NE(text.find("Số: 14/BC-BTTTT"), std::string::npos);
  auto run_with = [&](const char* t) {
    for (auto r : heading.select_nodes(".//w:r"))
      if (all_text(r.node()) == t) return r.node();
    return pugi::xml_node();
  };
  auto nation = run_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  ASSERT_TRUE(nation);
  EXPECT_TRUE(nation.select_node("w:rPr/w:b"));
  auto motto = run_with("Độc lập - Tự do - Hạnh phúc");
  ASSERT_TRUE(motto);
  EXPECT_TRUE(motto.select_node("w:rPr/w:b"));
  EXPECT_TRUE(motto.select_node("w:rPr/w:u"));
  auto date = run_with("Hà Nội, ngày 16 tháng 02 năm 2024");
  ASSERT_TRUE(date);
  EXPECT_TRUE(date.select_node("w:rPr/w:i"));
  // The title follows the heading table, centred and bold.
  auto title = heading.next_sibling("w:p");
  EXPECT_EQ(all_text(title), "BÁO CÁO");
  EXPECT_STREQ(title.select_node("w:pPr/w:jc").node().attribute("w:val").value(), "center");
  EXPECT_TRUE(title.select_node("w:r/w:rPr/w:b"));
}

TEST_F(DocxRender, FootnotesAreRealWordFootnotes) {
  auto doc = part("word/document.xml");
  std::set<int> referenced;
  for (auto ref : doc.select_nodes("//w:footnoteReference")) referenced.insert(ref.node().attribute("w:id").as_int());
  EXPECT_EQ(referenced, (std::set<int>{1, 2}));
  auto notes = part("word/footnotes.xml");
  auto first = notes.select_node("//w:footnote[@w:id='1']").node();
  ASSERT_TRUE(first);
  EXPECT_TRUE(first.select_node(".//w:footnoteRef"));
  EXPECT_NE(all_text(first).find("Trừ văn bản mật"), std::string::npos);
  EXPECT_TRUE(notes.select_node("//w:footnote[@w:type='separator']"));
  EXPECT_TRUE(part("word/settings.xml").select_node("//w:footnotePr"));
}

TEST_F(DocxRender, DataTablesHaveBordersRepeatedHeadersAndGroupRows) {
  auto doc = part("word/document.xml");
  pugi::xml_node table;
  for (auto t : doc.select_nodes("//w:tbl"))
    if (all_text(t.node()).find("Mục tiêu 2025") != std::string::npos) table = t.node();
  ASSERT_TRUE(table);
  EXPECT_STREQ(table.select_node("w:tblPr/w:tblBorders/w:insideH").node().attribute("w:val").value(), "single");
  auto rows = table.select_nodes("w:tr");
  ASSERT_EQ(rows.size(), 1u + 7u + 3u);  // header, 7 indicator rows, 3 group rows
  EXPECT_TRUE(rows[0].node().select_node("w:trPr/w:tblHeader"));
  EXPECT_FALSE(rows[1].node().select_node("w:trPr/w:tblHeader"));
  // Row 1 is a group row: its title spans the four columns after STT, and it is kept with the row
  // after it (keep-with-next on its paragraphs) so that it never ends a page alone.
  EXPECT_EQ(rows[1].node().select_node("w:tc[2]/w:tcPr/w:gridSpan").node().attribute("w:val").as_int(), 4);
  for (auto p : rows[1].node().select_nodes(".//w:p")) EXPECT_TRUE(p.node().select_node("w:pPr/w:keepNext"));
  for (auto p : rows[2].node().select_nodes(".//w:p")) EXPECT_FALSE(p.node().select_node("w:pPr/w:keepNext"));
  EXPECT_EQ(table.select_nodes("w:tblGrid/w:gridCol").size(), 5u);
  // Cell sources are given in a "Nguồn:" line under the table; a column with mixed sources marks
  // its cells with letters.
  std::string note = all_text(table.next_sibling("w:p"));
  EXPECT_EQ(note.rfind("Nguồn: Kết quả 2023: Báo cáo số 14/BC-BTTTT ngày 16/02/2024; (a) ", 0), 0u) << note;
  EXPECT_NE(note.find("(b) Bộ Công Thương"), std::string::npos) << note;
  auto mark = rows[9].node().select_node("w:tc[3]//w:r[last()]").node();  // row 3.1, Kết quả 2022
  EXPECT_EQ(all_text(mark), "b");
  EXPECT_STREQ(mark.select_node("w:rPr/w:vertAlign").node().attribute("w:val").value(), "superscript");
  // The chart is given as a table of its series.
  bool chart_table = false;
  for (auto t : doc.select_nodes("//w:tbl"))
    if (all_text(t.node()).find("Hợp đồng điện tử") != std::string::npos &&
        all_text(t.node()).find("Năm 2023") != std::string::npos)
      chart_table = true;
  EXPECT_TRUE(chart_table);
}

TEST_F(DocxRender, ClosingHasRecipientsAndSignature) {
  auto doc = part("word/document.xml");
  std::string text = all_text(doc.document_element());
  for (const char* s : {"Nơi nhận:", "- Thủ tướng Chính phủ (để b/c);", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG",
                        "Nguyễn Huy Dũng", "Phụ lục", "(Kèm theo Báo cáo số 14/BC-BTTTT"})
    EXPECT_NE(text.find(s), std::string::npos) << s;
  for (auto r : doc.select_nodes("//w:r"))
    if (all_text(r.node()) == "Nơi nhận:") {
      EXPECT_TRUE(r.node().select_node("w:rPr/w:b"));
      EXPECT_TRUE(r.node().select_node("w:rPr/w:i"));
      EXPECT_EQ(r.node().select_node("w:rPr/w:sz").node().attribute("w:val").as_int(), 24);
    }
}

TEST(DocxRenderBytes, SameDocumentGivesSameBytes) {
  EXPECT_EQ(render_docx(demo_document()), render_docx(demo_document()));
  EXPECT_EQ(render_xlsx(demo_document()), render_xlsx(demo_document()));
}

TEST(DocxRenderBytes, TextIsEscaped) {
  Document doc = demo_document();
  doc.front.subject = {"A & B <C> \"D\""};
  std::string dir = testing::scratch_dir("docx_escape");
  testing::write_file(dir + "/e.docx", render_docx(doc));
  io::ZipReader zip(dir + "/e.docx");
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(zip.read("word/document.xml")->c_str()));
  EXPECT_NE(all_text(x.document_element()).find("A & B <C> \"D\""), std::string::npos);
}

}  // namespace
}  // namespace dxmon::report
