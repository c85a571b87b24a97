#include "measure/input_chunks.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "measure/background_task.h"
#include "measure/hash.h"
#include "measure/page_array.h"

namespace dxmon::measure {
namespace {

constexpr std::size_t kPadding = 64;
constexpr std::size_t kReadPiece = 4u << 20;  // compressed input and hashing: read in 4 MiB pieces
constexpr std::size_t kHashPiece = 256u << 10;  // a plain file's chunk: read and hashed in pieces that stay in L2

// A chunk buffer: huge pages (page_array.h), grown only for a line longer than a chunk.
class ChunkBuffer {
 public:
  char* data() { return mem_.data(); }
  std::size_t size() const { return mem_.size(); }
  void ensure(std::size_t n) {
    if (mem_.size() >= n) return;
    PageArray<char> bigger(n);
    if (mem_.size()) std::memcpy(bigger.data(), mem_.data(), mem_.size());
    mem_ = std::move(bigger);
  }

 private:
  PageArray<char> mem_;
};

// Chunk buffers used in turn (kChunkRing: what stays valid while ReadAhead reads the next).
class BufferRing {
 public:
  ChunkBuffer& take() {
    current_ = (current_ + 1) % kChunkRing;
    return bufs_[current_];
  }

 private:
  ChunkBuffer bufs_[kChunkRing];
  int current_ = 0;
};

// Reads the next chunk on a thread of its own while the caller parses the one just returned. Read in
// turn with the parse, a 32 MiB chunk took 7 to 25 ms (from the page cache, or from the disk when
// the cache had lost the file), and the parse, the critical path of an ingest, waited for all of it.
// The content hash is taken on the same thread as the chunk is read.
class ReadAhead : public ChunkReader {
 public:
  // The first chunk is read at once, beside the caller's setup.
  explicit ReadAhead(std::unique_ptr<ChunkReader> inner) : inner_(std::move(inner)) {
    task_.start([this] { fetch(); });
  }
  std::string_view next() override {
    task_.finish();
    const std::string_view chunk = ahead_;
    consumed_ = ahead_consumed_;
    if (!chunk.empty()) task_.start([this] { fetch(); });
    return chunk;
  }
  std::uint64_t consumed() const override { return consumed_; }
  std::uint64_t total() const override { return inner_->total(); }
  std::uint64_t content_hash() const override { return inner_->content_hash(); }

 private:
  void fetch() {
    ahead_ = inner_->next();
    ahead_consumed_ = inner_->consumed();
  }

  std::unique_ptr<ChunkReader> inner_;
  std::string_view ahead_;
  std::uint64_t ahead_consumed_ = 0;
  std::uint64_t consumed_ = 0;
  BackgroundTask task_;  // declared last: waited for before the rest goes
};

// Content already in memory: whole-line slices copied into a padded buffer, which frees the
// parser from caring where the content ends.
class MemoryChunks : public ChunkReader {
 public:
  MemoryChunks(std::string_view content, std::size_t chunk_size) : content_(content), chunk_(chunk_size) {}
  std::string_view next() override {
    if (pos_ >= content_.size()) return {};
    std::size_t end = std::min(content_.size(), pos_ + chunk_);
    if (end < content_.size()) {
      const void* nl = std::memchr(content_.data() + end, '\n', content_.size() - end);
      end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - content_.data()) + 1 : content_.size();
    }
    std::size_t len = end - pos_;
    ChunkBuffer& buf = bufs_.take();
    buf.ensure(len + kPadding);
    std::memcpy(buf.data(), content_.data() + pos_, len);
    std::memset(buf.data() + len, 0, kPadding);
    hash_.update(buf.data(), len);
    pos_ = end;
    return {buf.data(), len};
  }
  std::uint64_t consumed() const override { return pos_; }
  std::uint64_t total() const override { return content_.size(); }
  std::uint64_t content_hash() const override { return hash_.digest(); }

