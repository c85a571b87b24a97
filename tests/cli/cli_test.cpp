// End-to-end: the dxmon command on both stores, as a user or a script runs it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/cli_fixture.h"
#include "support/run_command.h"
#include "support/scratch_store.h"

namespace dxmon {
namespace {

using testing_support::Backend;
using testing_support::CommandResult;
using testing_support::run_command;
using testing_support::run_dxmon;
using testing_support::Cli;

std::filesystem::path temp_dir(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() / ("dxmon-cli-" + std::to_string(getpid()) + "-" + name);
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p;
}

std::string slurp_dir(const std::filesystem::path& dir) {
  std::ostringstream all;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    all << "== " << f.filename().string() << "\n" << in.rdbuf();
  }
  return all.str();
}

int count_lines_matching(const std::string& text, const std::regex& re) {
  std::istringstream in(text);
  int n = 0;
  for (std::string line; std::getline(in, line);)
    if (std::regex_search(line, re)) ++n;
  return n;
}

TEST_P(Cli, ShowTargetsOfDecision942AsTheReportPrintedThem) {
  init_builtin();
  auto r = dxmon({"show", "targets", "--programme", "qd942", "--no-wrap"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Quyết định số 942/QĐ-TTg) — 35 mục tiêu"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Kết quả năm 2022 | Kết quả năm 2023 | Mục tiêu năm 2025"), std::string::npos) << r.out;
  // The three groups of seed 000 §I with 7, 20 and 8 rows (one row per target: STT x.y at line start).
  for (const char* group : {"[Nhóm các mục tiêu đã hoàn thành]", "[Nhóm các mục tiêu có khả năng hoàn thành cao]",
                            "[Nhóm các mục tiêu cần nỗ lực tập trung mới có thể hoàn thành đúng hạn]"})
    EXPECT_NE(r.out.find(group), std::string::npos) << group;
  EXPECT_EQ(count_lines_matching(r.out, std::regex(R"(^\d\.\d+ +\|)")), 35);
  // Values as printed (seed 000 lines 46, 59, 61, 47).
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(3\.2 +\| Tỷ lệ văn bản trao đổi.*\| 90% +\| 99% +\| 100%)")));
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến +\| 54,34% +\| 58,41% +\| ≥ 80%)")));
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(hài lòng .*\| 86,97% +\| 79,81% +\| 90%)")));
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(kỹ năng phân tích.*\| 45% +\| 59,38% +\| ≥ 50%)")));
}

TEST_P(Cli, ShowTargetsOfThe2022PlanWithLeadAgencies) {
  init_builtin();
  auto r = dxmon({"show", "targets", "--programme", "khhd2022", "--no-wrap"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("— 12 mục tiêu"), std::string::npos) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\| Cơ quan chủ trì +\|)"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(1 +\| Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử +\| Bộ Tài chính .*\| 100%)")));
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(3 +\| .*tài khoản thanh toán +\| Ngân hàng Nhà nước Việt Nam)")));
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(11 +\| .*trực tuyến +\| Văn phòng Chính phủ .*\| 40,47%)")));
  // 9 in the achieved group, 3 not: the rows between the two group headings.
  auto achieved = r.out.find("[Các chỉ tiêu đã hoàn thành]");
  auto not_achieved = r.out.find("[Các chỉ tiêu chưa hoàn thành]");
  ASSERT_NE(achieved, std::string::npos);
  ASSERT_NE(not_achieved, std::string::npos);
  EXPECT_EQ(count_lines_matching(r.out.substr(achieved, not_achieved - achieved), std::regex(R"(^\d+ +\|)")), 9);
}

TEST_P(Cli, InitTwiceChangesNothing) {
  init_builtin();
  auto again = init_builtin();
  EXPECT_NE(again.out.find("Không có gì thay đổi"), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find("thêm mới, 0 cập nhật") == std::string::npos, false);
  EXPECT_EQ(again.out.find(" 1 thêm mới"), std::string::npos);
}

