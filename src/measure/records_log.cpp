#include "measure/records_log.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>

#include "measure/hash.h"

namespace dxmon::measure {
namespace {

constexpr std::uint32_t kMagic = 0x32525844;  // "DXR2"
// kData: a DATA block whose payload follows its header directly (segments written before the paged
// form); kPagedData: the payload starts on the page after the header (payload_offset); kCompactData:
// paged, and the payload is NDJSON lines without their keys (compact_lines.h).
enum BlockKind : std::uint32_t { kBegin = 1, kData = 2, kCommit = 3, kPagedData = 4, kCompactData = 5 };
// Every block is followed by zeros up to the next multiple of kAlign, so that blocks start and end
// on a page: the writer can then use O_DIRECT (no copy into the page cache, which cost a third of a
// big ingest's time).
constexpr std::size_t kAlign = 4096;

std::size_t align_up(std::size_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

// Bytes of records between two syncs of a segment. A sync flushes the disk's write cache, and the
// writes issued meanwhile wait for it: on the virtual disk measured (no FUA, write-back cache) a sync
// after 256 MiB took about 150 ms and held three 16 MiB writes, which otherwise take 4–9 ms, for
// 100–125 ms each (strace). Smaller, more frequent syncs keep the writes flowing: 10M NDJSON records,
// log_wait 1,0–1,4 s → 0,4–0,9 s; CSV 0,26–0,48 s → 0,01–0,04 s (docs/measurement.md).
constexpr std::uint64_t kSyncEvery = 32u << 20;

struct BlockHeader {
  std::uint32_t magic;
  std::uint32_t kind;
  std::uint64_t length;
  std::uint32_t payload_checksum;
  std::uint32_t header_checksum;  // over the 20 bytes before it
};
static_assert(sizeof(BlockHeader) == 24);

// Whether a block's payload starts on the page after its header: the DATA blocks written now.
bool paged(std::uint32_t kind) { return kind == kPagedData || kind == kCompactData; }

// Where a block's payload starts, counted from its header.
std::size_t payload_offset(std::uint32_t kind) { return paged(kind) ? kAlign : sizeof(BlockHeader); }

// Checksums are the low 32 bits of an xxHash (hash.h): several times faster than zlib's CRC-32 on
// gigabytes of records, and as good at catching damage. XXH64 for headers and the small blocks.
std::uint32_t checksum(const void* p, std::size_t n) { return static_cast<std::uint32_t>(hash64(p, n)); }

// A payload's checksum: XXH3 for the paged DATA blocks (gigabytes of them: bulk_hash), XXH64 for
// BEGIN, COMMIT and the DATA blocks of the earlier layout.
std::uint32_t payload_checksum(std::uint32_t kind, const void* p, std::size_t n) {
  return paged(kind) ? static_cast<std::uint32_t>(bulk_hash(p, n)) : checksum(p, n);
}

std::string encode_meta(const BatchMeta& m) {
  std::ostringstream o;
  o << "format=" << m.format << '\n'
    << "source=" << m.source << '\n'
    << "hash=" << std::hex << m.content_hash << std::dec << '\n'
    << "probe=" << std::hex << m.probe << std::dec << '\n'
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
      else if (k == "probe") m.probe = std::stoull(std::string(v), nullptr, 16);
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

// Walks the blocks of a segment; returns false at the first damaged or torn block.
template <typename F>
bool walk(const char* data, std::size_t size, F&& on_block) {
  std::size_t pos = 0;
  while (pos < size) {
    if (size - pos < sizeof(BlockHeader)) return false;
    BlockHeader h;
    std::memcpy(&h, data + pos, sizeof h);
    if (h.magic != kMagic || checksum(&h, 20) != h.header_checksum) return false;
    if (h.kind < kBegin || h.kind > kCompactData) return false;  // written by a newer dxmon: not skipped
    if (payload_offset(h.kind) > size - pos) return false;
    pos += payload_offset(h.kind);
    if (h.length > size - pos) return false;
    if (payload_checksum(h.kind, data + pos, h.length) != h.payload_checksum) return false;
    on_block(h.kind == kPagedData ? kData : h.kind, data + pos, static_cast<std::size_t>(h.length));
    pos = std::min(align_up(pos + h.length), size);
  }
  return true;
}

// Reads `n` bytes at `offset`; false when the file is shorter.
bool read_exactly(int fd, std::uint64_t offset, void* out, std::size_t n) {
  auto* p = static_cast<char*>(out);
  while (n > 0) {
    ssize_t r = ::pread(fd, p, n, static_cast<off_t>(offset));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<std::size_t>(r);
    offset += static_cast<std::uint64_t>(r);
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

bool RecordsLog::committed(std::uint32_t n) const {
  // The writer makes every DATA block durable before it writes COMMIT, so a valid COMMIT at the end
  // proves the whole segment was acknowledged: only block headers and COMMIT are read here (a
  // segment of a big file is gigabytes). Payload checksums are verified when the segment is read.
  int fd = ::open(segment_path(n).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw LogError("không mở được " + segment_path(n).string() + ": " + std::strerror(errno));
  struct stat st {};
  ::fstat(fd, &st);
  const auto size = static_cast<std::uint64_t>(st.st_size);
  bool begun = false, committed = false;
  std::uint64_t pos = 0;
  while (pos < size && !committed) {
    BlockHeader h;
    if (!read_exactly(fd, pos, &h, sizeof h) || h.magic != kMagic || checksum(&h, 20) != h.header_checksum) break;
    if (payload_offset(h.kind) > size - pos) break;
    pos += payload_offset(h.kind);
    if (h.length > size - pos) break;
    if (h.kind == kBegin) begun = true;
    if (h.kind == kCommit) {
      std::string payload(h.length, '\0');
      committed = begun && read_exactly(fd, pos, payload.data(), payload.size()) &&
                  payload_checksum(h.kind, payload.data(), payload.size()) == h.payload_checksum;
    }
    pos = std::min<std::uint64_t>(align_up(pos + h.length), size);
  }
  ::close(fd);
  return committed && pos == size;
}

int RecordsLog::recover() {
  auto segs = segments();
  int removed = 0;
  // Only the last segment can be unacknowledged: an ingest starts by recovering the log.
  if (!segs.empty() && !committed(segs.back())) {
    std::filesystem::remove(segment_path(segs.back()));
    removed = 1;
  }
  if (removed) fsync_dir(dir_);
  return removed;
}

RecordsLog::Segment::~Segment() {
  if (data_) ::munmap(const_cast<char*>(data_), size_);
}

std::unique_ptr<RecordsLog::Segment> RecordsLog::open_segment(std::uint32_t n) const {
  const std::filesystem::path path = segment_path(n);
  std::unique_ptr<Segment> seg(new Segment());
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw LogError("không mở được " + path.string() + ": " + std::strerror(errno));
  struct stat st {};
  ::fstat(fd, &st);
  if (st.st_size > 0) {
    void* m = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      ::close(fd);
      throw LogError("không đọc được " + path.string() + ": " + std::strerror(errno));
    }
    ::madvise(m, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
    seg->data_ = static_cast<const char*>(m);
    seg->size_ = static_cast<std::size_t>(st.st_size);
  }
  ::close(fd);
  BatchMeta commit_meta;
  bool committed = false;
  // Verify the whole segment before handing out any record: nothing is applied from a damaged file.
  bool ok = walk(seg->data_, seg->size_, [&](std::uint32_t kind, const char* p, std::size_t len) {
    if (kind == kBegin) seg->meta_ = decode_meta({p, len});
    if (kind == kData || kind == kCompactData) seg->blocks_.push_back({{p, len}, kind == kCompactData});
    if (kind == kCommit) {
      committed = true;
      commit_meta = decode_meta({p, len});
    }
  });
  if (!ok || !committed)
    throw LogError("đoạn nhật ký " + path.string() +
                   " bị hỏng (sai tổng kiểm tra) — khôi phục tệp này từ bản sao lưu");
  seg->meta_.records = commit_meta.records;
  seg->meta_.rejects = commit_meta.rejects;
  // The content hash is known only once the whole file was read: COMMIT carries it.
  seg->meta_.content_hash = commit_meta.content_hash;
  seg->meta_.probe = commit_meta.probe;
  seg->path_ = path;
  return seg;
}

std::string_view RecordsLog::Segment::lines(std::size_t i, PageArray<char>& scratch) const {
  const Block& block = blocks_.at(i);
  if (!block.compact) return block.payload;
  constexpr std::size_t kPadding = 64;  // the parsers read past the last line (record_parser.h)
  const std::size_t n = decoded_size(block.payload);
  const auto damaged = [&] {
    return LogError("đoạn nhật ký " + path_.string() +
                    " bị hỏng (khối bản ghi rút gọn không giải được) — khôi phục tệp này từ bản sao lưu");
  };
  // A line restored is at most about 12 times its compact form (one short value under the longest
  // key): a size beyond 16 times is damage, and no memory is taken for it.
  if (n == SIZE_MAX || n / 16 > block.payload.size()) throw damaged();
  if (scratch.size() < n + 1 + kPadding) scratch = PageArray<char>(n + n / 8 + 1 + kPadding);
  if (!decode_compact_lines(block.payload, scratch.data())) throw damaged();
  std::memset(scratch.data() + n, 0, kPadding);
  return {scratch.data(), n};
}

RecordsLog::Writer::Writer(RecordsLog& log, const BatchMeta& meta) : log_(log) {
  auto segs = log_.segments();
  number_ = segs.empty() ? 1 : segs.back() + 1;
  const std::string path = log_.segment_path(number_).string();
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_DIRECT, 0644);
  if (fd_ < 0 && errno == EINVAL) {
    // The file system does not do direct I/O (tmpfs): the same aligned blocks, written through the cache.
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  }
  if (fd_ < 0) throw LogError("không tạo được " + path + ": " + std::strerror(errno));
  std::string m = encode_meta(meta);
  write_block(kBegin, {{m.data(), m.size()}});
  finish_writes();  // `m` goes now
}

RecordsLog::Writer::~Writer() {
  for (auto& slot : slots_) slot.io.wait();
  if (background_sync_.joinable()) background_sync_.join();
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(log_.segment_path(number_), ec);
  }
}

void RecordsLog::Writer::finish_writes() {
  for (auto& slot : slots_) slot.io.finish();
}

void RecordsLog::Writer::write_block(std::uint32_t kind, Pieces pieces, PageArray<char>* hand_over) {
  std::size_t length = 0;
  for (const auto& piece : pieces) length += piece.second;
  // Slots in turn: this block's write starts once the write kWritesInFlight blocks ago is done. Their
  // order on disk does not matter: COMMIT is written only once all of them are, and synced.
  Slot& slot = slots_[next_slot_];
  next_slot_ = (next_slot_ + 1) % kWritesInFlight;
  slot.io.finish();
  if (hand_over) slot.held.swap(*hand_over);  // the slot's earlier memory is free now: the caller's
  const std::uint64_t at = written_;
  written_ += align_up(payload_offset(kind) + length);
  const bool in_place = paged(kind) && pieces.size() == 1 &&
                        reinterpret_cast<std::uintptr_t>(pieces[0].first) % kAlign == 0;
  slot.io.start([this, &slot, kind, pieces = std::move(pieces), length, at, in_place] {
    if (in_place)
      write_in_place(slot, kind, {pieces[0].first, length}, at);
    else
      write_copied(slot, kind, pieces, length, at);
  });
  // Sync as the segment grows, on a thread of its own (the writes go on meanwhile), so that the sync
  // before COMMIT, which the ingest waits for, has little left to do.
  if (paged(kind) && written_ - synced_ >= kSyncEvery && !syncing_.load()) {
    if (background_sync_.joinable()) background_sync_.join();
    synced_ = written_;
    syncing_ = true;
    background_sync_ = std::thread([this] {
      if (::fdatasync(fd_) != 0) background_sync_failed_ = true;
      syncing_ = false;
    });
  }
}

// The block assembled in the slot's page-aligned staging memory, which O_DIRECT writes from: the
// small blocks, and DATA with rejected lines left out or not starting on a page.
void RecordsLog::Writer::write_copied(Slot& slot, std::uint32_t kind, const Pieces& pieces, std::size_t length,
                                      std::uint64_t at) {
  const std::size_t padded = align_up(payload_offset(kind) + length);
  if (slot.staging.size() < padded) slot.staging = PageArray<char>(padded + padded / 8);  // chunks vary a little
  char* block = slot.staging.data();
  char* payload = block + payload_offset(kind);
  std::memset(block, 0, payload_offset(kind));
  char* out = payload;
  for (const auto& [p, n] : pieces) out = static_cast<char*>(std::memcpy(out, p, n)) + n;
  std::memset(out, 0, static_cast<std::size_t>(block + padded - out));
  BlockHeader h{kMagic, kind, length, payload_checksum(kind, payload, length), 0};
  h.header_checksum = checksum(&h, 20);
  std::memcpy(block, &h, sizeof h);
  const iovec iov{block, padded};
  write_at(&iov, 1, at);
}

// A DATA block whose payload lies page-aligned in the caller's memory: the header page, the payload's
// whole pages from where they are, and its last partial page copied out with the zeros after it.
// Copying 3,7 GB of NDJSON into staging blocks cost a pass over it and 144 MB of fresh memory.
void RecordsLog::Writer::write_in_place(Slot& slot, std::uint32_t kind, std::string_view payload,
                                        std::uint64_t at) {
  BlockHeader h{kMagic, kind, payload.size(), payload_checksum(kind, payload.data(), payload.size()), 0};
  h.header_checksum = checksum(&h, 20);
  if (slot.pages.size() == 0) slot.pages = PageArray<char>(2 * kAlign);
  char* header_page = slot.pages.data();
  char* tail_page = header_page + kAlign;
  std::memset(header_page, 0, kAlign);
  std::memcpy(header_page, &h, sizeof h);
  const std::size_t whole = payload.size() / kAlign * kAlign;
  const std::size_t tail = payload.size() - whole;
  std::memcpy(tail_page, payload.data() + whole, tail);
  std::memset(tail_page + tail, 0, kAlign - tail);
  iovec iov[3];
  int count = 0;
  iov[count++] = {header_page, kAlign};
  if (whole) iov[count++] = {const_cast<char*>(payload.data()), whole};
  if (tail) iov[count++] = {tail_page, kAlign};
  write_at(iov, count, at);
}

void RecordsLog::Writer::write_at(const iovec* iov, int count, std::uint64_t at) {
  std::vector<iovec> left(iov, iov + count);
  std::size_t first = 0;
  while (first < left.size()) {
    const ssize_t w = ::pwritev(fd_, left.data() + first, static_cast<int>(left.size() - first), static_cast<off_t>(at));
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0)
      throw LogError("không ghi được nhật ký hồ sơ " + log_.segment_path(number_).string() + ": " +
                     (w < 0 ? std::strerror(errno) : "đĩa không nhận thêm dữ liệu"));
    at += static_cast<std::uint64_t>(w);
    for (auto done = static_cast<std::size_t>(w); done > 0;) {  // step over what was written
      const std::size_t n = std::min(done, left[first].iov_len);
      left[first].iov_base = static_cast<char*>(left[first].iov_base) + n;
      left[first].iov_len -= n;
      done -= n;
      if (left[first].iov_len == 0) ++first;
    }
  }
}

void RecordsLog::Writer::sync() {
  if (::fdatasync(fd_) != 0)
    throw LogError("không ghi bền được nhật ký hồ sơ: " + std::string(std::strerror(errno)));
}

void RecordsLog::Writer::append_pieces(Pieces pieces) {
  if (!pieces.empty()) write_block(kPagedData, std::move(pieces));
}

void RecordsLog::Writer::append_compact(CompactLines& lines) {
  if (lines.empty()) return;
  const std::string_view payload = lines.payload();
  write_block(kCompactData, {{payload.data(), payload.size()}}, &lines.buffer());
}

void RecordsLog::Writer::commit(const BatchMeta& meta) {
  finish_writes();
  if (background_sync_.joinable()) background_sync_.join();
  if (background_sync_failed_) throw LogError("không ghi bền được nhật ký hồ sơ (fdatasync)");
  // Records first, then COMMIT: a COMMIT on disk proves the records before it are (see committed()).
  sync();
  std::string m = encode_meta(meta);
  write_block(kCommit, {{m.data(), m.size()}});
  finish_writes();
  sync();
  ::close(fd_);
  fd_ = -1;
  fsync_dir(log_.dir_);
  committed_ = true;
}

}  // namespace dxmon::measure