 private:
  std::string_view content_;
  std::size_t chunk_;
  std::size_t pos_ = 0;
  BufferRing bufs_;
  StreamHash hash_;
};

// A plain file: each chunk is read to its last newline; the partial line after it is read again
// at the start of the next chunk (a few hundred bytes per chunk).
class FileChunks : public ChunkReader {
 public:
  FileChunks(const InputFile& file, std::size_t chunk_size) : file_(file), chunk_(chunk_size) {}
  std::string_view next() override {
    ChunkBuffer& buf = bufs_.take();
    while (pos_ < file_.size()) {
      const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(chunk_, file_.size() - pos_));
      buf.ensure(want + kPadding);
      // Read in pieces, each hashed while it is still in the processor's cache: hashing the chunk
      // afterwards read all of it from memory once more. The last piece is hashed only up to the
      // chunk's last newline (what follows is read again with the next chunk).
      const StreamHash at_start = hash_;
      std::size_t last = 0;  // where the last piece starts
      for (std::size_t got = 0; got < want;) {
        const std::size_t n = std::min(kHashPiece, want - got);
        if (file_.read_at(pos_ + got, buf.data() + got, n) != n) throw InputError("tệp bị cắt ngắn trong khi đang đọc");
        last = got;
        got += n;
        if (got < want) hash_.update(buf.data() + last, n);
      }
      std::size_t len = want;
      if (pos_ + want < file_.size()) {
        const void* nl = ::memrchr(buf.data(), '\n', want);
        if (!nl) {  // one line longer than a chunk: read again with a bigger chunk
          hash_ = at_start;
          chunk_ *= 2;
          continue;
        }
        len = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data()) + 1;
      }
      if (len > last) {
        hash_.update(buf.data() + last, len - last);
      } else {  // the last newline lies in an earlier piece (a line longer than a piece)
        hash_ = at_start;
        hash_.update(buf.data(), len);
      }
      std::memset(buf.data() + len, 0, kPadding);
      pos_ += len;
      return {buf.data(), len};
    }
    return {};
  }
  std::uint64_t consumed() const override { return pos_; }
  std::uint64_t total() const override { return file_.size(); }
  std::uint64_t content_hash() const override { return hash_.digest(); }

 private:
  const InputFile& file_;
  std::size_t chunk_;
  std::uint64_t pos_ = 0;
  BufferRing bufs_;
  StreamHash hash_;
};

class GzipChunks : public ChunkReader {
 public:
  GzipChunks(const InputFile& file, std::size_t chunk_size) : file_(file), chunk_(chunk_size), in_(kReadPiece) {
    std::memset(&zs_, 0, sizeof zs_);
    if (inflateInit2(&zs_, 15 + 32) != Z_OK) throw InputError("không khởi tạo được zlib");
  }
  ~GzipChunks() override { inflateEnd(&zs_); }

  std::string_view next() override {
    ChunkBuffer& buf = bufs_.take();
    return fill(buf);
  }
  std::uint64_t consumed() const override { return in_pos_ - zs_.avail_in; }
  std::uint64_t total() const override { return file_.size(); }
  std::uint64_t content_hash() const override { return hash_.digest(); }

