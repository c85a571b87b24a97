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
    // History for the round trip to carry: a corrected value (its revision says who, when, why)
    // and a figure with a scale word.
    write_file(dir_->file("observations_corrections.csv"),
               "indicator,unit,period,value,document\n"
               "qd942.08,,2023,\"58,50%\",14/BC-BTTTT\n"
               "q2024.mobile_money_gia_tri_giao_dich,,2024-03,\"2,75 nghìn tỷ\",KT-01\n");
    ImportOptions correction = options();
    correction.context.who = "kiểm thử";
    correction.context.why = "đính chính";
    report = import_files(*store, {dir_->file("observations_corrections.csv")}, correction);
    ASSERT_TRUE(report.ok()) << all_problems(report);
    original_ = new Dataset(store->load_all());
    ASSERT_EQ(original_->revisions.size(), 1u);
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
  ASSERT_EQ(first.size(), 13u);
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
  // Large figures as plain digits, never "2.75e+12"; the printed form kept beside them.
  EXPECT_NE(obs.find(",2750000000000,,\"2,75 nghìn tỷ\","), std::string::npos);
  EXPECT_EQ(obs.find("e+"), std::string::npos);
  // The revision, with who, when and why, travels in a file of its own; the task counts too.
  std::string revisions = read_file(dir_->file("csv1/revisions.csv"));
  EXPECT_NE(revisions.find("qd942.08,quoc-gia,2023,14/BC-BTTTT,value,2024-06-01T00:00:00Z,kiểm thử,\"58,41%\","
                           "\"58,50%\",đính chính"),
            std::string::npos)
      << revisions;
  std::string counts = read_file(dir_->file("csv1/task_counts.csv"));
  EXPECT_NE(counts.find("khhd2022,bo_nganh,completed,42,42,2022-12-31,BC-2022-UBQGCĐS,"), std::string::npos) << counts;
}

// The history is not lost on the way: the second store holds the same revisions, and importing
// the export into the store it came from adds none.
TEST_F(RoundTrip, RevisionsTravelAndAreNotDuplicated) {
  auto files = export_dataset(*original_, dir_->file("history.json"), ExportFormat::Json);
  Dataset back = reimport(files, "history.db");
  EXPECT_EQ(back.revisions, original_->revisions);
  auto store = open_store("sqlite:" + dir_->file("history.db"));
  auto again = import_files(*store, files, options());
  ASSERT_TRUE(again.ok()) << all_problems(again);
  ASSERT_TRUE(again.applied);
  EXPECT_EQ(again.applied->imported_revisions.inserted, 0);
  EXPECT_EQ(again.applied->imported_revisions.unchanged, 1);
  EXPECT_FALSE(again.applied->changed_anything());
  EXPECT_EQ(store->revisions(), original_->revisions);
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
