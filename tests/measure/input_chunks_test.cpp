// Reading input files in chunks of whole lines: plain files through pread, gzip through zlib.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "measure/hash.h"
#include "measure/input_chunks.h"

namespace dxmon::measure {
namespace {

namespace fs = std::filesystem;

class InputChunks : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dxmon-chunks-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return dir_ / name;
  }
  fs::path write_gzip_members(const std::string& name, const std::vector<std::string>& members) {
    fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    for (const auto& m : members) {
      z_stream zs{};
      deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
      std::string buf(compressBound(static_cast<uLong>(m.size())) + 64, '\0');
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(m.data()));
      zs.avail_in = static_cast<uInt>(m.size());
      zs.next_out = reinterpret_cast<Bytef*>(buf.data());
      zs.avail_out = static_cast<uInt>(buf.size());
      deflate(&zs, Z_FINISH);
      out.write(buf.data(), static_cast<std::streamsize>(zs.total_out));
      deflateEnd(&zs);
    }
    return p;
  }
  // Every chunk, concatenated; fails if a chunk (but the last) does not end a line.
  static std::string read_all(ChunkReader& r) {
    std::string all;
    for (std::string_view c = r.next(); !c.empty(); c = r.next()) {
      EXPECT_EQ(c.data()[c.size()], '\0') << "padding";
      all += c;
      if (r.consumed() < r.total()) {
        EXPECT_EQ(c.back(), '\n') << c;
      }
    }
    return all;
  }
  fs::path dir_;
};

const std::string kText =
    "ma_ho_so,co_quan\n1,a\n22,bb\n" + std::string(100, 'x') + "\n333,ccc\nkhông có dòng mới ở cuối";

TEST_F(InputChunks, PlainFileInTinyChunksComesBackWhole) {
  InputFile f(write("r.csv", kText));
  EXPECT_FALSE(f.gzip());
  EXPECT_EQ(f.head(8), "ma_ho_so");
  EXPECT_EQ(f.content_hash(), bulk_hash(kText));
  for (std::size_t chunk : {1u, 7u, 16u, 1000u}) {  // 100-byte line: longer than most chunks
    auto r = read_chunks(f, chunk);
    EXPECT_EQ(read_all(*r), kText) << chunk;
    EXPECT_EQ(r->consumed(), kText.size());
  }
}

// Every chunk is read and hashed ahead, on a thread of its own, while the caller works on the one
// before: the bytes and the content hash must be those of the file, in order.
TEST_F(InputChunks, ChunksHashedAsideComeBackWholeWithTheFilesHash) {
  std::string text;
  for (int i = 0; text.size() < (21u << 20); ++i) text += std::to_string(i) + ",cơ quan " + std::to_string(i % 97) + "\n";
  text += "dòng cuối không có dòng mới";
  InputFile f(write("big.csv", text));
  for (std::size_t chunk : {std::size_t{3} << 20, std::size_t{8} << 20, std::size_t{9} << 20 | 12345}) {
    auto r = read_chunks(f, chunk);
    EXPECT_TRUE(read_all(*r) == text) << chunk;
    EXPECT_EQ(r->content_hash(), bulk_hash(text)) << chunk;
    auto m = read_chunks(text, chunk);
    EXPECT_TRUE(read_all(*m) == text) << chunk;
    EXPECT_EQ(m->content_hash(), bulk_hash(text)) << chunk;
  }
}

// A plain file's chunk is read and hashed in pieces of 256 KiB; the last piece is hashed only up to
// the chunk's last newline. Lines longer than a piece put that newline in an earlier piece, and a
// line longer than the chunk makes the chunk grow: the hash must still be the file's.
TEST_F(InputChunks, LinesLongerThanAHashPieceOrAChunkKeepTheFilesHash) {
  std::string text;
  for (int i = 0; i < 12; ++i) text += std::string(300u << 10 | static_cast<unsigned>(i) * 4099u, 'a' + i) + "\n";
  text += std::string(3u << 20, 'z') + "\nđuôi";
  InputFile f(write("long-lines.ndjson", text));
  for (std::size_t chunk : {std::size_t{700} << 10, std::size_t{1} << 20, std::size_t{2} << 20 | 777}) {
    auto r = read_chunks(f, chunk);
    EXPECT_TRUE(read_all(*r) == text) << chunk;
    EXPECT_EQ(r->content_hash(), bulk_hash(text)) << chunk;
  }
}

// The contract of ChunkReader::next(): a chunk stays as it was through the kChunkRing − 2 calls after
// the one that returned it, although the reader already reads further ahead (the records log writes
// from the chunk meanwhile).
TEST_F(InputChunks, AChunkStaysValidUntilItsBufferComesRound) {
  std::string text;
  for (int i = 0; text.size() < (2u << 20); ++i) text += "dòng " + std::to_string(i) + "\n";
  InputFile f(write("valid.csv", text));
  auto r = read_chunks(f, 64u << 10);
  std::vector<std::string_view> chunks;
  std::vector<std::string> copies;
  for (std::string_view c = r->next(); !c.empty(); c = r->next()) {
    chunks.push_back(c);
    copies.emplace_back(c);
    if (chunks.size() >= kChunkRing - 1) {
      const std::size_t k = chunks.size() - (kChunkRing - 1);  // returned kChunkRing − 2 calls before this one
      ASSERT_TRUE(chunks[k] == copies[k]) << k;
    }
  }
  EXPECT_GT(chunks.size(), 10u);
}

TEST_F(InputChunks, GzipWithTwoMembersAndATruncatedOne) {
  InputFile f(write_gzip_members("r.csv.gz", {kText.substr(0, 30), kText.substr(30)}));
  EXPECT_TRUE(f.gzip());
  auto r = read_chunks(f, 8);
  EXPECT_EQ(read_all(*r), kText);
  EXPECT_EQ(r->consumed(), f.size());

  const std::string whole = [&] {
    std::ifstream in(dir_ / "r.csv.gz", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  InputFile cut(write("cut.csv.gz", whole.substr(0, whole.size() - 10)));
  auto broken = read_chunks(cut, 1 << 20);
  EXPECT_THROW(read_all(*broken), InputError);
}

TEST_F(InputChunks, MissingFileAndDirectoryAreRefused) {
  EXPECT_THROW(InputFile(dir_ / "absent.csv"), InputError);
  EXPECT_THROW(InputFile{dir_}, InputError);
}

}  // namespace
}  // namespace dxmon::measure
