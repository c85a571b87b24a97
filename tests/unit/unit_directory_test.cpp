#include "core/unit_directory.h"

#include <gtest/gtest.h>

#include "core/period.h"

namespace dxmon {
namespace {

ReportingUnit unit(std::string code, std::string name, UnitKind kind, std::vector<std::string> short_names = {},
                   std::optional<Date> from = {}, std::optional<Date> to = {}) {
  ReportingUnit u;
  u.code = std::move(code);
  u.name = std::move(name);
  u.kind = kind;
  u.short_names = std::move(short_names);
  u.valid_from = from;
  u.valid_to = to;
  return u;
}

class UnitDirectoryTest : public ::testing::Test {
 protected:
  UnitDirectory dir{{
      unit("tinh-01", "Thành phố Hà Nội", UnitKind::CentralCity, {"TP. Hà Nội"}),
      unit("tinh-22", "Tỉnh Quảng Ninh", UnitKind::Province),
      unit("tinh-02", "Tỉnh Hà Giang", UnitKind::Province, {}, {}, Date{2025, 6, 30}),
      unit("tinh-08", "Tỉnh Tuyên Quang", UnitKind::Province, {}, {}, Date{2025, 6, 30}),
      unit("tinh-08-2025", "Tỉnh Tuyên Quang", UnitKind::Province, {}, Date{2025, 7, 1}),
      unit("bo-tttt", "Bộ Thông tin và Truyền thông", UnitKind::Ministry, {"Bộ TT&TT", "Bộ TTTT"}, {},
           Date{2025, 2, 28}),
      unit("bo-ca", "Bộ Công an", UnitKind::Ministry),
      unit("vpcp", "Văn phòng Chính phủ", UnitKind::MinistryLevelAgency),
  }};
  Date d2024{2024, 6, 1};
  Date d2026{2026, 1, 1};
};

TEST_F(UnitDirectoryTest, ResolvesEveryWayOfficialsWriteHanoi) {
  for (std::string name : {"TP. Hà Nội", "Hà Nội", "Ha Noi", "thành phố Hà Nội", "HÀ NỘI", "UBND TP. Hà Nội",
                           "Ủy ban nhân dân thành phố Hà Nội", "tinh-01"})
    EXPECT_EQ(dir.resolve(name, d2024), "tinh-01") << name;
}

TEST_F(UnitDirectoryTest, ResolvesProvinceWithAdministrativePrefixes) {
  EXPECT_EQ(dir.resolve("UBND tỉnh Quảng Ninh", d2024), "tinh-22");
  EXPECT_EQ(dir.resolve("Quang Ninh", d2024), "tinh-22");
}

TEST_F(UnitDirectoryTest, ResolvesMinistryShortForms) {
  EXPECT_EQ(dir.resolve("Bộ TT&TT", d2024), "bo-tttt");
  EXPECT_EQ(dir.resolve("Bộ TT & TT", d2024), "bo-tttt");
  EXPECT_EQ(dir.resolve("Bộ TTTT", d2024), "bo-tttt");
  EXPECT_EQ(dir.resolve("bộ thông tin và truyền thông", d2024), "bo-tttt");
}

TEST_F(UnitDirectoryTest, SameNameResolvesToTheUnitInForceOnTheDate) {
  EXPECT_EQ(dir.resolve("Tuyên Quang", d2024), "tinh-08");
  EXPECT_EQ(dir.resolve("Tuyên Quang", d2026), "tinh-08-2025");
}

TEST_F(UnitDirectoryTest, HistoricUnitResolvesUnlessValidityIsRequired) {
  EXPECT_EQ(dir.resolve("Hà Giang", d2026), "tinh-02");
  EXPECT_EQ(dir.resolve("Hà Giang", d2026, /*require_valid=*/true), std::nullopt);
  EXPECT_NE(dir.explain_failure("Hà Giang", d2026, true).find("2025-06-30"), std::string::npos);
}

TEST_F(UnitDirectoryTest, UnknownNameIsAnErrorWithSuggestions) {
  EXPECT_EQ(dir.resolve("Ha Noii", d2024), std::nullopt);
  std::string why = dir.explain_failure("Ha Noii", d2024);
  EXPECT_NE(why.find("không tìm thấy đơn vị \"Ha Noii\""), std::string::npos) << why;
  EXPECT_NE(why.find("Thành phố Hà Nội"), std::string::npos) << why;
}

TEST_F(UnitDirectoryTest, SuggestionsLookAtShortNamesToo) {
  auto close = dir.suggestions("Bộ TT&TTT", d2024, 1);
  ASSERT_EQ(close.size(), 1u);
  EXPECT_EQ(close.front(), "Bộ Thông tin và Truyền thông");
}

TEST_F(UnitDirectoryTest, GroupsAreResolvedAsOfADate) {
  EXPECT_EQ(dir.members(UnitGroup::Ministries, d2024).size(), 3u);  // bo-tttt, bo-ca, vpcp
  EXPECT_EQ(dir.members(UnitGroup::Ministries, d2026).size(), 2u);  // bo-tttt merged away
  EXPECT_EQ(dir.members(UnitGroup::Provinces, d2024).size(), 4u);
  EXPECT_EQ(dir.members(UnitGroup::Provinces, d2026).size(), 3u);
  EXPECT_EQ(dir.members(UnitGroup::MinistriesAndProvinces, d2024).size(), 7u);
}

TEST_F(UnitDirectoryTest, GroupMembersAreInVietnameseOrder) {
  auto provinces = dir.members(UnitGroup::Provinces, d2024);
  ASSERT_EQ(provinces.size(), 4u);
  // ICU Vietnamese collation: "Thành phố…" < "Tỉnh…" by the second letter (h < i).
  EXPECT_EQ(provinces.front()->code, "tinh-01");
}

// A unit no longer in force is refused where a value is recorded, and the message names who took
// over: the full successors in force on the day (through a chain of mergers), and the functions
// passed on in part.
TEST(UnitDirectorySuccessors, TheRefusalNamesTheSuccessorsAndThePartialTransfers) {
  UnitDirectory dir({unit("bo-tttt", "Bộ Thông tin và Truyền thông", UnitKind::Ministry, {"Bộ TT&TT"}, {}, Date{2025, 2, 28}),
                     unit("bo-khcn-2025", "Bộ Khoa học và Công nghệ", UnitKind::Ministry, {}, Date{2025, 3, 1}),
                     unit("bo-vhttdl", "Bộ Văn hóa, Thể thao và Du lịch", UnitKind::Ministry),
                     unit("tinh-02", "Tỉnh Hà Giang", UnitKind::Province, {}, {}, Date{2025, 6, 30}),
                     unit("tinh-08-2025", "Tỉnh Tuyên Quang", UnitKind::Province, {}, Date{2025, 7, 1}, Date{2030, 12, 31}),
                     unit("tinh-x-2031", "Tỉnh Mới", UnitKind::Province, {}, Date{2031, 1, 1})},
                    {{"bo-tttt", "bo-khcn-2025", Date{2025, 3, 1}, "", SuccessionKind::Full, ""},
                     {"bo-tttt", "bo-vhttdl", Date{2025, 3, 1}, "", SuccessionKind::Partial, "quản lý nhà nước về báo chí"},
                     {"tinh-02", "tinh-08-2025", Date{2025, 7, 1}, "", SuccessionKind::Full, ""},
                     {"tinh-08-2025", "tinh-x-2031", Date{2031, 1, 1}, "", SuccessionKind::Full, ""}});
  const Date q2 = Period::of_quarter(2025, 2).last_day();
  EXPECT_FALSE(dir.resolve("Bộ TT&TT", q2, true));
  EXPECT_EQ(dir.explain_failure("Bộ TT&TT", q2, true),
            "đơn vị \"Bộ Thông tin và Truyền thông\" (bo-tttt) không còn hoặc chưa tồn tại vào ngày 2025-06-30 (hiệu "
            "lực đến 2025-02-28); đơn vị kế thừa: Bộ Khoa học và Công nghệ (bo-khcn-2025, từ ngày 01/03/2025); chức năng "
            "chuyển giao một phần: quản lý nhà nước về báo chí sang Bộ Văn hóa, Thể thao và Du lịch (bo-vhttdl, từ ngày "
            "01/03/2025)");
  // Only the successor in force on the day is named: Tuyên Quang in 2026, the next one in 2031.
  EXPECT_EQ(dir.successors_in_force("tinh-02", Date{2026, 1, 1}),
            std::vector<std::string>{"Tỉnh Tuyên Quang (tinh-08-2025, từ ngày 01/07/2025)"});
  EXPECT_EQ(dir.successors_in_force("tinh-02", Date{2031, 6, 1}),
            std::vector<std::string>{"Tỉnh Mới (tinh-x-2031, từ ngày 01/01/2031)"});
  // A partial transfer is not a succession.
  EXPECT_EQ(dir.successors_in_force("bo-tttt", Date{2026, 1, 1}),
            std::vector<std::string>{"Bộ Khoa học và Công nghệ (bo-khcn-2025, từ ngày 01/03/2025)"});
  // Before the date of the change there is no one to name.
  EXPECT_TRUE(dir.successors_in_force("tinh-02", Date{2025, 6, 30}).empty());
  EXPECT_NE(dir.explain_failure("Hà Giang", Date{2025, 9, 30}, true).find("đơn vị kế thừa: Tỉnh Tuyên Quang"),
            std::string::npos);
}

}  // namespace
}  // namespace dxmon
