// The acceptance test of the checks: the built-in data (the seeds transcribed with their errors)
// must produce exactly the findings docs/checks.md lists — every error of NOTES.md that the stored
// data can show, and nothing on the rows that are right.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "check/run_checks.h"
#include "check_support.h"

namespace dxmon::check {
namespace {

class SeedFindings : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new Dataset(testing::load_builtin());
    CheckOptions options;
    options.relations = testing::load_relations();
    findings_ = new std::vector<Finding>(run_checks(*data_, options));
  }
  static void TearDownTestSuite() {
    delete findings_;
    delete data_;
  }
  static const Finding* find(const std::string& rule, const std::string& indicator, const std::string& period = "") {
    for (const auto& f : *findings_)
      if (f.rule == rule && std::count(f.indicators.begin(), f.indicators.end(), indicator) &&
          (period.empty() || (f.period && f.period->id() == period)))
        return &f;
    return nullptr;
  }
  static Dataset* data_;
  static std::vector<Finding>* findings_;
};
Dataset* SeedFindings::data_ = nullptr;
std::vector<Finding>* SeedFindings::findings_ = nullptr;

// rule | first indicator | period — the exact set documented in docs/checks.md.
std::string key_of(const Finding& f) {
  return f.rule + " | " + (f.indicators.empty() ? "" : f.indicators.front()) + " | " + (f.period ? f.period->id() : "") +
         (f.target.empty() ? "" : " | " + f.target);
}

TEST_F(SeedFindings, ExactlyTheDocumentedFindings) {
  const std::multiset<std::string> expected = {
      "share_consistency | bc.cccd_co_so_kham_chua_benh | 2022",
      "agency_share_consistency | khhd2022.12 | 2022",
      "sum_consistency | bc.bieu_trung_tac_pham | 2022",
      "duplicate_in_report | khhd2022.12 | 2022",
      "duplicate_in_report | bc.to_cong_nghe_so_cong_dong | 2023",
      "cumulative_monotonic | bc.cong_dvcqg_dvctt | 2024-Q1",
      "stock_decrease | bc.ttcddh_ket_noi_bo_co_quan | 2024-Q1",
      "stock_decrease | bc.ttcddh_chi_tieu_truc_tuyen | 2023",
      "stock_decrease | bc.ttcddh_chi_tieu_truc_tuyen | 2024-Q1",
      "repeated_values | bc.che_do_bao_cao_tich_hop | 2024-Q1",
      "denominator_group | bc.ke_hoach_kinh_te_so_bo_nganh | 2022",
      "denominator_group | bc.truc_lien_thong_van_ban_ket_noi | 2021",
      "denominator_group | bc.danh_muc_dvctt_toan_trinh | 2024-Q1",
      "group_partition | q2024.ke_hoach_cds_2024 | 2024-Q1",
      "achieved_claim | qd942.04 | 2023 | qd942/04",
      "classified_without_value | qd942.19 | 2023 | qd942/19",
      "classified_without_value | qd942.20 | 2023 | qd942/20",
      "classified_without_value | qd942.21 | 2023 | qd942/21",
      "classified_without_value | qd942.22 | 2023 | qd942/22",
      "classified_without_value | qd942.23 | 2023 | qd942/23",
      "classified_without_value | qd942.24 | 2023 | qd942/24",
      "classified_without_value | qd942.28 | 2023 | qd942/28",
      "classified_without_value | qd942.30 | 2023 | qd942/30",
      "classified_without_value | qd942.31 | 2023 | qd942/31",
      "classified_without_value | qd942.32 | 2023 | qd942/32",
      "classified_without_value | qd942.33 | 2023 | qd942/33",
      "classified_without_value | qd942.34 | 2023 | qd942/34",
      "classified_without_value | qd942.35 | 2023 | qd942/35",
  };
  std::multiset<std::string> actual;
  for (const auto& f : *findings_) actual.insert(key_of(f));
  EXPECT_EQ(actual, expected);
}

TEST_F(SeedFindings, ShareMismatchQuotesTheRecomputedShare) {
  const Finding* f = find("share_consistency", "bc.cccd_co_so_kham_chua_benh");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::Error);
  EXPECT_NE(f->message.find("11.923/13.506 = 88,28%, báo cáo ghi 91,32%"), std::string::npos) << f->message;
  ASSERT_EQ(f->values.size(), 1u);
  EXPECT_EQ(f->values[0].document, "BC-2022-UBQGCĐS");
  EXPECT_EQ(f->values[0].location, "seed 004 line 254");
}

TEST_F(SeedFindings, PartsThatDoNotAddUp) {
  const Finding* f = find("sum_consistency", "bc.bieu_trung_tac_pham");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("146 + 19 = 165, khác tổng 334"), std::string::npos) << f->message;
  EXPECT_EQ(f->values.size(), 3u);
}

TEST_F(SeedFindings, NinetyNinePercentCountedAchieved) {
  const Finding* f = find("achieved_claim", "qd942.04");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::Error);
  EXPECT_EQ(f->target, "qd942/04");
  EXPECT_NE(f->message.find("là 99%, chưa đạt mục tiêu 100%"), std::string::npos) << f->message;
}

