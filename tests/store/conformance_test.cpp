// The Store conformance suite: every test runs against SQLite (a temporary file) and PostgreSQL
// (a fresh schema per test in the database named by DXMON_TEST_POSTGRES; scripts/with-postgres.sh
// starts a throwaway cluster and sets it). Both backends must behave identically.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <tuple>

#include "io/import.h"
#include "store/postgres/pg_session.h"
#include "store/schema.h"
#include "store/sqlite/sqlite_session.h"
#include "store/store.h"
#include "support/scratch_store.h"

namespace dxmon {
namespace {

using testing_support::Backend;
using testing_support::backend_name;

// ---- the test data: every field of every entity, optional ones both set and empty ----

Date d(int y, int m, int day) { return Date{y, m, day}; }

UnitSuccession succession(std::string predecessor, std::string successor, Date date, std::string source) {
  UnitSuccession s;
  s.predecessor = std::move(predecessor);
  s.successor = std::move(successor);
  s.date = date;
  s.source = std::move(source);
  return s;
}

ReportingUnit unit(std::string code, std::string name, UnitKind kind) {
  ReportingUnit u;
  u.code = std::move(code);
  u.name = std::move(name);
  u.kind = kind;
  return u;
}

Observation observation(std::string indicator, std::string unit, Period period, std::string document,
                        std::optional<double> value, std::string as_printed) {
  Observation o;
  o.indicator = std::move(indicator);
  o.unit = std::move(unit);
  o.period = period;
  o.provenance.document = std::move(document);
  o.value = value;
  o.as_printed = std::move(as_printed);
  return o;
}

// Doubles that a decimal text with 15 digits would not carry exactly.
const double kThird = 1.0 / 3.0;
const double kPointThree = 0.1 + 0.2;  // 0.30000000000000004
const double kTiny = 1e-300;
const double kBig = 123456789.123456789;

Dataset full_dataset() {
  Dataset ds;

  ds.units.push_back(unit("quoc-gia", "Cả nước", UnitKind::National));
  {
    ReportingUnit u = unit("tinh-01", "Thành phố Hà Nội", UnitKind::CentralCity);
    u.short_names = {"TP. Hà Nội", "Hà Nội"};
    u.aliases = {"Ha Noi", "Thanh pho Ha Noi"};
    u.parent = "quoc-gia";
    u.official_code = "01";
    u.valid_from = d(2008, 8, 1);
    u.source = "Danh mục đơn vị hành chính (Tổng cục Thống kê)";
    ds.units.push_back(u);
  }
  {
    ReportingUnit u = unit("bo-tttt", "Bộ Thông tin và Truyền thông", UnitKind::Ministry);
    u.short_names = {"Bộ TT&TT"};
    u.aliases = {"Bo Thong tin va Truyen thong"};
    u.valid_to = d(2025, 2, 28);
    u.source = "Nghị định 48/2022/NĐ-CP";
    ds.units.push_back(u);
  }
  {
    ReportingUnit u = unit("bo-khcn", "Bộ Khoa học và Công nghệ", UnitKind::Ministry);
    u.valid_from = d(2025, 3, 1);
    ds.units.push_back(u);
  }
  ds.successions.push_back(succession("bo-tttt", "bo-khcn", d(2025, 3, 1), "Nghị quyết 176/2025/QH15"));

  {
    Indicator i;
    i.code = "qd942.1.1";
    i.name = "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình";
    i.unit = "%";
    i.direction = Direction::HigherIsBetter;
    i.pillar = "Chính phủ số";
    i.kind = IndicatorKind::Ratio;
    i.aggregation = Aggregation::Average;
    i.lead_agency = "bo-tttt";
    i.co_agencies = {"tinh-01", "bo-khcn"};
    i.unit_group = UnitGroup::MinistriesAndProvinces;
    i.definition = "Số hồ sơ trực tuyến toàn trình ÷ tổng số hồ sơ, nhân 100";
    i.definition_source = "Thông tư 01/2018/TT-VPCP";
    i.source = "Quyết định 942/QĐ-TTg, Phụ lục";
    ds.indicators.push_back(i);
  }
  {
    Indicator i;
    i.code = "qd942.2.1";
    i.name = "Tỷ lệ bộ, ngành đã ban hành kế hoạch chuyển đổi số";
    i.direction = Direction::LowerIsBetter;
    i.kind = IndicatorKind::AgencyShare;
    i.aggregation = Aggregation::Sum;
    ds.indicators.push_back(i);
  }

  {
    Programme p;
    p.code = "qd942";
    p.name = "Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số";
    p.kind = ProgrammeKind::Strategy;
    p.document = "Quyết định số 942/QĐ-TTg";
    p.issued = d(2021, 6, 15);
    p.lead_agency = "bo-tttt";
    p.source = "Công báo";
    ds.programmes.push_back(p);
  }
  {
    Programme p;
    p.code = "kh-2024";
    p.name = "Kế hoạch năm 2024";
    p.kind = ProgrammeKind::Plan;
    ds.programmes.push_back(p);
  }

  {
    Target t;
    t.programme = "qd942";
    t.code = "07";
    t.printed_no = "3.2";
    t.label = "Bộ phận một cửa được số hoá";
    t.heading = "Phát triển Chính phủ số";
    t.printed_group = "Nhóm chỉ tiêu đặc thù";
    t.deadline = Period::of_year(2025);
    t.sort_order = 2;
    t.source = "Phụ lục I";
    t.items.push_back({"qd942.1.1", "cấp bộ", Comparator::AtLeast, 80.0, std::nullopt, "≥ 80%", UnitGroup::Ministries});
    t.items.push_back({"qd942.1.1", "cấp tỉnh", Comparator::Above, 30.5, std::nullopt, "Trên 30,5%",
                       UnitGroup::Provinces});
    ds.targets.push_back(t);
  }
  {
    Target t;
    t.programme = "qd942";
    t.code = "01";
    t.sort_order = 5;
    t.items.push_back({"qd942.2.1", "", Comparator::AtMost, 7.2, 7.8, "7,2-7,8%", std::nullopt});
    ds.targets.push_back(t);
  }
  {
    Target t;
    t.programme = "qd942";
    t.code = "03";
    t.sort_order = 1;
    t.deadline = Period::of_half(2024, 2);
    t.items.push_back({"qd942.2.1", "định tính", Comparator::Equal, std::nullopt, std::nullopt, "Hoàn thành",
                       std::nullopt});
    ds.targets.push_back(t);
  }
  {
    Target t;  // no items at all
    t.programme = "kh-2024";
    t.code = "01";
    t.label = "Mục tiêu chưa lượng hoá";
    ds.targets.push_back(t);
  }

  {
    Observation o = observation("qd942.1.1", "quoc-gia", Period::of_year(2024), "Báo cáo 55/BC-BTTTT", 58.41,
                                "58,41%");
    o.numerator = 123456789;
    o.denominator = 211360000.5;
    o.flags.estimate = true;
    o.flags.preliminary = true;
    o.provenance.kind = ProvenanceKind::Report;
    o.provenance.location = "dòng 12-14";
    o.as_of = d(2024, 12, 31);
    o.comment = "Số liệu ước tính đến hết năm (chú thích 3)";
    ds.observations.push_back(o);
  }
  {
    Observation o = observation("qd942.1.1", "tinh-01", Period::of_quarter(2024, 1), "Báo cáo 55/BC-BTTTT",
                                kPointThree, "");
    o.value_max = kThird;
    o.numerator = kTiny;
    o.denominator = kBig;
    o.flags = {true, true, true, true};
    o.provenance.kind = ProvenanceKind::Submission;
    ds.observations.push_back(o);
  }
  // Several periods of one indicator and unit: the store orders them like Period::operator<=>.
  ds.observations.push_back(observation("qd942.1.1", "tinh-01", Period::of_year(2023), "BC-1", 12, "12"));
  ds.observations.push_back(observation("qd942.1.1", "tinh-01", Period::of_month(2024, 3), "BC-1", 1, "1"));
  ds.observations.push_back(observation("qd942.1.1", "tinh-01", Period::of_day(d(2024, 3, 15)), "BC-1", 2, "2"));
  ds.observations.push_back(observation("qd942.1.1", "tinh-01", Period::of_nine_months(2024), "BC-1", 3, "3"));
  ds.observations.push_back(observation("qd942.1.1", "tinh-01", Period::of_year(2024), "BC-1", 4, "4"));
  ds.observations.push_back(observation("qd942.1.1", "tinh-01", Period::of_year(2024), "BC-0", 5, "5"));
  {
    Observation o = observation("qd942.2.1", "bo-tttt", Period::of_half(2024, 1), "", std::nullopt, "-");
    o.fact = false;
    o.flags.forecast = true;
    o.provenance.kind = ProvenanceKind::Measurement;
    ds.observations.push_back(o);
  }
  {
    Observation o = observation("qd942.2.1", "bo-khcn", Period::of_half(2025, 2), "", std::nullopt, "");
    o.fact = true;
    ds.observations.push_back(o);
  }

  {
    Task t;
    t.code = "qd942.I.12";
    t.programme = "qd942";
    t.name = "Xây dựng Cổng dịch vụ công quốc gia";
    t.lead_agency = "bo-tttt";
    t.co_agencies = {"tinh-01", "bo-khcn"};
    t.deadline = Period::of_year(2025);
    t.deadline_as_printed = "2021-2025";
    t.progress_as_printed = "Đang thực hiện/2025";
    t.result = "Đã tích hợp 80% dịch vụ";
    t.statuses = {{TaskStatus::NotStarted, d(2021, 7, 1), "Báo cáo quý III/2021"},
                  {TaskStatus::InProgress, std::nullopt, "Báo cáo năm 2023"}};
    t.source = "Phụ lục II, dòng 12";
    ds.tasks.push_back(t);
  }
  {
    Task t;
    t.code = "qd942.I.13";
    t.programme = "qd942";
    t.name = "Rà soát, đánh giá hằng năm";
    t.deadline_as_printed = "Thường xuyên";
    ds.tasks.push_back(t);
  }
  return ds;
}

// The dataset in the order the store's reads promise (byte order of codes, periods by <=>).
Dataset in_store_order(Dataset ds) {
  auto by = [](auto key) { return [key](const auto& a, const auto& b) { return key(a) < key(b); }; };
  std::sort(ds.units.begin(), ds.units.end(), by([](const ReportingUnit& u) { return u.code; }));
  std::sort(ds.successions.begin(), ds.successions.end(),
            by([](const UnitSuccession& s) { return std::tie(s.predecessor, s.successor); }));
  std::sort(ds.indicators.begin(), ds.indicators.end(), by([](const Indicator& i) { return i.code; }));
  std::sort(ds.programmes.begin(), ds.programmes.end(), by([](const Programme& p) { return p.code; }));
  std::sort(ds.targets.begin(), ds.targets.end(),
            by([](const Target& t) { return std::tie(t.programme, t.sort_order, t.code); }));
  std::sort(ds.observations.begin(), ds.observations.end(), by([](const Observation& o) {
              return std::tie(o.indicator, o.unit, o.period, o.provenance.document);
            }));
  std::sort(ds.tasks.begin(), ds.tasks.end(), by([](const Task& t) { return t.code; }));
  return ds;
}

ApplyCounts counts(int inserted, int updated, int unchanged) { return {inserted, updated, unchanged}; }

// Dataset has no operator== of its own: compare it kind by kind and say which kinds differ.
testing::AssertionResult same_data(const Dataset& a, const Dataset& b) {
  std::string differ;
  auto check = [&](bool equal, const char* kind) {
    if (!equal) differ += std::string(differ.empty() ? "" : ", ") + kind;
  };
  check(a.units == b.units, "units");
  check(a.successions == b.successions, "successions");
  check(a.indicators == b.indicators, "indicators");
  check(a.programmes == b.programmes, "programmes");
  check(a.targets == b.targets, "targets");
  check(a.observations == b.observations, "observations");
  check(a.tasks == b.tasks, "tasks");
  check(a.task_counts == b.task_counts, "task_counts");
  check(a.overrides == b.overrides, "overrides");
  check(a.revisions == b.revisions, "revisions");
  check(a.regimes == b.regimes, "regimes");
  check(a.relations == b.relations, "relations");
  if (differ.empty()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "datasets differ in: " << differ;
}

Observation* find(Dataset& ds, const std::string& key) {
  for (auto& o : ds.observations)
    if (o.key() == key) return &o;
  return nullptr;
}

// ---- the fixture: a fresh, empty store of the backend under test ----

class StoreConformance : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { scratch_.create(GetParam()); }
  std::unique_ptr<Store> open() { return open_store(scratch_.url()); }
  testing_support::ScratchStore scratch_;
};

TEST_P(StoreConformance, SchemaVersionIsTheLatestMigration) {
  auto store = open();
  EXPECT_GE(latest_schema_version(), 1);
  EXPECT_EQ(store->schema_version(), latest_schema_version());
}

TEST_P(StoreConformance, MigratingTwiceIsANoOp) {
  auto store = open();  // open_store() has migrated once
  const Dataset data = full_dataset();
  store->apply(data, {});
  store->migrate();
  store->migrate();
  EXPECT_EQ(store->schema_version(), latest_schema_version());
  store.reset();

  auto reopened = open();  // migrates again on open
  EXPECT_EQ(reopened->schema_version(), latest_schema_version());
  EXPECT_TRUE(same_data(reopened->load_all(), in_store_order(data)));
}

TEST_P(StoreConformance, RoundTripKeepsEveryField) {
  auto store = open();
  const Dataset data = full_dataset();
  store->apply(data, {});
  Dataset loaded = store->load_all();
  const Dataset expected = in_store_order(data);

  // Entity by entity first, so a failure names the kind that differs.
  EXPECT_EQ(loaded.units, expected.units);
  EXPECT_EQ(loaded.successions, expected.successions);
  EXPECT_EQ(loaded.indicators, expected.indicators);
  EXPECT_EQ(loaded.programmes, expected.programmes);
  EXPECT_EQ(loaded.targets, expected.targets);
  EXPECT_EQ(loaded.observations, expected.observations);
  EXPECT_EQ(loaded.tasks, expected.tasks);

  // Doubles come back bit for bit.
  const Observation* o = find(loaded, "qd942.1.1|tinh-01|2024-Q1|Báo cáo 55/BC-BTTTT");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(std::bit_cast<std::uint64_t>(*o->value), std::bit_cast<std::uint64_t>(kPointThree));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(*o->value_max), std::bit_cast<std::uint64_t>(kThird));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(*o->numerator), std::bit_cast<std::uint64_t>(kTiny));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(*o->denominator), std::bit_cast<std::uint64_t>(kBig));
  // Vietnamese text with diacritics comes back byte for byte.
  ASSERT_EQ(loaded.units.size(), 4u);
  EXPECT_EQ(store->units()[3].short_names, (std::vector<std::string>{"TP. Hà Nội", "Hà Nội"}));
}

