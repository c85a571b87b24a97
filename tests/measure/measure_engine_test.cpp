// The measurement engine: latest state wins, re-ingesting changes nothing, rejects, rebuild equality,
// snapshot reload, and observations in a real SQLite store.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <random>
#include <set>
#include <zlib.h>

#include <fstream>
#include <sstream>

#include "measure/counts_export.h"
#include "measure/engine.h"
#include "measure/generator.h"
#include "measure/service_indicators.h"
#include "measure_test_support.h"
#include "store/store.h"

namespace dxmon::measure {
namespace {

using testing::builtin_units;
using testing::read_file;
using testing::temp_dir;

const std::string kHeader =
    "dossier_id,agency,procedure,service_level,channel,status,received_at,due_at,completed_at,updated_at,fee,"
    "paid_online,dossier_digitised,result_digitised,satisfaction\n";

std::string counts_of(const MeasurementEngine& e) {
  std::ostringstream out;
  write_counts_csv(e.state(), out);
  return out.str();
}

const std::int64_t* counters(const MeasurementEngine& e, const std::string& agency, int year, int month) {
  int a = e.state().agencies().find(agency);
  EXPECT_GE(a, 0);
  return e.state().counters(a, month_index(year, month));
}

using MeasureEngineTest = testing::MeasureFixture;

// 2025: the ministries change on 1 March and the provinces merge on 1 July. Every generated record
// names an agency in force on the day its dossier was received, so none is rejected, and both
// the 63 old and the 34 new provinces send dossiers.
TEST_F(MeasureEngineTest, AGeneratedYearAcrossTheMergersHasNoRejects) {
  MeasurementEngine e(dir_ / "records", units_);
  auto s = e.ingest(generate("2025.csv", 60000, 5, false, 0, 2025));
  EXPECT_EQ(s.rejects, 0u);
  EXPECT_GT(s.records, 0u);
  std::map<std::string, const ReportingUnit*> by_code;
  for (const auto& u : units_) by_code[u.code] = &u;
  // Provinces that received dossiers in January and in December, each in force in its month.
  std::set<std::string> january, december;
  for (std::size_t a = 0; a < e.state().agencies().size(); ++a) {
    const auto& code = e.state().agencies().at(static_cast<int>(a)).code;
    const ReportingUnit* u = by_code.at(code);
    if (u->kind != UnitKind::Province && u->kind != UnitKind::CentralCity) continue;
    if (e.state().counters(static_cast<int>(a), month_index(2025, 1))[kReceived] > 0) {
      january.insert(code);
      EXPECT_TRUE(u->valid_on(Date{2025, 1, 31})) << code;
    }
    if (e.state().counters(static_cast<int>(a), month_index(2025, 12))[kReceived] > 0) {
      december.insert(code);
      EXPECT_TRUE(u->valid_on(Date{2025, 12, 1})) << code;
    }
  }
  EXPECT_GT(january.size(), 50u);  // of the 63
  EXPECT_LE(december.size(), 34u);
  EXPECT_GT(december.size(), 25u);
  EXPECT_TRUE(january.count("tinh-46-hue"));  // Huế became a city on 1 January 2025
  EXPECT_FALSE(january.count("tinh-46"));
}

TEST_F(MeasureEngineTest, LatestStateWinsAndOlderStatesAreIgnored) {
  MeasurementEngine e(dir_ / "records", units_);
  // Received in March, then completed on time in April; then a stale "received" state arrives late.
  auto s1 = e.ingest(write("a.csv", kHeader +
                                        "D1,tinh-01,1.000001,toan_trinh,truc_tuyen,tiep_nhan,2024-03-30T09:00:00,"
                                        "2024-04-10T17:00:00,,2024-03-30T09:00:00,0,0,0,0,\n"));
  EXPECT_EQ(s1.tally.new_dossiers, 1u);
  auto s2 = e.ingest(write("b.csv", kHeader +
                                        "D1,tinh-01,1.000001,toan_trinh,truc_tuyen,hoan_thanh,2024-03-30T09:00:00,"
                                        "2024-04-10T17:00:00,2024-04-05T10:00:00,2024-04-05T10:00:00,0,0,1,1,5\n"
                                        "D1,tinh-01,1.000001,toan_trinh,truc_tuyen,dang_xu_ly,2024-03-30T09:00:00,"
                                        "2024-04-10T17:00:00,,2024-04-01T08:00:00,0,0,0,0,\n"));
  EXPECT_EQ(s2.tally.replaced, 1u);
  EXPECT_EQ(s2.tally.stale, 1u);
  const auto* march = counters(e, "tinh-01", 2024, 3);
  const auto* april = counters(e, "tinh-01", 2024, 4);
  EXPECT_EQ(march[kReceived], 1);  // counted once, not once per record
  EXPECT_EQ(march[kDossierDigitised], 1);
  EXPECT_EQ(march[kCompleted], 0);
  EXPECT_EQ(april[kCompleted], 1);
  EXPECT_EQ(april[kOnTime], 1);
  EXPECT_EQ(april[kRatingSum], 5);
  EXPECT_EQ(e.state().dossiers().size(), 1u);

  // Equal updated_at: the record that arrives later wins (here: late, completed after the due date).
  e.ingest(write("c.csv", kHeader +
                              "D1,tinh-01,1.000001,toan_trinh,truc_tiep,hoan_thanh,2024-03-30T09:00:00,"
                              "2024-04-10T17:00:00,2024-04-12T10:00:00,2024-04-05T10:00:00,0,0,1,1,\n"));
  EXPECT_EQ(april[kCompleted], 1);
  EXPECT_EQ(april[kOnTime], 0);
  EXPECT_EQ(april[kRated], 0);
  EXPECT_EQ(march[kOnlineChannel], 0);
  // The same dossier id at another agency is another dossier.
  e.ingest(write("d.csv", kHeader +
                              "D1,tinh-02,1.000001,mot_phan,truc_tuyen,tiep_nhan,2024-03-30T09:00:00,"
                              "2024-04-10T17:00:00,,2024-03-30T09:00:00,0,0,0,0,\n"));
  EXPECT_EQ(e.state().dossiers().size(), 2u);
}

// A replacement takes out and puts back only the parts of a dossier's contribution whose fields
// changed (intake, completion, procedure cell). Whatever changes between the records of a dossier,
// the counters and cells must end as those of the winning states applied alone.
TEST_F(MeasureEngineTest, RandomUpdatesLeaveTheCountsOfTheWinningStates) {
  std::mt19937 rng(20241);
  auto pick = [&](std::initializer_list<const char*> options) {
    return std::string(options.begin()[rng() % options.size()]);
  };
  auto two = [](unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  struct Winner {
    std::string line;
    unsigned updated = 0;
  };
  std::map<std::string, Winner> winners;
  std::string all = kHeader;
  for (int i = 0; i < 4000; ++i) {
    const unsigned n = rng() % 400;
    const std::string id = "R" + std::to_string(n);
    const std::string status = pick({"tiep_nhan", "dang_xu_ly", "hoan_thanh", "tra_lai", "rut"});
    const bool completed = status == "hoan_thanh";
    const std::string fee = pick({"0", "15000"});
    const unsigned updated = rng() % 20;  // few distinct values: ties, which the later record wins
    std::string line = id + "," + (n % 2 ? "tinh-01" : "tinh-02") + "," + pick({"1.000001", "1.000002", "2.000003"}) +
                       "," + pick({"toan_trinh", "mot_phan", "khong_truc_tuyen"}) + "," +
                       pick({"truc_tuyen", "truc_tiep", "buu_chinh"}) + "," + status + ",2024-" +
                       pick({"03", "04"}) + "-" + two(1 + rng() % 28) + "T09:00:00,2024-05-" + two(1 + rng() % 28) + "T17:00:00," +
                       (completed ? "2024-" + pick({"05", "05", "05", "06"}) + "-" + two(1 + rng() % 28) + "T10:00:00" : "") +
                       ",2024-07-" + two(1 + updated) + "T08:00:00," + fee + "," + (fee == "0" ? "0" : pick({"0", "1"})) +
                       "," + pick({"0", "1"}) + "," + (completed ? pick({"0", "1"}) : "0") + "," +
                       (completed ? pick({"", "2", "4", "5"}) : "") + "\n";
    all += line;
    Winner& w = winners[id];
    if (w.line.empty() || updated >= w.updated) w = {line, updated};
  }
  MeasurementEngine every(dir_ / "every", units_);
  auto s = every.ingest(write("every.csv", all));
  ASSERT_EQ(s.rejects, 0u);
  EXPECT_GT(s.tally.replaced, 500u);
  EXPECT_GT(s.tally.stale, 1000u);
  std::string last = kHeader;
  for (const auto& [id, w] : winners) last += w.line;
  MeasurementEngine winning(dir_ / "winning", units_);
  winning.ingest(write("winning.csv", last));
  EXPECT_EQ(counts_of(every), counts_of(winning));
  EXPECT_EQ(every.state().fingerprint(), winning.state().fingerprint());
}

TEST_F(MeasureEngineTest, TheSameFileTwiceChangesNothing) {
  auto file = generate("r.csv", 20000, 7);
  MeasurementEngine e(dir_ / "records", units_);
  auto first = e.ingest(file);
  EXPECT_FALSE(first.already_ingested);
  std::string before = counts_of(e);
  std::uint64_t fp = e.state().fingerprint();
  auto again = e.ingest(file);
  EXPECT_TRUE(again.already_ingested);
  EXPECT_EQ(again.records, 0u);
  EXPECT_EQ(counts_of(e), before);
  EXPECT_EQ(e.state().fingerprint(), fp);
  EXPECT_EQ(e.log().segments().size(), 1u);
  // Also after reopening (the content hash survives in the log and the snapshot).
  MeasurementEngine reopened(dir_ / "records", units_);
  EXPECT_TRUE(reopened.ingest(file).already_ingested);
  EXPECT_EQ(reopened.state().fingerprint(), fp);
}

TEST_F(MeasureEngineTest, BadRecordsGoToTheRejectFileWithLineAndReason) {
  std::string content = kHeader +
      "G1,tinh-01,1.000001,toan_trinh,truc_tuyen,tiep_nhan,2024-03-01T09:00:00,2024-03-10T09:00:00,,2024-03-01T09:00:00,0,0,0,0,\n"
      "B1,tinh-99,1.000001,toan_trinh,truc_tuyen,tiep_nhan,2024-03-01T09:00:00,2024-03-10T09:00:00,,2024-03-01T09:00:00,0,0,0,0,\n"
      "B2,tinh-01,1.000001,toan_trinh,truc_tuyen,tiep_nhan,2024-02-30T09:00:00,2024-03-10T09:00:00,,2024-03-01T09:00:00,0,0,0,0,\n"
      "B3,tinh-01,1.000001,toan_trinh,truc_tuyen,hoan_thanh,2024-03-05T09:00:00,2024-03-10T09:00:00,2024-03-04T09:00:00,2024-03-05T09:00:00,0,0,0,0,\n"
      "\n"
      "B4,tinh-01,1.000001,toan_trinh,fax,tiep_nhan,2024-03-01T09:00:00,2024-03-10T09:00:00,,2024-03-01T09:00:00,0,0,0,0,\n"
      "G2,tinh-01,1.000002,khong_truc_tuyen,truc_tiep,tiep_nhan,2024-03-02T09:00:00,2024-03-10T09:00:00,,2024-03-02T09:00:00,0,0,0,0,\n"
      "B5,tinh-02,1.000001,toan_trinh,truc_tuyen,tiep_nhan,2025-08-01T09:00:00,2025-08-10T09:00:00,,2025-08-01T09:00:00,0,0,0,0,\n"
      "B6,tinh-01,1.000001,toan_trinh,truc_tuyen,tiep_nhan\n";
  auto file = write("mixed.csv", content);
  MeasurementEngine e(dir_ / "records", units_);
  auto s = e.ingest(file);
  EXPECT_EQ(s.records, 2u);
  EXPECT_EQ(s.rejects, 6u);
  ASSERT_FALSE(s.rejects_path.empty());
  std::string rejects = read_file(s.rejects_path);
  EXPECT_NE(rejects.find("dòng 3: đơn vị \"tinh-99\" không có trong danh mục"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find("dòng 4: thời điểm \"2024-02-30T09:00:00\" ở cột received_at không đọc được"), std::string::npos);
  EXPECT_NE(rejects.find("dòng 5: hoàn thành (completed_at 2024-03-04T09:00:00) trước khi tiếp nhận"), std::string::npos);
  EXPECT_NE(rejects.find("dòng 7: giá trị \"fax\" không hợp lệ ở cột channel"), std::string::npos);
  EXPECT_NE(rejects.find("dòng 9: đơn vị \"tinh-02\" không có hiệu lực ngày tiếp nhận 01/08/2025"), std::string::npos);
  EXPECT_NE(rejects.find("dòng 10: có 6 cột, tiêu đề có 15 cột"), std::string::npos);
  EXPECT_EQ(counters(e, "tinh-01", 2024, 3)[kReceived], 2);
  // The log keeps only the accepted lines, as received: a rebuild gives the same state.
  std::uint64_t fp = e.state().fingerprint();
  e.rebuild();
  EXPECT_EQ(e.state().fingerprint(), fp);
}

TEST_F(MeasureEngineTest, NdjsonAndGzipGiveTheSameCountsAsCsv) {
  auto csv = generate("r.csv", 30000, 11);
  auto ndjson = generate("r.ndjson", 30000, 11, true);
  MeasurementEngine a(dir_ / "a", units_), b(dir_ / "b", units_);
  auto sa = a.ingest(csv);
  auto sb = b.ingest(ndjson);
  EXPECT_EQ(sa.records, 30000u);
  EXPECT_EQ(sb.records, 30000u);
  EXPECT_EQ(sb.rejects, 0u);
  EXPECT_EQ(counts_of(a), counts_of(b));
  EXPECT_EQ(a.state().fingerprint(), b.state().fingerprint());
  // The same CSV gzip-compressed.
  auto gz = dir_ / "r.csv.gz";
  gzFile f = gzopen(gz.c_str(), "wb");
  std::string text = read_file(csv);
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  MeasurementEngine c(dir_ / "c", units_);
  EXPECT_EQ(c.ingest(gz).records, 30000u);
  EXPECT_EQ(c.state().fingerprint(), a.state().fingerprint());
}

TEST_F(MeasureEngineTest, RebuildFromTheLogEqualsIncrementalIngests) {
  // Several files whose dossiers re-appear across files with newer states.
  MeasurementEngine e(dir_ / "records", units_);
  for (int i = 0; i < 3; ++i) e.ingest(generate("part" + std::to_string(i) + ".csv", 40000, 100, false));
  // The same seed with a different length: same dossier ids, so later files update earlier dossiers.
  e.ingest(generate("more.ndjson", 60000, 100, true, 0.01));
  std::uint64_t fp = e.state().fingerprint();
  std::string counts = counts_of(e);
  auto observations = measured_observations(e.state(), true);
  e.rebuild();
  EXPECT_EQ(e.state().fingerprint(), fp);
  EXPECT_EQ(counts_of(e), counts);
  EXPECT_EQ(measured_observations(e.state(), true), observations);
  // A snapshot reloads to the same state too.
  e.save_snapshot();
  MeasurementEngine reopened(dir_ / "records", units_);
  EXPECT_TRUE(reopened.recovery().snapshot_loaded);
  EXPECT_EQ(reopened.state().fingerprint(), fp);
}

TEST_F(MeasureEngineTest, GeneratorIsDeterministicForASeed) {
  auto a = read_file(generate("a.csv", 5000, 42));
  auto b = read_file(generate("b.csv", 5000, 42));
  auto c = read_file(generate("c.csv", 5000, 43));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

// The procedure-based counts (services with dossiers, full-online, partial only, online-level and
// used online) of every agency over every period of a generated year, against the same counts taken
// cell by cell from the state, the plain way.
TEST_F(MeasureEngineTest, ServiceCountsEqualACountOverTheCells) {
  MeasurementEngine e(dir_ / "services", units_);
  e.ingest(generate("services.csv", 30000, 41));
  const MeasurementState& state = e.state();
  std::vector<Period> periods = {Period::of_year(2024), Period::of_half(2024, 2), Period::of_nine_months(2024),
                                 Period::of_quarter(2024, 3), Period::of_month(2024, 2)};
  int agencies_with_services = 0;
  for (int a = 0; a < static_cast<int>(state.agencies().size()); ++a) {
    for (const Period& p : periods) {
      // procedure → (any, full, partial, online level, online level used online) within the period
      std::map<std::uint64_t, std::array<bool, 5>> seen;
      state.cells().for_each([&](std::uint64_t key, const ProcedureCell& c) {
        const int month = static_cast<int>(key & 0xFFFF);
        if (static_cast<int>(key >> 48) != a || !c.dossiers || year_of_month_index(month) != p.year) return;
        const int m = month_of_month_index(month);
        bool in = false;
        for (const Period& pm : p.months()) in |= pm.index == m;
        if (!in) return;
        auto& s = seen[(key >> 16) & 0xFFFFFFFF];
        s[0] = true;
        s[1] |= c.full_online > 0;
        s[2] |= c.partial_online > 0;
        s[3] |= c.online_level > 0;
        s[4] |= c.online_level_online > 0;
      });
      ServiceCounts want;
      for (const auto& [procedure, s] : seen) {
        ++want.services;
        if (s[1]) ++want.services_full;
        else if (s[2]) ++want.services_partial_only;
        if (s[3]) ++want.online_services;
        if (s[3] && s[4]) ++want.online_services_used;
      }
      const ServiceCounts got = service_counts(state, a, p);
      EXPECT_EQ(got.services, want.services) << a << " " << p.id();
      EXPECT_EQ(got.services_full, want.services_full) << a << " " << p.id();
      EXPECT_EQ(got.services_partial_only, want.services_partial_only) << a << " " << p.id();
      EXPECT_EQ(got.online_services, want.online_services) << a << " " << p.id();
      EXPECT_EQ(got.online_services_used, want.online_services_used) << a << " " << p.id();
      if (p.type == PeriodType::Year && want.services > 0) ++agencies_with_services;
    }
  }
  EXPECT_GT(agencies_with_services, 50);
}

TEST_F(MeasureEngineTest, IndicatorsAreWrittenToTheStoreAsMeasuredObservations) {
  auto store = open_store("sqlite:" + (dir_ / "s.db").string());
  Dataset units;
  units.units = units_;
  store->apply(units, {});
  MeasurementEngine e(dir_ / "s.db.records", units_);
  e.ingest(write("a.csv", kHeader +
      "D1,tinh-01,1.000001,toan_trinh,truc_tuyen,hoan_thanh,2024-03-01T09:00:00,2024-03-10T09:00:00,2024-03-05T09:00:00,2024-03-05T09:00:00,20000,1,1,1,4\n"
      "D2,tinh-01,1.000002,mot_phan,truc_tiep,hoan_thanh,2024-03-02T09:00:00,2024-03-10T09:00:00,2024-03-12T09:00:00,2024-03-12T09:00:00,20000,0,0,0,2\n"
      "D3,tinh-01,1.000003,khong_truc_tuyen,truc_tiep,tiep_nhan,2024-03-03T09:00:00,2024-03-10T09:00:00,,2024-03-03T09:00:00,0,0,1,0,\n"
      "D4,bo-tttt,1.000001,toan_trinh,truc_tuyen,tiep_nhan,2024-05-03T09:00:00,2024-05-10T09:00:00,,2024-05-03T09:00:00,0,0,0,0,\n"));
  ChangeContext ctx;
  ctx.who = "test";
  auto r = e.publish(*store, ctx);
  EXPECT_GT(r.observations.inserted, 0);
  auto get = [&](const std::string& ind, const std::string& unit, const Period& p) {
    ObservationQuery q;
    q.indicator = ind;
    q.unit = unit;
    q.period = p;
    auto list = store->observations(q);
    EXPECT_EQ(list.size(), 1u) << ind << " " << unit << " " << p.id();
    return list.empty() ? Observation{} : list[0];
  };
  auto online = get("dvc.ho_so_truc_tuyen", "tinh-01", Period::of_month(2024, 3));
  EXPECT_EQ(online.provenance.kind, ProvenanceKind::Measurement);
  EXPECT_EQ(online.provenance.document, std::string(kMeasuredDocument));
  EXPECT_EQ(online.numerator, 1.0);
  EXPECT_EQ(online.denominator, 2.0);
  EXPECT_DOUBLE_EQ(*online.value, 50.0);
  auto on_time = get("dvc.giai_quyet_dung_han", "tinh-01", Period::of_quarter(2024, 1));
  EXPECT_EQ(on_time.numerator, 1.0);
  EXPECT_EQ(on_time.denominator, 2.0);
  auto services = get("dvc.thu_tuc_toan_trinh", "tinh-01", Period::of_year(2024));
  EXPECT_EQ(services.numerator, 1.0);
  EXPECT_EQ(services.denominator, 3.0);
  auto mean = get("dvc.hai_long_diem", "tinh-01", Period::of_month(2024, 3));
  EXPECT_DOUBLE_EQ(*mean.value, 3.0);
  // The nation rolls up counts of every agency, never shares.
  auto nation = get("dvc.so_ho_so", std::string(kNationalUnit), Period::of_year(2024));
  EXPECT_DOUBLE_EQ(*nation.value, 4.0);
  auto nation_online = get("dvc.ho_so_truc_tuyen", std::string(kNationalUnit), Period::of_half(2024, 1));
  EXPECT_EQ(nation_online.numerator, 2.0);
  EXPECT_EQ(nation_online.denominator, 3.0);
  // Publishing again without new records writes nothing new.
  auto again = e.publish(*store, ctx);
  EXPECT_EQ(again.observations.inserted, 0);
  EXPECT_EQ(again.observations.updated, 0);
}

}  // namespace
}  // namespace dxmon::measure
