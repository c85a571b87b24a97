// End-to-end on both stores: what `dxmon show` says about tasks and targets as the seeds print
// them, unknown codes, corrections and their history, the history across an export, and values
// for units no longer in force.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "support/cli_fixture.h"

namespace dxmon {
namespace {

using testing_support::run_dxmon;

class CatalogueCli : public testing_support::Cli {
 protected:
  std::filesystem::path temp_dir() {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name)
      if (c == '/') c = '-';
    auto dir = std::filesystem::temp_directory_path() / ("dxmon-catalogue-cli-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
  }
  static bool has(const std::string& text, const std::string& pattern) {
    return std::regex_search(text, std::regex(pattern));
  }
};

// Seed 004 §II: the counts it prints (107 = 44 + 63; 42 + 02; 59 + 04; 51 = 49 + 02) beside the
// counts of the tasks it names.
TEST_P(CatalogueCli, ShowTasksGivesTheReportedCountsBesideTheNamedTasks) {
  init_builtin();
  auto r = dxmon({"show", "tasks", "--programme", "khhd2022", "--no-wrap"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("65 nhiệm vụ có tên trong danh sách; Hoàn thành: 59; Đang thực hiện: 06"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Số nhiệm vụ theo báo cáo của Kế hoạch hoạt động của Ủy ban Quốc gia về chuyển đổi số năm "
                       "2022 (ngày 31/12/2022)"),
            std::string::npos);
  for (const char* row : {R"(Tất cả +\| Tổng số +\| 107 +\| 65 +\| BC-2022-UBQGCĐS, seed 004 line 50)",
                          R"(bộ, ngành +\| Tổng số +\| 44 +\| 02 +\|)", R"(bộ, ngành +\| Hoàn thành +\| 42 +\| 00 +\|)",
                          R"(bộ, ngành +\| Đang thực hiện +\| 02 +\| 02 +\|)", R"(địa phương +\| Tổng số +\| 63 +\| 63 +\|)",
                          R"(địa phương +\| Hoàn thành +\| 59 +\| 59 +\|)",
                          R"(địa phương +\| Đang thực hiện +\| 04 +\| 04 +\| BC-2022-UBQGCĐS, seed 004 line 56)"})
    EXPECT_TRUE(has(r.out, row)) << row << "\n" << r.out;

  auto k = dxmon({"show", "tasks", "--programme", "klph2022", "--no-wrap"});
  ASSERT_EQ(k.exit_code, 0) << k.err;
  for (const char* row : {R"(bộ, ngành +\| Tổng số +\| 51 +\| 02 +\|)", R"(bộ, ngành +\| Hoàn thành +\| 49 +\| 00 +\|)",
                          R"(bộ, ngành +\| Đang thực hiện +\| 02 +\| 02 +\|)"})
    EXPECT_TRUE(has(k.out, row)) << row << "\n" << k.out;

  // Quyết định 942's appendix is a list with no printed counts: no counts table.
  auto q = dxmon({"show", "tasks", "--programme", "qd942", "--no-wrap"});
  EXPECT_NE(q.out.find("74 nhiệm vụ có tên trong danh sách"), std::string::npos) << q.out;
  EXPECT_EQ(q.out.find("Số nhiệm vụ theo báo cáo"), std::string::npos);

  auto p = dxmon({"show", "programmes", "--no-wrap"});
  EXPECT_TRUE(has(p.out, R"(khhd2022 +\| Kế hoạch hoạt động[^|]*\| Quyết định số 27/QĐ-UBQGCĐS +\| 12 +\| 65 +\| 107)"))
      << p.out;
  EXPECT_TRUE(has(p.out, R"(klph2022 +\|[^\n]*\| 0 +\| 2 +\| 51)")) << p.out;
}

// Seed 004 lines 14–44 and seed 000 lines 37–50: both agencies of row 8, the footnotes under the
// table, no column for 2021 (a baseline in footnote ⁴), the pillar headings of seed 000's tables.
TEST_P(CatalogueCli, ShowTargetsPrintsHeadingsFootnotesAndEveryLeadAgency) {
  init_builtin();
  auto r = dxmon({"show", "targets", "--programme", "khhd2022", "--no-wrap"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, R"(8 +\| Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số +\| Bộ Kế hoạch và Đầu tư, Bộ Thông tin và )"
                         R"(Truyền thông +\| 30,07% +\| 30%)"))
      << r.out;
  EXPECT_EQ(r.out.find("Kết quả năm 2021"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Kết quả năm 2022 | Mục tiêu năm 2022"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nChú thích:\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  ¹ Số liệu theo dự báo của Bộ Công Thương.\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  ⁴ Theo Sách Thương mại điện tử Việt Nam năm 2022"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("năm 2021 đạt 42%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  ⁵ Dân số trưởng thành.\n"), std::string::npos) << r.out;

  auto q = dxmon({"show", "targets", "--programme", "qd942", "--no-wrap"});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  // Seed 000 line 39: "1 | Cung cấp dịch vụ chất lượng phục vụ xã hội" above row 1.1; each group's
  // table prints its pillars again.
  EXPECT_TRUE(has(q.out, R"(\n1 +\| Cung cấp dịch vụ chất lượng phục vụ xã hội +\|[ |]*\n1\.1 +\| Tỷ lệ người dân)")) << q.out;
  EXPECT_TRUE(has(q.out, R"(\n4 +\| Giải quyết hiệu quả các vấn đề lớn trong phát triển kinh tế - xã hội +\|[ |]*\n4\.1 )"))
      << q.out;
  std::smatch m;
  int headings = 0;
  std::string rest = q.out;
  while (std::regex_search(rest, m, std::regex(R"(\n\d +\| [^|\n]+\|[ |]*\n)"))) {
    ++headings;
    rest = m.suffix();
  }
  EXPECT_GE(headings, 8);  // four pillars in the first group's table and again in the next ones
  EXPECT_NE(q.out.find("  ¹ Báo cáo của Bộ Y tế tại văn bản số 7092/BYT-K2DT ngày 02/11/2023"), std::string::npos)
      << q.out;
}

// README: 66 when a named entity does not exist, with the closest codes.
TEST_P(CatalogueCli, UnknownProgrammeOrIndicatorIsExit66WithTheClosestCodes) {
  init_builtin();
  for (const char* what : {"targets", "tasks", "indicators", "overrides"}) {
    auto r = dxmon({"show", what, "--programme", "khhd2202"});
    EXPECT_EQ(r.exit_code, 66) << what << ": " << r.out;
    EXPECT_NE(r.err.find("--programme: không có chương trình mã \"khhd2202\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("có phải là: khhd2022"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  auto r = dxmon({"show", "observations", "--indicator", "qd942.5"});
  EXPECT_EQ(r.exit_code, 66);
  EXPECT_NE(r.err.find("--indicator: không có chỉ tiêu mã \"qd942.5\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("qd942.05"), std::string::npos) << r.err;
  EXPECT_EQ(dxmon({"show", "targets", "--programme", "klph2022"}).exit_code, 0);  // known, without targets
}

// docs/formats.md, "Re-importing a value": a correction of the value alone keeps the stored
// as-of date, location, provenance and comment; each change is a revision that says what changed.
TEST_P(CatalogueCli, CorrectionsKeepWhatTheFileLeavesOutAndSayWhatChanged) {
  init_builtin();
  auto dir = temp_dir();
  std::ofstream(dir / "observations_fix.csv") << "indicator,period,value,document\nqd942.08,2023,\"58,50%\",14/BC-BTTTT\n";
  auto fix = dxmon({"import", (dir / "observations_fix.csv").string(), "--who", "Cục CĐS", "--why", "đính chính"});
  ASSERT_EQ(fix.exit_code, 0) << fix.err;
  auto obs = dxmon({"show", "observations", "--indicator", "qd942.08", "--no-wrap"});
  EXPECT_TRUE(has(obs.out, R"(năm 2023 +\| 58,50% +\| 14/BC-BTTTT, seed 000 line 59)")) << obs.out;

  std::ofstream(dir / "observations_flag.csv") << "indicator,period,value,document,flags\n"
                                                  "qd942.08,2023,\"58,50%\",14/BC-BTTTT,estimate\n";
  ASSERT_EQ(dxmon({"import", (dir / "observations_flag.csv").string(), "--who", "Cục CĐS", "--why", "ước tính"}).exit_code, 0);
  auto revs = dxmon({"show", "revisions", "--no-wrap"});
  ASSERT_EQ(revs.exit_code, 0) << revs.err;
  EXPECT_TRUE(has(revs.out, R"(qd942\.08\|quoc-gia\|2023\|14/BC-BTTTT +\| giá trị +\|[^|]+\| Cục CĐS +\| 58,41% +\| 58,50% +\| đính chính)"))
      << revs.out;
  EXPECT_TRUE(has(revs.out, R"(qd942\.08\|quoc-gia\|2023\|14/BC-BTTTT +\| cờ số liệu +\|[^|]+\| Cục CĐS +\| \(trống\) +\| estimate +\| ước tính)"))
      << revs.out;
  EXPECT_NE(revs.out.find("2 thay đổi"), std::string::npos) << revs.out;  // the as-of date was kept: no revision
  std::filesystem::remove_all(dir);
}

// Export → import into an empty store keeps the history of changed values.
TEST_P(CatalogueCli, TheHistoryOfChangesSurvivesAnExport) {
  init_builtin();
  auto dir = temp_dir();
  std::ofstream(dir / "observations_fix.csv") << "indicator,period,value,document\nqd942.08,2023,\"58,50%\",14/BC-BTTTT\n";
  ASSERT_EQ(dxmon({"import", (dir / "observations_fix.csv").string(), "--who", "Cục CĐS", "--why", "đính chính"}).exit_code, 0);
  for (const char* file : {"all.json", "all.xlsx", "all"}) {
    ASSERT_EQ(dxmon({"export", (dir / file).string()}).exit_code, 0);
    const std::string db = "sqlite:" + (dir / (std::string(file) + ".db")).string();
    std::vector<std::string> files{(dir / file).string()};
    if (std::string(file) == "all") {
      files.clear();
      for (const auto& e : std::filesystem::directory_iterator(dir / file)) files.push_back(e.path().string());
    }
    std::vector<std::string> args{"--db", db, "import"};
    args.insert(args.end(), files.begin(), files.end());
    auto imported = run_dxmon(args);
    ASSERT_EQ(imported.exit_code, 0) << file << ": " << imported.err;
    auto a = dxmon({"show", "revisions", "--no-wrap"});
    auto b = run_dxmon({"--db", db, "show", "revisions", "--no-wrap"});
    EXPECT_EQ(a.out, b.out) << file;
    EXPECT_NE(b.out.find("1 thay đổi"), std::string::npos) << file << ": " << b.out;
  }
  std::filesystem::remove_all(dir);
}

// A value for a unit after it ended names the units that took over (and the functions passed on
// in part), not only "its successor".
TEST_P(CatalogueCli, AValueForAUnitNoLongerInForceNamesItsSuccessors) {
  init_builtin();
  auto dir = temp_dir();
  std::ofstream(dir / "observations_2025.csv") << "indicator,unit,period,value,document\n"
                                                  "qd942.08,Bộ TT&TT,2025-Q2,\"61%\",BC-2025\n";
  auto r = dxmon({"import", (dir / "observations_2025.csv").string()});
  EXPECT_EQ(r.exit_code, 65) << r.out;
  EXPECT_NE(r.err.find("observations_2025.csv:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("đơn vị kế thừa: Bộ Khoa học và Công nghệ (bo-khcn-2025, từ ngày 01/03/2025)"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("chức năng chuyển giao một phần: quản lý nhà nước về báo chí sang Bộ Văn hóa, Thể thao và "
                       "Du lịch (bo-vhttdl, từ ngày 01/03/2025)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("— hãy ghi đơn vị kế thừa (đơn vị có hiệu lực trong kỳ), hoặc kiểm tra kỳ báo cáo"),
            std::string::npos)
      << r.err;
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogueCli,
                         ::testing::Values(testing_support::Backend::Sqlite, testing_support::Backend::Postgres),
                         testing_support::backend_name);

}  // namespace
}  // namespace dxmon
