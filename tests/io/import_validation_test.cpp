// Damaged files are rejected with every problem located precisely, and nothing is written;
// --dry-run writes nothing; a hand-made XLSX (title row, merged cells, rich-text shared strings,
// numbers stored as text) imports with the values an official meant.
#include <gtest/gtest.h>

#include <algorithm>

#include "io_test_support.h"
#include "support/scratch_store.h"

namespace dxmon::io {
namespace {

using namespace dxmon::io::testing;
using testing_support::Backend;

// On SQLite and on PostgreSQL: "nothing is written" is each backend's transaction.
class ImportValidation : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    scratch_.create(GetParam());
    if (HasFatalFailure() || IsSkipped()) return;
    store_ = open_store(scratch_.url());
    auto report = import_files(*store_, builtin_files(), options());
    ASSERT_TRUE(report.ok()) << all_problems(report);
    before_ = store_->load_all();
  }

  // The problem at `row` and `column` (with `field` when given), or a failure listing them all.
  static const Problem* at(const ImportReport& r, int row, const std::string& column, const std::string& file = "") {
    for (const auto& p : r.problems)
      if (p.row == row && p.column == column && (file.empty() || p.file == file)) return &p;
    ADD_FAILURE() << "no problem at row " << row << " column " << column << "; problems:\n" << all_problems(r);
    return nullptr;
  }

  TempDir dir_;  // the files imported
  testing_support::ScratchStore scratch_;
  std::unique_ptr<Store> store_;
  Dataset before_;
};

TEST_P(ImportValidation, DamagedCsvIsRejectedWithEveryProblemAndNothingWritten) {
  // The file name does not start with the kind, so the kind is given (as with --kind).
  auto opts = options();
  opts.kind = "observations";
  auto report = import_files(*store_, {fixture("damaged_observations.csv")}, opts);
  ASSERT_FALSE(report.ok());
  EXPECT_FALSE(report.applied);
  EXPECT_TRUE(store_->load_all() == before_);

  // Unknown column in the header (line 1, column I).
  if (auto* p = at(report, 1, "I")) {
    EXPECT_EQ(p->file, "damaged_observations.csv");
    EXPECT_EQ(p->field, "ghi_chu");
    EXPECT_NE(p->what.find("không có trong bảng observations"), std::string::npos);
  }
  // Unknown unit, with the closest names as suggestions.
  if (auto* p = at(report, 3, "B")) {
    EXPECT_EQ(p->value, "Thừa Thiên Huếe");
    EXPECT_NE(p->what.find("không tìm thấy đơn vị"), std::string::npos);
    EXPECT_NE(p->what.find("— có phải là:"), std::string::npos) << p->what;
  }
  // Numerator greater than denominator.
  if (auto* p = at(report, 4, "E")) {
    EXPECT_NE(p->what.find("tử số 30 lớn hơn mẫu số 20"), std::string::npos) << p->what;
  }
  // The quoted comment spans lines 5-6: the next record is line 7, with a period that does not exist.
  if (auto* p = at(report, 7, "C")) {
    EXPECT_EQ(p->value, "Quý V năm 2023");
    EXPECT_NE(p->what.find("không phải là kỳ báo cáo"), std::string::npos);
  }
  // The same indicator, unit (by another name), period and document as line 2.
  if (auto* p = at(report, 8, "A")) {
    EXPECT_NE(p->what.find("bị trùng: đã có ở damaged_observations.csv:2"), std::string::npos) << p->what;
  }
  // Line 9: missing document and a share far above 100%.
  if (auto* p = at(report, 9, "G")) {
    EXPECT_NE(p->what.find("thiếu giá trị ở cột bắt buộc"), std::string::npos);
  }
  if (auto* p = at(report, 9, "D")) {
    EXPECT_NE(p->what.find("nằm ngoài khoảng 0–100%"), std::string::npos) << p->what;
  }
  // Nothing about the good rows (2, 5).
  for (const auto& p : report.problems) EXPECT_TRUE(p.row != 2 && p.row != 5) << p.to_string();
  EXPECT_EQ(report.problems.size(), 7u) << all_problems(report);
  // The message a person reads names file, line, column and header.
  EXPECT_EQ(at(report, 7, "C")->to_string().rfind("damaged_observations.csv:7: cột C \"period\": \"Quý V năm 2023\"", 0), 0u)
      << at(report, 7, "C")->to_string();
}