TEST_P(StoreConformance, FirstApplyCountsInserts) {
  auto store = open();
  const Dataset data = full_dataset();
  ApplyResult r = store->apply(data, {});
  EXPECT_EQ(r.units, counts(4, 0, 0));
  EXPECT_EQ(r.successions, counts(1, 0, 0));
  EXPECT_EQ(r.indicators, counts(2, 0, 0));
  EXPECT_EQ(r.programmes, counts(2, 0, 0));
  EXPECT_EQ(r.targets, counts(4, 0, 0));
  EXPECT_EQ(r.observations, counts(static_cast<int>(data.observations.size()), 0, 0));
  EXPECT_EQ(r.tasks, counts(2, 0, 0));
  EXPECT_EQ(r.revisions, 0);
  EXPECT_TRUE(r.changed_anything());
}

TEST_P(StoreConformance, ReapplyingTheSameDatasetChangesNothing) {
  auto store = open();
  const Dataset data = full_dataset();
  store->apply(data, {});
  ApplyResult r = store->apply(data, {"someone", "again", ""});
  EXPECT_EQ(r.units, counts(0, 0, 4));
  EXPECT_EQ(r.successions, counts(0, 0, 1));
  EXPECT_EQ(r.indicators, counts(0, 0, 2));
  EXPECT_EQ(r.programmes, counts(0, 0, 2));
  EXPECT_EQ(r.targets, counts(0, 0, 4));
  EXPECT_EQ(r.observations, counts(0, 0, static_cast<int>(data.observations.size())));
  EXPECT_EQ(r.tasks, counts(0, 0, 2));
  EXPECT_EQ(r.revisions, 0);
  EXPECT_FALSE(r.changed_anything());
  EXPECT_TRUE(store->revisions().empty());
  EXPECT_TRUE(same_data(store->load_all(), in_store_order(data)));

  // Applying what the store itself exported is also a no-op.
  EXPECT_FALSE(store->apply(store->load_all(), {}).changed_anything());
}

