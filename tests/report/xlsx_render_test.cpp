// The XLSX of the demonstration report, reopened with the project's own XLSX reader.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <set>
#include <string>

#include "io/problem.h"
#include "io/xlsx_reader.h"
#include "io/zip_archive.h"
#include "report/demo_document.h"
#include "report/render.h"
#include "report/xml_text.h"
#include "report_test_util.h"

namespace dxmon::report {
namespace {

std::vector<io::Grid> reopen(const Document& doc, const std::string& name) {
  std::string path = testing::scratch_dir(name) + "/" + name + ".xlsx";
  testing::write_file(path, render_xlsx(doc));
  io::Problems problems;
  auto grids = io::read_xlsx(path, name + ".xlsx", problems);
  EXPECT_TRUE(problems.empty());
  return grids;
}

const io::Cell* cell(const io::Grid& g, int row, std::size_t col) {
  for (const auto& r : g.rows)
    if (r.row == row) return col < r.cells.size() ? &r.cells[col] : nullptr;
  return nullptr;
}

TEST(XlsxRender, OneSheetPerTableAndChart) {
  auto grids = reopen(demo_document(), "demo");
  ASSERT_EQ(grids.size(), 3u);
  EXPECT_EQ(grids[0].sheet, "Bảng 1. Các mục tiêu đã hoàn th");  // cut to 31 characters
  EXPECT_EQ(utf8_length(grids[0].sheet), 31u);
  EXPECT_EQ(grids[2].sheet, "Nhiệm vụ do Bộ TT&TT chủ trì");
  const io::Grid& t = grids[0];
  ASSERT_EQ(t.rows.size(), 11u);
  EXPECT_EQ(cell(t, 1, 0)->text, "STT");
  EXPECT_EQ(cell(t, 1, 5)->text, "Nguồn");
  EXPECT_EQ(cell(t, 2, 1)->text, "Cung cấp dịch vụ chất lượng phục vụ xã hội");
  EXPECT_EQ(cell(t, 2, 2)->text, "Cung cấp dịch vụ chất lượng phục vụ xã hội");  // merged group row
}

TEST(XlsxRender, FiguresAreNumbersOnlyWhenTheTextIsANumber) {
  auto grids = reopen(demo_document(), "numbers");
  const io::Grid& t = grids[0];
  // Row 8 is "2.4 | … | 45% | 59,38% | ≥ 50%".
  EXPECT_EQ(cell(t, 8, 0)->text, "2.4");
  EXPECT_FALSE(cell(t, 8, 0)->number);
  EXPECT_EQ(cell(t, 8, 3)->text, "59,38%");  // the reader shows percent-formatted numbers as printed
  EXPECT_EQ(cell(t, 8, 4)->text, "≥ 50%");
  EXPECT_FALSE(cell(t, 8, 4)->number);
  EXPECT_EQ(cell(t, 3, 2)->text, "-");
  EXPECT_FALSE(cell(t, 3, 2)->number);

  // The stored value is the fraction with a percent format of the same decimals.
  std::string path = testing::scratch_dir("numbers_raw") + "/n.xlsx";
  testing::write_file(path, render_xlsx(demo_document()));
  io::ZipReader zip(path);
  pugi::xml_document sheet;
  ASSERT_TRUE(sheet.load_string(zip.read("xl/worksheets/sheet1.xml")->c_str()));
  auto c = sheet.select_node("//c[@r='D8']").node();
  EXPECT_STREQ(c.child("v").text().get(), "0.5938");
  pugi::xml_document styles;
  ASSERT_TRUE(styles.load_string(zip.read("xl/styles.xml")->c_str()));
  int xf = c.attribute("s").as_int();
  auto fmt_id = styles.select_nodes("//cellXfs/xf")[static_cast<std::size_t>(xf)].node().attribute("numFmtId").value();
  std::string query = std::string("//numFmt[@numFmtId='") + fmt_id + "']";
  EXPECT_STREQ(styles.select_node(query.c_str()).node().attribute("formatCode").value(), "0.00%");
}

TEST(XlsxRender, SheetNamesAreValidAndUnique) {
  Document doc;
  Table t;
  t.columns = {Column{}};
  t.header.push_back(Row{{"A"}});
  t.body.push_back(Row{{"1.502.045.890"}});
  for (const char* caption : {"Bảng 1: số liệu [tháng 3/2024]?", "Bảng 1: số liệu [tháng 3/2024]?", "",
                              "Một tên rất dài vượt quá giới hạn ba mươi mốt ký tự của Excel",
                              "Một tên rất dài vượt quá giới hạn ba mươi mốt ký tự của Excel"}) {
    t.caption = caption;
    doc.sections.push_back(Section{1, "", "", {t}});
  }
  auto grids = reopen(doc, "names");
  ASSERT_EQ(grids.size(), 5u);
  std::set<std::string> names;
  for (const auto& g : grids) {
    EXPECT_LE(utf8_length(g.sheet), 31u) << g.sheet;
    EXPECT_EQ(g.sheet.find_first_of("[]:*?/\\"), std::string::npos) << g.sheet;
    names.insert(g.sheet);
  }
  EXPECT_EQ(names.size(), 5u);
  EXPECT_EQ(grids[0].sheet, "Bảng 1- số liệu -tháng 3-2024--");
  EXPECT_EQ(grids[1].sheet, "Bảng 1- số liệu -tháng 3-20 (2)");
  EXPECT_EQ(grids[2].sheet, "Bảng 3");
  EXPECT_EQ(grids[4].sheet, "Một tên rất dài vượt quá gi (2)");
  EXPECT_TRUE(cell(grids[0], 2, 0)->number);
  EXPECT_EQ(cell(grids[0], 2, 0)->text, "1502045890");
}

}  // namespace
}  // namespace dxmon::report