TEST_P(ImportValidation, DamagedXlsxIsRejectedWithEveryProblemAndNothingWritten) {
  auto report = import_files(*store_, {fixture("damaged_observations.xlsx")}, options());
  ASSERT_FALSE(report.ok());
  EXPECT_FALSE(report.applied);
  EXPECT_TRUE(store_->load_all() == before_);
  for (const auto& p : report.problems) {
    EXPECT_EQ(p.file, "damaged_observations.xlsx");
    EXPECT_EQ(p.sheet, "observations");
  }
  if (auto* p = at(report, 4, "C")) {
    EXPECT_NE(p->what.find("không tìm thấy đơn vị \"Ha Noii\""), std::string::npos) << p->what;
  }
  if (auto* p = at(report, 4, "C")) {
    EXPECT_NE(p->what.find("Thành phố Hà Nội"), std::string::npos) << p->what;
  }
  if (auto* p = at(report, 5, "B")) {
    EXPECT_NE(p->what.find("chỉ tiêu \"qd942.99\" không có trong danh mục"), std::string::npos);
  }
  if (auto* p = at(report, 6, "D")) {
    EXPECT_EQ(p->value, "2023-Q5");
  }
  if (auto* p = at(report, 6, "E")) {
    EXPECT_EQ(p->what, "giá trị \"abc\" không phải là số");
    EXPECT_NE(p->fix.find("58,41%"), std::string::npos);
  }
  if (auto* p = at(report, 7, "E")) {
    EXPECT_NE(p->what.find("tỷ lệ 120% nằm ngoài khoảng 0–100%"), std::string::npos) << p->what;
  }
  EXPECT_EQ(report.problems.size(), 5u) << all_problems(report);
  EXPECT_EQ(at(report, 6, "E")->to_string(),
            "damaged_observations.xlsx [observations]:6: cột E \"Kết quả\": giá trị \"abc\" không phải là số — " +
                at(report, 6, "E")->fix);
}

TEST_P(ImportValidation, HandMadeXlsxWithTitleRowMergedCellsAndTextNumbers) {
  auto report = import_files(*store_, {fixture("observations_handmade.xlsx")}, options());
  ASSERT_TRUE(report.ok()) << all_problems(report);
  ASSERT_EQ(report.tables.size(), 1u);  // the notes sheet is not a kind and is skipped
  EXPECT_EQ(report.tables[0].sheet, "Kết quả thực hiện 2023");
  EXPECT_EQ(report.tables[0].kind, "observations");
  ASSERT_TRUE(report.applied);
  EXPECT_EQ(report.applied->observations.inserted, 3);

  ObservationQuery q;
  q.document = "99/BC-TEST";
  auto got = store_->observations(q);
  ASSERT_EQ(got.size(), 3u);
  auto find = [&](const std::string& unit) -> const Observation& {
    return *std::find_if(got.begin(), got.end(), [&](const Observation& o) { return o.unit == unit; });
  };
  const Observation& hanoi = find("tinh-01");  // "TP. Hà Nội", rich text "58," + "41%"
  EXPECT_EQ(hanoi.indicator, "qd942.01");
  EXPECT_EQ(hanoi.value, 58.41);
  EXPECT_EQ(hanoi.as_printed, "58,41%");
  const Observation& nation = find("quoc-gia");  // "1.502.045.890" typed as text, Quý I năm 2024
  EXPECT_EQ(nation.indicator, "q2024.mobile_money_khach_hang");
  EXPECT_EQ(nation.value, 1502045890.0);
  EXPECT_EQ(nation.period, Period::of_quarter(2024, 1));
  const Observation& ha_giang = find("tinh-02");  // indicator and document from merged cells; 5.0 → 5
  EXPECT_EQ(ha_giang.indicator, "q2024.mobile_money_khach_hang");
  EXPECT_EQ(ha_giang.value, 5.0);
  EXPECT_EQ(ha_giang.as_printed, "5");
  EXPECT_EQ(ha_giang.provenance.location, "");
}

TEST_P(ImportValidation, DryRunValidatesButWritesNothing) {
  auto opts = options();
  opts.dry_run = true;
  auto report = import_files(*store_, {fixture("observations_handmade.xlsx")}, opts);
  EXPECT_TRUE(report.ok()) << all_problems(report);
  EXPECT_FALSE(report.applied);
  EXPECT_EQ(report.data.observations.size(), 3u);
  EXPECT_TRUE(store_->load_all() == before_);
}

TEST_P(ImportValidation, ProblemsInOneFileStopTheOtherFilesToo) {
  std::string good = dir_.file("observations_good.csv");
  write_file(good, "indicator,period,value,document\nqd942.01,2024,\"61,5%\",BC-1\n");
  auto opts = options();
  opts.kind = "observations";
  auto report = import_files(*store_, {good, fixture("damaged_observations.csv")}, opts);
  EXPECT_FALSE(report.ok());
  EXPECT_TRUE(store_->load_all() == before_);
}

