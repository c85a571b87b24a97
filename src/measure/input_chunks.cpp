#include "measure/input_chunks.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "measure/hash.h"

namespace dxmon::measure {
namespace {

constexpr std::size_t kPadding = 64;

// Plain content: whole-line slices copied into a padded buffer. The copy costs a memcpy per byte
// (fast next to parsing) and frees the parser from caring where the mapping ends.
// When the content is a mapped file, the pages of the chunks already handed out are released.
class PlainChunks : public ChunkReader {
 public:
  PlainChunks(std::string_view content, std::size_t chunk_size, const MappedFile* file = nullptr)
      : content_(content), chunk_(chunk_size), file_(file) {}
  std::string_view next() override {
    if (file_) {
      file_->release(released_, pos_);
      released_ = pos_;
    }
    if (pos_ >= content_.size()) return {};
    std::size_t end = std::min(content_.size(), pos_ + chunk_);
    if (end < content_.size()) {
      const void* nl = std::memchr(content_.data() + end, '\n', content_.size() - end);
      end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - content_.data()) + 1 : content_.size();
    }
    std::size_t len = end - pos_;
    if (buf_.size() < len + kPadding) buf_.resize(len + kPadding);
    std::memcpy(buf_.data(), content_.data() + pos_, len);
    std::memset(buf_.data() + len, 0, kPadding);
    pos_ = end;
    return {buf_.data(), len};
  }
  std::uint64_t consumed() const override { return pos_; }
  std::uint64_t total() const override { return content_.size(); }

 private:
  std::string_view content_;
  std::size_t chunk_;
  const MappedFile* file_;
  std::size_t released_ = 0;  // a page-aligned bound below which nothing is resident any more
  std::size_t pos_ = 0;
  std::vector<char> buf_;
};

class GzipChunks : public ChunkReader {
 public:
  GzipChunks(std::string_view compressed, std::size_t chunk_size, const MappedFile* file = nullptr)
      : total_(compressed.size()), chunk_(chunk_size), file_(file) {
    std::memset(&zs_, 0, sizeof zs_);
    if (inflateInit2(&zs_, 15 + 32) != Z_OK) throw InputError("không khởi tạo được zlib");
    zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    in_left_ = compressed.size();
  }
  ~GzipChunks() override { inflateEnd(&zs_); }

  std::string_view next() override {
    if (file_) {  // the compressed bytes inflated so far are done with
      file_->release(released_, consumed());
      released_ = consumed();
    }
    // Start with the incomplete last line left over from the previous chunk.
    std::size_t have = carried_.size();
    if (buf_.size() < chunk_ + kPadding) buf_.resize(chunk_ + kPadding);
    if (have) std::memcpy(buf_.data(), carried_.data(), have);
    carried_.clear();
    while (!done_ && have < chunk_) {
      if (zs_.avail_in == 0 && in_left_ > 0) {
        uInt piece = static_cast<uInt>(std::min<std::size_t>(in_left_, 1u << 30));
        zs_.avail_in = piece;
        in_left_ -= piece;
      }
      zs_.next_out = reinterpret_cast<Bytef*>(buf_.data() + have);
      zs_.avail_out = static_cast<uInt>(chunk_ - have);
      int rc = inflate(&zs_, Z_NO_FLUSH);
      have = chunk_ - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        // Concatenated gzip members are legal: go on with the next one if input remains.
        if (zs_.avail_in == 0 && in_left_ == 0)
          done_ = true;
        else
          inflateReset(&zs_);
      } else if (rc == Z_BUF_ERROR && zs_.avail_in == 0 && in_left_ == 0) {
        throw InputError("tệp gzip bị cắt cụt (thiếu phần cuối)");
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        throw InputError("tệp gzip bị hỏng: " + std::string(zs_.msg ? zs_.msg : "inflate"));
      }
    }
    if (have == 0) return {};
    std::size_t len = have;
    if (!done_) {
      std::size_t k = have;
      while (k > 0 && buf_[k - 1] != '\n') --k;
      if (k == 0) {  // one line longer than a chunk: read on with a bigger chunk
        carried_.assign(buf_.data(), buf_.data() + have);
        chunk_ *= 2;
        return next();
      }
      carried_.assign(buf_.data() + k, buf_.data() + have);
      len = k;
    }
    std::memset(buf_.data() + len, 0, kPadding);
    return {buf_.data(), len};
  }
  std::uint64_t consumed() const override { return total_ - in_left_ - zs_.avail_in; }
  std::uint64_t total() const override { return total_; }

 private:
  z_stream zs_;
  std::size_t in_left_ = 0;
  std::uint64_t total_;
  std::size_t chunk_;
  std::vector<char> buf_;
  std::vector<char> carried_;
  const MappedFile* file_;
  std::uint64_t released_ = 0;
  bool done_ = false;
};

}  // namespace

MappedFile::MappedFile(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError("không mở được tệp " + path.string() + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw InputError(path.string() + " không phải là tệp thường");
  }
  size_ = static_cast<std::size_t>(st.st_size);
  if (size_ > 0) {
    void* m = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      ::close(fd);
      throw InputError("không đọc được tệp " + path.string() + ": " + std::strerror(errno));
    }
    ::madvise(m, size_, MADV_SEQUENTIAL);
    data_ = static_cast<const char*>(m);
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::release(std::size_t from, std::size_t to) const {
  static const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  to = std::min(to, size_);
  const std::size_t first = from / page * page, last = to / page * page;
  // Read-only private mapping with no written pages: MADV_DONTNEED only unmaps them.
  if (last > first) ::madvise(const_cast<char*>(data_) + first, last - first, MADV_DONTNEED);
}

std::uint64_t MappedFile::content_hash() const {
  constexpr std::size_t kPiece = 32u << 20;
  StreamHash h;
  for (std::size_t at = 0; at < size_; at += kPiece) {
    const std::size_t n = std::min(kPiece, size_ - at);
    h.update(data_ + at, n);
    release(at, at + n);
  }
  return h.digest();
}

std::unique_ptr<ChunkReader> read_chunks(const MappedFile& file, std::size_t chunk_size) {
  std::string_view content(file.data(), file.size());
  if (file.gzip()) return std::make_unique<GzipChunks>(content, chunk_size, &file);
  return std::make_unique<PlainChunks>(content, chunk_size, &file);
}

std::unique_ptr<ChunkReader> read_chunks(std::string_view content, std::size_t chunk_size) {
  return std::make_unique<PlainChunks>(content, chunk_size);
}

}  // namespace dxmon::measure
