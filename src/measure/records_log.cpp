#include "measure/records_log.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>

namespace dxmon::measure {
namespace {

constexpr std::uint32_t kMagic = 0x42525844;  // "DXRB"
enum BlockKind : std::uint32_t { kBegin = 1, kData = 2, kCommit = 3 };

struct BlockHeader {
  std::uint32_t magic;
  std::uint32_t kind;
  std::uint64_t length;
  std::uint32_t payload_crc;
  std::uint32_t header_crc;  // over the 20 bytes before it
};
static_assert(sizeof(BlockHeader) == 24);

std::uint32_t crc(const void* p, std::size_t n, std::uint32_t start = 0) {
  // zlib's crc32 takes a uInt length: feed large payloads in pieces.
  const auto* b = static_cast<const Bytef*>(p);
  uLong c = start;
  while (n > 0) {
    uInt piece = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
    c = crc32(c, b, piece);
    b += piece;
    n -= piece;
  }
  return static_cast<std::uint32_t>(c);
}

std::string encode_meta(const BatchMeta& m) {
  std::ostringstream o;
  o << "format=" << m.format << '\n'
    << "source=" << m.source << '\n'
    << "hash=" << std::hex << m.content_hash << std::dec << '\n'
    << "records=" << m.records << '\n'
    << "rejects=" << m.rejects << '\n'
    << "header=" << m.csv_header << '\n';
  return o.str();
}

BatchMeta decode_meta(std::string_view text) {
  BatchMeta m;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    std::size_t eq = line.find('=');
    if (eq != std::string_view::npos) {
      std::string_view k = line.substr(0, eq), v = line.substr(eq + 1);
      if (k == "format") m.format = v;
      else if (k == "source") m.source = v;
      else if (k == "hash") m.content_hash = std::stoull(std::string(v), nullptr, 16);
      else if (k == "records") m.records = std::stoull(std::string(v));
      else if (k == "rejects") m.rejects = std::stoull(std::string(v));
      else if (k == "header") m.csv_header = v;
    }
    pos = nl + 1;
  }
  return m;
}

void fsync_dir(const std::filesystem::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) throw LogError("không mở được thư mục " + dir.string() + ": " + std::strerror(errno));
  if (::fsync(fd) != 0) {
    ::close(fd);
    throw LogError("không ghi bền được thư mục " + dir.string() + ": " + std::strerror(errno));
  }
  ::close(fd);
}

// A read-only mapping of a whole file.
struct Mapped {
  const char* data = nullptr;
  std::size_t size = 0;
  explicit Mapped(const std::filesystem::path& p) {
    int fd = ::open(p.c_str(), O_RDONLY);
    if (fd < 0) throw LogError("không mở được " + p.string() + ": " + std::strerror(errno));
    struct stat st {};
    ::fstat(fd, &st);
    size = static_cast<std::size_t>(st.st_size);
    if (size > 0) {
      void* m = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (m == MAP_FAILED) {
        ::close(fd);
        throw LogError("không đọc được " + p.string() + ": " + std::strerror(errno));
      }
      ::madvise(m, size, MADV_SEQUENTIAL);
      data = static_cast<const char*>(m);
    }
    ::close(fd);
  }
  ~Mapped() {
    if (data) ::munmap(const_cast<char*>(data), size);
  }
};

// Walks the blocks of a segment; returns false at the first damaged or torn block.
template <typename F>
bool walk(const Mapped& m, F&& on_block) {
  std::size_t pos = 0;
  while (pos < m.size) {
    if (m.size - pos < sizeof(BlockHeader)) return false;
    BlockHeader h;
    std::memcpy(&h, m.data + pos, sizeof h);
    if (h.magic != kMagic || crc(&h, 20) != h.header_crc) return false;
    pos += sizeof h;
    if (h.length > m.size - pos) return false;
    if (crc(m.data + pos, h.length) != h.payload_crc) return false;
    on_block(h.kind, m.data + pos, static_cast<std::size_t>(h.length));
    pos += h.length;
  }
  return true;
}

}  // namespace

RecordsLog::RecordsLog(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw LogError("không tạo được thư mục nhật ký hồ sơ " + dir_.string() + ": " + ec.message());
}

