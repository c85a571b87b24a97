// XLSX: dxmon's writer and reader agree; the reader copes with what other tools write
// (percent and date formats, "5.0", escapes) — hand-built workbooks are in tests/fixtures and
// import_validation_test.cpp.
#include <gtest/gtest.h>

#include "io/xlsx_reader.h"
#include "io/xlsx_writer.h"
#include "io/zip_archive.h"
#include "io_test_support.h"

namespace dxmon::io {
namespace {

using namespace dxmon::io::testing;

TEST(Xlsx, WriterOutputReadsBackCellForCell) {
  TempDir dir;
  SheetOut s;
  s.name = "observations";
  s.header = {"indicator", "value", "comment"};
  s.rows.push_back({Cell{"qd942.01", false, ""}, Cell{"58.41", true, ""}, Cell{"dòng 1\r\ndòng 2 _x0041_ <&>", false, ""}});
  s.rows.push_back({Cell{"qd942.02", false, ""}, Cell{"", false, ""}, Cell{" lề ", false, ""}});
  write_xlsx(dir.file("a.xlsx"), {s});
  Problems problems;
  auto grids = read_xlsx(dir.file("a.xlsx"), "a.xlsx", problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_EQ(grids.size(), 1u);
  const Grid& g = grids[0];
  EXPECT_EQ(g.sheet, "observations");
  ASSERT_EQ(g.rows.size(), 3u);
  EXPECT_EQ(g.rows[0].cells[1].text, "value");
  EXPECT_EQ(g.rows[1].cells[1].text, "58.41");
  EXPECT_TRUE(g.rows[1].cells[1].number);
  EXPECT_EQ(g.rows[1].cells[2].text, "dòng 1\r\ndòng 2 _x0041_ <&>");
  EXPECT_EQ(g.rows[2].row, 3);
  EXPECT_EQ(g.rows[2].cells[2].text, " lề ");
  EXPECT_EQ(g.rows[2].cells[2].column, "C");
  // The same tables give the same bytes (fixed zip timestamps).
  write_xlsx(dir.file("b.xlsx"), {s});
  EXPECT_EQ(read_file(dir.file("a.xlsx")), read_file(dir.file("b.xlsx")));
}

TEST(Xlsx, PercentAndDateFormattedNumbersAndOtherWritersIntegers) {
  TempDir dir;
  const std::string styles =
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>)"
      R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/></cellXfs></styleSheet>)";
  const std::string sheet =
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
      R"(<row r="2"><c r="B2" s="1"><v>0.5841</v></c><c r="C2" s="2"><v>45338</v></c><c r="D2"><v>1.502045890E9</v></c>)"
      R"(<c r="E2" t="b"><v>1</v></c><c r="F2" t="str"><v>công thức</v></c></row></sheetData></worksheet>)";
  write_zip(dir.file("other.xlsx"),
            {{"xl/workbook.xml",
              R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
              R"(<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
             {"xl/_rels/workbook.xml.rels",
              R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)"},
             {"xl/styles.xml", styles},
             {"xl/worksheets/sheet1.xml", sheet}});
  Problems problems;
  auto grids = read_xlsx(dir.file("other.xlsx"), "other.xlsx", problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_EQ(grids.size(), 1u);
  ASSERT_EQ(grids[0].rows.size(), 1u);
  const auto& cells = grids[0].rows[0].cells;
  ASSERT_EQ(cells.size(), 6u);
  EXPECT_EQ(cells[0].text, "");
  EXPECT_EQ(cells[1].text, "58,41%");      // as the official typed and saw it
  EXPECT_EQ(cells[2].text, "2024-02-16");  // serial 45338
  EXPECT_EQ(cells[3].text, "1502045890");
  EXPECT_TRUE(cells[3].number);
  EXPECT_EQ(cells[4].text, "yes");
  EXPECT_EQ(cells[5].text, "công thức");
}

TEST(Xlsx, NotAWorkbookIsOneProblemForTheFile) {
  TempDir dir;
  write_file(dir.file("fake.xlsx"), "this is not a zip file");
  Problems problems;
  auto grids = read_xlsx(dir.file("fake.xlsx"), "fake.xlsx", problems);
  EXPECT_TRUE(grids.empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, "fake.xlsx");
  EXPECT_EQ(problems[0].row, 0);
  EXPECT_NE(problems[0].what.find("XLSX"), std::string::npos);
}

}  // namespace
}  // namespace dxmon::io
