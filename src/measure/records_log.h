#pragma once
// The records log: dossier records kept exactly as received, append-only, checksummed: the source of
// truth that every aggregate is derived from. One segment file per ingested file:
//   BEGIN block (format, source name, CSV header) · DATA blocks (record lines; NDJSON lines without
//   their keys, compact_lines.h) · COMMIT (counts, content hash).
// Each block is framed by a header with its length and checksum of header and payload, and padded to a
// 4 KiB boundary (written with O_DIRECT). A DATA block's payload starts on the page after its header,
// so that a chunk of the input, read into page-aligned memory, is written from there as it is. The DATA blocks are made durable (fdatasync) before COMMIT
// is written; a segment is acknowledged once its COMMIT is durable too (file and folder). A segment
// without a valid COMMIT (a crash mid-ingest) is removed when the log is opened, so no half file is
// ever used.
#include <sys/uio.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "measure/background_task.h"
#include "measure/compact_lines.h"
#include "measure/page_array.h"

namespace dxmon::measure {

class LogError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BatchMeta {
  std::string format;        // "csv" or "ndjson"
  std::string source;        // the file name as given
  std::uint64_t content_hash = 0;  // of the whole file as read (in COMMIT; older segments: in BEGIN)
  std::uint64_t probe = 0;         // InputFile::probe of the file
  std::string csv_header;    // for CSV: the header line
  std::uint64_t records = 0;  // in COMMIT: accepted records
  std::uint64_t rejects = 0;
};

class RecordsLog {
 public:
  explicit RecordsLog(std::filesystem::path dir);

  const std::filesystem::path& dir() const { return dir_; }
  // Numbers of the segments present, ascending.
  std::vector<std::uint32_t> segments() const;
  std::filesystem::path segment_path(std::uint32_t n) const;

  // Whether segment `n` ends with a valid COMMIT (reads block headers only).
  bool committed(std::uint32_t n) const;
  // Removes an unacknowledged segment at the end of the log (a crash during an ingest). Returns
  // how many were removed. A damaged segment that is not the last one is an error (LogError).
  int recover();

  // A committed segment, mapped and verified (every checksum) before anything is handed out: its
  // meta (with the COMMIT counts and content hash) and its DATA blocks, in order. Each block is
  // followed in the mapping by at least 64 readable bytes (the parsers' padding: a block is always
  // followed by its zero padding and COMMIT). Throws LogError when the segment is damaged.
  class Segment {
   public:
    Segment(const Segment&) = delete;
    Segment& operator=(const Segment&) = delete;
    ~Segment();
    const BatchMeta& meta() const { return meta_; }
    std::size_t block_count() const { return blocks_.size(); }
    // The lines of the i-th DATA block as received: in the mapping, or decoded into `scratch` when
    // the block is compact (compact_lines.h). Either way at least 64 readable bytes follow them.
    // Throws LogError when a compact block does not decode.
    std::string_view lines(std::size_t i, PageArray<char>& scratch) const;

   private:
    friend class RecordsLog;
    Segment() = default;
    struct Block {
      std::string_view payload;
      bool compact = false;
    };
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::filesystem::path path_;
    BatchMeta meta_;
    std::vector<Block> blocks_;
  };
  std::unique_ptr<Segment> open_segment(std::uint32_t n) const;

  // Writing a new segment.
  class Writer {
   public:
    // Blocks being written at once, each by a thread of its own (mostly waiting for the disk): the
    // disk's speed varies (bench/RESULTS.md), and with several writes in flight a slow moment is
    // absorbed instead of holding up the ingest.
    static constexpr int kWritesInFlight = 3;

    Writer(RecordsLog& log, const BatchMeta& meta);
    ~Writer();  // removes the segment unless committed
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    // One DATA block: the pieces (whole lines, rejected ones left out) one after the other. It is
    // written beside the caller, so the pieces must stay untouched until the kWritesInFlight-th call
    // after this one returns (or commit() does). A single page-aligned piece is written straight from
    // where it lies (O_DIRECT, no copy); anything else is copied into a block first.
    void append_pieces(std::vector<std::pair<const char*, std::size_t>> pieces);
    // One DATA block of NDJSON lines without their keys. The writer takes the lines' memory for the
    // write and gives `lines` the memory of a block written earlier, to be started again.
    void append_compact(CompactLines& lines);
    void commit(const BatchMeta& meta);  // COMMIT block, fsync file and folder
    std::uint32_t segment() const { return number_; }

   private:
    using Pieces = std::vector<std::pair<const char*, std::size_t>>;
    // A write in flight and the memory it uses.
    struct Slot {
      BackgroundTask io;         // the write of the slot's last block
      PageArray<char> staging;   // a block assembled from pieces, page-aligned for O_DIRECT
      PageArray<char> pages;     // a DATA block's header page and the page holding its payload's tail
      PageArray<char> held;      // the memory of compact lines being written (append_compact)
    };
    void write_block(std::uint32_t kind, Pieces pieces, PageArray<char>* hand_over = nullptr);
    void write_copied(Slot& slot, std::uint32_t kind, const Pieces& pieces, std::size_t length, std::uint64_t at);
    void write_in_place(Slot& slot, std::uint32_t kind, std::string_view payload, std::uint64_t at);
    void write_at(const iovec* iov, int count, std::uint64_t at);
    void finish_writes();
    RecordsLog& log_;
    std::uint32_t number_;
    int fd_ = -1;
    void sync();  // fdatasync
    std::uint64_t written_ = 0;
    std::uint64_t synced_ = 0;     // written_ when the last background sync started
    std::thread background_sync_;  // an fdatasync while the ingest goes on
    std::atomic<bool> syncing_{false};
    std::atomic<bool> background_sync_failed_{false};
    Slot slots_[kWritesInFlight];
    int next_slot_ = 0;
    bool committed_ = false;
  };

 private:
  std::filesystem::path dir_;
};

}  // namespace dxmon::measure