std::vector<std::uint32_t> RecordsLog::segments() const {
  std::vector<std::uint32_t> out;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    auto name = e.path().filename().string();
    if (name.size() == 12 && name.substr(8) == ".seg" &&
        std::all_of(name.begin(), name.begin() + 8, [](char c) { return c >= '0' && c <= '9'; }))
      out.push_back(static_cast<std::uint32_t>(std::stoul(name.substr(0, 8))));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::filesystem::path RecordsLog::segment_path(std::uint32_t n) const {
  char name[32];
  std::snprintf(name, sizeof name, "%08u.seg", n);
  return dir_ / name;
}

bool RecordsLog::verify(std::uint32_t n, BatchMeta* meta) const {
  Mapped m(segment_path(n));
  bool begun = false, committed = false;
  bool ok = walk(m, [&](std::uint32_t kind, const char* p, std::size_t len) {
    if (kind == kBegin) begun = true;
    if (kind == kCommit) {
      committed = true;
      if (meta) *meta = decode_meta({p, len});
    }
  });
  return ok && begun && committed;
}

int RecordsLog::recover() {
  auto segs = segments();
  int removed = 0;
  // Only the last segment can be unacknowledged: an ingest starts by recovering the log.
  if (!segs.empty() && !verify(segs.back(), nullptr)) {
    std::filesystem::remove(segment_path(segs.back()));
    removed = 1;
  }
  if (removed) fsync_dir(dir_);
  return removed;
}

BatchMeta RecordsLog::read(std::uint32_t n,
                           const std::function<void(const BatchMeta&, const char*, std::size_t)>& data) const {
  Mapped m(segment_path(n));
  BatchMeta begin_meta, commit_meta;
  bool committed = false;
  // Verify the whole segment before handing out any record: nothing is applied from a damaged file.
  bool ok = walk(m, [&](std::uint32_t kind, const char* p, std::size_t len) {
    if (kind == kBegin) begin_meta = decode_meta({p, len});
    if (kind == kCommit) {
      committed = true;
      commit_meta = decode_meta({p, len});
    }
  });
  if (!ok || !committed)
    throw LogError("đoạn nhật ký " + segment_path(n).string() +
                   " bị hỏng (sai tổng kiểm tra) — khôi phục tệp này từ bản sao lưu");
  walk(m, [&](std::uint32_t kind, const char* p, std::size_t len) {
    if (kind == kData) data(begin_meta, p, len);
  });
  begin_meta.records = commit_meta.records;
  begin_meta.rejects = commit_meta.rejects;
  return begin_meta;
}

RecordsLog::Writer::Writer(RecordsLog& log, const BatchMeta& meta) : log_(log) {
  auto segs = log_.segments();
  number_ = segs.empty() ? 1 : segs.back() + 1;
  fd_ = ::open(log_.segment_path(number_).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw LogError("không tạo được " + log_.segment_path(number_).string() + ": " + std::strerror(errno));
  std::string m = encode_meta(meta);
  write_block(kBegin, {{m.data(), m.size()}});
}

RecordsLog::Writer::~Writer() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(log_.segment_path(number_), ec);
  }
}

void RecordsLog::Writer::write_block(std::uint32_t kind,
                                     const std::vector<std::pair<const char*, std::size_t>>& pieces) {
  BlockHeader h{kMagic, kind, 0, 0, 0};
  std::uint32_t c = 0;
  for (const auto& [p, n] : pieces) {
    h.length += n;
    c = crc(p, n, c);
  }
  h.payload_crc = c;
  h.header_crc = crc(&h, 20);
  auto write_all = [&](const char* p, std::size_t n) {
    while (n > 0) {
      ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        throw LogError("không ghi được nhật ký hồ sơ " + log_.segment_path(number_).string() + ": " +
                       std::strerror(errno));
      }
      p += w;
      n -= static_cast<std::size_t>(w);
    }
  };
  write_all(reinterpret_cast<const char*>(&h), sizeof h);
  for (const auto& [p, n] : pieces) write_all(p, n);
  std::uint64_t start = written_;
  written_ += sizeof h + h.length;
  // Start writing back now so the final fsync has little left to do.
  ::sync_file_range(fd_, static_cast<off_t>(start), static_cast<off_t>(written_ - start), SYNC_FILE_RANGE_WRITE);
}

void RecordsLog::Writer::append_pieces(const std::vector<std::pair<const char*, std::size_t>>& pieces) {
  if (!pieces.empty()) write_block(kData, pieces);
}

void RecordsLog::Writer::commit(const BatchMeta& meta) {
  std::string m = encode_meta(meta);
  write_block(kCommit, {{m.data(), m.size()}});
  if (::fdatasync(fd_) != 0)
    throw LogError("không ghi bền được nhật ký hồ sơ: " + std::string(std::strerror(errno)));
  ::close(fd_);
  fd_ = -1;
  fsync_dir(log_.dir_);
  committed_ = true;
}

}  // namespace dxmon::measure
