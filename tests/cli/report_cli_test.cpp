// End-to-end: `dxmon report KIND` on a store initialised with the built-in data, and
// `dxmon submission`, whose steps the reporting-rate report counts. Both backends.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/cli_fixture.h"

namespace dxmon {
namespace {

using testing_support::Backend;

class ReportCli : public testing_support::Cli {
 protected:
  std::string out_dir() {
    auto dir = std::filesystem::temp_directory_path() /
               ("dxmon-report-cli-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir);
    return dir.string();
  }
  static std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

// Seed 000 §I: with the report's own grouping (the built-in overrides) the counts as printed.
TEST_P(ReportCli, AnnualReportOfSeed000WithThePrintedGrouping) {
  init_builtin();
  auto r = dxmon({"report", "annual", "--programme", "qd942", "--period", "2023", "--format", "md", "--out", "-",
                  "--date", "16/02/2024", "--number", "14/BC-BTTTT"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("**07/35** mục tiêu đã hoàn thành (đạt 20%)"), std::string::npos) << r.out.substr(0, 4000);
  EXPECT_NE(r.out.find("**20/35** mục tiêu có khả năng hoàn thành cao (chiếm 57%)"), std::string::npos);
  EXPECT_NE(r.out.find("**08/35** mục tiêu phải nỗ lực tập trung mới hoàn thành đúng hạn (chiếm 23%)"),
            std::string::npos);
  EXPECT_NE(r.out.find("Số: 14/BC-BTTTT"), std::string::npos);
  // The checks ran first and said so on stderr.
  EXPECT_NE(r.err.find("Kiểm tra số liệu:"), std::string::npos) << r.err;
  // Signed for the minister by a deputy, named as seed 000 names him; the default Nơi nhận.
  EXPECT_EQ(r.out.find("Nguyễn Huy Dũng"), std::string::npos);
  auto signed_by = dxmon({"report", "annual", "--programme", "qd942", "--period", "2023", "--format", "md", "--out",
                          "-", "--signer", "Nguyễn Huy Dũng"});
  ASSERT_EQ(signed_by.exit_code, 0) << signed_by.err;
  EXPECT_NE(signed_by.out.find("**KT. BỘ TRƯỞNG**  \n**THỨ TRƯỞNG**"), std::string::npos);
  EXPECT_NE(signed_by.out.find("Nguyễn Huy Dũng"), std::string::npos);
  EXPECT_NE(signed_by.out.find("- Thủ tướng Chính phủ (để b/c);"), std::string::npos);
  // The minister in person, with a Nơi nhận of one's own.
  auto minister = dxmon({"report", "annual", "--programme", "qd942", "--period", "2023", "--format", "md", "--out", "-",
                         "--signer", "Nguyễn Mạnh Hùng", "--signer-title", "Bộ trưởng", "--recipient", "Như trên;",
                         "--recipient", "Lưu: VT, CĐSQG."});
  ASSERT_EQ(minister.exit_code, 0) << minister.err;
  EXPECT_EQ(minister.out.find("KT. BỘ TRƯỞNG"), std::string::npos);
  EXPECT_NE(minister.out.find("**BỘ TRƯỞNG**"), std::string::npos);
  EXPECT_NE(minister.out.find("- Như trên;\n- Lưu: VT, CĐSQG."), std::string::npos) << minister.out.substr(minister.out.size() - 2000);
  EXPECT_EQ(minister.out.find("Thủ tướng Chính phủ (để b/c)"), std::string::npos);
}

// With a computed method: the computed classes, and where and why they differ from the printed ones.
TEST_P(ReportCli, AnnualReportComputedListsTheDifferences) {
  init_builtin();
  auto r = dxmon({"report", "annual", "--programme", "qd942", "--period", "2023", "--no-overrides", "--format",
                  "md", "--out", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("giá trị 99% chưa đạt mục tiêu 100%"), std::string::npos) << r.out.substr(0, 4000);
  EXPECT_NE(r.out.find("13 mục tiêu không có số liệu năm 2023"), std::string::npos);
  EXPECT_NE(r.out.find("**06/35** mục tiêu đã hoàn thành (đạt 17%)"), std::string::npos);
  EXPECT_NE(r.out.find("**13/35** mục tiêu chưa có số liệu"), std::string::npos);
}

// The built-in overrides judge 2023 only: 2024 and 2022 are counted from their own values, and a
// judgement recorded for 2024 is applied to 2024 while 2023 keeps seed 000's grouping.
TEST_P(ReportCli, AnnualReportAppliesOverridesOnlyToTheirPeriod) {
  init_builtin();
  auto y2024 = dxmon({"report", "annual", "--programme", "qd942", "--period", "2024", "--format", "md", "--out", "-"});
  ASSERT_EQ(y2024.exit_code, 0) << y2024.err;
  EXPECT_EQ(y2024.out.find("**07/35** mục tiêu đã hoàn thành"), std::string::npos) << y2024.out.substr(0, 4000);
  EXPECT_NE(y2024.out.find("**35/35** mục tiêu chưa có số liệu"), std::string::npos) << y2024.out.substr(0, 4000);
  auto y2022 = dxmon({"report", "annual", "--programme", "qd942", "--period", "2022", "--format", "md", "--out", "-"});
  ASSERT_EQ(y2022.exit_code, 0) << y2022.err;
  EXPECT_EQ(y2022.out.find("**07/35** mục tiêu đã hoàn thành"), std::string::npos) << y2022.out.substr(0, 4000);
  EXPECT_NE(y2022.out.find("Các đánh giá đã ghi nhận cho năm 2023 không áp dụng cho năm 2022"), std::string::npos);

  const std::string file = out_dir() + "/overrides-2024.csv";
  std::ofstream(file) << "programme,target,period,group,who,when,why\n"
                         "qd942,04,2024,achieved,Cục Chuyển đổi số quốc gia,2025-02-10,Đánh giá lại theo báo cáo năm 2024\n";
  auto imported = dxmon({"import", file});
  ASSERT_EQ(imported.exit_code, 0) << imported.err << imported.out;
  auto shown = dxmon({"show", "overrides", "--programme", "qd942", "--no-wrap"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("36 đánh giá"), std::string::npos) << shown.out;
  y2024 = dxmon({"report", "annual", "--programme", "qd942", "--period", "2024", "--format", "md", "--out", "-"});
  ASSERT_EQ(y2024.exit_code, 0) << y2024.err;
  EXPECT_NE(y2024.out.find("**01/35** mục tiêu đã hoàn thành"), std::string::npos) << y2024.out.substr(0, 4000);
  EXPECT_NE(y2024.out.find("**34/35** mục tiêu chưa có số liệu"), std::string::npos);
  auto y2023 = dxmon({"report", "annual", "--programme", "qd942", "--period", "2023", "--format", "md", "--out", "-"});
  ASSERT_EQ(y2023.exit_code, 0) << y2023.err;
  EXPECT_NE(y2023.out.find("**07/35** mục tiêu đã hoàn thành (đạt 20%)"), std::string::npos);
  EXPECT_NE(y2023.out.find("**20/35** mục tiêu có khả năng hoàn thành cao (chiếm 57%)"), std::string::npos);
  EXPECT_NE(y2023.out.find("**08/35** mục tiêu phải nỗ lực tập trung mới hoàn thành đúng hạn (chiếm 23%)"),
            std::string::npos);
}

// Without --date a report on a past period is a draft judged on the day after the period ends,
// issued by the body in force then (Bộ TT&TT until 01/03/2025), not by today's body on today's date.
TEST_P(ReportCli, AReportWithoutADateIsJudgedAtTheEndOfItsPeriod) {
  init_builtin();
  auto quality = dxmon({"report", "quality", "--period", "2024-Q1", "--format", "md", "--out", "-"});
  ASSERT_EQ(quality.exit_code, 0) << quality.err;
  EXPECT_NE(quality.out.find("tính đến ngày 01/04/2024"), std::string::npos) << quality.out.substr(0, 3000);
  EXPECT_NE(quality.out.find("BỘ THÔNG TIN VÀ TRUYỀN THÔNG"), std::string::npos);
  EXPECT_EQ(quality.out.find("KHOA HỌC VÀ CÔNG NGHỆ"), std::string::npos);
  EXPECT_NE(quality.out.find("ngày      tháng      năm 2024"), std::string::npos);
  for (const char* period : {"2022", "2024"}) {
    auto annual = dxmon({"report", "annual", "--programme", "qd942", "--period", period, "--format", "md", "--out", "-"});
    ASSERT_EQ(annual.exit_code, 0) << annual.err;
    EXPECT_NE(annual.out.find("/BC-BTTTT"), std::string::npos) << period;
    EXPECT_EQ(annual.out.find("BKHCN"), std::string::npos) << period;
  }
  // A date after the merger of 01/03/2025 is issued by the successor.
  auto later = dxmon({"report", "quality", "--period", "2024-Q1", "--date", "10/04/2025", "--format", "md", "--out", "-"});
  ASSERT_EQ(later.exit_code, 0) << later.err;
  EXPECT_NE(later.out.find("BỘ KHOA HỌC VÀ CÔNG NGHỆ"), std::string::npos) << later.out.substr(0, 2000);
  EXPECT_NE(later.out.find("tính đến ngày 10/04/2025"), std::string::npos);
}

TEST_P(ReportCli, PlanReportOfSeed004WritesEveryFormat) {
  init_builtin();
  const std::string base = out_dir() + "/plan";
  auto r = dxmon({"report", "plan", "--programme", "khhd2022", "--period", "2022", "--format", "docx,html,md,xlsx,json",
                  "--out", base});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* ext : {".docx", ".html", ".md", ".xlsx", ".json"})
    EXPECT_TRUE(std::filesystem::exists(base + ext)) << base + ext << "\n" << r.out;
  EXPECT_NE(slurp(base + ".md").find("**9/12** chỉ tiêu đã hoàn thành"), std::string::npos);
  EXPECT_EQ(slurp(base + ".docx").rfind("PK", 0), 0u);
  EXPECT_NE(slurp(base + ".html").find("Cơ quan chủ trì"), std::string::npos);
}

TEST_P(ReportCli, PeriodicAndQualityReports) {
  init_builtin();
  auto q1 = dxmon({"report", "periodic", "--period", "2024-Q1", "--format", "md", "--out", "-"});
  ASSERT_EQ(q1.exit_code, 0) << q1.err;
  EXPECT_NE(q1.out.find("Chuyển đổi số quốc gia Quý I năm 2024"), std::string::npos) << q1.out.substr(0, 2000);
  EXPECT_NE(q1.out.find("3.551"), std::string::npos);
  auto quality = dxmon({"report", "quality", "--period", "2023", "--format", "md", "--out", "-"});
  ASSERT_EQ(quality.exit_code, 0) << quality.err;
  EXPECT_NE(quality.out.find("11.923/13.506 = 88,28%, báo cáo ghi 91,32%"), std::string::npos);
}

TEST_P(ReportCli, RatesReportCountsTheRecordedSubmissions) {
  init_builtin();
  auto sent = dxmon({"submission", "record", "--regime", "tt02-2023.thang", "--unit", "TP. Hà Nội", "--period",
                     "2025-03", "--at", "2025-03-10T09:00", "--who", "Nguyễn Văn A"});
  ASSERT_EQ(sent.exit_code, 0) << sent.err;
  auto late = dxmon({"submission", "record", "--regime", "tt02-2023.thang", "--unit", "Ha Noi", "--period",
                     "2025-03", "--at", "2025-03-11", "--status", "accepted"});
  ASSERT_EQ(late.exit_code, 0) << late.err;
  // Thừa Thiên Huế became Thành phố Huế on 1 January 2025: the old name is refused for March 2025
  // with the new one suggested.
  auto old_name = dxmon({"submission", "record", "--regime", "tt02-2023.thang", "--unit", "Tỉnh Thừa Thiên Huế",
                         "--period", "2025-03", "--at", "2025-03-20T08:00"});
  EXPECT_EQ(old_name.exit_code, 65);
  EXPECT_NE(old_name.err.find("Thành phố Huế"), std::string::npos) << old_name.err;
  auto hue = dxmon({"submission", "record", "--regime", "tt02-2023.thang", "--unit", "TP. Huế", "--period",
                    "2025-03", "--at", "2025-03-20T08:00"});
  ASSERT_EQ(hue.exit_code, 0) << hue.err;
  // An accepted report is locked: a data error, nothing written.
  auto locked = dxmon({"submission", "record", "--regime", "tt02-2023.thang", "--unit", "Hà Nội", "--period",
                       "2025-03", "--at", "2025-03-12", "--status", "returned", "--reason", "thiếu số liệu"});
  EXPECT_EQ(locked.exit_code, 65);
  EXPECT_NE(locked.err.find("khoá"), std::string::npos) << locked.err;
  auto steps = dxmon({"submission", "list", "--regime", "tt02-2023.thang", "--period", "2025-03"});
  ASSERT_EQ(steps.exit_code, 0) << steps.err;
  EXPECT_NE(steps.out.find("3 bước"), std::string::npos) << steps.out;

  auto r = dxmon({"report", "rates", "--regime", "tt02-2023.thang", "--period", "2025-03", "--date", "25/03/2025",
                  "--format", "md", "--out", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("**02/85** đơn vị đã gửi báo cáo"), std::string::npos) << r.out.substr(0, 3000);
  EXPECT_NE(r.out.find("**01/85** đơn vị gửi đúng hạn"), std::string::npos);
  EXPECT_NE(r.out.find("**01/85** đơn vị gửi muộn"), std::string::npos);
}

TEST_P(ReportCli, ErrorsHaveCodesScriptsCanUse) {
  init_builtin();
  auto missing = dxmon({"report", "annual", "--period", "2023"});
  EXPECT_EQ(missing.exit_code, 64);
  EXPECT_NE(missing.err.find("--programme"), std::string::npos) << missing.err;
  auto unknown = dxmon({"report", "annual", "--programme", "qd999", "--period", "2023", "--out", "-", "--format", "md"});
  EXPECT_EQ(unknown.exit_code, 66);
  EXPECT_NE(unknown.err.find("qd999"), std::string::npos) << unknown.err;
  auto period = dxmon({"report", "annual", "--programme", "qd942", "--period", "mùa xuân"});
  EXPECT_EQ(period.exit_code, 64);
  EXPECT_NE(period.err.find("2024-Q1"), std::string::npos) << period.err;
  // The seeds' own errors (11.923/13.506 printed as 91,32 %) stop a report that must be clean.
  auto strict = dxmon({"report", "plan", "--programme", "khhd2022", "--period", "2022", "--fail-on", "error",
                       "--out", "-", "--format", "md"});
  EXPECT_EQ(strict.exit_code, 65);
  EXPECT_TRUE(strict.out.empty()) << strict.out.substr(0, 500);
  auto binary = dxmon({"report", "plan", "--programme", "khhd2022", "--period", "2022", "--out", "-"});
  EXPECT_EQ(binary.exit_code, 64);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportCli, testing::Values(Backend::Sqlite, Backend::Postgres),
                         testing_support::backend_name);

}  // namespace
}  // namespace dxmon
