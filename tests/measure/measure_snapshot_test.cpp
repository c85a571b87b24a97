// The state across runs: a snapshot is loaded as the base layer of the dedup table and the next
// ingests go on top of it; what a publish wrote is not written again after a reopen; a file is
// recognised as ingested before by its content, whatever its probe says.
#include <gtest/gtest.h>

#include <fstream>

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

class MeasureSnapshotTest : public testing::MeasureFixture {
 protected:
  std::unique_ptr<Store> store(const std::string& name) {
    auto s = open_store("sqlite:" + (dir_ / name).string());
    Dataset d;
    d.units = units_;
    s->apply(d, {});
    return s;
  }
};

TEST_F(MeasureSnapshotTest, IngestsOnTopOfALoadedSnapshotEqualOneRunOverEverything) {
  auto first = generate("first.csv", 30000, 21);
  auto updates = generate("updates.csv", 45000, 21);       // the same dossiers, many with a newer state
  auto other_year = generate("other.csv", 20000, 22, false, 0, 2025);  // new dossiers
  MeasurementEngine all(dir_ / "all", units_);
  all.ingest(first);
  all.ingest(updates);
  all.ingest(other_year);

  {
    MeasurementEngine e(dir_ / "layered", units_);
    e.ingest(first);
    e.save_snapshot();
  }
  MeasurementEngine layered(dir_ / "layered", units_);
  ASSERT_TRUE(layered.recovery().snapshot_loaded);
  EXPECT_EQ(layered.recovery().replayed_segments, 0);
  layered.ingest(updates);
  layered.ingest(other_year);
  EXPECT_EQ(layered.state().dossiers().size(), all.state().dossiers().size());
  EXPECT_EQ(layered.state().fingerprint(), all.state().fingerprint());
  EXPECT_EQ(measured_observations(layered.state(), true), measured_observations(all.state(), true));

  // A snapshot of the two layers (merged into one table) reloads to the same state, and a rebuild
  // from the log agrees.
  layered.save_snapshot();
  MeasurementEngine reopened(dir_ / "layered", units_);
  ASSERT_TRUE(reopened.recovery().snapshot_loaded);
  EXPECT_EQ(reopened.state().fingerprint(), all.state().fingerprint());
  reopened.rebuild();
  EXPECT_EQ(reopened.state().fingerprint(), all.state().fingerprint());
}

// A snapshot is written in whole pages with O_DIRECT (the table's last partial page through a
// zeroed page), on a disk's file system and on /dev/shm (tmpfs, which refused O_DIRECT before Linux
// 6.6: there the same writes go through the page cache): it reloads to the state that was saved.
TEST_F(MeasureSnapshotTest, ASnapshotReloadsTheSameWithOrWithoutDirectWrites) {
  auto records = generate("r.csv", 20000, 31);
  std::vector<std::filesystem::path> dirs = {dir_ / "direct"};
  if (std::filesystem::is_directory("/dev/shm")) {
    auto scratch = temp_dir("snapshot");
    dirs.push_back(std::filesystem::path("/dev/shm") / scratch.filename());
    std::filesystem::remove_all(scratch);
  }
  for (const auto& d : dirs) {
    std::uint64_t saved = 0;
    {
      MeasurementEngine e(d, units_);
      e.ingest(records);
      std::size_t slots = 0;
      e.state().dossiers().with_slots([&](const DossierState*, std::size_t n) { slots = n; });
      EXPECT_NE(slots * sizeof(DossierState) % 4096, 0u) << "the table should end inside a page";
      saved = e.state().fingerprint();
      e.save_snapshot();
    }
    MeasurementEngine reopened(d, units_);
    EXPECT_TRUE(reopened.recovery().snapshot_loaded) << d;
    EXPECT_EQ(reopened.recovery().replayed_segments, 0) << d;
    EXPECT_EQ(reopened.state().fingerprint(), saved) << d;
  }
  if (dirs.size() > 1) std::filesystem::remove_all(dirs.back());
}

TEST_F(MeasureSnapshotTest, WhatAPublishWroteIsNotWrittenAgainAfterAReopen) {
  auto s = store("store.db");
  auto records = dir_ / "store.db.records";
  ChangeContext ctx;
  ctx.who = "test";
  std::size_t written = 0;
  {
    MeasurementEngine e(records, units_);
    e.ingest(generate("r.csv", 20000, 31));
    e.save_snapshot();  // the snapshot keeps the marks of what is not yet published
    written = static_cast<std::size_t>(e.publish(*s, ctx).observations.inserted);
    EXPECT_GT(written, 0u);
  }
  {
    MeasurementEngine e(records, units_);
    auto again = e.publish(*s, ctx);
    EXPECT_EQ(again.observations.inserted + again.observations.updated + again.observations.unchanged, 0);
  }
  // Without the note of what was published (say it was lost), the marks of the snapshot are written
  // again: the same values, so nothing changes in the store.
  std::filesystem::remove(records / "published");
  MeasurementEngine e(records, units_);
  auto again = e.publish(*s, ctx);
  EXPECT_EQ(again.observations.inserted + again.observations.updated, 0);
  EXPECT_EQ(static_cast<std::size_t>(again.observations.unchanged), written);
}

TEST_F(MeasureSnapshotTest, AFileIsKnownByItsWholeContentNotByItsProbe) {
  // Two files of the same size whose first MiB is the same: the same probe, different content.
  auto big = generate("big.csv", 20000, 41);
  std::string text = read_file(big);
  ASSERT_GT(text.size(), 2u << 20);
  std::string changed = text;
  std::size_t at = changed.find("\nH", 3u << 19);  // a dossier id after the first MiB
  ASSERT_NE(at, std::string::npos);
  changed[at + 6] = changed[at + 6] == '9' ? '8' : '9';  // another dossier, same length
  std::ofstream(dir_ / "changed.csv", std::ios::binary) << changed;
  MeasurementEngine e(dir_ / "records", units_);
  EXPECT_FALSE(e.ingest(big).already_ingested);
  EXPECT_FALSE(e.ingest(dir_ / "changed.csv").already_ingested);
  EXPECT_TRUE(e.ingest(big).already_ingested);
  // The same content in memory (a server's request) is the same file.
  EXPECT_TRUE(e.ingest_content("request", text, RecordFormat::Csv).already_ingested);
  EXPECT_EQ(e.log().segments().size(), 2u);
}

}  // namespace
}  // namespace dxmon::measure
