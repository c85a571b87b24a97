// Workbooks laid out the way officials' tools write them, not by dxmon's writer: a notes sheet
// first, Vietnamese sheet names and headers, title rows above the header, cells merged down a
// column (a target split over two rows, the programme of several tasks), shared and inline
// strings. Built here with the zip writer, SpreadsheetML by hand. Also --sheet and --kind.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "io/zip_archive.h"
#include "io_test_support.h"

namespace dxmon::io {
namespace {

using namespace dxmon::io::testing;

// One sheet: cells by reference ("B3") → text (written as inline strings, or numbers when `n:`
// prefixes the text), and merged ranges ("A3:A4").
struct HandSheet {
  std::string name;
  std::map<std::string, std::string> cells;
  std::vector<std::string> merges;
};

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

std::string row_of(const std::string& ref) { return ref.substr(ref.find_first_of("0123456789")); }

std::string sheet_xml(const HandSheet& s) {
  // Rows in order, cells in order within a row (std::map orders "A10" before "A2": sort by row number).
  std::map<int, std::vector<std::pair<std::string, std::string>>> rows;
  for (const auto& [ref, text] : s.cells) rows[std::stoi(row_of(ref))].emplace_back(ref, text);
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
  for (const auto& [r, cells] : rows) {
    xml += "<row r=\"" + std::to_string(r) + "\">";
    for (const auto& [ref, text] : cells) {
      if (text.rfind("n:", 0) == 0) xml += "<c r=\"" + ref + "\"><v>" + text.substr(2) + "</v></c>";
      else xml += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + escape(text) + "</t></is></c>";
    }
    xml += "</row>";
  }
  xml += "</sheetData>";
  if (!s.merges.empty()) {
    xml += "<mergeCells count=\"" + std::to_string(s.merges.size()) + "\">";
    for (const auto& m : s.merges) xml += "<mergeCell ref=\"" + m + "\"/>";
    xml += "</mergeCells>";
  }
  return xml + "</worksheet>";
}

void write_workbook(const std::string& path, const std::vector<HandSheet>& sheets) {
  std::string workbook = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                         R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                         R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)";
  std::string rels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                     R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  std::vector<std::pair<std::string, std::string>> parts;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook += "<sheet name=\"" + escape(sheets[i].name) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet" + n + ".xml\"/>";
    parts.emplace_back("xl/worksheets/sheet" + n + ".xml", sheet_xml(sheets[i]));
  }
  parts.emplace_back("xl/workbook.xml", workbook + "</sheets></workbook>");
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  write_zip(path, parts);
}

HandSheet notes_sheet() { return {"Hướng dẫn", {{"A1", "Điền số liệu vào các trang sau; không sửa dòng tiêu đề."}}, {}}; }