TEST_P(StoreConformance, UpsertCountsInsertedUpdatedAndUnchanged) {
  auto store = open();
  Dataset data = full_dataset();
  store->apply(data, {});

  Dataset next = full_dataset();
  next.units[2].name = "Bộ Thông tin và Truyền thông (cũ)";                 // updated
  next.units.push_back(unit("tinh-02", "Tỉnh Hà Giang", UnitKind::Province));  // inserted
  next.indicators[1].definition = "Định nghĩa mới";                          // updated
  next.targets[0].items[1].value = 35;                                        // updated
  next.tasks[1].result = "Đã rà soát năm 2024";                               // updated
  find(next, "qd942.1.1|quoc-gia|2024|Báo cáo 55/BC-BTTTT")->comment = "Chú thích mới";  // updated, a revision
  Observation* changed = find(next, "qd942.1.1|tinh-01|2023|BC-1");
  changed->value = 13;  // updated, with a revision
  changed->as_printed = "13";
  next.observations.push_back(observation("qd942.1.1", "tinh-02", Period::of_year(2024), "BC-1", 7, "7"));

  ApplyResult r = store->apply(next, {});
  EXPECT_EQ(r.units, counts(1, 1, 3));
  EXPECT_EQ(r.successions, counts(0, 0, 1));
  EXPECT_EQ(r.indicators, counts(0, 1, 1));
  EXPECT_EQ(r.programmes, counts(0, 0, 2));
  EXPECT_EQ(r.targets, counts(0, 1, 3));
  EXPECT_EQ(r.tasks, counts(0, 1, 1));
  EXPECT_EQ(r.observations, counts(1, 2, static_cast<int>(data.observations.size()) - 2));
  EXPECT_EQ(r.revisions, 2);
  EXPECT_TRUE(r.changed_anything());
  Dataset loaded = store->load_all();
  EXPECT_EQ(loaded.revisions.size(), 2u);  // the comment; the value (its number and printed form: one field)
  loaded.revisions.clear();
  EXPECT_TRUE(same_data(loaded, in_store_order(next)));
}

TEST_P(StoreConformance, ChangedValueKeepsARevisionWithWhoAndWhy) {
  auto store = open();
  store->apply(full_dataset(), {});

  Dataset next = full_dataset();
  const std::string key = "qd942.1.1|quoc-gia|2024|Báo cáo 55/BC-BTTTT";
  find(next, key)->value = 60.02;
  find(next, key)->as_printed = "60,02%";
  ChangeContext ctx{"chuyen.vien@mic.gov.vn", "Bộ TT&TT đính chính số liệu", "2025-01-15T08:30:00Z"};
  ApplyResult r = store->apply(next, ctx);
  EXPECT_EQ(r.revisions, 1);
  EXPECT_EQ(r.observations.updated, 1);

  std::vector<Revision> expected{{key, "2025-01-15T08:30:00Z", "chuyen.vien@mic.gov.vn", "value", "58,41%",
                                  "60,02%", "Bộ TT&TT đính chính số liệu"}};
  EXPECT_EQ(store->revisions(key), expected);
  EXPECT_EQ(store->revisions(), expected);
  EXPECT_TRUE(store->revisions("qd942.1.1|tinh-01|2023|BC-1").empty());

  // A value without as_printed is kept as its numbers, written the Vietnamese way; an empty
  // `when` means now.
  Dataset third = next;
  Observation* o = find(third, "qd942.1.1|tinh-01|2024-Q1|Báo cáo 55/BC-BTTTT");
  o->value = 0.5;
  o->value_max.reset();
  store->apply(third, {"dxmon", "", ""});
  auto revs = store->revisions(o->key());
  ASSERT_EQ(revs.size(), 1u);
  EXPECT_EQ(revs[0].field, "value");
  EXPECT_EQ(revs[0].old_value, "0,3-0,333333 (0/123.456.789,123457)");
  EXPECT_EQ(revs[0].new_value, "0,5 (0/123.456.789,123457)");
  EXPECT_EQ(revs[0].changed_by, "dxmon");
  ASSERT_EQ(revs[0].changed_at.size(), 20u) << revs[0].changed_at;
  EXPECT_EQ(revs[0].changed_at[10], 'T');
  EXPECT_EQ(revs[0].changed_at.back(), 'Z');
  EXPECT_EQ(store->revisions().size(), 2u);
}

// A revision says what changed: one per changed field, never "58,41% → 58,41%".
TEST_P(StoreConformance, EachChangedFieldIsItsOwnRevision) {
  auto store = open();
  store->apply(full_dataset(), {});
  const std::string key = "qd942.1.1|quoc-gia|2024|Báo cáo 55/BC-BTTTT";
  ChangeContext ctx{"chuyen.vien@mic.gov.vn", "đính chính", "2025-01-15T08:30:00Z"};
  auto revision = [&](std::string field, std::string old_value, std::string new_value) {
    return Revision{key, ctx.when, ctx.who, std::move(field), std::move(old_value), std::move(new_value), ctx.why};
  };

  // The flags alone: the value as printed is the same, the revision is about the flags.
  Dataset next = full_dataset();
  find(next, key)->flags.preliminary = false;
  ApplyResult r = store->apply(next, ctx);
  EXPECT_EQ(r.observations.updated, 1);
  EXPECT_EQ(r.revisions, 1);
  EXPECT_EQ(store->revisions(key), (std::vector<Revision>{revision("flags", "estimate;preliminary", "estimate")}));

  // The comment, the location, the provenance and the as-of date together: four revisions.
  Observation* o = find(next, key);
  o->comment = "Đã đính chính";
  o->provenance.location = "dòng 15";
  o->provenance.kind = ProvenanceKind::Submission;
  o->as_of = d(2025, 1, 10);
  ctx.when = "2025-01-16T08:00:00Z";
  r = store->apply(next, ctx);
  EXPECT_EQ(r.revisions, 1);
  auto revs = store->revisions(key);
  ASSERT_EQ(revs.size(), 5u);
  EXPECT_EQ(revs[1], revision("as_of", "2024-12-31", "2025-01-10"));
  EXPECT_EQ(revs[2], revision("comment", "Số liệu ước tính đến hết năm (chú thích 3)", "Đã đính chính"));
  EXPECT_EQ(revs[3], revision("location", "dòng 12-14", "dòng 15"));
  EXPECT_EQ(revs[4], revision("provenance", "report", "submission"));

  // The numbers change but not the printed form: the revision gives the numbers.
  o->numerator = 123456790;
  ctx.when = "2025-01-17T08:00:00Z";
  store->apply(next, ctx);
  revs = store->revisions(key);
  ASSERT_EQ(revs.size(), 6u);
  EXPECT_EQ(revs[5], revision("value", "58,41 (123.456.789/211.360.000,5)", "58,41 (123.456.790/211.360.000,5)"));

  // Nothing changed: nothing recorded.
  EXPECT_EQ(store->apply(next, ctx).revisions, 0);
  EXPECT_EQ(store->revisions(key).size(), 6u);
}

// Revisions in a Dataset (an export of another store) are appended once: a round trip keeps the
// history, and importing the same export again adds nothing.
TEST_P(StoreConformance, ImportedRevisionsAreAppendedOnce) {
  auto store = open();
  Dataset data = full_dataset();
  const std::string key = "qd942.1.1|quoc-gia|2024|Báo cáo 55/BC-BTTTT";
  data.revisions = {{key, "2025-01-15T08:30:00Z", "a@mic.gov.vn", "value", "58,40%", "58,41%", "đính chính"},
                    {key, "2025-01-15T08:30:00Z", "a@mic.gov.vn", "flags", "", "estimate", "đính chính"}};
  ApplyResult r = store->apply(data, {});
  EXPECT_EQ(r.imported_revisions, counts(2, 0, 0));
  EXPECT_EQ(r.revisions, 0);
  EXPECT_EQ(store->revisions(), data.revisions);
  EXPECT_TRUE(same_data(store->load_all(), in_store_order(data)));

  // The store's own export applied again adds nothing.
  const Dataset exported = store->load_all();
  r = store->apply(exported, {});
  EXPECT_EQ(r.imported_revisions, counts(0, 0, 2));
  EXPECT_FALSE(r.changed_anything());

  // A revision about a value the store does not hold is refused, and nothing is written.
  Dataset bad;
  bad.revisions = {{"qd942.1.1|quoc-gia|2030|BC-9", "2025-01-15T08:30:00Z", "a", "value", "1", "2", ""}};
  EXPECT_THROW(store->apply(bad, {}), StoreError);
  EXPECT_EQ(store->revisions(), data.revisions);
}