TEST_F(SeedFindings, OnlineServicesFallBetweenReports) {
  const Finding* f = find("cumulative_monotonic", "bc.cong_dvcqg_dvctt");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("từ 4.591"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("xuống 4.483"), std::string::npos) << f->message;
  ASSERT_EQ(f->values.size(), 2u);
  EXPECT_EQ(f->values[0].location, "seed 000 line 380");
  EXPECT_EQ(f->values[1].location, "seed 002 line 147");
}

TEST_F(SeedFindings, TwoValuesInOneReport) {
  const Finding* f = find("duplicate_in_report", "bc.to_cong_nghe_so_cong_dong");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("hơn 80.800"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("80.700"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("14/BC-BTTTT"), std::string::npos) << f->message;
}

TEST_F(SeedFindings, RepeatedFigureAYearApart) {
  const Finding* f = find("repeated_values", "bc.che_do_bao_cao_tich_hop");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("69/179"), std::string::npos) << f->message;
  EXPECT_EQ(f->values.size(), 3u);
}

TEST_F(SeedFindings, MinistryDenominators) {
  const Finding* f = find("denominator_group", "bc.ke_hoach_kinh_te_so_bo_nganh");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("Mẫu số 22 (bộ, ngành)"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("(30)"), std::string::npos) << f->message;
  const Finding* p = find("group_partition", "q2024.ke_hoach_cds_2024");
  ASSERT_NE(p, nullptr);
  EXPECT_NE(p->message.find("19 + 6 = 25 bộ, ngành"), std::string::npos) << p->message;
  // The right denominators (30/30, 22/22 "bộ, cơ quan ngang bộ", 21/30, 13/30) raise nothing.
  EXPECT_EQ(find("denominator_group", "bc.chon_ngay_cds_bo_nganh"), nullptr);
  EXPECT_EQ(find("denominator_group", "bc.chuong_trinh_cds_5_nam_bo"), nullptr);
  EXPECT_EQ(find("denominator_group", "bc.gan_nhan_tin_nhiem_mang_bo_nganh"), nullptr);
  EXPECT_EQ(find("denominator_group", "bc.lgsp_bo"), nullptr);
}

// NOTES.md's correct sums, stored as values with sum_of relations: they raise nothing, and the
// same rule on the same rows finds a part changed by one unit — so the silence is the rule
// agreeing, not the rule missing the rows.
TEST_F(SeedFindings, CorrectSumsRaiseNothingAndAChangedPartIsFound) {
  struct Sum {
    const char* total;
    const char* period;
    const char* part;
    const char* changed;  // the part as printed, off by one printed unit (or beyond its rounding)
    double value;
  };
  const std::vector<Sum> sums = {
      {"bc.tan_cong_mang", "2022", "bc.tan_cong_mang_malware", "5.994", 5994},            // 12.195 = 4.491 + 1.711 + 5.993
      {"bc.tan_cong_mang", "2023", "bc.tan_cong_mang_malware", "hơn 1.800", 1800},        // 12,8 nghìn = 11,5 + 0,5 + 0,8
      {"bc.nen_tang_so", "2022", "bc.nen_tang_so_xa_hoi_so", "17", 17},                   // 50 = 18 + 16 + 16
      {"bc.truc_lttvb_van_ban", "2024-03", "bc.truc_lttvb_van_ban_nhan", "566280", 566280},  // 682.272 = 115.993 + 566.279
      {"bc.truc_lttvb_van_ban", "2024-Q1", "bc.truc_lttvb_van_ban_gui", "439.989", 439989},  // 2.631.574 = 439.988 + 2.191.586
  };
  for (const Sum& sum : sums) {
    SCOPED_TRACE(std::string(sum.total) + " " + sum.period);
    EXPECT_EQ(find("sum_consistency", sum.total, sum.period), nullptr);
    Dataset changed = *data_;
    int touched = 0;
    for (auto& o : changed.observations)
      if (o.indicator == sum.part && o.period.id() == sum.period && o.unit == kNationalUnit) {
        o.value = sum.value;
        o.as_printed = sum.changed;
        ++touched;
      }
    ASSERT_EQ(touched, 1);
    CheckOptions options;
    options.relations = testing::load_relations();
    options.rules = {"sum_consistency"};
    const auto found = run_checks(changed, options);
    const bool flagged = std::any_of(found.begin(), found.end(), [&](const Finding& f) {
      return f.indicators.front() == sum.total && f.period && f.period->id() == sum.period;
    });
    EXPECT_TRUE(flagged);
  }
}

TEST_F(SeedFindings, RoundedInputsAreNotAlarms) {
  // 65% from "hơn 2 nghìn" / "gần 3,2 nghìn" (62,5% on the rounded figures) is compatible.
  EXPECT_EQ(find("share_consistency", "bc.httt_phe_duyet_cap_do"), nullptr);
  EXPECT_EQ(find("share_consistency", "q2024.mobile_money_ty_le_nong_thon"), nullptr);
  EXPECT_EQ(find("share_consistency", "bc.gan_nhan_tin_nhiem_mang_dia_phuong"), nullptr);
  // 777.173/777.229 printed as 99,99% (seed 002 line 129).
  EXPECT_EQ(find("share_consistency", "bc.cbccvc_doi_khop_dan_cu"), nullptr);
}

}  // namespace
}  // namespace dxmon::check