// Overrides and regimes written by hand: every bad row is located and said in Vietnamese, and
// the good rows of the same files are not written either.
TEST_P(ImportValidation, BadOverrideAndRegimeRowsAreLocatedAndNothingIsWritten) {
  std::string overrides = dir_.file("overrides.csv");
  write_file(overrides,
             "programme,target,period,group,fine,who,when,why,source\n"
             "qd942,01,2024,likely,,Cục Chuyển đổi số quốc gia,2024-12-31,Đã xem lại số liệu năm 2024,test\n"
             "qd942,02,2023,achieved,,Bộ TT&TT,2024-02-16,,test\n"           // no reason
             "qd942,99,2023,achieved,,Bộ TT&TT,2024-02-16,Có lý do,test\n"    // no such target
             "qd942,03,2023,xong,,Bộ TT&TT,2024-02-16,Có lý do,test\n"        // no such group
             "qd942,04,2023,achieved,deterioration,Bộ TT&TT,,Có lý do,test\n"  // fine class of another group
             "qd942,01,2024,likely,,Cục Chuyển đổi số quốc gia,,Lần nữa,test\n"  // the same target and period again
             "qd942,05,2023,achieved,,,,Có lý do,test\n"                   // no author
             "qd942,06,,achieved,,Bộ TT&TT,,Có lý do,test\n"               // no period
             "qd942,07,năm ngoái,achieved,,Bộ TT&TT,,Có lý do,test\n"      // not a period
             "qd942,01,2025,likely,,Cục Chuyển đổi số quốc gia,,Một kỳ khác,test\n");  // the same target, another period: fine
  std::string regimes = dir_.file("regimes.csv");
  write_file(regimes,
             "code,name,legal_basis,recipient,unit_group,units,indicators,frequency,cutoff,deadline,source\n"
             "bc.thang,Báo cáo tháng,Văn bản A,Bộ TT&TT,bo_nganh_dia_phuong,,,tháng,nd09,M+0:15,test\n"
             "bc.tuan,Báo cáo tuần,,,dia_phuong,,,tuần,,,test\n"                          // no weekly regime
             "bc.quy,Báo cáo quý,,,dia_phuong,,,quý,,ngày 15,test\n"                      // unreadable deadline
             "bc.nam,Báo cáo năm,,,,,,năm,,,test\n"                                       // nobody reports
             "bc.6t,Báo cáo 6 tháng,,,bo_nganh,,,half_year,calendar,Y+0:06-06,test\n"    // H2 due before it starts
             "bc.le,Báo cáo lẻ,,,,Bộ Không Có,qd942.99,năm,,,test\n");                    // unknown unit, indicator
  auto report = import_files(*store_, {overrides, regimes}, options());
  ASSERT_FALSE(report.ok());
  EXPECT_FALSE(report.applied);
  EXPECT_TRUE(store_->load_all() == before_);

  if (auto* p = at(report, 3, "H")) {
    EXPECT_EQ(p->file, "overrides.csv");
    EXPECT_EQ(p->field, "why");
    EXPECT_NE(p->what.find("mục tiêu \"02\" của chương trình \"qd942\" (năm 2023) bị từ chối: thiếu lý do"),
              std::string::npos)
        << p->what;
    EXPECT_NE(p->fix.find("lý do điều chỉnh"), std::string::npos) << p->fix;
  }
  if (auto* p = at(report, 4, "B")) {
    EXPECT_EQ(p->value, "99");
    EXPECT_NE(p->what.find("không có mục tiêu mã \"99\""), std::string::npos) << p->what;
  }
  if (auto* p = at(report, 5, "D")) {
    EXPECT_NE(p->what.find("\"xong\" không phải là nhóm phân loại"), std::string::npos) << p->what;
    EXPECT_NE(p->fix.find("achieved, likely, needs_effort, no_data"), std::string::npos) << p->fix;
  }
  if (auto* p = at(report, 6, "E")) {
    EXPECT_NE(p->what.find("không thuộc nhóm \"đã hoàn thành\""), std::string::npos) << p->what;
  }
  if (auto* p = at(report, 7, "B")) {
    EXPECT_NE(p->what.find("bị trùng: đã có ở overrides.csv:2"), std::string::npos) << p->what;
  }
  if (auto* p = at(report, 8, "F")) {
    EXPECT_NE(p->what.find("thiếu người quyết định"), std::string::npos) << p->what;
  }
  if (auto* p = at(report, 9, "C")) {
    EXPECT_NE(p->what.find("thiếu kỳ đánh giá"), std::string::npos) << p->what;
    EXPECT_NE(p->fix.find("2023"), std::string::npos) << p->fix;
  }
  if (auto* p = at(report, 10, "C")) {
    EXPECT_NE(p->what.find("\"năm ngoái\" không phải là kỳ báo cáo"), std::string::npos) << p->what;
  }

  if (auto* p = at(report, 3, "H", "regimes.csv")) {
    EXPECT_EQ(p->file, "regimes.csv");
    EXPECT_NE(p->what.find("\"tuần\" không phải là tần suất báo cáo"), std::string::npos) << p->what;
  }
  if (auto* p = at(report, 4, "J", "regimes.csv")) {
    EXPECT_NE(p->what.find("\"ngày 15\" không phải là thời hạn gửi báo cáo"), std::string::npos) << p->what;
    EXPECT_NE(p->fix.find("M+0:15"), std::string::npos) << p->fix;
  }
  if (auto* p = at(report, 5, "F", "regimes.csv")) {
    EXPECT_NE(p->what.find("chưa nói đơn vị nào phải báo cáo"), std::string::npos) << p->what;
  }
  if (auto* p = at(report, 6, "J", "regimes.csv")) {
    EXPECT_NE(p->what.find("trước khi kỳ"), std::string::npos) << p->what;
    EXPECT_NE(p->fix.find("M+n:ngày"), std::string::npos) << p->fix;
  }
  if (auto* p = at(report, 7, "F", "regimes.csv")) {
    EXPECT_NE(p->what.find("Bộ Không Có"), std::string::npos) << p->what;
  }
  if (auto* p = at(report, 7, "G", "regimes.csv")) {
    EXPECT_NE(p->what.find("chỉ tiêu \"qd942.99\" không có trong danh mục"), std::string::npos) << p->what;
  }
  // Nothing about the good rows.
  for (const auto& p : report.problems) {
    EXPECT_NE(p.row, 2) << p.to_string();
    EXPECT_NE(p.row, 11) << p.to_string();
  }
  EXPECT_EQ(report.problems.size(), 14u) << all_problems(report);
}