// docs/formats.md, "Re-importing a value": the columns a correction file leaves out keep what is
// stored; a column present with a blank cell clears its field. Through the importer, on both stores.
TEST_P(StoreConformance, ReimportWithoutOptionalColumnsKeepsStoredFields) {
  auto store = open();
  store->apply(full_dataset(), {});
  const auto dir = std::filesystem::temp_directory_path() /
                   ("dxmon-reimport-" + std::to_string(getpid()) + "-" + backend_name({GetParam(), 0}));
  std::filesystem::create_directories(dir);
  auto import = [&](const std::string& name, const std::string& csv) {
    std::ofstream(dir / name) << csv;
    io::ImportOptions options;
    options.context = {"chuyen.vien", "đính chính", "2025-02-01T00:00:00Z"};
    return io::import_files(*store, {(dir / name).string()}, options);
  };
  const std::string key = "qd942.1.1|quoc-gia|2024|Báo cáo 55/BC-BTTTT";
  auto stored = [&] {
    for (const auto& o : store->observations())
      if (o.key() == key) return o;
    return Observation{};
  };
  const Observation before = stored();

  auto report = import("observations_fix.csv",
                       "indicator,unit,period,value,document\nqd942.1.1,,2024,\"58,5%\",Báo cáo 55/BC-BTTTT\n");
  ASSERT_TRUE(report.ok()) << report.problems.front().to_string();
  Observation expected = before;
  expected.value = 58.5;
  expected.as_printed = "58,5%";
  expected.numerator.reset();  // numerator and denominator are values: a new value replaces them
  expected.denominator.reset();
  EXPECT_EQ(stored(), expected);
  auto revisions = store->revisions(key);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].field, "value");
  EXPECT_EQ(revisions[0].old_value, "58,41%");
  EXPECT_EQ(revisions[0].new_value, "58,5%");

  // The comment column present and blank clears the comment; "-" is no data, the estimate flag stays.
  report = import("observations_fix2.csv",
                  "indicator,unit,period,value,document,comment\nqd942.1.1,,2024,-,Báo cáo 55/BC-BTTTT,\n");
  ASSERT_TRUE(report.ok()) << report.problems.front().to_string();
  const Observation after = stored();
  EXPECT_EQ(after.comment, "");
  EXPECT_TRUE(after.flags.no_data);
  EXPECT_TRUE(after.flags.estimate);
  EXPECT_TRUE(after.flags.preliminary);
  EXPECT_EQ(after.as_of, before.as_of);
  EXPECT_EQ(after.provenance, before.provenance);
  revisions = store->revisions(key);
  ASSERT_EQ(revisions.size(), 4u);  // value, flags (no_data), comment
  EXPECT_EQ(revisions[2].field, "flags");
  EXPECT_EQ(revisions[2].new_value, "estimate;preliminary;no_data");
  EXPECT_EQ(revisions[3].field, "comment");
  std::filesystem::remove_all(dir);
}

TEST_P(StoreConformance, TaskCountsAreUpsertedByProgrammeGroupStatusAndDay) {
  auto store = open();
  Dataset data = full_dataset();
  TaskCount total;
  total.programme = "qd942";
  total.count = 107;
  total.as_printed = "107";
  total.as_of = d(2022, 12, 31);
  total.document = "BC-2022";
  total.source = "seed 004 line 50";
  TaskCount done = total;
  done.group = UnitGroup::Ministries;
  done.status = TaskStatus::Completed;
  done.count = 42;
  done.as_printed = "42";
  TaskCount undated;  // only what is required
  undated.programme = "kh-2024";
  undated.count = 0;
  data.task_counts = {done, total, undated};
  ApplyResult r = store->apply(data, {});
  EXPECT_EQ(r.task_counts, counts(3, 0, 0));
  // Ordered by programme, group, status, day; absent ones first.
  EXPECT_EQ(store->task_counts(), (std::vector<TaskCount>{undated, total, done}));
  EXPECT_EQ(store->task_counts("qd942"), (std::vector<TaskCount>{total, done}));

  done.count = 43;  // same key: an update
  TaskCount later = total;
  later.as_of = d(2023, 6, 30);  // another day: a new count
  Dataset next;
  next.task_counts = {done, later, total};
  r = store->apply(next, {});
  EXPECT_EQ(r.task_counts, counts(1, 1, 1));
  EXPECT_EQ(store->task_counts("qd942"), (std::vector<TaskCount>{total, later, done}));

  Dataset bad;
  TaskCount orphan = total;
  orphan.programme = "khong-co";
  bad.task_counts = {orphan};
  EXPECT_THROW(store->apply(bad, {}), StoreError);
  EXPECT_EQ(store->task_counts().size(), 4u);
}

TEST_P(StoreConformance, PartialTransfersAndProgrammesReportedTogetherRoundTrip) {
  auto store = open();
  Dataset data = full_dataset();
  data.successions.push_back({"bo-tttt", "tinh-01", d(2025, 3, 1), "ví dụ", SuccessionKind::Partial,
                              "quản lý nhà nước về báo chí"});
  data.programmes[1].reported_with = "qd942";
  store->apply(data, {});
  const Dataset loaded = store->load_all();
  EXPECT_EQ(loaded.successions, in_store_order(data).successions);
  EXPECT_EQ(loaded.successions[1].kind, SuccessionKind::Partial);
  EXPECT_EQ(loaded.successions[1].functions, "quản lý nhà nước về báo chí");
  EXPECT_EQ(store->programmes()[0].reported_with, "qd942");  // kh-2024 sorts first

  Dataset bad;
  Programme p = data.programmes[1];
  p.reported_with = "khong-co";
  bad.programmes = {p};
  EXPECT_THROW(store->apply(bad, {}), StoreError);
  EXPECT_EQ(store->programmes()[0].reported_with, "qd942");
}

TEST_P(StoreConformance, FailingApplyLeavesTheStoreUnchanged) {
  auto store = open();
  store->apply(full_dataset(), {});
  const Dataset before = store->load_all();
  const auto revisions_before = store->revisions();

  struct Case {
    std::string name;
    Dataset data;
    std::string mentions;
  };
  std::vector<Case> cases;
  {
    Dataset bad;  // new units, a changed unit, then an observation of an unknown indicator
    bad.units.push_back(unit("tinh-02", "Tỉnh Hà Giang", UnitKind::Province));
    bad.units.push_back(full_dataset().units[0]);
    bad.units.back().name = "Toàn quốc";
    bad.observations.push_back(observation("khong-ton-tai", "tinh-02", Period::of_year(2024), "BC-9", 1, "1"));
    cases.push_back({"unknown indicator", bad, "khong-ton-tai"});
  }
  {
    Dataset bad = full_dataset();  // everything unchanged but one value, then an unknown unit
    find(bad, "qd942.1.1|quoc-gia|2024|Báo cáo 55/BC-BTTTT")->value = 99;
    bad.observations.push_back(observation("qd942.1.1", "tinh-99", Period::of_year(2024), "BC-9", 1, "1"));
    cases.push_back({"unknown unit", bad, "tinh-99"});
  }
  {
    Dataset bad;
    bad.indicators.push_back(full_dataset().indicators[0]);
    bad.indicators.back().name = "Tên mới";
    Task t;
    t.code = "x.1";
    t.programme = "khong-co-chuong-trinh";
    t.name = "Nhiệm vụ";
    bad.tasks.push_back(t);
    cases.push_back({"unknown programme", bad, "khong-co-chuong-trinh"});
  }
  {
    Dataset bad;
    Target t = full_dataset().targets[0];
    t.code = "99";
    t.items[0].indicator = "chi-tieu-la";
    bad.targets.push_back(t);
    cases.push_back({"target of an unknown indicator", bad, "chi-tieu-la"});
  }
  {
    Dataset bad;
    bad.successions.push_back(succession("bo-tttt", "bo-moi", d(2025, 3, 1), ""));
    cases.push_back({"succession to an unknown unit", bad, "bo-moi"});
  }

  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      store->apply(c.data, {"tester", "should fail", ""});
      ADD_FAILURE() << "apply() succeeded";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find(c.mentions), std::string::npos) << e.what();
    }
    EXPECT_TRUE(same_data(store->load_all(), before));
    EXPECT_EQ(store->revisions(), revisions_before);
  }

  // The store is still usable after the failures.
  Dataset good;
  good.units.push_back(unit("tinh-02", "Tỉnh Hà Giang", UnitKind::Province));
  EXPECT_EQ(store->apply(good, {}).units, counts(1, 0, 0));
}

TEST_P(StoreConformance, ObservationsCanBeFilteredByPeriodDocumentUnitAndIndicator) {
  auto store = open();
  const Dataset data = full_dataset();
  store->apply(data, {});
  const Dataset all = in_store_order(data);
  auto matching = [&](auto pred) {
    std::vector<Observation> out;
    for (const auto& o : all.observations)
      if (pred(o)) out.push_back(o);
    return out;
  };

  ObservationQuery q;
  EXPECT_EQ(store->observations(q), all.observations);

  q = {};
  q.period = Period::of_year(2024);
  auto by_year = matching([](const Observation& o) { return o.period == Period::of_year(2024); });
  EXPECT_EQ(by_year.size(), 3u);
  EXPECT_EQ(store->observations(q), by_year);

  q = {};
  q.document = "BC-1";
  auto by_document = matching([](const Observation& o) { return o.provenance.document == "BC-1"; });
  EXPECT_EQ(by_document.size(), 5u);
  EXPECT_EQ(store->observations(q), by_document);

  q.period = Period::of_year(2024);
  q.unit = "tinh-01";
  q.indicator = "qd942.1.1";
  EXPECT_EQ(store->observations(q),
            matching([](const Observation& o) {
              return o.provenance.document == "BC-1" && o.period == Period::of_year(2024);
            }));

  q = {};
  q.unit = "bo-tttt";
  EXPECT_EQ(store->observations(q), matching([](const Observation& o) { return o.unit == "bo-tttt"; }));

  q = {};
  q.indicator = "qd942.2.1";
  EXPECT_EQ(store->observations(q).size(), 2u);

  q = {};
  q.period = Period::of_quarter(2030, 4);
  EXPECT_TRUE(store->observations(q).empty());
}

