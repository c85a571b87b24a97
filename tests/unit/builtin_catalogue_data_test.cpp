// Checks the built-in catalogue and history under data/ (programmes, indicators, targets,
// observations transcribed from the seed reports) against the counts the reports print and
// against the invariants of docs/formats.md.
//
// The CSV files are read with a tiny reader of its own on purpose: this test guards the data,
// so it must not depend on the project's importer being right (or finished).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Row = std::map<std::string, std::string>;

struct Table {
  std::vector<std::string> header;
  std::vector<Row> rows;
};

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool field_started = false;
  std::size_t i = 0;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) i = 3;  // UTF-8 BOM
  auto end_field = [&] {
    record.push_back(field);
    field.clear();
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    if (!(record.size() == 1 && record[0].empty())) records.push_back(record);
    record.clear();
  };
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n') {
      end_record();
    } else if (c == '\r') {
      // CRLF line ends: the '\n' that follows ends the record.
    } else {
      field += c;
      field_started = true;
    }
  }
  if (field_started || !record.empty()) end_record();
  return records;
}

Table read_table(const std::string& file) {
  const std::string path = std::string(DXMON_DATA_DIR) + "/" + file;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto records = parse_csv(buffer.str());
  Table table;
  if (records.empty()) return table;
  table.header = records.front();
  for (std::size_t r = 1; r < records.size(); ++r) {
    EXPECT_EQ(records[r].size(), table.header.size()) << file << " row " << r + 1;
    Row row;
    for (std::size_t c = 0; c < table.header.size() && c < records[r].size(); ++c)
      row[table.header[c]] = records[r][c];
    table.rows.push_back(std::move(row));
  }
  return table;
}

// The columns docs/formats.md allows for each kind ("Unknown columns are an error").
void expect_columns(const Table& t, const std::set<std::string>& allowed,
                    const std::vector<std::string>& required, const std::string& kind) {
  for (const auto& h : t.header) EXPECT_TRUE(allowed.count(h)) << kind << ": unknown column " << h;
  for (const auto& r : required)
    EXPECT_NE(std::find(t.header.begin(), t.header.end(), r), t.header.end())
        << kind << ": missing required column " << r;
}

bool is_numeric_cell(const std::string& v) {
  return !v.empty() && v != "-" && v.find_first_of("0123456789") != std::string::npos;
}

class BuiltinCatalogue : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    programmes_ = new Table(read_table("programmes.csv"));
    indicators_ = new Table(read_table("indicators.csv"));
    targets_ = new Table(read_table("targets.csv"));
    observations_ = new Table(read_table("observations.csv"));
  }
  static void TearDownTestSuite() {
    delete programmes_;
    delete indicators_;
    delete targets_;
    delete observations_;
  }
  static std::set<std::string> indicator_codes() {
    std::set<std::string> codes;
    for (const auto& r : indicators_->rows) codes.insert(r.at("code"));
    return codes;
  }
  static std::vector<Row> targets_of(const std::string& programme) {
    std::vector<Row> out;
    for (const auto& r : targets_->rows)
      if (r.at("programme") == programme) out.push_back(r);
    return out;
  }
  // The one observation of an indicator (national) for a period in a document.
  static const Row* national_observation(const std::string& indicator, const std::string& period,
                                         const std::string& document) {
    for (const auto& r : observations_->rows)
      if (r.at("indicator") == indicator && r.at("unit").empty() && r.at("period") == period &&
          r.at("document") == document)
        return &r;
    return nullptr;
  }
  // The indicator of the qd942 target printed as `printed_no` in `group`.
  static std::string qd942_indicator(const std::string& group, const std::string& printed_no) {
    for (const auto& r : targets_of("qd942"))
      if (r.at("printed_group") == group && r.at("printed_no") == printed_no) return r.at("indicator");
    return {};
  }

  static inline Table* programmes_ = nullptr;
  static inline Table* indicators_ = nullptr;
  static inline Table* targets_ = nullptr;
  static inline Table* observations_ = nullptr;
};

const std::string kDone942 = "Nhóm các mục tiêu đã hoàn thành";
const std::string kLikely942 = "Nhóm các mục tiêu có khả năng hoàn thành cao";
const std::string kEffort942 = "Nhóm các mục tiêu cần nỗ lực tập trung mới có thể hoàn thành đúng hạn";