 private:
  std::string_view fill(ChunkBuffer& buf) {
    // Start with the incomplete last line left over from the previous chunk.
    std::size_t have = carried_.size();
    buf.ensure(chunk_ + kPadding);
    if (have) std::memcpy(buf.data(), carried_.data(), have);
    carried_.clear();
    while (!done_ && have < chunk_) {
      if (zs_.avail_in == 0 && in_pos_ < file_.size()) {
        const std::size_t got = file_.read_at(in_pos_, in_.data(), in_.size());
        if (got == 0) throw InputError("tệp bị cắt ngắn trong khi đang đọc");
        hash_.update(in_.data(), got);
        in_pos_ += got;
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(got);
      }
      zs_.next_out = reinterpret_cast<Bytef*>(buf.data() + have);
      zs_.avail_out = static_cast<uInt>(chunk_ - have);
      int rc = inflate(&zs_, Z_NO_FLUSH);
      have = chunk_ - zs_.avail_out;
      const bool input_left = zs_.avail_in > 0 || in_pos_ < file_.size();
      if (rc == Z_STREAM_END) {
        // Concatenated gzip members are legal: go on with the next one if input remains.
        if (!input_left)
          done_ = true;
        else
          inflateReset(&zs_);
      } else if (rc == Z_BUF_ERROR && !input_left) {
        throw InputError("tệp gzip bị cắt cụt (thiếu phần cuối)");
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        throw InputError("tệp gzip bị hỏng: " + std::string(zs_.msg ? zs_.msg : "inflate"));
      }
    }
    if (have == 0) return {};
    std::size_t len = have;
    if (!done_) {
      std::size_t k = have;
      while (k > 0 && buf.data()[k - 1] != '\n') --k;
      if (k == 0) {  // one line longer than a chunk: read on with a bigger chunk
        carried_.assign(buf.data(), buf.data() + have);
        chunk_ *= 2;
        return fill(buf);
      }
      carried_.assign(buf.data() + k, buf.data() + have);
      len = k;
    }
    std::memset(buf.data() + len, 0, kPadding);
    return {buf.data(), len};
  }

  const InputFile& file_;
  z_stream zs_;
  std::size_t chunk_;
  std::vector<char> in_;
  std::uint64_t in_pos_ = 0;  // compressed bytes read into in_ so far
  BufferRing bufs_;
  StreamHash hash_;
  std::vector<char> carried_;
  bool done_ = false;
};

}  // namespace

InputFile::InputFile(const std::filesystem::path& path) : path_(path.string()) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw InputError("không mở được tệp " + path_ + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd_);
    throw InputError(path_ + " không phải là tệp thường");
  }
  size_ = static_cast<std::uint64_t>(st.st_size);
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  const std::string magic = head(2);
  gzip_ = magic.size() == 2 && static_cast<unsigned char>(magic[0]) == 0x1f &&
          static_cast<unsigned char>(magic[1]) == 0x8b;
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t InputFile::read_at(std::uint64_t offset, char* out, std::size_t n) const {
  std::size_t done = 0;
  while (done < n) {
    const ssize_t r = ::pread(fd_, out + done, n - done, static_cast<off_t>(offset + done));
    if (r < 0) {
      if (errno == EINTR) continue;
      throw InputError("không đọc được tệp " + path_ + ": " + std::strerror(errno));
    }
    if (r == 0) break;
    done += static_cast<std::size_t>(r);
  }
  return done;
}

std::string InputFile::head(std::size_t n) const {
  std::string s(static_cast<std::size_t>(std::min<std::uint64_t>(n, size_)), '\0');
  s.resize(read_at(0, s.data(), s.size()));
  return s;
}

std::uint64_t InputFile::content_hash() const {
  std::vector<char> piece(kReadPiece);
  StreamHash h;
  for (std::uint64_t at = 0; at < size_;) {
    const std::size_t got = read_at(at, piece.data(), piece.size());
    if (got == 0) throw InputError("tệp bị cắt ngắn trong khi đang đọc");
    h.update(piece.data(), got);
    at += got;
  }
  return h.digest();
}

std::uint64_t InputFile::probe() const { return probe_of(head(kProbeBytes), size_); }

std::uint64_t probe_of(std::string_view head, std::uint64_t size) {
  return hash64(head.substr(0, kProbeBytes), size);
}

std::unique_ptr<ChunkReader> read_chunks(const InputFile& file, std::size_t chunk_size) {
  if (file.gzip()) return std::make_unique<ReadAhead>(std::make_unique<GzipChunks>(file, chunk_size));
  return std::make_unique<ReadAhead>(std::make_unique<FileChunks>(file, chunk_size));
}

std::unique_ptr<ChunkReader> read_chunks(std::string_view content, std::size_t chunk_size) {
  return std::make_unique<ReadAhead>(std::make_unique<MemoryChunks>(content, chunk_size));
}

}  // namespace dxmon::measure