// A new body, a programme, a target split between ministries and provinces over two rows whose
// target-level cells are merged, and two tasks sharing a merged programme cell.
std::vector<HandSheet> plan_workbook() {
  HandSheet units{"Đơn vị",
                  {{"A1", "DANH SÁCH ĐƠN VỊ"},
                   {"A2", "Mã"}, {"B2", "Tên"}, {"C2", "Loại"}, {"D2", "short_names"},
                   {"A3", "ban-cds"}, {"B3", "Ban Chỉ đạo chuyển đổi số thử nghiệm"}, {"C3", "Cơ quan khác"},
                   {"D3", "BCĐ CĐS; Ban CĐS"},
                   {"A4", "to-cds"}, {"B4", "Tổ công tác chuyển đổi số thử nghiệm"}},
                  {"A1:D1", "C3:C4"}};
  HandSheet programmes{"Kế hoạch",
                       {{"A1", "code"}, {"B1", "name"}, {"C1", "kind"}, {"D1", "lead_agency"},
                        {"A2", "kh-thu-nghiem"}, {"B2", "Kế hoạch chuyển đổi số thử nghiệm năm 2025"}, {"C2", "plan"},
                        {"D2", "BCĐ CĐS"}},
                       {}};
  HandSheet targets{"Mục tiêu",
                    {{"A1", "CÁC MỤC TIÊU NĂM 2025"},
                     {"A2", "programme"}, {"B2", "Mã"}, {"C2", "STT"}, {"D2", "label"}, {"E2", "heading"},
                     {"F2", "deadline"}, {"G2", "indicator"}, {"H2", "item_label"}, {"I2", "Mục tiêu"}, {"J2", "scope"},
                     {"A3", "kh-thu-nghiem"}, {"B3", "01"}, {"C3", "1.1"},
                     {"D3", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"},
                     {"E3", "Cung cấp dịch vụ chất lượng phục vụ xã hội"}, {"F3", "n:2025"},
                     {"G3", "khhd2022.10a"}, {"H3", "Bộ phận một cửa cấp bộ"}, {"I3", "≥ 80%"}, {"J3", "bo_nganh"},
                     {"G4", "khhd2022.10b"}, {"H4", "Bộ phận một cửa cấp tỉnh"}, {"I4", "Trên 50%"},
                     {"J4", "địa phương"}},
                    {"A1:J1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4"}};
  HandSheet tasks{"Nhiệm vụ",
                  {{"A1", "code"}, {"B1", "programme"}, {"C1", "name"}, {"D1", "lead_agency"}, {"E1", "deadline"},
                   {"F1", "status"},
                   {"A2", "kh-thu-nghiem.01"}, {"B2", "kh-thu-nghiem"}, {"C2", "Ban hành quy chế số hóa hồ sơ"},
                   {"D2", "Ban CĐS"}, {"E2", "Quý II năm 2025"}, {"F2", "Đang thực hiện"},
                   {"A3", "kh-thu-nghiem.02"}, {"C3", "Kết nối hệ thống một cửa điện tử"}, {"F3", "Hoàn thành"}},
                  {"B2:B3", "D2:D3"}};
  return {notes_sheet(), units, programmes, targets, tasks};
}

class HandmadeWorkbook : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store("sqlite:" + dir_.file("store.db"));
    auto report = import_files(*store_, builtin_files(), options());
    ASSERT_TRUE(report.ok()) << all_problems(report);
    write_workbook(dir_.file("ke_hoach_thu_nghiem.xlsx"), plan_workbook());
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(HandmadeWorkbook, UnitsTargetsAndTasksWithMergedCells) {
  auto report = import_files(*store_, {dir_.file("ke_hoach_thu_nghiem.xlsx")}, options());
  ASSERT_TRUE(report.ok()) << all_problems(report);
  // The notes sheet is not data; the four kinds come from their Vietnamese sheet names.
  ASSERT_EQ(report.tables.size(), 4u);
  EXPECT_EQ(report.tables[0].sheet, "Đơn vị");
  EXPECT_EQ(report.tables[0].kind, "units");

  // Units: the title row is skipped, the merged kind cell gives both rows their kind.
  std::map<std::string, ReportingUnit> units;
  for (auto& u : store_->units()) units[u.code] = u;
  ASSERT_TRUE(units.count("ban-cds") && units.count("to-cds"));
  EXPECT_EQ(units["ban-cds"].kind, UnitKind::Other);
  EXPECT_EQ(units["to-cds"].kind, UnitKind::Other);
  EXPECT_EQ(units["ban-cds"].short_names, (std::vector<std::string>{"BCĐ CĐS", "Ban CĐS"}));

  // The programme's lead agency written by its short name.
  auto programmes = store_->programmes();
  auto p = std::find_if(programmes.begin(), programmes.end(), [](const Programme& x) { return x.code == "kh-thu-nghiem"; });
  ASSERT_NE(p, programmes.end());
  EXPECT_EQ(p->lead_agency, "ban-cds");

  // The target: the merged cells give the second item its programme, code, label, heading and
  // deadline; each item keeps its own comparator and scope.
  auto targets = store_->targets("kh-thu-nghiem");
  ASSERT_EQ(targets.size(), 1u);
  const Target& t = targets[0];
  EXPECT_EQ(t.code, "01");
  EXPECT_EQ(t.printed_no, "1.1");
  EXPECT_EQ(t.heading, "Cung cấp dịch vụ chất lượng phục vụ xã hội");
  EXPECT_EQ(t.deadline, Period::of_year(2025));
  ASSERT_EQ(t.items.size(), 2u);
  EXPECT_EQ(t.items[0].indicator, "khhd2022.10a");
  EXPECT_EQ(t.items[0].comparator, Comparator::AtLeast);
  EXPECT_EQ(t.items[0].value, 80);
  EXPECT_EQ(t.items[0].scope, UnitGroup::Ministries);
  EXPECT_EQ(t.items[1].label, "Bộ phận một cửa cấp tỉnh");
  EXPECT_EQ(t.items[1].comparator, Comparator::Above);
  EXPECT_EQ(t.items[1].value, 50);
  EXPECT_EQ(t.items[1].scope, UnitGroup::Provinces);

  // The tasks: the merged programme and lead agency cells, Vietnamese statuses and deadline.
  auto tasks = store_->tasks("kh-thu-nghiem");
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].lead_agency, "ban-cds");
  EXPECT_EQ(tasks[0].deadline, Period::of_quarter(2025, 2));
  EXPECT_EQ(tasks[0].current_status(), TaskStatus::InProgress);
  EXPECT_EQ(tasks[1].programme, "kh-thu-nghiem");
  EXPECT_EQ(tasks[1].lead_agency, "ban-cds");  // merged D2:D3
  EXPECT_EQ(tasks[1].current_status(), TaskStatus::Completed);
}

