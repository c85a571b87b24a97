// End-to-end: `dxmon rank` on both stores — by one indicator and by a weighted composite index
// (points ÷ maximum, as the DTI index), with ties and the change since the previous period; on
// points imported by hand and on values measured from generated dossier records.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <nlohmann/json.hpp>

#include "support/cli_fixture.h"

namespace dxmon {
namespace {

using testing_support::Backend;

class RankCli : public testing_support::Cli {
 protected:
  std::filesystem::path dir() {
    auto d = std::filesystem::temp_directory_path() /
             ("dxmon-rank-cli-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(d);
    return d;
  }
  std::string write(const std::string& name, const std::string& content) {
    const std::string path = (dir() / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  // Points of a DTI-like index for three provinces in 2023 and 2024 (test data, made up): in 2024
  // Hà Nội and Đà Nẵng tie.
  void import_points() {
    const std::string indicators = write("indicators.csv",
                                         "code,name,unit,direction,kind,aggregation\n"
                                         "test.dti_diem,Điểm chỉ số chuyển đổi số (thử nghiệm),điểm,higher,reported,none\n"
                                         "test.ty_le,Tỷ lệ thử nghiệm,%,higher,reported,none\n");
    const std::string values = write("observations.csv",
                                     "indicator,unit,period,value,document\n"
                                     "test.dti_diem,TP. Hà Nội,2023,650,TN\n"
                                     "test.dti_diem,Đà Nẵng,2023,400,TN\n"
                                     "test.dti_diem,Quảng Ninh,2023,300,TN\n"
                                     "test.dti_diem,TP. Hà Nội,2024,500,TN\n"
                                     "test.dti_diem,Đà Nẵng,2024,500,TN\n"
                                     "test.dti_diem,Quảng Ninh,2024,600,TN\n"
                                     "test.ty_le,TP. Hà Nội,2024,50%,TN\n"
                                     "test.ty_le,Đà Nẵng,2024,100%,TN\n");
    auto r = dxmon({"import", indicators, values});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  }
  static nlohmann::json json_of(const testing_support::CommandResult& r) { return nlohmann::json::parse(r.out); }
};

TEST_P(RankCli, OneIndicatorWithTiesAndTheChangeSinceThePreviousYear) {
  init_builtin();
  import_points();
  auto r = dxmon({"rank", "--indicator", "test.dti_diem", "--period", "2024", "--no-wrap"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Xếp hạng theo chỉ tiêu “Điểm chỉ số chuyển đổi số (thử nghiệm)” (test.dti_diem), năm 2024 "
                       "(so với năm 2023)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("3 đơn vị được xếp hạng"), std::string::npos) << r.out;

  auto j = json_of(dxmon({"rank", "--indicator", "test.dti_diem", "--period", "2024", "--format", "json"}));
  ASSERT_EQ(j.size(), 3u);
  // Quảng Ninh first (600, up two places from third); Đà Nẵng and Hà Nội tie for second (competition
  // ranking 1, 2, 2), listed by code; Hà Nội was first in 2023.
  EXPECT_EQ(j[0]["name"], "Tỉnh Quảng Ninh");
  EXPECT_EQ(j[0]["rank"], 1);
  EXPECT_EQ(j[0]["rank_change"], 2);
  EXPECT_EQ(j[1]["rank"], 2);
  EXPECT_EQ(j[2]["rank"], 2);
  EXPECT_TRUE(j[1]["tied"].get<bool>());
  EXPECT_TRUE(j[2]["tied"].get<bool>());
  std::map<std::string, int> change;
  for (const auto& u : j) change[u["name"]] = u["rank_change"];
  EXPECT_EQ(change["Thành phố Hà Nội"], -1);
  EXPECT_EQ(change["Thành phố Đà Nẵng"], 0);
  EXPECT_NE(r.out.find("2 (đồng hạng)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tăng 2 bậc"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("giảm 1 bậc"), std::string::npos) << r.out;

  // Without a comparison the change column says nothing.
  auto alone = dxmon({"rank", "--indicator", "test.dti_diem", "--period", "2024", "--previous", "none", "--no-wrap"});
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  EXPECT_EQ(alone.out.find("bậc"), std::string::npos) << alone.out;
}

// Points ÷ maximum: 600/1000 and a share of 100 % worth its full 50 points; a unit without a
// component's value gets 0 for it and the component is named as missing.
TEST_P(RankCli, CompositeIndexIsPointsOverTheMaximum) {
  init_builtin();
  import_points();
  const std::string weights = write("weights.csv",
                                    "indicator,max_points,name\n"
                                    "test.dti_diem,1000,Điểm DTI\n"
                                    "test.ty_le,50,Tỷ lệ\n");
  auto j = json_of(dxmon({"rank", "--weights", weights, "--period", "2024", "--format", "json"}));
  ASSERT_EQ(j.size(), 3u);
  std::map<std::string, double> index;
  for (const auto& u : j) index[u["name"]] = u["score"];
  EXPECT_DOUBLE_EQ(index["Thành phố Đà Nẵng"], (500.0 + 50.0) / 1050.0);
  EXPECT_DOUBLE_EQ(index["Thành phố Hà Nội"], (500.0 + 25.0) / 1050.0);
  EXPECT_DOUBLE_EQ(index["Tỉnh Quảng Ninh"], 600.0 / 1050.0);
  EXPECT_EQ(j[0]["name"], "Tỉnh Quảng Ninh");
  // The same index given on the command line.
  auto same = json_of(dxmon({"rank", "--component", "test.dti_diem=1000", "--component", "test.ty_le=50", "--period",
                             "2024", "--format", "json"}));
  EXPECT_EQ(same, j);
  auto text = dxmon({"rank", "--weights", weights, "--period", "2024", "--no-wrap"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("điểm đạt ÷ điểm tối đa; Điểm DTI 1.000 điểm, Tỷ lệ 50 điểm"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("600/1.050 = 0,5714"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("| Tỷ lệ "), std::string::npos) << text.out;  // Quảng Ninh has no share: named as missing
}

// Values measured from generated dossier records: the composite of four measured shares equals
// the sum of each share's points, unit by unit, and the ranking is ordered by it.
TEST_P(RankCli, CompositeOfMeasuredSharesFromGeneratedRecords) {
  init_builtin();
  const std::string records = (dir() / "records.csv").string();
  auto g = dxmon({"generate", "-n", "20000", "--year", "2024", "--seed", "5", "-o", records});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  auto in = dxmon({"ingest", records, "--records", (dir() / "log").string()});
  ASSERT_EQ(in.exit_code, 0) << in.err;
  // The ingest ran the checks of single values on what it wrote.
  EXPECT_NE(in.out.find("Kiểm tra số liệu: không phát hiện vấn đề nào."), std::string::npos) << in.out;
  const std::map<std::string, double> weights = {{"dvc.giai_quyet_dung_han", 20}, {"dvc.so_hoa_ho_so", 22},
                                                 {"dvc.ho_so_truc_tuyen", 22}, {"dvc.hai_long_ty_le", 18}};
  std::vector<std::string> args{"rank", "--period", "2024-Q1", "--group", "dia_phuong", "--format", "json"};
  for (const auto& [code, points] : weights) {
    args.push_back("--component");
    args.push_back(code + "=" + std::to_string(static_cast<int>(points)));
  }
  auto composite = dxmon(args);
  ASSERT_EQ(composite.exit_code, 0) << composite.err;
  auto j = json_of(composite);
  ASSERT_GT(j.size(), 10u);
  EXPECT_LE(j.size(), 63u);  // provinces in force in 2024 only
  std::map<std::string, double> expected_points;
  for (const auto& [code, points] : weights) {
    auto one = dxmon({"rank", "--indicator", code, "--period", "2024-Q1", "--group", "dia_phuong", "--format", "json"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    for (const auto& u : json_of(one)) expected_points[u["unit"]] += u["score"].get<double>() / 100.0 * points;
  }
  double previous = 2;
  for (const auto& u : j) {
    const double index = u["score"];
    EXPECT_NEAR(index, expected_points[u["unit"]] / 82.0, 1e-9) << u["name"];
    EXPECT_LE(index, previous + 1e-12);
    previous = index;
  }
  // Quarter against the quarter before: Q4/2023 has no records, so nothing to compare.
  EXPECT_TRUE(j[0]["previous_rank"].is_null());
  // Counts are written the Vietnamese way by ingest and by rebuild, which changes no value.
  EXPECT_NE(in.out.find("20.000 bản ghi được nhận"), std::string::npos) << in.out;
  auto rebuilt = dxmon({"rebuild", "--records", (dir() / "log").string()});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_TRUE(std::regex_search(rebuilt.out, std::regex(R"(; 0 giá trị mới, 0 cập nhật, \d{1,3}(\.\d{3})+ không đổi)")))
      << rebuilt.out;
}

TEST_P(RankCli, MistakesAreSaidWithWhatToDo) {
  init_builtin();
  import_points();
  auto unknown = dxmon({"rank", "--indicator", "test.dti", "--period", "2024"});
  EXPECT_EQ(unknown.exit_code, 66);
  EXPECT_NE(unknown.err.find("test.dti_diem"), std::string::npos) << unknown.err;
  auto both = dxmon({"rank", "--indicator", "test.dti_diem", "--component", "test.ty_le=50", "--period", "2024"});
  EXPECT_EQ(both.exit_code, 64);
  auto neither = dxmon({"rank", "--period", "2024"});
  EXPECT_EQ(neither.exit_code, 64);
  EXPECT_NE(neither.err.find("--indicator"), std::string::npos) << neither.err;
  auto empty = dxmon({"rank", "--indicator", "test.dti_diem", "--period", "2022"});
  EXPECT_EQ(empty.exit_code, 66);
  EXPECT_NE(empty.err.find("Các kỳ có giá trị: 2023, 2024."), std::string::npos) << empty.err;
  const std::string bad = write("bad-weights.csv",
                                "indicator,max_points\n"
                                "test.dti_diem,nhiều\n"
                                "test.dti_diem,10\n");
  auto rejected = dxmon({"rank", "--weights", bad, "--period", "2024"});
  EXPECT_EQ(rejected.exit_code, 65);
  EXPECT_NE(rejected.err.find("bad-weights.csv:2"), std::string::npos) << rejected.err;
  EXPECT_NE(rejected.err.find("điểm tối đa phải là một số lớn hơn 0"), std::string::npos) << rejected.err;
  EXPECT_NE(rejected.err.find("đã có ở dòng trước"), std::string::npos) << rejected.err;
  // Points above the component's maximum are refused, naming the unit and the component.
  auto over = dxmon({"rank", "--component", "test.dti_diem=550", "--period", "2024"});
  EXPECT_EQ(over.exit_code, 65);
  EXPECT_NE(over.err.find("test.dti_diem"), std::string::npos) << over.err;
  EXPECT_NE(over.err.find("0–550"), std::string::npos) << over.err;
  // A count has no maximum: it cannot be a component.
  auto count = dxmon({"rank", "--component", "dvc.so_ho_so=10", "--period", "2024"});
  EXPECT_EQ(count.exit_code, 65);
  EXPECT_NE(count.err.find("chỉ dùng chỉ tiêu tính bằng điểm hoặc tỷ lệ %"), std::string::npos) << count.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, RankCli, testing::Values(Backend::Sqlite, Backend::Postgres),
                         testing_support::backend_name);

}  // namespace
}  // namespace dxmon
