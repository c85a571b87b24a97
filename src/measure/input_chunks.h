#pragma once
// Reading an input file as chunks of whole lines: a memory mapping for plain files (no copy), zlib
// for .gz. Every chunk is followed by at least 64 readable bytes, which simdjson needs as padding.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dxmon::measure {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ChunkReader {
 public:
  virtual ~ChunkReader() = default;
  // The next chunk of whole lines (the file's last line may lack its newline); empty at the end.
  // Valid until the next call.
  virtual std::string_view next() = 0;
  // Bytes of the file consumed so far and in total (compressed bytes for .gz), for progress.
  virtual std::uint64_t consumed() const = 0;
  virtual std::uint64_t total() const = 0;
};

// The raw bytes of a file, memory-mapped (for hashing and plain reading). Pages are read in as
// they are touched; release() drops the ones a reader has finished with from the process's
// resident memory (they stay in the page cache), so reading a 4 GB file holds a few MB at a time.
class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  const char* data() const { return data_; }
  // Gives back the pages from the one holding `from` to the last whole one before `to` (the caller
  // is done with everything before `to`); reading them again faults them in.
  void release(std::size_t from, std::size_t to) const;
  // hash64 of the whole content, read piecewise and released behind.
  std::uint64_t content_hash() const;
  std::size_t size() const { return size_; }
  bool gzip() const { return size_ >= 2 && static_cast<unsigned char>(data_[0]) == 0x1f &&
                             static_cast<unsigned char>(data_[1]) == 0x8b; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// Chunks of about `chunk_size` bytes from a mapped plain file or a gzip file, or from memory.
std::unique_ptr<ChunkReader> read_chunks(const MappedFile& file, std::size_t chunk_size);
std::unique_ptr<ChunkReader> read_chunks(std::string_view content, std::size_t chunk_size);

}  // namespace dxmon::measure