TEST_P(StoreConformance, TargetsAreOrderedBySortOrderWithinAProgramme) {
  auto store = open();
  store->apply(full_dataset(), {});
  auto codes = [](const std::vector<Target>& ts) {
    std::vector<std::string> out;
    for (const auto& t : ts) out.push_back(t.programme + "/" + t.code);
    return out;
  };
  EXPECT_EQ(codes(store->targets("qd942")), (std::vector<std::string>{"qd942/03", "qd942/07", "qd942/01"}));
  EXPECT_EQ(codes(store->targets()),
            (std::vector<std::string>{"kh-2024/01", "qd942/03", "qd942/07", "qd942/01"}));
  auto kh = store->targets("kh-2024");
  ASSERT_EQ(kh.size(), 1u);
  EXPECT_TRUE(kh[0].items.empty());
  auto qd = store->targets("qd942");
  ASSERT_EQ(qd[1].items.size(), 2u);
  EXPECT_EQ(qd[1].items[0].label, "cấp bộ");
  EXPECT_EQ(qd[1].items[1].label, "cấp tỉnh");
  EXPECT_TRUE(store->targets("khong-co").empty());
}

TEST_P(StoreConformance, TaskStatusHistoryIsAppendedNeverRewritten) {
  auto store = open();
  Dataset data = full_dataset();
  store->apply(data, {});
  Task task = data.tasks[0];
  const auto history = task.statuses;
  const TaskStatusChange done{TaskStatus::Completed, d(2025, 6, 30), "Báo cáo 6 tháng 2025"};

  auto apply_task = [&](const Task& t) {
    Dataset ds;
    ds.tasks.push_back(t);
    return store->apply(ds, {}).tasks;
  };
  auto stored = [&] { return store->tasks("qd942")[0]; };

  // The stored history again, or only its last entry, or nothing: unchanged.
  EXPECT_EQ(apply_task(task), counts(0, 0, 1));
  Task partial = task;
  partial.statuses = {history.back()};
  EXPECT_EQ(apply_task(partial), counts(0, 0, 1));
  partial.statuses.clear();
  EXPECT_EQ(apply_task(partial), counts(0, 0, 1));
  EXPECT_EQ(stored().statuses, history);

  // The history with one more entry, or just the new entry: appended once.
  Task longer = task;
  longer.statuses.push_back(done);
  EXPECT_EQ(apply_task(longer), counts(0, 1, 0));
  EXPECT_EQ(stored(), longer);
  EXPECT_EQ(stored().current_status(), TaskStatus::Completed);
  Task only_new = task;
  only_new.statuses = {done};
  EXPECT_EQ(apply_task(only_new), counts(0, 0, 1));

  const TaskStatusChange stopped{TaskStatus::Stopped, std::nullopt, "Quyết định điều chỉnh"};
  only_new.statuses = {stopped};
  only_new.name = "Tên nhiệm vụ đã điều chỉnh";
  EXPECT_EQ(apply_task(only_new), counts(0, 1, 0));
  Task expected = longer;
  expected.name = only_new.name;
  expected.statuses.push_back(stopped);
  EXPECT_EQ(stored(), expected);
  EXPECT_EQ(store->tasks("kh-2024"), std::vector<Task>{});
}

TEST_P(StoreConformance, NonFiniteNumbersAreRefused) {
  auto store = open();
  store->apply(full_dataset(), {});
  const Dataset before = store->load_all();
  for (double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    Dataset ds;
    ds.observations.push_back(observation("qd942.1.1", "quoc-gia", Period::of_year(2030), "BC-9", bad, "?"));
    EXPECT_THROW(store->apply(ds, {}), StoreError);
  }
  EXPECT_TRUE(same_data(store->load_all(), before));
}

// The driver contract under apply(): a write the database refuses is reported with the context
// it was given (even when the backend sends writes ahead, as PostgreSQL's pipeline does) and
// nothing of the transaction remains after rollback().
TEST_P(StoreConformance, ARefusedWriteNamesItsContextAndRollsBack) {
  open();  // creates the schema
  std::unique_ptr<sql::Session> s;
  s = scratch_.open_session();
  const std::string insert_unit = "INSERT INTO units (code, name, kind) VALUES ($1, $2, $3)";
  s->begin();
  try {
    s->write(insert_unit, {"u1", "Đơn vị một", "other"}, "đơn vị u1");
    s->write("INSERT INTO successions (predecessor, successor, effective_date) VALUES ($1, $2, $3)",
             {"u1", "khong-co", "2025-01-01"}, "kế thừa u1 → khong-co");
    s->write(insert_unit, {"u2", "Đơn vị hai", "other"}, "đơn vị u2");
    s->commit();
    ADD_FAILURE() << "a succession to a unit that does not exist was accepted";
  } catch (const StoreError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("kế thừa u1 → khong-co"), std::string::npos) << message;
    EXPECT_EQ(message.find("u2"), std::string::npos) << message;
  }
  s->rollback();
  EXPECT_TRUE(s->query("SELECT code FROM units").empty());
  EXPECT_TRUE(open()->units().empty());

  // The session is usable again.
  s->begin();
  s->write(insert_unit, {"u3", "Đơn vị ba", "other"}, "đơn vị u3");
  s->commit();
  EXPECT_EQ(open()->units().size(), 1u);
}

// ---- reporting regimes and submissions ----

// The Thông tư 02/2023 monthly regime with every field set, and a minimal yearly one.
std::vector<ReportingRegime> sample_regimes() {
  ReportingRegime monthly;
  monthly.code = "tt02-2023.thang";
  monthly.name = "Báo cáo tháng về chuyển đổi số";
  monthly.legal_basis = "Thông tư 02/2023/TT-BTTTT";
  monthly.recipient = "bo-khcn";
  monthly.unit_group = UnitGroup::MinistriesAndProvinces;
  monthly.units = {"quoc-gia", "bo-tttt"};
  monthly.indicators = {"qd942.1.1", "qd942.2.1"};
  monthly.frequency = PeriodType::Month;
  monthly.cutoff = CutoffRule::Decree09;
  monthly.deadline = DeadlineRule::day_of_month(0, 15);
  monthly.source = "Thông tư 02/2023/TT-BTTTT, Điều 5";

  ReportingRegime yearly;
  yearly.code = "kh-2024.nam";
  yearly.name = "Báo cáo năm";
  yearly.units = {"tinh-01"};
  yearly.frequency = PeriodType::Year;
  yearly.deadline = DeadlineRule::fixed_date(1, 15, 1);
  return {monthly, yearly};
}

Submission sent(std::string unit, std::string when, SubmissionStatus status = SubmissionStatus::Submitted,
                std::string reason = "", Period period = Period::of_month(2025, 3)) {
  return {"tt02-2023.thang", std::move(unit), period, *DateTime::parse_iso(when), status, std::move(reason),
          "Nguyễn Văn Á"};
}

TEST_P(StoreConformance, RegimesRoundTripAndUpdate) {
  auto store = open();
  store->apply(full_dataset(), {});
  auto regimes = sample_regimes();
  for (const auto& r : regimes) store->save_regime(r);
  store->save_regime(regimes[0]);  // saving the same regime again changes nothing
  // Ordered by code, every field back.
  EXPECT_EQ(store->regimes(), (std::vector<ReportingRegime>{regimes[1], regimes[0]}));

  regimes[0].name = "Báo cáo tháng (sửa đổi)";
  regimes[0].unit_group.reset();
  regimes[0].deadline = DeadlineRule::days_after_cutoff(3);
  store->save_regime(regimes[0]);
  EXPECT_EQ(store->regimes(), (std::vector<ReportingRegime>{regimes[1], regimes[0]}));

  // The regimes survive reopening (and the migrations run again as no-ops).
  store.reset();
  EXPECT_EQ(open()->regimes().size(), 2u);
}

