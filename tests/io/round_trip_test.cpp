// Export → import into an empty store → export again gives identical files, in every format,
// and the second store holds exactly what the first did.
#include <gtest/gtest.h>

#include "io/export.h"
#include "io_test_support.h"

namespace dxmon::io {
namespace {

using namespace dxmon::io::testing;
namespace fs = std::filesystem;

class RoundTrip : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    auto store = open_store("sqlite:" + dir_->file("original.db"));
    auto report = import_files(*store, builtin_files(), options());
    ASSERT_TRUE(report.ok()) << all_problems(report);
    original_ = new Dataset(store->load_all());
  }
  static void TearDownTestSuite() {
    delete original_;
    delete dir_;
  }

  // Imports `files` into a new store and returns that store's contents.
  static Dataset reimport(const std::vector<std::string>& files, const std::string& db) {
    auto store = open_store("sqlite:" + dir_->file(db));
    auto report = import_files(*store, files, options());
    EXPECT_TRUE(report.ok()) << all_problems(report);
    return store->load_all();
  }

  static TempDir* dir_;
  static Dataset* original_;
};

TempDir* RoundTrip::dir_ = nullptr;
Dataset* RoundTrip::original_ = nullptr;

TEST_F(RoundTrip, CsvDirectory) {
  auto first = export_dataset(*original_, dir_->file("csv1"), ExportFormat::CsvDirectory);
  ASSERT_EQ(first.size(), 11u);
  Dataset back = reimport(first, "csv.db");
  EXPECT_TRUE(back == *original_);
  auto second = export_dataset(back, dir_->file("csv2"), ExportFormat::CsvDirectory);
  for (std::size_t i = 0; i < first.size(); ++i)
    EXPECT_EQ(read_file(first[i]), read_file(second[i])) << first[i];
  // Canonical values with as_printed kept: 58,41% is exported as 58.41 and "58,41%".
  std::string obs = read_file(dir_->file("csv1/observations.csv"));
  EXPECT_NE(obs.find(",58.41,,\"58,41%\","), std::string::npos);
  // Overrides and regimes are files of their own, with ids for the enumerated columns.
  std::string overrides = read_file(dir_->file("csv1/overrides.csv"));
  EXPECT_EQ(overrides.rfind("programme,target,period,group,fine,who,when,why,source\r\n", 0), 0u) << overrides;
  EXPECT_NE(overrides.find("qd942,01,2023,achieved,,Bộ Thông tin và Truyền thông,2024-02-16,"), std::string::npos);
  // The relations the checks use travel with the store.
  std::string relations = read_file(dir_->file("csv1/indicator_relations.csv"));
  EXPECT_NE(relations.find("sum_of,bc.tan_cong_mang,bc.tan_cong_mang_phishing;bc.tan_cong_mang_deface;"),
            std::string::npos)
      << relations;
  std::string regimes = read_file(dir_->file("csv1/regimes.csv"));
  EXPECT_NE(regimes.find(",bo_nganh_dia_phuong,,,month,nd09,M+0:15,"), std::string::npos) << regimes;
}

// The built-in overrides and regimes are what the round trips below carry: not an empty list.
TEST_F(RoundTrip, CarriesOverridesAndRegimes) {
  EXPECT_EQ(original_->overrides.size(), 35u);
  EXPECT_GE(original_->regimes.size(), 4u);
  bool some_recipient = false, some_units = false;
  for (const auto& r : original_->regimes) {
    some_recipient = some_recipient || !r.recipient.empty();
    some_units = some_units || !r.units.empty();
  }
  EXPECT_TRUE(some_recipient && some_units);
}

TEST_F(RoundTrip, Json) {
  auto first = export_dataset(*original_, dir_->file("one.json"), ExportFormat::Json);
  Dataset back = reimport(first, "json.db");
  EXPECT_TRUE(back == *original_);
  auto second = export_dataset(back, dir_->file("two.json"), ExportFormat::Json);
  EXPECT_EQ(read_file(first[0]), read_file(second[0]));
  std::string text = read_file(first[0]);
  EXPECT_NE(text.find("\"value\": 58.41"), std::string::npos);
  EXPECT_NE(text.find("\"short_names\": [\n"), std::string::npos);
  EXPECT_NE(text.find("\"overrides\": ["), std::string::npos);
  EXPECT_NE(text.find("\"deadline\": \"Y+0:11-25\""), std::string::npos);
}

TEST_F(RoundTrip, Xlsx) {
  auto first = export_dataset(*original_, dir_->file("one.xlsx"), ExportFormat::Xlsx);
  Dataset back = reimport(first, "xlsx.db");
  EXPECT_TRUE(back == *original_);
  auto second = export_dataset(back, dir_->file("two.xlsx"), ExportFormat::Xlsx);
  EXPECT_EQ(read_file(first[0]), read_file(second[0]));
}

}  // namespace
}  // namespace dxmon::io
