#pragma once
// The automatic-measurement engine: dossier records in, service indicators out.
//
//   records log (truth) ──replay──▶ MeasurementState (dedup + counters) ──▶ observations ──▶ Store
//                         snapshot ◀─┘
//
// ingest(): read and parse chunk k+1 (2 threads) while chunk k is applied to the in-memory state and
// chunk k−1 is appended to the log → fsync the records, then COMMIT (acknowledged) → the caller
// publishes observations → snapshot when due. Opening the engine removes
// an unacknowledged segment, loads the snapshot and replays the committed segments after it.
// See docs/measurement.md for the crash-safety argument.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.h"
#include "measure/measurement_state.h"
#include "measure/record_parser.h"
#include "measure/input_chunks.h"
#include "measure/records_log.h"
#include "store/store.h"

namespace dxmon::measure {

// A whole file refused (unreadable, bad header): nothing of it is taken.
class IngestError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct IngestOptions {
  std::optional<RecordFormat> format;  // default: from the name (.csv, .ndjson/.jsonl/.json; .gz), else sniffed
  bool write_rejects = true;           // FILE.rejects beside the input (removed when there are none)
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

// Where an ingest's time went on the thread that applies records (milliseconds), for --timings.
struct IngestTimes {
  double apply_ms = 0;       // applying parsed records to the state
  double parse_wait_ms = 0;  // waiting for the next chunk to be read and parsed
  double log_wait_ms = 0;    // waiting for the previous block to be written to the log
  double commit_ms = 0;      // making the segment durable and writing COMMIT
};

// Where the last publish's time went (milliseconds), for --timings.
struct PublishTimes {
  double observations_ms = 0;  // computing the observations from the counters
  double store_ms = 0;         // writing them to the store
  double snapshot_ms = 0;      // writing a snapshot, when one was due
};

struct IngestSummary {
  std::string file;
  bool already_ingested = false;  // same content as a file ingested before: nothing changed
  std::uint64_t lines = 0;
  std::uint64_t records = 0;  // accepted
  std::uint64_t rejects = 0;
  ApplyTally tally;
  std::string rejects_path;  // empty when there were none
  std::uint32_t segment = 0;
  IngestTimes times;
};

struct RecoverySummary {
  int removed_segments = 0;     // unacknowledged (crashed) ingests dropped
  int replayed_segments = 0;    // committed segments newer than the snapshot
  bool snapshot_loaded = false;
};

class MeasurementEngine {
 public:
  // `records_dir` holds the log and the snapshot; `units` is the catalogue (agencies that may send).
  MeasurementEngine(std::filesystem::path records_dir, const std::vector<ReportingUnit>& units);

  IngestSummary ingest(const std::filesystem::path& file, const IngestOptions& options = {});
  // For a server: records already in memory (uncompressed), named `name` in messages.
  IngestSummary ingest_content(std::string_view name, std::string_view content, RecordFormat format,
                               const IngestOptions& options = {});

  // Forgets the derived state and recomputes it from the whole log; marks everything to publish.
  void rebuild();

  // Writes the observations of everything touched since the last publish (one Store::apply), then
  // saves a snapshot when enough has changed since the last one. `written`, when given, receives
  // the observations handed to the store (for the checks the ingest runs on them).
  ApplyResult publish(Store& store, const ChangeContext& ctx, bool everything = false,
                      std::vector<Observation>* written = nullptr);

  const PublishTimes& publish_times() const { return publish_times_; }

  void save_snapshot();
  const MeasurementState& state() const { return state_; }
  const RecoverySummary& recovery() const { return recovery_; }
  RecordsLog& log() { return log_; }

  // Where the records of a store live: sqlite:PATH → PATH.records/; otherwise empty (give --records).
  static std::filesystem::path records_dir_for(const std::string& store_url);

 private:
  struct Batch;
  // `size_hint`: the input's size in bytes when known (not for .gz), to size the dedup table.
  IngestSummary run(std::string_view name, ChunkReader& reader, RecordFormat format, std::uint64_t probe,
                    std::uint64_t size_hint, const IngestOptions& options, const std::filesystem::path& rejects_path);
  std::optional<IngestSummary> already_ingested(const std::string& name, std::uint64_t content_hash) const;
  // The state from the snapshot and the log after it (on open, and after a failed ingest).
  void restore();
  void replay_segment(std::uint32_t n);
  bool load_snapshot();
  std::filesystem::path snapshot_path() const;
  // The newest segment whose observations a publish wrote (0: none known), kept in a small file.
  std::filesystem::path published_path() const;
  std::uint32_t published_segment() const;
  void mark_published();

  RecordsLog log_;
  std::vector<ReportingUnit> units_;
  MeasurementState state_;
  std::uint32_t last_segment_ = 0;          // newest segment reflected in the state
  std::uint32_t snapshot_segment_ = 0;      // newest segment reflected in the snapshot
  std::uint64_t records_since_snapshot_ = 0;
  RecoverySummary recovery_;
  PublishTimes publish_times_;
};

std::optional<RecordFormat> format_from_name(const std::filesystem::path& file);

}  // namespace dxmon::measure