// A sheet a person made, with Vietnamese headers and words: the override and the regime it means.
TEST_P(ImportValidation, OverridesAndRegimesWithVietnameseHeadersAndWords) {
  std::string overrides = dir_.file("Điều chỉnh phân loại 2024.csv");
  write_file(overrides,
             "Chương trình,Mã mục tiêu,Kỳ đánh giá,Nhóm,Mức chi tiết,Người quyết định,Ngày quyết định,Lý do\n"
             "qd942,08,năm 2024,đã hoàn thành,,Cục Chuyển đổi số quốc gia,31/12/2024,Đạt theo số liệu năm 2024\n");
  std::string regimes = dir_.file("chế độ báo cáo.csv");
  write_file(regimes,
             "Mã,Tên,Căn cứ,Nơi nhận,Đơn vị báo cáo,Tần suất,Chốt số liệu,Thời hạn\n"
             "bc.quy,Báo cáo quý,Văn bản A,Bộ TT&TT,TP. Hà Nội;Bộ Tài chính,báo cáo quý,Nghị định 09,D+10\n");
  auto report = import_files(*store_, {overrides, regimes}, options());
  ASSERT_TRUE(report.ok()) << all_problems(report);
  ASSERT_TRUE(report.applied);
  EXPECT_EQ(report.applied->overrides, (ApplyCounts{1, 0, 0}));  // a judgement of 2024 beside the built-in one of 2023
  EXPECT_EQ(report.applied->regimes, (ApplyCounts{1, 0, 0}));

  auto stored = store_->overrides("qd942");
  auto o = std::find_if(stored.begin(), stored.end(),
                        [](const Override& x) { return x.target == "08" && x.period == Period::of_year(2024); });
  ASSERT_NE(o, stored.end());
  EXPECT_EQ(std::count_if(stored.begin(), stored.end(), [](const Override& x) { return x.target == "08"; }), 2);
  EXPECT_EQ(o->group, ReportGroup::Achieved);
  EXPECT_EQ(o->when, (Date{2024, 12, 31}));
  EXPECT_EQ(o->who, "Cục Chuyển đổi số quốc gia");

  auto all = store_->regimes();
  auto g = std::find_if(all.begin(), all.end(), [](const ReportingRegime& r) { return r.code == "bc.quy"; });
  ASSERT_NE(g, all.end());
  EXPECT_EQ(g->recipient, "bo-tttt");
  EXPECT_EQ(g->units, (std::vector<std::string>{"tinh-01", "bo-tc"}));
  EXPECT_EQ(g->frequency, PeriodType::Quarter);
  EXPECT_EQ(g->cutoff, CutoffRule::Decree09);
  EXPECT_EQ(g->deadline, DeadlineRule::days_after_cutoff(10));
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportValidation,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), testing_support::backend_name);

}  // namespace
}  // namespace dxmon::io
