// Rows → entities: Vietnamese headers, enums, references, targets grouped by code, task status
// history, and the problems each kind of mistake gives.
#include <gtest/gtest.h>

#include "io_test_support.h"

namespace dxmon::io {
namespace {

using namespace dxmon::io::testing;

class Mapping : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    auto store = open_store("sqlite:" + dir_->file("catalogue.db"));
    auto report = import_files(*store, builtin_files(), options());
    ASSERT_TRUE(report.ok()) << all_problems(report);
    catalogue_ = new Catalogue{.units = store->units(),
                               .indicators = store->indicators(),
                               .programmes = store->programmes(),
                               .tasks = store->tasks(),
                               .targets = store->targets(),
                               .successions = store->successions(),
                               .observations_of = {}};
  }
  static void TearDownTestSuite() {
    delete catalogue_;
    delete dir_;
  }
  static ImportReport read(const std::string& name, const std::string& content) {
    write_file(dir_->file(name), content);
    return read_files({dir_->file(name)}, options(), *catalogue_);
  }
  static TempDir* dir_;
  static Catalogue* catalogue_;
};

TempDir* Mapping::dir_ = nullptr;
Catalogue* Mapping::catalogue_ = nullptr;

TEST_F(Mapping, VietnameseHeadersAndNamesResolve) {
  auto r = read("units_new.csv", "Mã,Tên,Loại,parent\nso-tttt-01,Sở TT&TT Hà Nội,khác,TP. Hà Nội\n");
  // "khác" is not a unit kind word; the Vietnamese label is "Cơ quan khác".
  ASSERT_EQ(r.problems.size(), 1u) << all_problems(r);
  EXPECT_EQ(r.problems[0].column, "C");
  EXPECT_EQ(r.problems[0].field, "Loại");
  EXPECT_EQ(r.problems[0].what, "\"khác\" không phải là loại đơn vị");
  EXPECT_EQ(r.problems[0].fix, "hãy dùng một trong: national, ministry, ministry_level_agency, government_agency, "
                               "province, central_city, other");

  r = read("units_new.csv", "Mã,Tên,Loại,parent\nso-tttt-01,Sở TT&TT Hà Nội,Cơ quan khác,TP. Hà Nội\n");
  ASSERT_TRUE(r.ok()) << all_problems(r);
  ASSERT_EQ(r.data.units.size(), 1u);
  EXPECT_EQ(r.data.units[0].kind, UnitKind::Other);
  EXPECT_EQ(r.data.units[0].parent, "tinh-01");
}

TEST_F(Mapping, HeaderBelowTitleRowsAndMissingRequiredColumn) {
  auto r = read("observations_x.csv", "Báo cáo quý I,,\n,,\nChỉ tiêu,Kỳ,Kết quả\nqd942.01,2024-Q1,\"61,5%\"\n");
  ASSERT_EQ(r.problems.size(), 1u) << all_problems(r);
  EXPECT_EQ(r.problems[0].row, 3);
  EXPECT_NE(r.problems[0].what.find("thiếu \"document\""), std::string::npos) << r.problems[0].what;

  r = read("observations_x.csv", "Báo cáo quý I,,,\nChỉ tiêu,Kỳ,Kết quả,document\nqd942.01,Quý I năm 2024,\"61,5%\",BC-1\n");
  ASSERT_TRUE(r.ok()) << all_problems(r);
  ASSERT_EQ(r.data.observations.size(), 1u);
  const Observation& o = r.data.observations[0];
  EXPECT_EQ(o.unit, "quoc-gia");
  EXPECT_EQ(o.period, Period::of_quarter(2024, 1));
  EXPECT_EQ(o.value, 61.5);
  EXPECT_EQ(o.as_printed, "61,5%");
  EXPECT_EQ(o.provenance.kind, ProvenanceKind::Import);
}

TEST_F(Mapping, NoDataRangesAndFlags) {
  auto r = read("observations.csv",
                "indicator,period,value,flags,document\n"
                "qd942.01,2024,-,,BC-1\n"
                "qd942.02,2024,\"7,2-7,8%\",ước tính;forecast,BC-1\n"
                "qd942.03,2024,12%,sai,BC-1\n");
  ASSERT_EQ(r.problems.size(), 1u) << all_problems(r);
  EXPECT_EQ(r.problems[0].row, 4);
  EXPECT_EQ(r.problems[0].column, "D");
  ASSERT_EQ(r.data.observations.size(), 3u);
  EXPECT_TRUE(r.data.observations[0].flags.no_data);
  EXPECT_FALSE(r.data.observations[0].value);
  EXPECT_EQ(r.data.observations[0].as_printed, "-");
  EXPECT_EQ(r.data.observations[1].value, 7.2);
  EXPECT_EQ(r.data.observations[1].value_max, 7.8);
  EXPECT_TRUE(r.data.observations[1].flags.estimate && r.data.observations[1].flags.forecast);
}

