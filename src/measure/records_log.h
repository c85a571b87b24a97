#pragma once
// The records log: dossier records kept exactly as received, append-only, checksummed: the source of
// truth that every aggregate is derived from. One segment file per ingested file:
//   BEGIN block (format, source name, content hash, CSV header) · DATA blocks (record lines) · COMMIT.
// Each block is framed by a header with its length and CRC-32 of header and payload. A segment is
// acknowledged once its COMMIT block is written and fsync'ed (file and folder); a segment without a
// valid COMMIT (a crash mid-ingest) is removed when the log is opened, so no half file is ever used.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dxmon::measure {

class LogError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BatchMeta {
  std::string format;        // "csv" or "ndjson"
  std::string source;        // the file name as given
  std::uint64_t content_hash = 0;
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

  // Removes an unacknowledged segment at the end of the log (a crash during an ingest). Returns
  // how many were removed. A damaged segment that is not the last one is an error (LogError).
  int recover();

  // Reads a committed segment: calls `data` with the BEGIN meta and each DATA block's payload, in
  // order, after verifying every checksum of the segment. Returns the meta with the COMMIT counts.
  BatchMeta read(std::uint32_t n,
                 const std::function<void(const BatchMeta&, const char*, std::size_t)>& data) const;

  // Writing a new segment.
  class Writer {
   public:
    Writer(RecordsLog& log, const BatchMeta& meta);
    ~Writer();  // removes the segment unless committed
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    // One DATA block: the pieces (whole lines, rejected ones left out) one after the other.
    void append_pieces(const std::vector<std::pair<const char*, std::size_t>>& pieces);
    void commit(const BatchMeta& meta);  // COMMIT block, fsync file and folder
    std::uint32_t segment() const { return number_; }

   private:
    void write_block(std::uint32_t kind, const std::vector<std::pair<const char*, std::size_t>>& pieces);
    RecordsLog& log_;
    std::uint32_t number_;
    int fd_ = -1;
    std::uint64_t written_ = 0;
    bool committed_ = false;
  };

 private:
  bool verify(std::uint32_t n, BatchMeta* meta) const;
  std::filesystem::path dir_;
};

}  // namespace dxmon::measure