// --sheet reads that sheet only, whatever its name says; an unknown sheet is a problem that lists
// the sheets there are.
TEST_F(HandmadeWorkbook, SheetOptionReadsOnlyThatSheet) {
  // Units and the programme first, from their own sheets.
  ImportOptions first = options();
  first.sheet = "Đơn vị";
  auto report = import_files(*store_, {dir_.file("ke_hoach_thu_nghiem.xlsx")}, first);
  ASSERT_TRUE(report.ok()) << all_problems(report);
  ASSERT_EQ(report.tables.size(), 1u);
  EXPECT_EQ(report.tables[0].kind, "units");
  EXPECT_TRUE(store_->programmes().size() == 3u);  // the programmes sheet was not read

  ImportOptions programmes = options();
  programmes.sheet = "ke hoach";  // matched without regard to case and diacritics
  report = import_files(*store_, {dir_.file("ke_hoach_thu_nghiem.xlsx")}, programmes);
  ASSERT_TRUE(report.ok()) << all_problems(report);
  EXPECT_EQ(store_->programmes().size(), 4u);
  EXPECT_TRUE(store_->tasks("kh-thu-nghiem").empty());

  ImportOptions missing = options();
  missing.sheet = "Số liệu";
  report = import_files(*store_, {dir_.file("ke_hoach_thu_nghiem.xlsx")}, missing);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].what.find("không có trang tính \"Số liệu\""), std::string::npos);
  EXPECT_NE(report.problems[0].fix.find("\"Hướng dẫn\", \"Đơn vị\", \"Kế hoạch\", \"Mục tiêu\", \"Nhiệm vụ\""),
            std::string::npos)
      << report.problems[0].fix;
}

// --kind with a workbook whose sheets are not named by kind reads the first sheet; when a sheet is
// named by that kind, that sheet.
TEST_F(HandmadeWorkbook, KindOptionReadsTheFirstSheetOrTheOneNamedByTheKind) {
  HandSheet list{"Danh sách",
                 {{"A1", "code"}, {"B1", "programme"}, {"C1", "name"}, {"D1", "status"},
                  {"A2", "khhd2022.them.01"}, {"B2", "khhd2022"}, {"C2", "Nhiệm vụ bổ sung"}, {"D2", "chưa triển khai"}},
                 {}};
  write_workbook(dir_.file("danh_sach.xlsx"), {list, notes_sheet()});
  ImportOptions kind = options();
  kind.kind = "tasks";
  auto report = import_files(*store_, {dir_.file("danh_sach.xlsx")}, kind);
  ASSERT_TRUE(report.ok()) << all_problems(report);
  ASSERT_EQ(report.tables.size(), 1u);
  EXPECT_EQ(report.tables[0].sheet, "Danh sách");
  auto tasks = store_->tasks("khhd2022");
  EXPECT_TRUE(std::any_of(tasks.begin(), tasks.end(), [](const Task& t) {
    return t.code == "khhd2022.them.01" && t.current_status() == TaskStatus::NotStarted;
  }));

  // The first sheet is notes; the one named "Nhiệm vụ" is read.
  HandSheet named = list;
  named.name = "Nhiệm vụ";
  named.cells["A2"] = "khhd2022.them.02";
  write_workbook(dir_.file("co_ten.xlsx"), {notes_sheet(), named});
  report = import_files(*store_, {dir_.file("co_ten.xlsx")}, kind);
  ASSERT_TRUE(report.ok()) << all_problems(report);
  EXPECT_EQ(report.tables[0].sheet, "Nhiệm vụ");
  EXPECT_EQ(store_->tasks("khhd2022").size(), tasks.size() + 1);
}

}  // namespace
}  // namespace dxmon::io