TEST_P(Cli, UnitsAndGroupsAsOfADate) {
  init_builtin();
  auto before = dxmon({"show", "units", "--group", "dia_phuong", "--as-of", "2025-06-30"});
  EXPECT_NE(before.out.find("63 đơn vị có hiệu lực ngày 30/06/2025"), std::string::npos) << before.out;
  auto after = dxmon({"show", "units", "--group", "dia_phuong", "--as-of", "01/07/2025"});
  EXPECT_NE(after.out.find("34 đơn vị có hiệu lực ngày 01/07/2025"), std::string::npos) << after.out;
  auto ministries = dxmon({"show", "units", "--group", "bo_nganh", "--as-of", "2023-12-31"});
  EXPECT_NE(ministries.out.find("30 đơn vị"), std::string::npos) << ministries.out;
}

TEST_P(Cli, DamagedFileIsRejectedWithWhereAndWhatAndNothingIsWritten) {
  init_builtin();
  auto dir = temp_dir(std::string("damaged-") + (GetParam() == Backend::Sqlite ? "s" : "p"));
  auto before = dxmon({"export", (dir / "before").string()});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  auto file = dir / "observations_submission.csv";
  std::ofstream(file) << "indicator,unit,period,value,document\n"
                         "qd942.08,Ha Noi,2024,\"61,5%\",CV-01\n"       // good row
                         "qd942.08,Ha Noii,2024,\"61,5%\",CV-01\n"      // unknown unit
                         "qd942.08,Hà Nội,2024-13,\"61,5%\",CV-01\n";  // bad period
  auto r = dxmon({"import", file.string()});
  EXPECT_EQ(r.exit_code, 65) << r.out << r.err;
  EXPECT_NE(r.err.find("observations_submission.csv:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Thành phố Hà Nội"), std::string::npos) << "suggests the closest name: " << r.err;
  EXPECT_NE(r.err.find("observations_submission.csv:4"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Không có dữ liệu nào được ghi"), std::string::npos) << r.err;
  auto after = dxmon({"export", (dir / "after").string()});
  EXPECT_EQ(slurp_dir(dir / "before"), slurp_dir(dir / "after"));
  std::filesystem::remove_all(dir);
}

TEST_P(Cli, DryRunChecksAndWritesNothingThenImportWrites) {
  init_builtin();
  auto dir = temp_dir(std::string("dry-") + (GetParam() == Backend::Sqlite ? "s" : "p"));
  auto file = dir / "observations.csv";
  std::ofstream(file) << "indicator,unit,period,value,document\nqd942.08,TP. Hà Nội,Quý I năm 2024,\"61,5%\",CV-01\n";
  auto dry = dxmon({"import", "--dry-run", file.string()});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("--dry-run"), std::string::npos);
  auto none = dxmon({"show", "observations", "--indicator", "qd942.08", "--unit", "Hà Nội"});
  EXPECT_NE(none.out.find("0 giá trị"), std::string::npos) << none.out;
  auto real = dxmon({"import", file.string(), "--who", "Sở TT&TT Hà Nội"});
  EXPECT_EQ(real.exit_code, 0) << real.err;
  auto one = dxmon({"show", "observations", "--indicator", "qd942.08", "--unit", "Ha Noi", "--no-wrap"});
  EXPECT_NE(one.out.find("1 giá trị"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("Quý I năm 2024 | 61,5%"), std::string::npos) << one.out;
  std::filesystem::remove_all(dir);
}

TEST_P(Cli, ExportImportExportIsLossless) {
  init_builtin();
  auto dir = temp_dir(std::string("roundtrip-") + (GetParam() == Backend::Sqlite ? "s" : "p"));
  for (const char* ext : {"json", "xlsx"}) {
    auto first = dir / (std::string("first.") + ext);
    ASSERT_EQ(dxmon({"export", first.string()}).exit_code, 0);
    auto db2 = "sqlite:" + (dir / (std::string("second-") + ext + ".db")).string();
    auto imported = run_dxmon({"--db", db2, "import", first.string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto second = dir / (std::string("second.") + ext);
    ASSERT_EQ(run_dxmon({"--db", db2, "export", second.string()}).exit_code, 0);
    if (std::string(ext) == "json") {
      std::ifstream a(first), b(second);
      std::stringstream sa, sb;
      sa << a.rdbuf();
      sb << b.rdbuf();
      EXPECT_EQ(sa.str(), sb.str());
    }
    auto csv1 = dir / (std::string("csv1-") + ext), csv2 = dir / (std::string("csv2-") + ext);
    ASSERT_EQ(dxmon({"export", csv1.string()}).exit_code, 0);
    ASSERT_EQ(run_dxmon({"--db", db2, "export", csv2.string()}).exit_code, 0);
    EXPECT_EQ(slurp_dir(csv1), slurp_dir(csv2)) << ext;
  }
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, Cli, testing::Values(Backend::Sqlite, Backend::Postgres),
                         testing_support::backend_name);

TEST(CliHelp, EverySubcommandHasHelp) {
  for (std::vector<std::string> cmd :
       {std::vector<std::string>{"init"}, {"import"}, {"export"}, {"show"}, {"ingest"}, {"rebuild"}, {"generate"},
        {"check"}, {"report"}, {"rank"}, {"submission"}, {"submission", "record"}, {"submission", "list"}}) {
    const std::string name = cmd.size() == 1 ? cmd[0] : cmd[0] + " " + cmd[1];
    cmd.push_back("--help");
    auto r = run_dxmon(cmd);
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << name << ": " << r.out;
    EXPECT_NE(r.out.find(cmd[cmd.size() - 2]), std::string::npos) << name << ": " << r.out;
  }
  auto top = run_dxmon({"--help"});
  EXPECT_EQ(top.exit_code, 0);
  for (const char* cmd : {"init", "import", "export", "show", "ingest", "rebuild", "generate", "check", "report",
                          "rank", "submission"})
    EXPECT_NE(top.out.find(cmd), std::string::npos) << cmd;
}

TEST(CliExitCodes, WrongUsageAndMissingFilesHaveTheirOwnCodes) {
  EXPECT_EQ(run_dxmon({"show", "nonsense"}).exit_code, 64);
  EXPECT_EQ(run_dxmon({"--db", "sqlite:/nonexistent-dir/x.db", "show", "units"}).exit_code, 69);
  EXPECT_EQ(run_dxmon({"import", "/nonexistent/file.csv"}).exit_code, 66);
}

// 64 for a command line that cannot be right, before anything is created: a store of a kind dxmon
// does not have, an export to a file type it does not write.
TEST(CliExitCodes, UnknownStoreSchemeAndExportTypeAre64AndCreateNothing) {
  auto dir = temp_dir("usage");
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  auto scheme = run_dxmon({"--db", "mysql:foo", "show", "units"});
  EXPECT_EQ(scheme.exit_code, 64);
  EXPECT_NE(scheme.err.find("kho dữ liệu loại \"mysql:\" không được hỗ trợ"), std::string::npos) << scheme.err;
  EXPECT_NE(scheme.err.find("sqlite:PATH"), std::string::npos) << scheme.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "mysql:foo"));
  auto mysql_url = run_dxmon({"--db", "mysql://user@host/db", "init"});
  EXPECT_EQ(mysql_url.exit_code, 64) << mysql_url.err;

  const std::string db = "sqlite:" + (dir / "x.db").string();
  ASSERT_EQ(run_dxmon({"--db", db, "init"}).exit_code, 0);
  auto docx = run_dxmon({"--db", db, "export", (dir / "out.docx").string()});
  EXPECT_EQ(docx.exit_code, 64);
  EXPECT_NE(docx.err.find("--format csv|json|xlsx"), std::string::npos) << docx.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.docx"));
  // With --format the path is taken as asked: a folder of CSV files.
  EXPECT_EQ(run_dxmon({"--db", db, "export", (dir / "out.docx").string(), "--format", "csv"}).exit_code, 0);
  EXPECT_TRUE(std::filesystem::is_directory(dir / "out.docx"));
  std::filesystem::current_path(cwd);
  std::filesystem::remove_all(dir);
}

// 65: input rejected, problems listed, nothing written; 66: a programme that does not exist.
TEST(CliExitCodes, RejectedInputIs65AndAnUnknownProgrammeIs66) {
  auto dir = temp_dir("codes");
  const std::string db = "sqlite:" + (dir / "x.db").string();
  ASSERT_EQ(run_dxmon({"--db", db, "init", "--builtin"}).exit_code, 0);
  std::ofstream(dir / "observations.csv") << "indicator,period,value,document\nqd942.08,2023-13,\"58%\",X\n";
  auto bad = run_dxmon({"--db", db, "import", (dir / "observations.csv").string()});
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_NE(bad.err.find("observations.csv:2"), std::string::npos) << bad.err;
  EXPECT_EQ(run_dxmon({"--db", db, "show", "targets", "--programme", "nope"}).exit_code, 66);
  EXPECT_EQ(run_dxmon({"--db", db, "report", "plan", "--programme", "nope", "--period", "2022"}).exit_code, 66);
  std::filesystem::remove_all(dir);
}

// README, "Built-in data": the binary finds data/ next to or above itself, so a built or installed
// binary works from any folder; DXMON_DATA_DIR and --data-dir name another folder.
TEST(CliDataDir, FoundBesideTheExecutableOrWhereTheEnvironmentSays) {
  // A copy of the layout of an installation: PREFIX/bin/dxmon and PREFIX/share/dxmon/data. The
  // binary is linked (not copied) when the file system allows it; it is large.
  const auto prefix = std::filesystem::path(DXMON_BINARY).parent_path() / ("datadir-test-" + std::to_string(getpid()));
  std::filesystem::remove_all(prefix);
  std::filesystem::create_directories(prefix / "bin");
  std::filesystem::create_directories(prefix / "share" / "dxmon");
  std::error_code ec;
  std::filesystem::create_hard_link(DXMON_BINARY, prefix / "bin" / "dxmon", ec);
  if (ec) std::filesystem::copy_file(DXMON_BINARY, prefix / "bin" / "dxmon");
  std::filesystem::copy(DXMON_DATA_DIR, prefix / "share" / "dxmon" / "data", std::filesystem::copy_options::recursive);
  const std::string exe = (prefix / "bin" / "dxmon").string();
  const std::string db = "sqlite:" + (prefix / "x.db").string();

  auto help = run_command({"/usr/bin/env", "-u", "DXMON_DATA_DIR", exe, "--help"});
  EXPECT_NE(help.out.find((prefix / "share" / "dxmon" / "data").string()), std::string::npos) << help.out;
  auto init = run_command({"/usr/bin/env", "-u", "DXMON_DATA_DIR", exe, "--db", db, "init", "--builtin"});
  EXPECT_EQ(init.exit_code, 0) << init.err;
  auto shown = run_command({"/usr/bin/env", "-u", "DXMON_DATA_DIR", exe, "--db", db, "show", "programmes"});
  EXPECT_NE(shown.out.find("khhd2022"), std::string::npos) << shown.out;

  // The environment variable wins over the folder beside the binary, and --data-dir over both.
  auto env = run_command({"/usr/bin/env", "DXMON_DATA_DIR=/nonexistent-dxmon-data", exe, "--db", db, "init", "--builtin"});
  EXPECT_EQ(env.exit_code, 66);
  EXPECT_NE(env.err.find("/nonexistent-dxmon-data"), std::string::npos) << env.err;
  auto flag = run_command({"/usr/bin/env", "DXMON_DATA_DIR=/nonexistent-dxmon-data", exe, "--db", db, "--data-dir",
                           (prefix / "share" / "dxmon" / "data").string(), "init", "--builtin"});
  EXPECT_EQ(flag.exit_code, 0) << flag.err;
  std::filesystem::remove_all(prefix);
}

}  // namespace
}  // namespace dxmon