TEST_P(StoreConformance, SaveRegimeRefusesUnknownCodesAndBadRegimes) {
  auto store = open();
  store->apply(full_dataset(), {});
  store->save_regime(sample_regimes()[0]);
  const auto before = store->regimes();

  struct Case {
    std::string name;
    ReportingRegime regime;
    std::string mentions;
  };
  std::vector<Case> cases;
  ReportingRegime r = sample_regimes()[0];
  r.units.push_back("tinh-99");
  cases.push_back({"unknown unit", r, "tinh-99"});
  r = sample_regimes()[0];
  r.indicators = {"chi-tieu-la"};
  cases.push_back({"unknown indicator", r, "chi-tieu-la"});
  r = sample_regimes()[0];
  r.recipient = "bo-moi";
  cases.push_back({"unknown recipient", r, "bo-moi"});
  r = sample_regimes()[0];
  r.name = "Đổi tên";  // would change the stored regime if it got through
  r.unit_group.reset();
  r.units.clear();
  cases.push_back({"nobody reports", r, "đơn vị nào"});
  r = sample_regimes()[1];
  r.code = "";
  cases.push_back({"no code", r, "thiếu mã"});

  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      store->save_regime(c.regime);
      ADD_FAILURE() << "save_regime() succeeded";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find(c.mentions), std::string::npos) << e.what();
    }
    EXPECT_EQ(store->regimes(), before);
  }
}

TEST_P(StoreConformance, SubmissionHistoryIsAppendedAndIdempotent) {
  using S = SubmissionStatus;
  auto store = open();
  store->apply(full_dataset(), {});
  for (const auto& r : sample_regimes()) store->save_regime(r);

  // Sent from abroad in UTC: stored and read back in Vietnam time.
  const Submission first = sent("tinh-01", "2025-03-14T20:00:00Z");
  EXPECT_EQ(first.received_at.iso(), "2025-03-15T03:00:00+07:00");
  const std::vector<Submission> steps{
      first,
      sent("tinh-01", "2025-03-16T08:00:00+07:00", S::Returned, "Thiếu biểu số 02"),
      sent("tinh-01", "2025-03-17T10:30:00+07:00"),
      sent("tinh-01", "2025-03-18T14:00:00+07:00", S::Accepted),
      sent("bo-tttt", "2025-03-10T16:45:00+07:00", S::Draft),
      sent("bo-tttt", "2025-03-15T23:59:00+07:00"),
  };
  for (const auto& s : steps) store->record_submission(s);
  // Recording any step again (a retried request) changes nothing.
  for (const auto& s : steps) store->record_submission(s);
  store->record_submission(steps[0]);

  // By unit code, then in the order recorded; other periods and regimes apart.
  const std::vector<Submission> expected{steps[4], steps[5], steps[0], steps[1], steps[2], steps[3]};
  EXPECT_EQ(store->submissions("tt02-2023.thang", Period::of_month(2025, 3)), expected);
  EXPECT_TRUE(store->submissions("tt02-2023.thang", Period::of_month(2025, 4)).empty());
  EXPECT_TRUE(store->submissions("kh-2024.nam", Period::of_month(2025, 3)).empty());

  // The stored history gives the state the reporting rate uses.
  std::vector<Submission> hanoi(expected.begin() + 2, expected.end());
  auto state = submission_state(hanoi);
  EXPECT_EQ(state.status, S::Accepted);
  EXPECT_EQ(state.received_at->iso(), "2025-03-17T10:30:00+07:00");

  Submission april = sent("tinh-01", "2025-04-15T09:00:00+07:00", S::Submitted, "", Period::of_month(2025, 4));
  store->record_submission(april);
  EXPECT_EQ(store->submissions("tt02-2023.thang", Period::of_month(2025, 4)), std::vector<Submission>{april});
}

TEST_P(StoreConformance, RecordSubmissionRefusesWhatApprovalForbids) {
  using S = SubmissionStatus;
  auto store = open();
  store->apply(full_dataset(), {});
  for (const auto& r : sample_regimes()) store->save_regime(r);
  store->record_submission(sent("tinh-01", "2025-03-14T09:00:00+07:00"));
  store->record_submission(sent("tinh-01", "2025-03-15T09:00:00+07:00", S::Accepted));
  const auto before = store->submissions("tt02-2023.thang", Period::of_month(2025, 3));
  ASSERT_EQ(before.size(), 2u);

  struct Case {
    std::string name;
    Submission step;
    std::string mentions;
  };
  Submission other_regime = sent("tinh-01", "2025-03-14T09:00:00+07:00");
  other_regime.regime = "khong-co";
  Submission changed_who = sent("tinh-01", "2025-03-14T09:00:00+07:00");
  changed_who.who = "Người khác";
  std::vector<Case> cases{
      {"accepted report is locked", sent("tinh-01", "2025-03-16T09:00:00+07:00"), "khoá"},
      {"unknown regime", other_regime, "khong-co"},
      {"unknown unit", sent("tinh-99", "2025-03-14T09:00:00+07:00"), "tinh-99"},
      {"period of another frequency",
       sent("bo-tttt", "2025-03-14T09:00:00+07:00", S::Submitted, "", Period::of_quarter(2025, 1)), "2025-Q1"},
      {"return without a reason", sent("bo-tttt", "2025-03-14T09:00:00+07:00", S::Returned), "lý do"},
      {"acceptance of nothing sent", sent("bo-tttt", "2025-03-14T09:00:00+07:00", S::Accepted), "bo-tttt"},
      {"a changed copy of a recorded step", changed_who, "khoá"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      store->record_submission(c.step);
      ADD_FAILURE() << "record_submission() succeeded";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find(c.mentions), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(store->submissions("tt02-2023.thang", Period::of_month(2025, 3)), before);
  EXPECT_TRUE(store->submissions("tt02-2023.thang", Period::of_quarter(2025, 1)).empty());

  // Steps going back in time are refused too.
  store->record_submission(sent("bo-tttt", "2025-03-12T09:00:00+07:00"));
  EXPECT_THROW(store->record_submission(sent("bo-tttt", "2025-03-11T09:00:00+07:00", S::Accepted)), StoreError);

  // A regime's frequency cannot change once reports were sent under it.
  ReportingRegime quarterly = sample_regimes()[0];
  quarterly.frequency = PeriodType::Quarter;
  EXPECT_THROW(store->save_regime(quarterly), StoreError);
  EXPECT_EQ(store->regimes()[1].frequency, PeriodType::Month);
}

// Takes a database back to what migration `version` left: the steps after it undone by hand, newest
// first. Undoing migration 4 leaves the overrides table of version 3, empty (a row with a period has
// no place in it); undoing 3 and 2 drops their tables.
void undo_migrations_after(sql::Session& s, int version) {
  ASSERT_EQ(latest_schema_version(), 8) << "write the way back from the newest migration";
  ASSERT_GE(version, 1);
  for (int step = latest_schema_version(); step > version; --step) {
    switch (step) {
      case 8:  // revisions name the field that changed
        s.execute_script("ALTER TABLE revisions DROP COLUMN field");
        break;
      case 7:  // task counts; programmes reported with another
        s.execute_script("DROP TABLE task_counts; ALTER TABLE programmes DROP COLUMN reported_with");
        break;
      case 6:  // partial transfers
        s.execute_script("ALTER TABLE successions DROP COLUMN functions; ALTER TABLE successions DROP COLUMN kind");
        break;
      case 5:  // relations between indicators
        s.execute_script("DROP TABLE indicator_relations");
        break;
      case 4:  // overrides per period
        s.execute_script("DROP TABLE overrides; " + render_migration(migrations()[2].sql, s.dialect()));
        break;
      case 3:
        s.execute_script("DROP TABLE overrides");
        break;
      case 2:
        s.execute_script("DROP TABLE submissions; DROP TABLE reporting_regimes");
        break;
    }
  }
  s.execute_script("DELETE FROM schema_migrations WHERE version > " + std::to_string(version));
}

// A database made before partial transfers, task counts and revision fields (migrations 6-8) is
// upgraded: its successions are full ones, its revisions were about the value.
void expect_catalogue_upgrade_from(testing_support::ScratchStore& scratch, int version) {
  {
    auto store = open_store(scratch.url());
    store->apply(full_dataset(), {});
    Dataset next = full_dataset();
    find(next, "qd942.1.1|quoc-gia|2024|Báo cáo 55/BC-BTTTT")->as_printed = "58,4%";
    store->apply(next, {"a", "b", "2025-01-01T00:00:00Z"});
  }
  {
    auto s = scratch.open_session();
    undo_migrations_after(*s, version);
    EXPECT_EQ(schema_version(*s), version);
  }
  auto store = open_store(scratch.url());
  EXPECT_EQ(store->schema_version(), latest_schema_version());
  const auto successions = store->successions();
  ASSERT_EQ(successions.size(), 1u);
  EXPECT_EQ(successions[0].kind, SuccessionKind::Full);
  const auto revisions = store->revisions();
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].field, "value");
  EXPECT_EQ(revisions[0].old_value, "58,41%");
  EXPECT_TRUE(store->task_counts().empty());
  EXPECT_EQ(store->programmes()[1].reported_with, "");
}

