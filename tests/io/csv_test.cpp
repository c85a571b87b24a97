// RFC 4180 reading and writing, with the leniencies real files need.
#include <gtest/gtest.h>

#include "io/csv.h"

namespace dxmon::io {
namespace {

std::vector<std::string> texts(const TableRow& r) {
  std::vector<std::string> out;
  for (const auto& c : r.cells) out.push_back(c.text);
  return out;
}

TEST(Csv, BomCrlfQuotedNewlinesAndDoubledQuotes) {
  Problems problems;
  Grid g = read_csv("\xEF\xBB\xBF" "code,name\r\nA,\"Hà Nội, \"\"TP\"\"\r\nhai dòng\"\r\n\r\nB,x\r\n", "units.csv", problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_EQ(g.rows.size(), 3u);
  EXPECT_EQ(texts(g.rows[0]), (std::vector<std::string>{"code", "name"}));
  EXPECT_EQ(texts(g.rows[1]), (std::vector<std::string>{"A", "Hà Nội, \"TP\"\nhai dòng"}));
  EXPECT_EQ(g.rows[1].row, 2);
  EXPECT_EQ(g.rows[2].row, 5);  // the quoted record spans lines 2-3; line 4 is blank
  EXPECT_EQ(g.rows[1].cells[1].column, "B");
}

TEST(Csv, LfOnlyAndMissingFinalNewlineAndEmptyFields) {
  Problems problems;
  Grid g = read_csv("a,b,c\n1,,3", "x.csv", problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_EQ(g.rows.size(), 2u);
  EXPECT_EQ(texts(g.rows[1]), (std::vector<std::string>{"1", "", "3"}));
}

TEST(Csv, UnterminatedQuoteIsAProblemAtTheLineItOpens) {
  Problems problems;
  read_csv("a,b\n1,\"open\n2,3\n", "x.csv", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].row, 2);
  EXPECT_EQ(problems[0].column, "B");
  EXPECT_NE(problems[0].what.find("không được đóng"), std::string::npos);
}

TEST(Csv, TextAfterClosingQuoteAndInvalidUtf8AreProblems) {
  Problems problems;
  read_csv("a,b\n\"x\"y,2\n3,\xC3\x28\n", "x.csv", problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].row, 2);
  EXPECT_EQ(problems[0].column, "A");
  EXPECT_EQ(problems[1].row, 3);
  EXPECT_EQ(problems[1].column, "B");
  EXPECT_NE(problems[1].what.find("UTF-8"), std::string::npos);
}

TEST(Csv, WriterQuotesOnlyWhatNeedsItAndReadsBack) {
  std::vector<std::string> fields{"plain", "a,b", "say \"hi\"", "two\nlines", "", " padded"};
  std::string rec = csv_record(fields);
  EXPECT_EQ(rec, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\" padded\"\r\n");
  Problems problems;
  Grid g = read_csv(rec, "x.csv", problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_EQ(g.rows.size(), 1u);
  EXPECT_EQ(texts(g.rows[0]), fields);
}

TEST(Csv, ColumnLetters) {
  EXPECT_EQ(column_letter(0), "A");
  EXPECT_EQ(column_letter(25), "Z");
  EXPECT_EQ(column_letter(26), "AA");
  EXPECT_EQ(column_letter(701), "ZZ");
  EXPECT_EQ(column_index("AA"), 26u);
  EXPECT_FALSE(column_index("a1"));
}

}  // namespace
}  // namespace dxmon::io
