// The records log on its own: blocks padded to pages, a segment acknowledged only by its COMMIT,
// damage found before any record is handed out, and the same files where O_DIRECT is refused.
#include <gtest/gtest.h>

#include <fstream>

#include "measure/records_log.h"
#include "measure_test_support.h"

namespace dxmon::measure {
namespace {

using testing::read_file;
using testing::temp_dir;

// Writes one segment of `blocks` into `log`, committed or not.
std::uint32_t write_segment(RecordsLog& log, const std::vector<std::string>& blocks, bool commit) {
  BatchMeta meta;
  meta.format = "csv";
  meta.source = "test.csv";
  meta.csv_header = "dossier_id,agency";
  RecordsLog::Writer w(log, meta);
  for (const auto& b : blocks) w.append_pieces({{b.data(), b.size()}});
  meta.content_hash = 0x1234;
  meta.probe = 0x5678;
  meta.records = blocks.size();
  if (commit) w.commit(meta);
  std::uint32_t n = w.segment();
  if (!commit) {
    // Leave the torn segment behind, as a crash would: copy it before the writer removes it.
    std::filesystem::copy_file(log.segment_path(n), log.dir() / "torn");
  }
  return n;
}

void check_log_on(const std::filesystem::path& dir) {
  RecordsLog log(dir);
  const std::vector<std::string> blocks = {"A1,tinh-01\nA2,tinh-02\n", std::string(70000, 'x') + "\n", "B1,bo-tc\n"};
  std::uint32_t n = write_segment(log, blocks, true);
  EXPECT_EQ(std::filesystem::file_size(log.segment_path(n)) % 4096, 0u);  // every block on a page
  EXPECT_TRUE(log.committed(n));
  auto segment = log.open_segment(n);
  EXPECT_EQ(segment->meta().source, "test.csv");
  EXPECT_EQ(segment->meta().csv_header, "dossier_id,agency");
  EXPECT_EQ(segment->meta().content_hash, 0x1234u);
  EXPECT_EQ(segment->meta().probe, 0x5678u);
  ASSERT_EQ(segment->blocks().size(), blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) EXPECT_EQ(segment->blocks()[i], blocks[i]);
}

TEST(RecordsLog, BlocksComeBackAsWritten) {
  auto dir = temp_dir("log");
  check_log_on(dir / "records");
  std::filesystem::remove_all(dir);
}

// tmpfs refuses O_DIRECT: the writer falls back to ordinary writes of the same blocks.
TEST(RecordsLog, WorksWhereDirectWritesAreRefused) {
  if (!std::filesystem::is_directory("/dev/shm")) GTEST_SKIP() << "no /dev/shm on this machine";
  auto dir = std::filesystem::path("/dev/shm") / temp_dir("log").filename();
  check_log_on(dir);
  std::filesystem::remove_all(dir);
}

TEST(RecordsLog, ASegmentWithoutCommitIsRemovedOnRecovery) {
  auto dir = temp_dir("log");
  RecordsLog log(dir / "records");
  write_segment(log, {"A1,tinh-01\n"}, true);
  std::uint32_t torn = write_segment(log, {"B1,tinh-01\n", "B2,tinh-01\n"}, false);
  std::filesystem::rename(log.dir() / "torn", log.segment_path(torn));
  EXPECT_FALSE(log.committed(torn));
  EXPECT_EQ(log.recover(), 1);
  EXPECT_EQ(log.segments(), std::vector<std::uint32_t>{1});
  // A segment cut short inside its COMMIT (the last page: a COMMIT is one page with its padding) is
  // not committed either.
  std::uint32_t n = write_segment(log, {"C1,tinh-01\n"}, true);
  std::string bytes = read_file(log.segment_path(n));
  std::ofstream(log.segment_path(n), std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 4096 + 30);
  EXPECT_FALSE(log.committed(n));
  EXPECT_EQ(log.recover(), 1);
  std::filesystem::remove_all(dir);
}

TEST(RecordsLog, ADamagedRecordIsFoundBeforeAnyIsHandedOut) {
  auto dir = temp_dir("log");
  RecordsLog log(dir / "records");
  std::uint32_t n = write_segment(log, {"A1,tinh-01\n", "A2,tinh-02\n"}, true);
  std::string bytes = read_file(log.segment_path(n));
  std::size_t at = bytes.find("A2,tinh-02");
  ASSERT_NE(at, std::string::npos);
  bytes[at + 1] = '3';  // one digit flipped on disk
  std::ofstream(log.segment_path(n), std::ios::binary | std::ios::trunc) << bytes;
  // The COMMIT is intact, so the segment counts as acknowledged; reading it finds the damage.
  EXPECT_TRUE(log.committed(n));
  EXPECT_THROW(log.open_segment(n), LogError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dxmon::measure