TEST_F(BuiltinCatalogue, ColumnsAreThoseOfTheFormat) {
  expect_columns(*programmes_, {"code", "name", "kind", "document", "issued", "lead_agency", "reported_with", "source"},
                 {"code", "name"}, "programmes");
  expect_columns(*indicators_,
                 {"code", "name", "unit", "direction", "pillar", "kind", "aggregation", "lead_agency",
                  "co_agencies", "unit_group", "definition", "definition_source", "source"},
                 {"code", "name"}, "indicators");
  expect_columns(*targets_,
                 {"programme", "code", "printed_no", "label", "heading", "printed_group", "deadline",
                  "sort_order", "indicator", "item_label", "target", "scope", "source"},
                 {"programme", "code", "indicator", "target"}, "targets");
  expect_columns(*observations_,
                 {"indicator", "unit", "period", "value", "value_max", "as_printed", "numerator",
                  "denominator", "fact", "flags", "document", "location", "provenance", "as_of",
                  "comment"},
                 {"indicator", "period", "document"}, "observations");
}

TEST_F(BuiltinCatalogue, EnumeratedColumnsHoldKnownIds) {
  const std::set<std::string> directions{"", "higher", "lower"};
  const std::set<std::string> kinds{"", "reported", "ratio", "agency_share", "measured"};
  const std::set<std::string> aggregations{"", "sum", "average", "last", "none"};
  const std::set<std::string> groups{"", "bo_nganh", "dia_phuong", "bo_nganh_dia_phuong"};
  for (const auto& r : indicators_->rows) {
    EXPECT_TRUE(directions.count(r.at("direction"))) << r.at("code");
    EXPECT_TRUE(kinds.count(r.at("kind"))) << r.at("code");
    EXPECT_TRUE(aggregations.count(r.at("aggregation"))) << r.at("code");
    EXPECT_TRUE(groups.count(r.at("unit_group"))) << r.at("code");
    EXPECT_EQ(r.at("kind") == "agency_share", !r.at("unit_group").empty()) << r.at("code");
  }
  for (const auto& r : targets_->rows)
    EXPECT_TRUE(r.at("scope").empty() || r.at("scope") == "bo_nganh" || r.at("scope") == "dia_phuong");
  for (const auto& r : observations_->rows) {
    EXPECT_TRUE(r.at("fact").empty() || r.at("fact") == "yes" || r.at("fact") == "no");
    EXPECT_EQ(r.at("provenance"), "report");
  }
  for (const auto& r : programmes_->rows)
    EXPECT_TRUE(r.at("kind") == "programme" || r.at("kind") == "plan" || r.at("kind") == "strategy" ||
                r.at("kind") == "scheme");
}

TEST_F(BuiltinCatalogue, EveryRowSaysWhereItComesFrom) {
  for (const auto& r : programmes_->rows) EXPECT_FALSE(r.at("source").empty()) << r.at("code");
  for (const auto& r : indicators_->rows) EXPECT_FALSE(r.at("source").empty()) << r.at("code");
  for (const auto& r : targets_->rows)
    EXPECT_FALSE(r.at("source").empty()) << r.at("programme") << " " << r.at("code");
  for (const auto& r : observations_->rows) {
    EXPECT_FALSE(r.at("location").empty()) << r.at("indicator") << " " << r.at("period");
    EXPECT_EQ(r.at("location").rfind("seed ", 0), 0u) << r.at("location");
  }
}

TEST_F(BuiltinCatalogue, CodesAreUniqueAndReferencesResolve) {
  std::set<std::string> seen;
  for (const auto& r : indicators_->rows) EXPECT_TRUE(seen.insert(r.at("code")).second) << r.at("code");
  std::set<std::string> programmes;
  for (const auto& r : programmes_->rows) EXPECT_TRUE(programmes.insert(r.at("code")).second);
  const auto codes = indicator_codes();
  std::set<std::pair<std::string, std::string>> target_items;
  for (const auto& r : targets_->rows) {
    EXPECT_TRUE(programmes.count(r.at("programme"))) << r.at("programme");
    EXPECT_TRUE(codes.count(r.at("indicator"))) << "target indicator " << r.at("indicator");
    EXPECT_TRUE(target_items.insert({r.at("programme") + "/" + r.at("code"), r.at("indicator")}).second);
  }
  for (const auto& r : observations_->rows)
    EXPECT_TRUE(codes.count(r.at("indicator"))) << "observation indicator " << r.at("indicator");
}

