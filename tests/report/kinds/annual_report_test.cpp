// The annual report on Quyết định 942/QĐ-TTg for 2023 built from the built-in data, against seed 000
// (report 14/BC-BTTTT of 16/02/2024): front matter, the 35 targets in their groups with values and
// sources, the summary counts, the computed classes against the printed grouping, the tasks.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "assess/comparison.h"
#include "report/kinds/report_kinds.h"
#include "report/render.h"
#include "support/builtin_data.h"
#include "text/number.h"
#include "text/text.h"
#include "../report_test_util.h"
#include "document_query.h"

namespace dxmon::report {
namespace {

using namespace testing;

const Section* section(const Document& doc, const std::string& number) {
  return section_numbered(doc.sections, number);
}

const Dataset& builtin() {
  static const Dataset data = dxmon::testing::load_builtin_dataset();
  return data;
}

ReportInputs inputs() {
  ReportInputs in;
  in.data = builtin();
  return in;
}

ReportRequest request(bool apply_overrides = true) {
  ReportRequest rq;
  rq.programme = "qd942";
  rq.period = Period::of_year(2023);
  rq.apply_overrides = apply_overrides;
  rq.date = Date{2024, 2, 16};
  rq.number = "14/BC-BTTTT";
  return rq;
}

// The grouping seed 000 printed, as the 35 overrides an authorised person would record: the group
// is read from each target's printed heading, the reason names the printed table.
std::vector<Override> printed_grouping_overrides(const Dataset& data) {
  std::vector<Override> out;
  for (const Target& t : data.targets) {
    if (t.programme != "qd942") continue;
    const PrintedGroup g = parse_printed_group(t.printed_group);
    if (!g.group) continue;
    Override o;
    o.programme = t.programme;
    o.target = t.code;
    o.period = Period::of_year(2023);
    o.group = *g.group;
    o.who = "Bộ Thông tin và Truyền thông";
    o.when = Date{2024, 2, 16};
    o.why = "Báo cáo số 14/BC-BTTTT xếp mục tiêu vào “" + t.printed_group + "”";
    o.source = t.source;
    out.push_back(o);
  }
  return out;
}

ReportInputs inputs_with_printed_overrides() {
  ReportInputs in = inputs();
  in.data.overrides.erase(std::remove_if(in.data.overrides.begin(), in.data.overrides.end(),
                                         [](const Override& o) { return o.programme == "qd942"; }),
                          in.data.overrides.end());
  for (Override& o : printed_grouping_overrides(in.data)) in.data.overrides.push_back(std::move(o));
  return in;
}

ReportInputs inputs_without_overrides() {
  ReportInputs in = inputs();
  in.data.overrides.clear();
  return in;
}

const Target& target(const std::string& code) {
  for (const Target& t : builtin().targets)
    if (t.programme == "qd942" && t.code == code) return t;
  throw std::out_of_range("no target " + code);
}

// The targets' tables, one per group, in order: 1.1., 1.2. …
std::vector<const Table*> group_tables(const Document& doc) {
  std::vector<const Table*> out;
  for (const Section& s : doc.sections)
    if (s.level == 3 && s.number.rfind("1.", 0) == 0)
      for (const Table* t : blocks<Table>(s)) out.push_back(t);
  return out;
}

std::vector<const Row*> body_rows(const Table& t) {
  std::vector<const Row*> out;
  for (const Row& r : t.body)
    if (r.kind == RowKind::Body) out.push_back(&r);
  return out;
}

const Row* row_named(const Table& t, const std::string& label) {
  for (const Row* r : body_rows(t))
    if (r->cells.size() > 1 && r->cells[1].text() == label) return r;
  return nullptr;
}

bool has_row(const Table& t, const std::string& label) { return row_named(t, label) != nullptr; }

// The row of the differences table about `t`: its name cell is the label and "(STT x.y, Bảng n)".
const Row* difference_row(const Table& differences, const Target& t) {
  const std::string start = t.label + " (STT " + t.printed_no + ", Bảng ";
  for (const Row* r : body_rows(differences))
    if (r->cells.size() > 1 && r->cells[1].text().rfind(start, 0) == 0) return r;
  return nullptr;
}

// The row a cross-reference "(STT x.y, Bảng n)" points to: table n's row whose STT cell is x.y.
const Row* referenced_row(const Document& doc, const std::string& name_cell) {
  const auto open = name_cell.rfind(" (STT ");
  const auto comma = name_cell.find(", Bảng ", open);
  if (open == std::string::npos || comma == std::string::npos) return nullptr;
  const std::string stt = name_cell.substr(open + 6, comma - open - 6);
  const std::string table = name_cell.substr(comma + 2, name_cell.size() - comma - 3);  // "Bảng n"
  const Table* t = table_with_caption(doc, table + ".");
  if (!t) return nullptr;
  for (const Row* r : body_rows(*t))
    if (r->cells[0].text() == stt) return r;
  return nullptr;
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

// The codes of seed 000's targets by printed table (lines 37–109).
const std::vector<std::string> kPrintedAchieved = {"01", "02", "03", "04", "05", "06", "07"};
const std::vector<std::string> kNoValue2023 = {"19", "20", "21", "22", "23", "24", "28",
                                               "30", "31", "32", "33", "34", "35"};

TEST(AnnualReport, FrontMatterNamesTheProgrammeAndTheReport) {
  const Document doc = build_annual_report(inputs_without_overrides(), request());
  EXPECT_EQ(doc.front.issuing_body, "BỘ THÔNG TIN VÀ TRUYỀN THÔNG");
  EXPECT_EQ(doc.front.number, "14/BC-BTTTT");
  EXPECT_EQ(doc.front.place, "Hà Nội");
  EXPECT_EQ(doc.front.date, "ngày 16 tháng 02 năm 2024");
  const std::string subject = text::join(doc.front.subject, " ");
  EXPECT_EQ(subject,
            "Tình hình thực hiện Quyết định số 942/QĐ-TTg ngày 15/06/2021 phê duyệt Chiến lược phát triển Chính phủ "
            "điện tử hướng tới Chính phủ số giai đoạn 2021-2025, định hướng đến năm 2030");
  EXPECT_GT(doc.front.subject.size(), 1u);  // on several short lines, as printed
  ASSERT_FALSE(doc.sections.empty());
  EXPECT_NE(all_text(doc.sections[0]).find("xin báo cáo tình hình thực hiện Quyết định số 942/QĐ-TTg năm 2023 như sau:"),
            std::string::npos);

  ReportRequest draft = request();
  draft.number.clear();
  draft.date = Date{};
  const Document d = build_annual_report(inputs_without_overrides(), draft);
  EXPECT_EQ(d.front.number, "     /BC-BTTTT");
  EXPECT_NE(d.front.date.find("năm 2024"), std::string::npos);
}

TEST(AnnualReport, WithThePrintedGroupingAsOverridesCountsAsSeed000) {
  const Document doc = build_annual_report(inputs_with_printed_overrides(), request(true));
  const Section* s = section(doc, "1.");
  ASSERT_NE(s, nullptr);
  auto counts = blocks<SummaryCounts>(*s);
  ASSERT_EQ(counts.size(), 1u);
  ASSERT_EQ(counts[0]->lines.size(), 3u);  // no "chưa có số liệu" line: every target has a group
  EXPECT_EQ(counts[0]->lines[0].count, "07/35");
  EXPECT_EQ(counts[0]->lines[0].label, "mục tiêu đã hoàn thành");
  EXPECT_EQ(counts[0]->lines[0].share, "đạt 20%");
  EXPECT_EQ(counts[0]->lines[1].count, "20/35");
  EXPECT_EQ(counts[0]->lines[1].label, "mục tiêu có khả năng hoàn thành cao");
  EXPECT_EQ(counts[0]->lines[1].share, "chiếm 57%");
  EXPECT_EQ(counts[0]->lines[2].count, "08/35");
  EXPECT_EQ(counts[0]->lines[2].label, "mục tiêu phải nỗ lực tập trung mới hoàn thành đúng hạn");
  EXPECT_EQ(counts[0]->lines[2].share, "chiếm 23%");

  const auto tables = group_tables(doc);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(body_rows(*tables[0]).size(), 7u);
  EXPECT_EQ(body_rows(*tables[1]).size(), 20u);
  EXPECT_EQ(body_rows(*tables[2]).size(), 8u);
  for (const std::string& code : kPrintedAchieved) EXPECT_TRUE(has_row(*tables[0], target(code).label)) << code;
  EXPECT_TRUE(has_row(*tables[1], target("19").label));
  EXPECT_TRUE(has_row(*tables[2], target("35").label));
  EXPECT_EQ(section(doc, "1.1.")->title, "Nhóm các mục tiêu đã hoàn thành");
  EXPECT_EQ(section(doc, "1.3.")->title, "Nhóm các mục tiêu cần nỗ lực tập trung mới có thể hoàn thành đúng hạn");
}

// Seed 000 lines 39–51 and 57–66: the STT column as printed, with its pillar "Vận hành tối ưu các
// hoạt động của cơ quan nhà nước" twice (2 and 3) in the first table and 3.3 following 2.2 in the
// second.
TEST(AnnualReport, TheTablesPrintSeed000sStt) {
  const Document doc = build_annual_report(inputs(), request(true));
  const auto tables = group_tables(doc);
  ASSERT_EQ(tables.size(), 3u);
  auto stt = [](const Table& t) {
    std::vector<std::string> out;
    for (const Row& r : t.body) out.push_back(r.cells[0].text());
    return out;
  };
  EXPECT_EQ(stt(*tables[0]),
            (std::vector<std::string>{"1", "1.1", "2", "2.1", "3", "3.1", "3.2", "3.3", "4", "4.1", "4.2"}));
  EXPECT_EQ(tables[0]->body[2].cells[1].text(), "Vận hành tối ưu các hoạt động của cơ quan nhà nước");
  EXPECT_EQ(tables[0]->body[4].cells[1].text(), "Vận hành tối ưu các hoạt động của cơ quan nhà nước");
  EXPECT_EQ(stt(*tables[1]),
            (std::vector<std::string>{"1", "1.1", "1.2", "1.3", "1.4", "1.5", "2", "2.1", "2.2", "3", "3.3", "3.4",
                                      "3.5", "3.6", "4", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9"}));
  EXPECT_EQ(stt(*tables[2]), (std::vector<std::string>{"1", "1.1", "2", "2.1", "3", "3.1", "3.2", "3.3", "3.4", "3.5",
                                                      "3.6"}));
  EXPECT_EQ(row_named(*tables[0], target("04").label)->cells[0].text(), "3.2");
}

TEST(AnnualReport, OverriddenRowsShowTheOverrideItsReasonAndTheComputedClass) {
  const Document doc = build_annual_report(inputs_with_printed_overrides(), request(true));
  const auto tables = group_tables(doc);
  ASSERT_FALSE(tables.empty());
  // 3.2 of seed 000: 99% against a 100% target, printed as achieved.
  const Row* row = row_named(*tables[0], target("04").label);
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->cells.size(), 6u);
  EXPECT_EQ(row->cells[2].text(), "90%");
  EXPECT_EQ(row->cells[3].text(), "99%");
  EXPECT_EQ(row->cells[4].text(), "100%");
  const std::string basis = row->cells[5].text();
  EXPECT_NE(basis.find("Theo đánh giá: đã hoàn thành"), std::string::npos) << basis;
  EXPECT_NE(basis.find("Tính theo số liệu: đã thực hiện trên 50% (phương pháp ngưỡng)"), std::string::npos) << basis;
  const std::string reason = footnote_text(doc, row->cells[5]);
  EXPECT_NE(reason.find("Theo đánh giá của Bộ Thông tin và Truyền thông ngày 16/02/2024"), std::string::npos) << reason;
  EXPECT_NE(reason.find("Nhóm các mục tiêu đã hoàn thành"), std::string::npos) << reason;
  const Section* one = section(doc, "1.");
  EXPECT_NE(all_text(*one).find("35/35 mục tiêu được xếp nhóm theo đánh giá của Bộ Thông tin và Truyền thông"),
            std::string::npos);
  EXPECT_NE(all_text(*one).find("phương pháp ngưỡng"), std::string::npos);
}

TEST(AnnualReport, ValuesArePrintedAsInTheSeedWithTheirSources) {
  const Document doc = build_annual_report(inputs_with_printed_overrides(), request(true));
  const auto tables = group_tables(doc);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[1]->header[0].cells[2].text(), "Kết quả 2022");
  EXPECT_EQ(tables[1]->header[0].cells[3].text(), "Kết quả 2023");
  EXPECT_EQ(tables[1]->header[0].cells[4].text(), "Mục tiêu 2025");
  // Seed 000 line 59.
  const Row* online = row_named(*tables[1], target("08").label);
  ASSERT_NE(online, nullptr);
  EXPECT_EQ(online->cells[0].text(), "1.1");
  EXPECT_EQ(online->cells[2].text(), "54,34%");
  EXPECT_EQ(online->cells[3].text(), "58,41%");
  EXPECT_EQ(online->cells[4].text(), "≥ 80%");
  EXPECT_EQ(online->cells[3].source, "14/BC-BTTTT (seed 000 line 59)");
  // The target's own source: the act that set it and where it is transcribed from (targets.csv).
  EXPECT_EQ(online->cells[4].source,
            "Quyết định số 942/QĐ-TTg (seed 000 line 59 (STT 1.1; trụ cột: line 58; nhóm: line 55))");
  for (const Table* table : tables)
    for (const Row* r : body_rows(*table)) EXPECT_FALSE(r->cells[4].source.empty()) << r->cells[1].text();
  // Line 65: the 2022 value is printed "11,20%".
  EXPECT_EQ(row_named(*tables[1], target("13").label)->cells[2].text(), "11,20%");
  // Line 75: no 2023 value at all — a blank cell, not "-"; line 76: "-" in 2022.
  const Row* qr = row_named(*tables[1], target("19").label);
  EXPECT_EQ(qr->cells[2].text(), "22%");
  EXPECT_EQ(qr->cells[3].text(), "");
  EXPECT_EQ(qr->cells[3].source, "");
  EXPECT_EQ(row_named(*tables[1], target("20").label)->cells[2].text(), "-");
  // Lines 86 and 96: "56% ¹" with the Ministry of Health's letter as its footnote.
  const Row* health = row_named(*tables[1], target("27").label);
  EXPECT_EQ(health->cells[3].text(), "56%");
  EXPECT_EQ(footnote_text(doc, health->cells[3]), "Báo cáo của Bộ Y tế tại văn bản số 7092/BYT-K2DT ngày 02/11/2023");
  EXPECT_EQ(health->cells[3].source, "14/BC-BTTTT (seed 000 lines 86, 96)");
  // Pillar rows as the seed prints them ("1 | Cung cấp dịch vụ chất lượng phục vụ xã hội").
  ASSERT_FALSE(tables[1]->body.empty());
  EXPECT_EQ(tables[1]->body[0].kind, RowKind::Group);
  EXPECT_EQ(tables[1]->body[0].cells[1].text(), "Cung cấp dịch vụ chất lượng phục vụ xã hội");
}

TEST(AnnualReport, ComputedClassesCountTheTargetsWithoutA2023Value) {
  const Document doc = build_annual_report(inputs_without_overrides(), request(false));
  const auto counts = blocks<SummaryCounts>(*section(doc, "1."));
  ASSERT_EQ(counts.size(), 1u);
  ASSERT_EQ(counts[0]->lines.size(), 4u);
  EXPECT_EQ(counts[0]->lines[0].count, "06/35");  // 99% is not 100%
  EXPECT_EQ(counts[0]->lines[0].share, "đạt 17%");
  EXPECT_EQ(counts[0]->lines[1].count, "13/35");
  EXPECT_EQ(counts[0]->lines[2].count, "03/35");
  EXPECT_EQ(counts[0]->lines[3].count, "13/35");
  EXPECT_EQ(counts[0]->lines[3].label, "mục tiêu chưa có số liệu");
  EXPECT_EQ(counts[0]->lines[3].share, "chiếm 37%");

  const auto tables = group_tables(doc);
  ASSERT_EQ(tables.size(), 4u);
  EXPECT_EQ(section(doc, "1.4.")->title, "Nhóm các mục tiêu chưa có số liệu");
  EXPECT_EQ(body_rows(*tables[3]).size(), kNoValue2023.size());
  for (const std::string& code : kNoValue2023) EXPECT_TRUE(has_row(*tables[3], target(code).label)) << code;
  EXPECT_TRUE(has_row(*tables[1], target("04").label));
  const Row* cut = row_named(*tables[2], target("11").label);  // 8,3% of 20%
  ASSERT_NE(cut, nullptr);
  EXPECT_EQ(cut->cells[5].text(), "Tính theo số liệu: dưới 50% (phương pháp ngưỡng)");
}

TEST(AnnualReport, DifferencesNameThe99PercentTargetAndEveryTargetWithoutA2023Value) {
  for (bool apply : {true, false}) {
    SCOPED_TRACE(apply ? "overrides applied" : "computed classes");
    const Document doc = build_annual_report(inputs_with_printed_overrides(), request(apply));
    const Section* s = section(doc, "2.");
    ASSERT_NE(s, nullptr);
    auto tables = blocks<Table>(*s);
    ASSERT_EQ(tables.size(), 1u);
    const Table& t = *tables[0];
    EXPECT_EQ(t.body.size(), 16u);  // 13 without a 2023 value, 99%, and 8,3% and 37,5% below half
    const Row* signed_docs = difference_row(t, target("04"));
    ASSERT_NE(signed_docs, nullptr);
    // The cross-reference names the row the tables show: STT 3.2 of the table the target is in.
    const Row* shown = referenced_row(doc, signed_docs->cells[1].text());
    ASSERT_NE(shown, nullptr) << signed_docs->cells[1].text();
    EXPECT_EQ(shown->cells[1].text(), target("04").label);
    EXPECT_NE(signed_docs->cells[1].text().find(apply ? "Bảng 1)" : "Bảng 2)"), std::string::npos);
    EXPECT_EQ(signed_docs->cells[4].text(), "giá trị 99% chưa đạt mục tiêu 100%");
    EXPECT_EQ(signed_docs->cells[3].text(), "đã thực hiện trên 50% (phương pháp ngưỡng)");
    EXPECT_NE(signed_docs->cells[2].text().find("đã hoàn thành"), std::string::npos);
    for (const std::string& code : kNoValue2023) {
      const Target& tg = target(code);
      const Row* r = difference_row(t, tg);
      ASSERT_NE(r, nullptr) << code;
      const Row* shown = referenced_row(doc, r->cells[1].text());
      ASSERT_NE(shown, nullptr) << r->cells[1].text();
      EXPECT_EQ(shown->cells[1].text(), tg.label) << r->cells[1].text();
      EXPECT_EQ(r->cells[3].text(), "chưa có số liệu") << code;
      EXPECT_NE(r->cells[4].text().find("không có số liệu năm 2023"), std::string::npos) << r->cells[4].text();
    }
    const std::string lead = all_text(*s);
    EXPECT_NE(lead.find("Có 16/35 mục tiêu có nhóm tính theo số liệu khác nhóm đã công bố hoặc đã đánh giá, trong đó "
                        "13 mục tiêu không có số liệu năm 2023"),
              std::string::npos)
        << lead;
    EXPECT_NE(lead.find("01 mục tiêu được xếp “đã hoàn thành” dù giá trị chưa đạt mục tiêu"), std::string::npos) << lead;
  }
}

TEST(AnnualReport, WithoutOverridesTheDifferencesAreAgainstThePrintedGroups) {
  const Document doc = build_annual_report(inputs_without_overrides(), request(false));
  const Table& t = *blocks<Table>(*section(doc, "2."))[0];
  ASSERT_EQ(t.body.size(), 16u);
  const Row* r = difference_row(t, target("04"));
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->cells[2].text(), "Nhóm các mục tiêu đã hoàn thành");
  EXPECT_EQ(r->cells[4].text(), "giá trị 99% chưa đạt mục tiêu 100%");
}

TEST(AnnualReport, TheBuiltInOverridesAreSeed000sGrouping) {
  // data/overrides.csv records seed 000's grouping as 35 overrides of qd942.
  long recorded = std::count_if(builtin().overrides.begin(), builtin().overrides.end(),
                                [](const Override& o) { return o.programme == "qd942"; });
  EXPECT_EQ(recorded, 35);
  const Document doc = build_annual_report(inputs(), request(true));
  const auto counts = blocks<SummaryCounts>(*section(doc, "1."));
  ASSERT_EQ(counts.size(), 1u);
  ASSERT_EQ(counts[0]->lines.size(), 3u);
  EXPECT_EQ(counts[0]->lines[0].count + " " + counts[0]->lines[0].share, "07/35 đạt 20%");
  EXPECT_EQ(counts[0]->lines[1].count + " " + counts[0]->lines[1].share, "20/35 chiếm 57%");
  EXPECT_EQ(counts[0]->lines[2].count + " " + counts[0]->lines[2].share, "08/35 chiếm 23%");
}

// The built-in overrides judge 2023. A report on 2024 or 2022 does not borrow them: it counts the
// classes computed from that year's values, says the 2023 judgements do not apply, and does not
// compare with seed 000's printed grouping, which is about 2023.
TEST(AnnualReport, OverridesOfAnotherYearAreNotApplied) {
  for (int year : {2022, 2024}) {
    SCOPED_TRACE(year);
    ReportRequest rq = request(true);
    rq.period = Period::of_year(year);
    rq.number.clear();
    const ReportInputs in = inputs();
    const Document doc = build_annual_report(in, rq);
    const auto counts = blocks<SummaryCounts>(*section(doc, "1."));
    ASSERT_EQ(counts.size(), 1u);
    const Document computed = build_annual_report(inputs_without_overrides(), rq);
    const auto computed_counts = blocks<SummaryCounts>(*section(computed, "1."));
    ASSERT_EQ(computed_counts.size(), 1u);
    ASSERT_EQ(counts[0]->lines.size(), computed_counts[0]->lines.size());
    for (std::size_t i = 0; i < counts[0]->lines.size(); ++i)
      EXPECT_EQ(counts[0]->lines[i].count + " " + counts[0]->lines[i].label,
                computed_counts[0]->lines[i].count + " " + computed_counts[0]->lines[i].label);
    EXPECT_NE(counts[0]->lines[0].count, "07/35");
    const std::string text = all_text(doc.sections);
    EXPECT_NE(text.find("Các đánh giá đã ghi nhận cho năm 2023 không áp dụng cho năm " + std::to_string(year)),
              std::string::npos);
    EXPECT_EQ(text.find("Theo đánh giá:"), std::string::npos);
    EXPECT_NE(text.find("Chưa có nhóm nào được công bố hoặc đánh giá cho năm " + std::to_string(year) +
                        " để đối chiếu (nhóm in trong báo cáo gốc là của năm 2023)"),
              std::string::npos);
  }
  // 2024 has no value for any qd942 target: every one is "chưa có số liệu".
  ReportRequest rq = request(true);
  rq.period = Period::of_year(2024);
  const Document doc2024 = build_annual_report(inputs(), rq);
  const auto counts = blocks<SummaryCounts>(*section(doc2024, "1."));
  ASSERT_EQ(counts.size(), 1u);
  ASSERT_EQ(counts[0]->lines.size(), 4u);
  EXPECT_EQ(counts[0]->lines[3].count, "35/35");
  EXPECT_EQ(counts[0]->lines[3].label, "mục tiêu chưa có số liệu");
}

TEST(AnnualReport, TasksAreCountedByStatusAndListedByLeadAgency) {
  const ReportInputs in = inputs_without_overrides();
  const Document doc = build_annual_report(in, request());
  long tasks = 0, completed = 0, led_by_ministry = 0;
  for (const Task& t : in.data.tasks) {
    if (t.programme != "qd942") continue;
    ++tasks;
    if (t.current_status() == TaskStatus::Completed) ++completed;
    if (t.lead_agency == "bo-tttt") ++led_by_ministry;
  }
  EXPECT_EQ(tasks, 74);  // seed 000's appendix: 56 + 18 rows
  EXPECT_EQ(led_by_ministry, 56);
  const Section* s = section(doc, "3.");
  ASSERT_NE(s, nullptr);
  const std::string body = all_text(*s);
  EXPECT_NE(body.find("Có 74 nhiệm vụ, giải pháp được theo dõi: " + text::format_count2(completed) + " hoàn thành"),
            std::string::npos)
      << body;
  const Table& counts = *blocks<Table>(*s).at(0);
  EXPECT_EQ(counts.body.back().cells[1].text(), "Tổng cộng");
  EXPECT_EQ(counts.body.back().cells[2].text(), "74");
  EXPECT_EQ(counts.body.front().cells[1].text(), "Bộ Thông tin và Truyền thông");
  EXPECT_EQ(counts.body.front().cells[2].text(), "56");

  ASSERT_EQ(doc.appendices.size(), 1u);
  const Appendix& app = doc.appendices[0];
  EXPECT_EQ(app.attached_note, "(Kèm theo Báo cáo số 14/BC-BTTTT ngày 16/02/2024 của Bộ Thông tin và Truyền thông)");
  EXPECT_EQ(app.title.front().rfind("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP", 0), 0u);
  EXPECT_NE(text::join(app.title, " ").find("QUYẾT ĐỊNH SỐ 942/QĐ-TTg"), std::string::npos);
  ASSERT_EQ(app.sections.size(), 2u);
  EXPECT_EQ(app.sections[0].title, "Các nhiệm vụ, giải pháp do Bộ Thông tin và Truyền thông chủ trì");
  const Table& own = *blocks<Table>(app.sections[0]).at(0);
  const Table& others = *blocks<Table>(app.sections[1]).at(0);
  EXPECT_EQ(own.body.size(), 56u);
  EXPECT_EQ(others.body.size(), 18u);
  // Seed 000 line 310: row 22 of table I.
  const Row& govtech = own.body[21];
  EXPECT_NE(govtech.cells[1].text().find("(GovTech)"), std::string::npos);
  EXPECT_EQ(govtech.cells[2].text(), "Hoàn thành");
  EXPECT_EQ(govtech.cells[3].text(), "Đã hoàn thành tại địa chỉ: tech.gov.vn.");
  // Table II has an agency column, filled where a seed names the agency (line 414: e-GP by Bộ KH&ĐT).
  EXPECT_EQ(others.header[0].cells[2].text(), "Cơ quan chủ trì");
  EXPECT_NE(text_of(*blocks<Paragraph>(app.sections[0]).at(0)).find("Gồm 56 nhiệm vụ"), std::string::npos);
}

TEST(AnnualReport, TrendMethodSaysWhereItFellBackToThreshold) {
  ReportRequest rq = request(false);
  rq.method = AssessmentMethod::Trend;
  const Document doc = build_annual_report(inputs_without_overrides(), rq);
  const auto tables = group_tables(doc);
  auto find = [&](const std::string& code) -> const Row* {
    for (const Table* t : tables)
      if (const Row* r = row_named(*t, target(code).label)) return r;
    return nullptr;
  };
  // Target 11 (seed 000 line 62) has a 2023 value only ("-" in 2022): the trend needs two.
  const Row* cut = find("11");
  ASSERT_NE(cut, nullptr);
  EXPECT_EQ(cut->cells[5].text(), "Tính theo số liệu: dưới 50% (phương pháp ngưỡng, thay cho phương pháp xu hướng)");
  // Target 08 (line 59) has 2022 and 2023: the trend applies, 58,41% is moving too slowly towards 80% by 2025.
  const Row* online = find("08");
  ASSERT_NE(online, nullptr);
  EXPECT_EQ(online->cells[5].text().rfind("Tính theo số liệu: ", 0), 0u);
  EXPECT_NE(online->cells[5].text().find("(phương pháp xu hướng)"), std::string::npos) << online->cells[5].text();
  EXPECT_NE(all_text(*section(doc, "1.")).find("phương pháp xu hướng tăng trưởng"), std::string::npos);
}

TEST(AnnualReport, RefusesWhatItCannotServe) {
  ReportRequest rq = request();
  rq.programme = "khong-co";
  EXPECT_THROW(build_annual_report(inputs_without_overrides(), rq), std::invalid_argument);
  rq = request();
  rq.period = Period::of_quarter(2023, 4);
  try {
    build_annual_report(inputs_without_overrides(), rq);
    FAIL() << "a quarter is not a year";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("một năm"), std::string::npos) << e.what();
  }
  rq = request();
  rq.period = Period::of_year(2019);  // before any value
  EXPECT_THROW(build_annual_report(inputs_without_overrides(), rq), std::invalid_argument);
}

TEST(AnnualReport, RenderersAcceptTheDocument) {
  const Document doc = build_annual_report(inputs_with_printed_overrides(), request(true));
  const std::string docx = render_docx(doc);
  const std::string xlsx = render_xlsx(doc);
  const std::string html = render_html(doc);
  EXPECT_EQ(docx.rfind("PK", 0), 0u);
  EXPECT_EQ(xlsx.rfind("PK", 0), 0u);
  EXPECT_NE(html.find("07/35"), std::string::npos);
  EXPECT_NE(html.find("Nhóm các mục tiêu đã hoàn thành"), std::string::npos);
  EXPECT_EQ(parse_json(render_json(doc)).sections.size(), doc.sections.size());
}

TEST(AnnualReport, GoldenFiles) {
  const Document with = build_annual_report(inputs(), request(true));
  std::string diff = testing::check_golden("annual-qd942-2023.md", render_markdown(with));
  EXPECT_TRUE(diff.empty()) << diff;
  diff = testing::check_golden("annual-qd942-2023.json", render_json(with));
  EXPECT_TRUE(diff.empty()) << diff;
  const Document computed = build_annual_report(inputs(), request(false));
  diff = testing::check_golden("annual-qd942-2023-computed.md", render_markdown(computed));
  EXPECT_TRUE(diff.empty()) << diff;
}

}  // namespace
}  // namespace dxmon::report
