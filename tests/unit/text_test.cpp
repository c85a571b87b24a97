#include "text/text.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace dxmon::text {
namespace {

// "Hà Nội" with the tones as separate combining marks (NFD), as macOS file names and some
// PDF extractions deliver it.
const std::string kHaNoiNfd = "Ha\xCC\x80 No\xCC\x82\xCC\xA3i";
const std::string kHaNoiNfc = "H\xC3\xA0 N\xE1\xBB\x99i";

TEST(Nfc, ComposesDecomposedInput) {
  EXPECT_NE(kHaNoiNfd, kHaNoiNfc);
  EXPECT_EQ(nfc(kHaNoiNfd), "Hà Nội");
  EXPECT_EQ(nfc(kHaNoiNfc), kHaNoiNfc);
  EXPECT_EQ(nfc(""), "");
}

TEST(Nfc, RejectsInvalidUtf8) {
  EXPECT_FALSE(is_valid_utf8("H\xE0 N\xF4i"));     // Windows-1258 / Latin-1 bytes
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));     // surrogate
  EXPECT_TRUE(is_valid_utf8("Đà Nẵng ≥ 80%"));
  EXPECT_THROW(nfc("H\xE0 N\xF4i"), std::invalid_argument);
}

TEST(Fold, ExamplesFromTheReports) {
  EXPECT_EQ(fold("TP. Hà Nội"), "tp ha noi");
  EXPECT_EQ(fold("Bộ TT&TT"), "bo tt tt");
  EXPECT_EQ(fold("Thừa Thiên - Huế"), "thua thien hue");
  EXPECT_EQ(fold("Thừa Thiên Huế"), "thua thien hue");
  EXPECT_EQ(fold("ĐẮK LẮK"), "dak lak");
  EXPECT_EQ(fold("Đà Nẵng"), "da nang");
  EXPECT_EQ(fold("Bà Rịa-Vũng Tàu"), "ba ria vung tau");
  EXPECT_EQ(fold("  Ủy ban   nhân dân\u00A0tỉnh  "), "uy ban nhan dan tinh");
  EXPECT_EQ(fold("Quý IV/2023"), "quy iv 2023");
  EXPECT_EQ(fold("ưởng ơi"), "uong oi");
}

TEST(Fold, DecomposedInputFoldsLikeComposed) {
  EXPECT_EQ(fold(kHaNoiNfd), fold(kHaNoiNfc));
  EXPECT_EQ(fold(kHaNoiNfd), "ha noi");
  // "Đồng Tháp" with Đ precomposed and the tones decomposed.
  EXPECT_EQ(fold("\xC4\x90o\xCC\x82\xCC\x80ng Tha\xCC\x81p"), "dong thap");
}

TEST(Fold, PunctuationOnlyFoldsToEmpty) {
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold(" - . ; "), "");
}

TEST(Fold, IsIdempotent) {
  for (const char* s : {"TP. Hà Nội", "Bộ TT&TT", "Thừa Thiên - Huế", "Quý I năm 2024"})
    EXPECT_EQ(fold(fold(s)), fold(s)) << s;
}

TEST(Squish, TrimsAndCollapsesUnicodeSpaces) {
  EXPECT_EQ(squish("  Hà   Nội \t\n"), "Hà Nội");
  EXPECT_EQ(squish("\u00A0Đà\u00A0\u00A0Nẵng\u2003"), "Đà Nẵng");
  EXPECT_EQ(squish("\uFEFFmã"), "mã");  // BOM from a CSV header
  EXPECT_EQ(squish(""), "");
  EXPECT_EQ(squish(" \u00A0 "), "");
  EXPECT_EQ(squish("Bộ TT&TT"), "Bộ TT&TT");
}

TEST(Collate, VietnameseAlphabetOrder) {
  // In the Vietnamese alphabet ă and â are letters after a, ơ after ô after o, đ after d;
  // tones only break ties.
  EXPECT_LT(collate("Dak Nong", "Đà Nẵng"), 0);
  EXPECT_LT(collate("Duy Tiên", "Đà Nẵng"), 0);
  EXPECT_LT(collate("Đồng Tháp", "Gia Lai"), 0);
  EXPECT_LT(collate("Bạc Liêu", "Bắc Giang"), 0);  // a < ă, whatever the tone
  EXPECT_LT(collate("Bắc Giang", "Bắc Kạn"), 0);
  EXPECT_LT(collate("Bắc Kạn", "Bắc Ninh"), 0);
  EXPECT_LT(collate("Cà Mau", "Cần Thơ"), 0);
  EXPECT_LT(collate("Hà Nội", "Hải Phòng"), 0);
  EXPECT_EQ(collate("Hà Nội", kHaNoiNfd), 0);
  EXPECT_GT(collate("Đà Nẵng", "Dương"), 0);
}

TEST(Collate, SortsProvinceNames) {
  std::vector<std::string> names = {"Đà Nẵng", "Hà Nội", "Bắc Kạn", "Bạc Liêu", "Điện Biên", "Bắc Giang",
                                    "Cần Thơ", "Cà Mau", "Đắk Lắk", "An Giang", "Bình Dương", "Bến Tre"};
  sort_vietnamese(names);
  EXPECT_EQ(names, (std::vector<std::string>{"An Giang", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bến Tre", "Bình Dương",
                                             "Cà Mau", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Hà Nội"}));
}

TEST(Collate, EmptyAndSingleListsAreFine) {
  std::vector<std::string> none;
  sort_vietnamese(none);
  EXPECT_TRUE(none.empty());
  std::vector<std::string> one = {"Huế"};
  sort_vietnamese(one);
  EXPECT_EQ(one, std::vector<std::string>{"Huế"});
}

TEST(EditDistance, CountsFoldedCodePoints) {
  EXPECT_EQ(edit_distance("Hà Nội", "ha noi"), 0);
  EXPECT_EQ(edit_distance("Hà Nội", "Hà Nam"), 2);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("Quảng Ninh", "Quang Binh"), 1);
}

TEST(Closest, SuggestsNearestNames) {
  std::vector<std::string> provinces = {"Hà Nội", "Hà Nam", "Hà Giang", "Hải Phòng", "Quảng Ninh", "Quảng Bình"};
  EXPECT_EQ(closest("Ha Noi", provinces, 1), std::vector<std::string>{"Hà Nội"});
  auto top = closest("Quang Nin", provinces, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0], "Quảng Ninh");
  EXPECT_EQ(top[1], "Quảng Bình");
  EXPECT_EQ(closest("x", provinces).size(), 3u);
  EXPECT_TRUE(closest("x", {}).empty());
}

TEST(SplitJoin, SplitsTrimsAndDropsEmpty) {
  EXPECT_EQ(split_list(" Bộ TT&TT ; TP. Hà Nội;; \u00A0"), (std::vector<std::string>{"Bộ TT&TT", "TP. Hà Nội"}));
  EXPECT_EQ(split_list("a,b", ','), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(split_list("").empty());
  EXPECT_EQ(join({"a", "b", "c"}, "; "), "a; b; c");
  EXPECT_EQ(join({}, "; "), "");
  EXPECT_EQ(join({"một"}, ", "), "một");
}

}  // namespace
}  // namespace dxmon::text