TEST_F(BuiltinCatalogue, NoTwoObservationsShareTheirKey) {
  std::set<std::string> keys;
  for (const auto& r : observations_->rows) {
    const std::string key =
        r.at("indicator") + "|" + r.at("unit") + "|" + r.at("period") + "|" + r.at("document");
    EXPECT_TRUE(keys.insert(key).second) << "duplicate observation " << key;
  }
}

TEST_F(BuiltinCatalogue, ItemsOfOneTargetAgreeOnTargetLevelColumns) {
  std::map<std::string, Row> first;
  for (const auto& r : targets_->rows) {
    auto [it, inserted] = first.emplace(r.at("programme") + "/" + r.at("code"), r);
    if (inserted) continue;
    for (const char* col : {"printed_no", "label", "heading", "printed_group", "deadline", "sort_order", "source"})
      EXPECT_EQ(it->second.at(col), r.at(col)) << it->first << " column " << col;
    EXPECT_FALSE(r.at("item_label").empty()) << it->first;
  }
}

TEST_F(BuiltinCatalogue, Qd942HasThe35TargetsOfTheReport) {
  ASSERT_EQ(programmes_->rows.empty(), false);
  const auto rows = targets_of("qd942");
  ASSERT_EQ(rows.size(), 35u);  // one item each: seed 000 line 29 "gồm 35 mục tiêu"
  std::map<std::string, int> by_group;
  std::set<int> orders;
  std::set<std::string> codes;
  for (const auto& r : rows) {
    ++by_group[r.at("printed_group")];
    orders.insert(std::stoi(r.at("sort_order")));
    codes.insert(r.at("code"));
    EXPECT_EQ(r.at("deadline"), "2025");
    EXPECT_FALSE(r.at("heading").empty());
  }
  EXPECT_EQ(codes.size(), 35u);
  EXPECT_EQ(by_group[kDone942], 7);     // line 31: 07/35
  EXPECT_EQ(by_group[kLikely942], 20);  // line 32: 20/35
  EXPECT_EQ(by_group[kEffort942], 8);   // line 33: 08/35
  ASSERT_EQ(orders.size(), 35u);
  EXPECT_EQ(*orders.begin(), 1);
  EXPECT_EQ(*orders.rbegin(), 35);
}

TEST_F(BuiltinCatalogue, Qd942ValuesFor2023AreThoseOfTheTables) {
  int numeric = 0;
  int rows = 0;
  for (const auto& r : observations_->rows) {
    if (r.at("indicator").rfind("qd942.", 0) != 0 || r.at("period") != "2023") continue;
    ++rows;
    EXPECT_EQ(r.at("document"), "14/BC-BTTTT");
    EXPECT_EQ(r.at("as_of"), "2024-02-16");
    if (is_numeric_cell(r.at("value"))) ++numeric;
  }
  EXPECT_EQ(numeric, 22);  // NOTES.md §A: 7 + 14 + 1 rows carry a 2023 value
  EXPECT_EQ(rows, 23);     // plus the one "-" (row 1.1 of table 1.3); blank cells have no row

  const Row* dossiers = national_observation(qd942_indicator(kLikely942, "1.1"), "2023", "14/BC-BTTTT");
  ASSERT_NE(dossiers, nullptr);
  EXPECT_EQ(dossiers->at("value"), "58,41%");
  const Row* signed_documents = national_observation(qd942_indicator(kDone942, "3.2"), "2023", "14/BC-BTTTT");
  ASSERT_NE(signed_documents, nullptr);
  EXPECT_EQ(signed_documents->at("value"), "99%");
  const Row* no_data = national_observation(qd942_indicator(kEffort942, "1.1"), "2023", "14/BC-BTTTT");
  ASSERT_NE(no_data, nullptr);
  EXPECT_EQ(no_data->at("value"), "-");
  // Row 4.1 of table 1.2 has a blank 2023 cell: no observation at all.
  EXPECT_EQ(national_observation(qd942_indicator(kLikely942, "4.1"), "2023", "14/BC-BTTTT"), nullptr);
  const Row* health = national_observation(qd942_indicator(kLikely942, "4.9"), "2023", "14/BC-BTTTT");
  ASSERT_NE(health, nullptr);
  EXPECT_EQ(health->at("value"), "56%");
  EXPECT_EQ(health->at("as_printed"), "56% ¹");
}

