// End-to-end: `dxmon check`, and the checks `dxmon import` runs on what it imports.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "support/cli_fixture.h"

namespace dxmon {
namespace {

using testing_support::Backend;

class CheckCli : public testing_support::Cli {};

TEST_P(CheckCli, ListsTheSeedErrorsWithTheirSources) {
  init_builtin();
  auto r = dxmon({"check"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // NOTES.md: seed 004 line 254 prints 11.923/13.506 as 91,32% (it is 88,28%).
  EXPECT_NE(r.out.find("Lỗi [share_consistency]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("11.923"), std::string::npos);
  EXPECT_NE(r.out.find("seed 004 line 254"), std::string::npos);
  // The 99% target counted achieved (seed 000 line 46).
  EXPECT_NE(r.out.find("Lỗi [achieved_claim]"), std::string::npos);
  EXPECT_NE(r.out.find("99%"), std::string::npos);
  EXPECT_NE(r.out.find("Kiểm tra số liệu:"), std::string::npos);
}

TEST_P(CheckCli, FailOnErrorGivesTheDataErrorCodeAndJsonIsMachineReadable) {
  init_builtin();
  EXPECT_EQ(dxmon({"check", "--fail-on", "error"}).exit_code, 65);
  auto json = dxmon({"check", "--format", "json", "--rule", "share_consistency"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto findings = nlohmann::json::parse(json.out);
  ASSERT_FALSE(findings.empty());
  std::set<std::string> rules;
  for (const auto& f : findings) rules.insert(f["rule"].get<std::string>());
  EXPECT_EQ(rules, std::set<std::string>{"share_consistency"});
  bool found = false;
  for (const auto& f : findings)
    for (const auto& v : f["values"])
      found = found || (v["document"] == "BC-2022-UBQGCĐS" && v["location"] == "seed 004 line 254");
  EXPECT_TRUE(found) << json.out;
  // A rule that has nothing to say leaves nothing to fail on.
  EXPECT_EQ(dxmon({"check", "--rule", "share_bounds", "--fail-on", "warning"}).exit_code, 0);
}

TEST_P(CheckCli, ImportShowsTheFindingsAboutWhatItImports) {
  init_builtin();
  auto dir = std::filesystem::temp_directory_path() /
             ("dxmon-checkcli-" + std::to_string(getpid()) + (GetParam() == Backend::Sqlite ? "s" : "p"));
  std::filesystem::create_directories(dir);
  auto file = dir / "observations.csv";
  // A province's share that does not match its own numerator and denominator (40/50 is 80%).
  std::ofstream(file) << "indicator,unit,period,value,numerator,denominator,document\n"
                         "bc.cccd_co_so_kham_chua_benh,TP. Hà Nội,2023,\"95%\",40,50,CV-HN-01\n";
  for (bool dry : {true, false}) {
    std::vector<std::string> args{"import", file.string()};
    if (dry) args.push_back("--dry-run");
    auto r = dxmon(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Lỗi [share_consistency]"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("CV-HN-01"), std::string::npos) << r.out;
    // The seed's own errors are counted, not repeated.
    EXPECT_EQ(r.out.find("seed 004 line 254"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("phát hiện về dữ liệu đã có trong kho"), std::string::npos) << r.out;
  }
  std::filesystem::remove_all(dir);
}

// The relations between indicators are in the store: with the repository's data folder out of
// reach the relation-based rules still run, and a store without relations says what to import.
TEST_P(CheckCli, RelationsComeFromTheStoreNotTheDataFolder) {
  // First a store holding values but no relations (as one made before they were stored).
  auto dir = std::filesystem::temp_directory_path() /
             ("dxmon-checkcli-norel-" + std::to_string(getpid()) + (GetParam() == Backend::Sqlite ? "s" : "p"));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "units.csv") << "code,name,kind\nquoc-gia,Cả nước,national\n";
  std::ofstream(dir / "indicators.csv") << "code,name,unit\nx.a,Chỉ tiêu A,hồ sơ\n";
  std::ofstream(dir / "observations.csv") << "indicator,period,value,document\nx.a,2024,5,BC\n";
  auto bare = dxmon({"import", (dir / "units.csv").string(), (dir / "indicators.csv").string(),
                     (dir / "observations.csv").string()});
  ASSERT_EQ(bare.exit_code, 0) << bare.err << bare.out;
  EXPECT_NE(bare.err.find("chưa có quan hệ giữa các chỉ tiêu"), std::string::npos) << bare.err;
  EXPECT_NE(bare.err.find("dxmon import data/indicator_relations.csv"), std::string::npos) << bare.err;
  std::filesystem::remove_all(dir);

  init_builtin();
  auto r = dxmon({"--data-dir", "/khong/co/thu/muc", "check", "--rule", "sum_consistency", "--rule",
                  "cumulative_monotonic"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("146 + 19 = 165, khác tổng 334"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Lỗi [cumulative_monotonic]"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("chưa có quan hệ"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, CheckCli, testing::Values(Backend::Sqlite, Backend::Postgres),
                         testing_support::backend_name);

}  // namespace
}  // namespace dxmon