// Version 5 is what dxmon wrote before migrations 6-8; version 3 goes through 4 and 5 as well.
TEST_P(StoreConformance, AVersionFiveDatabaseIsUpgraded) { expect_catalogue_upgrade_from(scratch_, 5); }
TEST_P(StoreConformance, AVersionThreeDatabaseIsUpgraded) { expect_catalogue_upgrade_from(scratch_, 3); }

// A database made by an earlier dxmon (schema version 1, with data) is upgraded on open: the
// regime tables are added and the data are kept.
TEST_P(StoreConformance, AVersionOneDatabaseIsUpgraded) {
  open()->apply(full_dataset(), {});
  {
    // Back to what version 1 left: no regime tables, no row for migration 2.
    std::unique_ptr<sql::Session> s;
    s = scratch_.open_session();
    undo_migrations_after(*s, 1);
    EXPECT_EQ(schema_version(*s), 1);
  }
  auto store = open();
  EXPECT_EQ(store->schema_version(), latest_schema_version());
  EXPECT_TRUE(same_data(store->load_all(), in_store_order(full_dataset())));
  store->save_regime(sample_regimes()[1]);
  EXPECT_EQ(store->regimes().size(), 1u);
}

// ---- overrides and regimes as rows of a Dataset ----

// One override with every field, one with only what is required; a target of each programme.
std::vector<Override> sample_overrides() {
  Override full;
  full.programme = "qd942";
  full.target = "07";
  full.period = Period::of_year(2023);
  full.group = ReportGroup::LikelyAchieved;
  full.fine = ProgressClass::OnTrack;
  full.who = "Bộ Thông tin và Truyền thông";
  full.when = d(2024, 2, 16);
  full.why = "Phân loại in trong Báo cáo số 14/BC-BTTTT";
  full.source = "seed 000 line 50";
  Override minimal;
  minimal.programme = "kh-2024";
  minimal.target = "01";
  minimal.period = Period::of_quarter(2024, 1);
  minimal.group = ReportGroup::NeedsEffort;
  minimal.who = "Cục Chuyển đổi số quốc gia";
  minimal.why = "Chưa lượng hoá được, đánh giá theo báo cáo của các bộ";
  return {full, minimal};
}

Dataset overrides_and_regimes() {
  Dataset ds;
  ds.overrides = sample_overrides();
  ds.regimes = sample_regimes();
  return ds;
}

TEST_P(StoreConformance, OverridesAndRegimesAreUpsertedCountedAndLoaded) {
  auto store = open();
  store->apply(full_dataset(), {});
  ApplyResult first = store->apply(overrides_and_regimes(), {});
  EXPECT_EQ(first.overrides, counts(2, 0, 0));
  EXPECT_EQ(first.regimes, counts(2, 0, 0));
  EXPECT_EQ(first.targets, counts(0, 0, 0));
  EXPECT_TRUE(first.changed_anything());

  // Ordered by programme then target; regimes by code; every field back.
  const auto overrides = sample_overrides();
  const auto regimes = sample_regimes();
  EXPECT_EQ(store->overrides(), (std::vector<Override>{overrides[1], overrides[0]}));
  EXPECT_EQ(store->overrides("qd942"), std::vector<Override>{overrides[0]});
  EXPECT_TRUE(store->overrides("khong-co").empty());
  Dataset all = store->load_all();
  EXPECT_EQ(all.overrides, (std::vector<Override>{overrides[1], overrides[0]}));
  EXPECT_EQ(all.regimes, (std::vector<ReportingRegime>{regimes[1], regimes[0]}));

  // The same rows again, or the store's own export: nothing changes.
  ApplyResult again = store->apply(overrides_and_regimes(), {});
  EXPECT_EQ(again.overrides, counts(0, 0, 2));
  EXPECT_EQ(again.regimes, counts(0, 0, 2));
  EXPECT_FALSE(again.changed_anything());
  EXPECT_FALSE(store->apply(store->load_all(), {}).changed_anything());

  // A later judgement replaces the earlier one; a changed regime is updated in place.
  Dataset next = overrides_and_regimes();
  next.overrides[0].group = ReportGroup::Achieved;
  next.overrides[0].fine.reset();
  next.overrides[0].when = d(2024, 12, 31);
  next.overrides[0].why = "Đã đạt theo số liệu năm 2024";
  next.regimes[1].name = "Báo cáo năm (sửa đổi)";
  ApplyResult changed = store->apply(next, {});
  EXPECT_EQ(changed.overrides, counts(0, 1, 1));
  EXPECT_EQ(changed.regimes, counts(0, 1, 1));
  EXPECT_EQ(store->overrides("qd942"), std::vector<Override>{next.overrides[0]});
  EXPECT_EQ(store->regimes()[0].name, "Báo cáo năm (sửa đổi)");

  // apply() and save_regime() are one code: a regime saved one way is unchanged the other way.
  store->save_regime(next.regimes[1]);
  EXPECT_EQ(store->apply(next, {}).regimes, counts(0, 0, 2));
}

TEST_P(StoreConformance, AnOverrideMayNameATargetOfTheSameDataset) {
  auto store = open();
  Dataset ds = full_dataset();
  ds.overrides = sample_overrides();
  ds.regimes = sample_regimes();  // their units and indicators come in the same dataset too
  ApplyResult r = store->apply(ds, {});
  EXPECT_EQ(r.overrides, counts(2, 0, 0));
  EXPECT_EQ(r.regimes, counts(2, 0, 0));
  EXPECT_EQ(store->overrides().size(), 2u);
}

TEST_P(StoreConformance, BadOverridesAndRegimesFailTheWholeApply) {
  auto store = open();
  store->apply(full_dataset(), {});
  store->apply(overrides_and_regimes(), {});
  const Dataset before = store->load_all();

  struct Case {
    std::string name;
    Dataset data;
    std::string mentions;
  };
  // Each bad dataset also carries good rows of other kinds, written before the bad one would be.
  auto with_good_rows = [] {
    Dataset ds;
    ds.units.push_back(unit("tinh-02", "Tỉnh Hà Giang", UnitKind::Province));
    ds.overrides = sample_overrides();
    ds.overrides[1].why = "Lý do mới";
    ds.regimes = sample_regimes();
    ds.regimes[1].name = "Tên mới";
    return ds;
  };
  std::vector<Case> cases;
  {
    Dataset bad = with_good_rows();
    bad.overrides[0].why = "  ";
    cases.push_back({"override without a reason", bad, "thiếu lý do"});
  }
  {
    Dataset bad = with_good_rows();
    bad.overrides[0].who.clear();
    cases.push_back({"override without an author", bad, "thiếu người quyết định"});
  }
  {
    Dataset bad = with_good_rows();
    bad.overrides[0].fine = ProgressClass::Deterioration;
    cases.push_back({"fine class outside the group", bad, "không thuộc nhóm"});
  }
  {
    Dataset bad = with_good_rows();
    bad.overrides[0].target = "99";
    cases.push_back({"override of an unknown target", bad, "\"99\""});
  }
  {
    Dataset bad = with_good_rows();
    bad.overrides[0].programme = "khong-co";
    cases.push_back({"override of an unknown programme", bad, "khong-co"});
  }
  {
    Dataset bad = with_good_rows();
    bad.regimes[0].unit_group.reset();
    bad.regimes[0].units.clear();
    cases.push_back({"regime nobody reports under", bad, "đơn vị nào"});
  }
  {
    Dataset bad = with_good_rows();
    bad.regimes[0].indicators.push_back("chi-tieu-la");
    cases.push_back({"regime with an unknown indicator", bad, "chi-tieu-la"});
  }
  {
    Dataset bad = with_good_rows();
    bad.regimes[1].units = {"tinh-99"};
    cases.push_back({"regime with an unknown unit", bad, "tinh-99"});
  }
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      store->apply(c.data, {});
      ADD_FAILURE() << "apply() succeeded";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find(c.mentions), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("Không có thay đổi nào được ghi"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(same_data(store->load_all(), before));
  }
}

// The database itself refuses an override without a reason, even written around dxmon.
TEST_P(StoreConformance, TheSchemaRefusesABlankReason) {
  auto store = open();
  store->apply(full_dataset(), {});
  auto s = scratch_.open_session();
  EXPECT_THROW(s->query("INSERT INTO overrides (programme, target, period_id, report_group, who, why) "
                        "VALUES ('qd942', '07', '2023', 'achieved', 'Ai đó', '')"),
               StoreError);
  EXPECT_THROW(s->query("INSERT INTO overrides (programme, target, period_id, report_group, who, why) "
                        "VALUES ('qd942', '99', '2023', 'achieved', 'Ai đó', 'Có lý do')"),
               StoreError);
  EXPECT_THROW(s->query("INSERT INTO overrides (programme, target, period_id, report_group, who, why) "
                        "VALUES ('qd942', '07', '', 'achieved', 'Ai đó', 'Có lý do')"),
               StoreError);
  EXPECT_TRUE(open()->overrides().empty());
}