TEST_F(BuiltinCatalogue, Khhd2022HasItsTwelveTargets) {
  const auto rows = targets_of("khhd2022");
  std::set<std::string> codes, done;
  std::vector<Row> row10;
  for (const auto& r : rows) {
    codes.insert(r.at("code"));
    if (r.at("printed_group") == "Các chỉ tiêu đã hoàn thành") done.insert(r.at("code"));
    if (r.at("code") == "10") row10.push_back(r);
  }
  EXPECT_EQ(codes.size(), 12u);  // seed 004 line 38: "Trong 12 chỉ tiêu"
  EXPECT_EQ(done.size(), 9u);    // "có 9 chỉ tiêu hoàn thành"
  ASSERT_EQ(row10.size(), 2u);   // Bộ phận một cửa cấp bộ / cấp tỉnh
  std::set<std::string> scopes{row10[0].at("scope"), row10[1].at("scope")};
  EXPECT_EQ(scopes, (std::set<std::string>{"bo_nganh", "dia_phuong"}));

  const Row* forecast = national_observation("khhd2022.02", "2022", "BC-2022-UBQGCĐS");
  ASSERT_NE(forecast, nullptr);
  EXPECT_EQ(forecast->at("value"), "7,5%");
  EXPECT_NE(forecast->at("flags").find("forecast"), std::string::npos);
}

TEST_F(BuiltinCatalogue, AgencyListsOfTheFootnotesAreFacts) {
  int open_data = 0, plan_2024_missing = 0;
  for (const auto& r : observations_->rows) {
    if (r.at("indicator") == "khhd2022.12" && !r.at("unit").empty()) {
      EXPECT_EQ(r.at("fact"), "yes") << r.at("unit");
      ++open_data;
    }
    if (r.at("indicator") == "q2024.ke_hoach_cds_2024") {
      EXPECT_EQ(r.at("fact"), "no") << r.at("unit");
      EXPECT_EQ(r.at("period"), "2024-Q1");
      EXPECT_EQ(r.at("as_of"), "2024-03-20");
      ++plan_2024_missing;
    }
  }
  EXPECT_EQ(open_data, 14);          // seed 004 footnote 6 (line 44)
  EXPECT_EQ(plan_2024_missing, 13);  // seed 002 footnote 3: 6 ministries + 7 provinces
  const Row* share = national_observation("khhd2022.12", "2022", "BC-2022-UBQGCĐS");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->at("value"), "13,9%");
}

TEST_F(BuiltinCatalogue, FiguresBehindTheKnownReportErrorsAreStored) {
  const Row* cccd = national_observation("bc.cccd_co_so_kham_chua_benh", "2022", "BC-2022-UBQGCĐS");
  ASSERT_NE(cccd, nullptr);
  EXPECT_EQ(cccd->at("value"), "91,32%");
  EXPECT_EQ(cccd->at("numerator"), "11.923");
  EXPECT_EQ(cccd->at("denominator"), "13.506");
  const Row* services_2023 = national_observation("bc.cong_dvcqg_dvctt", "2023", "14/BC-BTTTT");
  const Row* services_2024 = national_observation("bc.cong_dvcqg_dvctt", "2024-Q1", "BC-Q1-2024");
  ASSERT_NE(services_2023, nullptr);
  ASSERT_NE(services_2024, nullptr);
  EXPECT_EQ(services_2023->at("value"), "4.591");
  EXPECT_EQ(services_2024->at("value"), "4,483 nghìn");
  const Row* teams_a = national_observation("bc.to_cong_nghe_so_cong_dong", "2023", "14/BC-BTTTT");
  const Row* teams_b = national_observation("bc.to_cong_nghe_so_cong_dong", "2023", "14/BC-BTTTT#2");
  ASSERT_NE(teams_a, nullptr);
  ASSERT_NE(teams_b, nullptr);
  EXPECT_NE(teams_a->at("value"), teams_b->at("value"));
  int regimes = 0;
  for (const auto& r : observations_->rows)
    if (r.at("indicator") == "bc.che_do_bao_cao_tich_hop") {
      EXPECT_EQ(r.at("numerator"), "69");
      EXPECT_EQ(r.at("denominator"), "179");
      ++regimes;
    }
  EXPECT_EQ(regimes, 3);  // 2022, 2023 and Q1/2024 reports
}

}  // namespace
