// The records log on its own: blocks padded to pages, a segment acknowledged only by its COMMIT,
// damage found before any record is handed out, and the same files where O_DIRECT is refused.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "measure/hash.h"
#include "measure/records_log.h"
#include "measure_test_support.h"

namespace dxmon::measure {
namespace {

using testing::read_file;
using testing::temp_dir;

// Writes one segment of `blocks` into `log`, committed or not. `from_pages`: each block is handed
// over from page-aligned memory, as the chunks of an input are, which the writer writes in place.
std::uint32_t write_segment(RecordsLog& log, const std::vector<std::string>& blocks, bool commit,
                            bool from_pages = false) {
  BatchMeta meta;
  meta.format = "csv";
  meta.source = "test.csv";
  meta.csv_header = "dossier_id,agency";
  std::vector<PageArray<char>> pages;  // kept until the writer is done with them
  RecordsLog::Writer w(log, meta);
  for (const auto& b : blocks) {
    if (!from_pages) {
      w.append_pieces({{b.data(), b.size()}});
      continue;
    }
    pages.emplace_back(b.size() + 1);
    std::memcpy(pages.back().data(), b.data(), b.size());
    w.append_pieces({{pages.back().data(), b.size()}});
  }
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
  // Blocks of a few bytes, of exactly two pages and of many pages and a bit: more blocks than the
  // writes the writer keeps in flight.
  const std::vector<std::string> blocks = {"A1,tinh-01\nA2,tinh-02\n", std::string(70000, 'x') + "\n",
                                           std::string(8191, 'y') + "\n", "B1,bo-tc\n", "C1,bo-yt\n"};
  for (bool from_pages : {false, true}) {
    std::uint32_t n = write_segment(log, blocks, true, from_pages);
    EXPECT_EQ(std::filesystem::file_size(log.segment_path(n)) % 4096, 0u);  // every block on a page
    EXPECT_TRUE(log.committed(n));
    auto segment = log.open_segment(n);
    EXPECT_EQ(segment->meta().source, "test.csv");
    EXPECT_EQ(segment->meta().csv_header, "dossier_id,agency");
    EXPECT_EQ(segment->meta().content_hash, 0x1234u);
    EXPECT_EQ(segment->meta().probe, 0x5678u);
    ASSERT_EQ(segment->block_count(), blocks.size());
    PageArray<char> scratch;
    for (std::size_t i = 0; i < blocks.size(); ++i) EXPECT_EQ(segment->lines(i, scratch), blocks[i]) << from_pages << i;
  }
}

TEST(RecordsLog, BlocksComeBackAsWritten) {
  auto dir = temp_dir("log");
  check_log_on(dir / "records");
  std::filesystem::remove_all(dir);
}

// tmpfs refused O_DIRECT before Linux 6.6: there the writer falls back to ordinary writes of the
// same blocks (on newer kernels this runs the direct path on tmpfs).
TEST(RecordsLog, WorksWhereDirectWritesAreRefused) {
  if (!std::filesystem::is_directory("/dev/shm")) GTEST_SKIP() << "no /dev/shm on this machine";
  auto dir = std::filesystem::path("/dev/shm") / temp_dir("log").filename();
  check_log_on(dir);
  std::filesystem::remove_all(dir);
}

// Segments written before DATA payloads started on a page of their own (kind 2: the payload right
// after its header) are still read.
TEST(RecordsLog, SegmentsOfTheEarlierLayoutAreStillRead) {
  auto block = [](std::uint32_t kind, std::string_view payload) {
    const std::uint32_t magic = 0x32525844;
    const std::uint64_t length = payload.size();
    const auto payload_checksum = static_cast<std::uint32_t>(hash64(payload));
    std::string b(24, '\0');
    std::memcpy(b.data(), &magic, 4);
    std::memcpy(b.data() + 4, &kind, 4);
    std::memcpy(b.data() + 8, &length, 8);
    std::memcpy(b.data() + 16, &payload_checksum, 4);
    const auto header_checksum = static_cast<std::uint32_t>(hash64(b.data(), 20));
    std::memcpy(b.data() + 20, &header_checksum, 4);
    b += payload;
    b.resize((b.size() + 4095) / 4096 * 4096, '\0');
    return b;
  };
  auto dir = temp_dir("log");
  RecordsLog log(dir / "records");
  std::ofstream(log.segment_path(1), std::ios::binary)
      << block(1, "format=csv\nsource=old.csv\nheader=dossier_id,agency\n") + block(2, "A1,tinh-01\n") +
             block(2, "A2,tinh-02\n") + block(3, "hash=1234\nprobe=5678\nrecords=2\nrejects=0\n");
  EXPECT_TRUE(log.committed(1));
  auto segment = log.open_segment(1);
  EXPECT_EQ(segment->meta().source, "old.csv");
  EXPECT_EQ(segment->meta().content_hash, 0x1234u);
  EXPECT_EQ(segment->meta().records, 2u);
  PageArray<char> scratch;
  ASSERT_EQ(segment->block_count(), 2u);
  EXPECT_EQ(segment->lines(0, scratch), "A1,tinh-01\n");
  EXPECT_EQ(segment->lines(1, scratch), "A2,tinh-02\n");
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