TEST_F(Mapping, TargetItemsGroupAndTargetLevelColumnsMustAgree) {
  auto r = read("targets.csv",
                "programme,code,printed_no,deadline,indicator,item_label,target\n"
                "qd942,99,9.1,2025,qd942.01,cấp bộ,≥ 80%\n"
                "qd942,99,,2025,qd942.02,cấp tỉnh,Trên 30%\n"
                "qd942,99,9.2,2025,qd942.03,,100%\n"
                "qd942,98,,2025,qd942.03,,1oo%\n");
  ASSERT_EQ(r.problems.size(), 2u) << all_problems(r);
  EXPECT_EQ(r.problems[0].row, 4);
  EXPECT_EQ(r.problems[0].column, "C");
  EXPECT_NE(r.problems[0].what.find("\"9.2\" khác với \"9.1\" ở targets.csv:2"), std::string::npos) << r.problems[0].what;
  EXPECT_EQ(r.problems[1].row, 5);
  EXPECT_EQ(r.problems[1].column, "G");
  ASSERT_GE(r.data.targets.size(), 1u);
  const Target& t = r.data.targets[0];
  EXPECT_EQ(t.printed_no, "9.1");
  ASSERT_EQ(t.items.size(), 3u);
  EXPECT_EQ(t.items[0].comparator, Comparator::AtLeast);
  EXPECT_EQ(t.items[0].value, 80);
  EXPECT_EQ(t.items[1].comparator, Comparator::Above);
  EXPECT_EQ(t.items[1].label, "cấp tỉnh");
  // The label defaults to the name of the first item's indicator.
  for (const auto& i : catalogue_->indicators) {
    if (i.code == "qd942.01") {
      EXPECT_EQ(t.label, i.name);
    }
  }
}

TEST_F(Mapping, UnknownProgrammeAndIndicatorAndDuplicateCodes) {
  auto r = read("tasks.csv",
                "code,programme,name,status\n"
                "t.1,qd943,Nhiệm vụ A,Đang thực hiện\n"
                "t.2,qd942,Nhiệm vụ B,done\n"
                "t.2,qd942,Nhiệm vụ B lần nữa,\n");
  ASSERT_EQ(r.problems.size(), 3u) << all_problems(r);
  EXPECT_NE(r.problems[0].fix.find("có phải là: qd942"), std::string::npos) << r.problems[0].fix;
  EXPECT_EQ(r.problems[1].what, "\"done\" không phải là trạng thái nhiệm vụ");
  EXPECT_NE(r.problems[2].what.find("bị trùng: đã có ở tasks.csv:3"), std::string::npos);
}

TEST_F(Mapping, TaskStatusAppendsOnlyWhenItChanges) {
  const Task& stored = catalogue_->tasks.front();
  ASSERT_FALSE(stored.statuses.empty());
  std::string row_same = stored.code + "," + stored.programme + ",x," + std::string(task_status_id(stored.statuses.back().status)) + ",\n";
  auto r = read("tasks.csv", "code,programme,name,status,status_date\n" + row_same);
  ASSERT_TRUE(r.ok()) << all_problems(r);
  EXPECT_EQ(r.data.tasks[0].statuses, stored.statuses);

  auto r2 = read("tasks.csv", "code,programme,name,status,status_date\n" + stored.code + "," + stored.programme +
                                  ",x,Hoàn thành,30/06/2024\n");
  ASSERT_TRUE(r2.ok()) << all_problems(r2);
  ASSERT_EQ(r2.data.tasks[0].statuses.size(), stored.statuses.size() + 1);
  EXPECT_EQ(r2.data.tasks[0].statuses.back().status, TaskStatus::Completed);
  EXPECT_EQ(r2.data.tasks[0].statuses.back().date, (Date{2024, 6, 30}));
}