// A database of schema version 2 gets the overrides table on open and keeps its regimes.
TEST_P(StoreConformance, AVersionTwoDatabaseIsUpgraded) {
  {
    auto store = open();
    store->apply(full_dataset(), {});
    store->save_regime(sample_regimes()[1]);
  }
  {
    auto s = scratch_.open_session();
    undo_migrations_after(*s, 2);
    EXPECT_EQ(schema_version(*s), 2);
  }
  auto store = open();
  EXPECT_EQ(store->schema_version(), latest_schema_version());
  EXPECT_EQ(store->regimes(), std::vector<ReportingRegime>{sample_regimes()[1]});
  Dataset ds;
  ds.overrides = sample_overrides();
  EXPECT_EQ(store->apply(ds, {}).overrides, counts(2, 0, 0));
}

// ---- relations between indicators (what the checks know), stored like the catalogue ----

std::vector<IndicatorRelation> sample_relations() {
  IndicatorRelation sum{RelationKind::SumOf, "qd942.1.1", {"qd942.2.1"}, {}, "seed 004 line 126"};
  IndicatorRelation denominator{RelationKind::DenominatorGroup, "qd942.2.1", {}, {}, "seed 000 line 119"};
  denominator.group = *parse_unit_selection("ministry;ministry_level_agency");
  IndicatorRelation running{RelationKind::Cumulative, "qd942.1.1", {}, {}, ""};
  running.group = *parse_unit_selection("bo_nganh");
  return {sum, denominator, running};
}

TEST_P(StoreConformance, RelationsAreUpsertedCountedAndLoaded) {
  auto store = open();
  store->apply(full_dataset(), {});
  Dataset ds;
  ds.relations = sample_relations();
  EXPECT_EQ(store->apply(ds, {}).relations, counts(3, 0, 0));
  // Ordered by relation, indicator and parts; every field back.
  const auto r = sample_relations();
  EXPECT_EQ(store->relations(), (std::vector<IndicatorRelation>{r[2], r[1], r[0]}));
  EXPECT_EQ(store->load_all().relations, store->relations());
  EXPECT_FALSE(store->apply(ds, {}).changed_anything());
  EXPECT_EQ(store->apply(ds, {}).relations, counts(0, 0, 3));

  // The same kind, indicator and parts with another group or source is the same relation, updated.
  ds.relations[1].group = *parse_unit_selection("bo_nganh");
  ds.relations[1].source = "sửa";
  EXPECT_EQ(store->apply(ds, {}).relations, counts(0, 1, 2));
  EXPECT_EQ(store->relations()[1], ds.relations[1]);

  // Another set of parts for the same total is another relation.
  Dataset more;
  more.relations = {IndicatorRelation{RelationKind::SumOf, "qd942.1.1", {"qd942.1.1", "qd942.2.1"}, {}, "x"}};
  EXPECT_EQ(store->apply(more, {}).relations, counts(1, 0, 0));
  EXPECT_EQ(store->relations().size(), 4u);

  // An indicator the catalogue does not have: refused, nothing written.
  const Dataset before = store->load_all();
  Dataset bad;
  bad.relations = {IndicatorRelation{RelationKind::SumOf, "qd942.1.1", {"khong-co"}, {}, ""}};
  try {
    store->apply(bad, {});
    ADD_FAILURE() << "a relation with an unknown indicator was stored";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("khong-co"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(same_data(store->load_all(), before));
}

// A database of schema version 4 gets the relations table on open, empty, and keeps its data.
TEST_P(StoreConformance, AVersionFourDatabaseGetsTheRelationsTable) {
  open()->apply(full_dataset(), {});
  {
    auto s = scratch_.open_session();
    undo_migrations_after(*s, 4);
    EXPECT_EQ(schema_version(*s), 4);
  }
  auto store = open();
  EXPECT_EQ(store->schema_version(), latest_schema_version());
  EXPECT_TRUE(store->relations().empty());
  EXPECT_TRUE(same_data(store->load_all(), in_store_order(full_dataset())));
  Dataset ds;
  ds.relations = sample_relations();
  EXPECT_EQ(store->apply(ds, {}).relations, counts(3, 0, 0));
}

// One target judged for several periods: each judgement is its own row, keyed by its period, and
// changing one leaves the others alone.
TEST_P(StoreConformance, OneTargetMayHaveAnOverrideForEachPeriod) {
  auto store = open();
  store->apply(full_dataset(), {});
  Override of2023 = sample_overrides()[0];
  Override of2022 = of2023;
  of2022.period = Period::of_year(2022);
  of2022.group = ReportGroup::NeedsEffort;
  of2022.fine.reset();
  of2022.why = "Đánh giá cuối năm 2022";
  Dataset ds;
  ds.overrides = {of2023, of2022};
  EXPECT_EQ(store->apply(ds, {}).overrides, counts(2, 0, 0));
  EXPECT_EQ(store->overrides("qd942"), (std::vector<Override>{of2022, of2023}));

  Dataset changed;
  of2023.group = ReportGroup::Achieved;
  of2023.fine.reset();
  changed.overrides = {of2023};
  EXPECT_EQ(store->apply(changed, {}).overrides, counts(0, 1, 0));
  EXPECT_EQ(store->overrides("qd942"), (std::vector<Override>{of2022, of2023}));

  // A row without a period is refused like one without a reason.
  Dataset timeless;
  timeless.overrides = {of2023};
  timeless.overrides[0].period = Period{};
  try {
    store->apply(timeless, {});
    ADD_FAILURE() << "an override without a period was stored";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("thiếu kỳ đánh giá"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store->overrides("qd942").size(), 2u);
}

// Version 3 kept one override per target with no period. The upgrade gives each the year before
// its decision date (a report of February 2024 judges 2023) and keeps every other field.
TEST_P(StoreConformance, AVersionThreeDatabaseGivesItsOverridesAPeriod) {
  open()->apply(full_dataset(), {});
  {
    auto s = scratch_.open_session();
    undo_migrations_after(*s, 3);
    s->execute_script(
        "INSERT INTO overrides (programme, target, report_group, fine_class, who, decided_on, why, source) "
        "VALUES ('qd942', '07', 'likely', 'on_track', 'Bộ Thông tin và Truyền thông', '2024-02-16', "
        "'Phân loại in trong Báo cáo số 14/BC-BTTTT', 'seed 000 line 50')");
    EXPECT_EQ(schema_version(*s), 3);
  }
  auto store = open();
  EXPECT_EQ(store->schema_version(), latest_schema_version());
  EXPECT_EQ(store->overrides(), std::vector<Override>{sample_overrides()[0]});
}

// An override of version 3 without a decision date cannot be given a period: the upgrade is
// refused, says which rows and what to do, and leaves the database as it was.
TEST_P(StoreConformance, AnUndatedVersionThreeOverrideBlocksTheUpgrade) {
  open()->apply(full_dataset(), {});
  {
    auto s = scratch_.open_session();
    undo_migrations_after(*s, 3);
    s->execute_script(
        "INSERT INTO overrides (programme, target, report_group, who, why) "
        "VALUES ('qd942', '07', 'likely', 'Bộ Thông tin và Truyền thông', 'Phân loại in trong báo cáo')");
  }
  try {
    open();
    ADD_FAILURE() << "the upgrade went ahead";
  } catch (const StoreError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("số 4"), std::string::npos) << what;
    EXPECT_NE(what.find("qd942/07"), std::string::npos) << what;
    EXPECT_NE(what.find("ngày quyết định"), std::string::npos) << what;
  }
  auto s = scratch_.open_session();
  EXPECT_EQ(schema_version(*s), 3);
  EXPECT_EQ(s->query("SELECT who FROM overrides").size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, testing::Values(Backend::Sqlite, Backend::Postgres),
                         backend_name);

// The store URL forms (SQLite only: the PostgreSQL form is what the suite above opens).
TEST(StoreConformanceUrls, SqlitePrefixAndBarePathOpenTheSameFile) {
  auto path = std::filesystem::temp_directory_path() / ("dxmon-url-" + std::to_string(getpid()) + ".db");
  std::error_code ignored;
  {
    auto store = open_store("sqlite:" + path.string());
    Dataset ds;
    ds.units.push_back(unit("quoc-gia", "Cả nước", UnitKind::National));
    store->apply(ds, {});
  }
  {
    auto store = open_store(path.string());
    EXPECT_EQ(store->units().size(), 1u);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ignored);
  EXPECT_THROW(open_store("sqlite:"), StoreError);
  EXPECT_THROW(open_store("sqlite:/nonexistent-dir-dxmon/x/y.db"), StoreError);
}

}  // namespace
}  // namespace dxmon
