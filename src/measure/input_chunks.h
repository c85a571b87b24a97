#pragma once
// Reading an input file as chunks of whole lines: pread() into a buffer for plain files, zlib for
// .gz. Every chunk is followed by at least 64 readable bytes, which simdjson needs as padding.
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

// How many chunks a reader keeps in memory: a chunk stays valid until the (kChunkRing − 1)-th call
// of next() after the one that returned it, because the reader reads ahead into the buffer of the
// chunk kChunkRing before the one it reads (read_chunks). Seven: while the records log writes up to
// three chunks, the next is applied, the two after it parsed and the one after those read
// (engine.cpp, kParseAhead).
inline constexpr int kChunkRing = 7;

class ChunkReader {
 public:
  virtual ~ChunkReader() = default;
  // The next chunk of whole lines (the file's last line may lack its newline); empty at the end.
  // Valid until the (kChunkRing − 1)-th call after this one (see kChunkRing).
  virtual std::string_view next() = 0;
  // bulk_hash of the input as stored (compressed bytes for .gz), fed as it is read: the file's content
  // hash once next() has returned the empty chunk.
  virtual std::uint64_t content_hash() const = 0;
  // Bytes of the file consumed so far and in total (compressed bytes for .gz), for progress.
  virtual std::uint64_t consumed() const = 0;
  virtual std::uint64_t total() const = 0;
};

// An input file read with pread(): the kernel copies from its page cache into our buffers, so
// memory does not grow with the file and no page faults are taken (a mapping of a 4 GB file was
// resident at once, and faulting it in page by page cost more than the copy).
class InputFile {
 public:
  explicit InputFile(const std::filesystem::path& path);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  std::uint64_t size() const { return size_; }
  bool gzip() const { return gzip_; }
  // Reads up to `n` bytes at `offset` into `out`; returns how many (fewer only at the end).
  std::size_t read_at(std::uint64_t offset, char* out, std::size_t n) const;
  // The first `n` bytes (fewer if the file is shorter), for sniffing the format.
  std::string head(std::size_t n) const;
  // bulk_hash of the whole content, read in pieces (a separate pass over the file).
  std::uint64_t content_hash() const;
  // A cheap fingerprint: the size and the first MiB (see probe_of). Two files with the same content
  // have the same probe, so a file whose probe was never seen cannot have been ingested.
  std::uint64_t probe() const;

 private:
  std::string path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  bool gzip_ = false;
};

// The probe of content whose first bytes are `head` (at most kProbeBytes) and whose size is `size`.
inline constexpr std::size_t kProbeBytes = 1u << 20;
std::uint64_t probe_of(std::string_view head, std::uint64_t size);

// Chunks of about `chunk_size` bytes from a plain or a gzip file, or from memory. The next chunk is
// read (and the content hash taken) on a thread of its own while the caller works on this one.
std::unique_ptr<ChunkReader> read_chunks(const InputFile& file, std::size_t chunk_size);
std::unique_ptr<ChunkReader> read_chunks(std::string_view content, std::size_t chunk_size);

}  // namespace dxmon::measure