TEST_F(Mapping, JsonObjectsWithListsNumbersAndUnknownKeys) {
  auto r = read("data.json", R"({"indicators": [{"code": "x.1", "name": "Chỉ tiêu X", "unit": "%",
      "co_agencies": ["Bộ Tài chính", "tinh-01"]}],
    "observations": [{"indicator": "x.1", "period": "2024", "value": 58.41, "document": "BC-9"},
                     {"indicator": "x.1", "period": "2023", "value": "58,41%", "document": "BC-9", "colour": "red"}],
    "unit": []})");
  ASSERT_EQ(r.problems.size(), 2u) << all_problems(r);
  EXPECT_EQ(r.problems[0].sheet, "unit");
  EXPECT_EQ(r.problems[1].field, "colour");
  EXPECT_EQ(r.problems[1].to_string().rfind("data.json [observations]: \"colour\": tên cột", 0), 0u) << r.problems[1].to_string();
  ASSERT_EQ(r.data.indicators.size(), 1u);
  EXPECT_EQ(r.data.indicators[0].co_agencies.size(), 2u);
  EXPECT_EQ(r.data.indicators[0].co_agencies[1], "tinh-01");
  ASSERT_EQ(r.data.observations.size(), 2u);
  EXPECT_EQ(r.data.observations[0].value, 58.41);
  EXPECT_EQ(r.data.observations[1].value, 58.41);

  auto bad = read("broken.json", "{\"units\": [\n{\"code\": \"a\",,}]}");
  ASSERT_EQ(bad.problems.size(), 1u);
  EXPECT_EQ(bad.problems[0].row, 2);
}

// Task counts: the group and status in ids or Vietnamese words; a count that is not a whole
// number, an unknown programme and a repeated key are problems at their cells.
TEST_F(Mapping, TaskCountsAreReadAndChecked) {
  auto r = read("task_counts.csv",
           "programme,group,status,count,as_of,source\n"
           "khhd2022,\"bộ, ngành\",hoàn thành,42,2022-12-31,seed 004 line 52\n"
           "khhd2022,,,107,2022-12-31,seed 004 line 50\n");
  ASSERT_TRUE(r.ok()) << all_problems(r);
  ASSERT_EQ(r.data.task_counts.size(), 2u);
  EXPECT_EQ(r.data.task_counts[0].group, UnitGroup::Ministries);
  EXPECT_EQ(r.data.task_counts[0].status, TaskStatus::Completed);
  EXPECT_EQ(r.data.task_counts[0].count, 42);
  EXPECT_EQ(r.data.task_counts[0].as_printed, "42");
  EXPECT_FALSE(r.data.task_counts[1].group);
  EXPECT_FALSE(r.data.task_counts[1].status);

  r = read("task_counts.csv",
           "programme,group,status,count\n"
           "khhd2202,,,107\n"
           "khhd2022,dia_phuong,,\"4,5\"\n"
           "khhd2022,dia_phuong,,-3\n"
           "khhd2022,,,107\n"
           "khhd2022,,,108\n");
  ASSERT_EQ(r.problems.size(), 4u) << all_problems(r);
  EXPECT_EQ(r.problems[0].row, 2);
  EXPECT_NE(r.problems[0].fix.find("có phải là: khhd2022"), std::string::npos) << r.problems[0].fix;
  EXPECT_EQ(r.problems[1].row, 3);
  EXPECT_EQ(r.problems[1].what, "\"4,5\" không phải là số nguyên");
  EXPECT_EQ(r.problems[2].row, 4);
  EXPECT_EQ(r.problems[3].row, 6);
  EXPECT_NE(r.problems[3].what.find("bị trùng: đã có ở task_counts.csv:5"), std::string::npos) << r.problems[3].what;
}

// A partial transfer names the functions that pass; reported_with names a known programme.
TEST_F(Mapping, PartialTransfersAndProgrammesReportedTogether) {
  auto r = read("successions.csv",
                "predecessor,successor,date,kind,functions\n"
                "Bộ TT&TT,\"Bộ Văn hóa, Thể thao và Du lịch\",2025-03-01,chuyển giao một phần,\n"
                "Bộ TT&TT,Bộ Khoa học và Công nghệ,2025-03-01,một phần,báo chí\n");
  ASSERT_EQ(r.problems.size(), 2u) << all_problems(r);
  EXPECT_EQ(r.problems[0].row, 2);
  EXPECT_NE(r.problems[0].what.find("không ghi chức năng nào được chuyển giao"), std::string::npos);
  EXPECT_EQ(r.problems[1].row, 3);
  EXPECT_EQ(r.problems[1].fix, "hãy dùng một trong: full, partial");

  r = read("programmes.csv",
           "code,name,kind,reported_with\n"
           "kl-2023,Kết luận các Phiên họp năm 2023,plan,kh-2023\n"
           "kh-2023,Kế hoạch năm 2023,plan,\n"
           "kl-2024,Kết luận năm 2024,plan,kh-2042\n");
  ASSERT_EQ(r.problems.size(), 1u) << all_problems(r);
  EXPECT_EQ(r.problems[0].row, 4);
  EXPECT_EQ(r.problems[0].field, "reported_with");
  EXPECT_EQ(r.data.programmes[0].reported_with, "kh-2023");  // named before it is defined: fine
}

}  // namespace
}  // namespace dxmon::io
