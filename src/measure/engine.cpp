#include "measure/engine.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>
#include <thread>
#include <utility>

#include "measure/hash.h"
#include "measure/service_indicators.h"

namespace dxmon::measure {
namespace {

constexpr std::size_t kChunkSize = 32u << 20;
// A snapshot is written once this many records arrived since the last one: loading a snapshot is
// one sequential read, replaying records costs parsing, so the tail is kept short.
constexpr std::uint64_t kSnapshotEvery = 1'000'000;
constexpr std::uint32_t kSnapshotEverySegments = 64;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

void parse_slice(RecordFormat format, const char* begin, const char* end, const CsvLayout* layout,
                 const AgencyTable& agencies, ParseResult& out) {
  if (format == RecordFormat::Csv)
    parse_csv(begin, end, *layout, agencies, 0, out);
  else
    parse_ndjson(begin, end, agencies, 0, out);
}

// Parses a chunk of whole lines in two halves on two threads; line numbers are relative to the
// chunk (0-based) and offsets relative to the chunk's start.
// One write to the records log running beside the main thread. start() waits for the previous
// write, so blocks keep their order; an error in a write is rethrown by the next start() or by
// finish(). The destructor waits too, so no write outlives the segment writer on an exception.
class BackgroundLogWrite {
 public:
  ~BackgroundLogWrite() {
    if (thread_.joinable()) thread_.join();
  }
  void start(std::function<void()> write) {
    finish();
    thread_ = std::thread([this, write = std::move(write)] {
      try {
        write();
      } catch (...) {
        error_ = std::current_exception();
      }
    });
  }
  void finish() {
    if (thread_.joinable()) thread_.join();
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  std::thread thread_;
  std::exception_ptr error_;
};

void parse_chunk(RecordFormat format, std::string_view chunk, const CsvLayout* layout, const AgencyTable& agencies,
                 ParseResult& first, ParseResult& second) {
  const char* begin = chunk.data();
  const char* end = begin + chunk.size();
  const char* mid = end;
  if (chunk.size() > (1u << 20)) {
    mid = begin + chunk.size() / 2;
    const void* nl = std::memchr(mid, '\n', static_cast<std::size_t>(end - mid));
    mid = nl ? static_cast<const char*>(nl) + 1 : end;
  }
  if (mid == end) {
    parse_slice(format, begin, end, layout, agencies, first);
    return;
  }
  std::thread helper([&] { parse_slice(format, mid, end, layout, agencies, second); });
  parse_slice(format, begin, mid, layout, agencies, first);
  helper.join();
  const std::size_t shift = static_cast<std::size_t>(mid - begin);
  for (auto& r : second.rejects) {
    r.line += first.lines;
    r.offset += shift;
  }
}

}  // namespace

std::optional<RecordFormat> format_from_name(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ends_with(name, ".gz")) name.resize(name.size() - 3);
  if (ends_with(name, ".csv")) return RecordFormat::Csv;
  if (ends_with(name, ".ndjson") || ends_with(name, ".jsonl") || ends_with(name, ".json")) return RecordFormat::Ndjson;
  return std::nullopt;
}

std::filesystem::path MeasurementEngine::records_dir_for(const std::string& url) {
  if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) return {};
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  return path + ".records";
}

MeasurementEngine::MeasurementEngine(std::filesystem::path records_dir, const std::vector<ReportingUnit>& units)
    : log_(std::move(records_dir)), units_(units) {
  recovery_.removed_segments = log_.recover();
  recovery_.snapshot_loaded = load_snapshot();
  for (std::uint32_t n : log_.segments()) {
    if (n <= last_segment_) continue;
    replay_segment(n);
    ++recovery_.replayed_segments;
  }
}

std::filesystem::path MeasurementEngine::snapshot_path() const { return log_.dir() / "state.snapshot"; }

bool MeasurementEngine::load_snapshot() {
  state_ = MeasurementState();
  last_segment_ = snapshot_segment_ = 0;
  std::uint32_t seg = 0;
  bool ok = std::filesystem::exists(snapshot_path()) && state_.read_snapshot(snapshot_path().string(), seg);
  auto segs = log_.segments();
  // A snapshot newer than the log (segments lost) cannot be trusted: start from the log alone.
  if (ok && seg > 0 && std::find(segs.begin(), segs.end(), seg) == segs.end()) ok = false;
  if (!ok) {
    state_ = MeasurementState();
    seg = 0;
  }
  state_.agencies().set_catalogue(units_);
  state_.sync_agencies();
  last_segment_ = snapshot_segment_ = seg;
  records_since_snapshot_ = 0;
  return ok;
}

void MeasurementEngine::replay_segment(std::uint32_t n) {
  ApplyTally tally;
  std::optional<CsvLayout> layout;
  std::vector<char> padded;
  std::uint64_t records = 0;
  // DATA blocks hold whole lines, so each one is parsed on its own; the CSV header comes from BEGIN.
  BatchMeta meta = log_.read(n, [&](const BatchMeta& begin, const char* p, std::size_t len) {
    RecordFormat format = begin.format == "ndjson" ? RecordFormat::Ndjson : RecordFormat::Csv;
    if (format == RecordFormat::Csv && !layout) {
      std::string error;
      layout = CsvLayout::from_header(begin.csv_header, error);
      if (!layout) throw LogError("đoạn nhật ký " + log_.segment_path(n).string() + ": " + error);
    }
    padded.resize(len + 64);
    std::memcpy(padded.data(), p, len);
    std::memset(padded.data() + len, 0, 64);
    ParseResult a, b;
    parse_chunk(format, {padded.data(), len}, layout ? &*layout : nullptr, state_.agencies(), a, b);
    // Records rejected now (an agency removed from the catalogue since) are skipped, not fatal.
    state_.apply(a.records, tally);
    state_.apply(b.records, tally);
    records += a.records.size() + b.records.size();
  });
  state_.ingested()[meta.content_hash] = n;
  last_segment_ = n;
  records_since_snapshot_ += records;
}

IngestSummary MeasurementEngine::ingest(const std::filesystem::path& file, const IngestOptions& options) {
  InputFile input(file);
  const std::uint64_t content_hash = input.content_hash();
  auto format = options.format ? options.format : format_from_name(file);
  if (!format) {
    // Sniff: NDJSON lines start with '{'.
    const std::string head = input.head(64);
    format = (!input.gzip() && head.find('{') != std::string::npos &&
              head.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == head.find('{'))
                 ? RecordFormat::Ndjson
                 : RecordFormat::Csv;
  }
  auto reader = read_chunks(input, kChunkSize);
  std::filesystem::path rejects = file;
  rejects += ".rejects";
  return run(file.string(), *reader, *format, content_hash, options, rejects);
}

IngestSummary MeasurementEngine::ingest_content(std::string_view name, std::string_view content, RecordFormat format,
                                                const IngestOptions& options) {
  auto reader = read_chunks(content, kChunkSize);
  IngestOptions o = options;
  o.write_rejects = false;  // a server returns rejects to its caller rather than writing files
  return run(name, *reader, format, hash64(content.data(), content.size()), o, {});
}

IngestSummary MeasurementEngine::run(std::string_view name, ChunkReader& reader, RecordFormat format,
                                     std::uint64_t content_hash, const IngestOptions& options,
                                     const std::filesystem::path& rejects_path) {
  IngestSummary summary;
  summary.file = std::string(name);
  if (state_.ingested().count(content_hash)) {
    summary.already_ingested = true;
    summary.segment = state_.ingested().at(content_hash);
    return summary;
  }
  std::string_view chunk = reader.next();
  BatchMeta meta;
  meta.format = format == RecordFormat::Csv ? "csv" : "ndjson";
  meta.source = one_line(std::string(name));
  meta.content_hash = content_hash;
  std::optional<CsvLayout> layout;
  std::uint64_t line_base = 1;
  if (format == RecordFormat::Csv) {
    std::size_t nl = chunk.find('\n');
    std::string_view header = chunk.substr(0, nl);
    std::string error;
    layout = CsvLayout::from_header(header, error);
    if (!layout) throw IngestError(std::string(name) + ", " + error);
    meta.csv_header = one_line(std::string(header));
    while (!meta.csv_header.empty() && meta.csv_header.back() == ' ') meta.csv_header.pop_back();
    chunk.remove_prefix(nl == std::string_view::npos ? chunk.size() : nl + 1);
    line_base = 2;
  }

  std::ofstream rejects_out;
  if (options.write_rejects) std::filesystem::remove(rejects_path);
  try {
    RecordsLog::Writer writer(log_, meta);
    summary.segment = writer.segment();
    // The log block of a chunk is written by a second thread while the next chunk is read, parsed
    // and applied (the reader keeps a chunk valid for one more call). Blocks stay in file order:
    // a chunk's block starts only after the previous one is written.
    BackgroundLogWrite log_write;
    while (!chunk.empty()) {
      ParseResult first, second;
      parse_chunk(format, chunk, layout ? &*layout : nullptr, state_.agencies(), first, second);
      state_.apply(first.records, summary.tally);
      state_.apply(second.records, summary.tally);
      summary.records += first.records.size() + second.records.size();
      summary.lines += first.lines + second.lines;
      // The log keeps the accepted lines exactly as received.
      std::vector<std::pair<const char*, std::size_t>> pieces;
      std::size_t pos = 0;
      for (const auto* list : {&first.rejects, &second.rejects}) {
        for (const Reject& r : *list) {
          if (r.offset > pos) pieces.emplace_back(chunk.data() + pos, r.offset - pos);
          pos = r.offset + r.length;
          ++summary.rejects;
          if (options.write_rejects) {
            if (!rejects_out.is_open()) {
              rejects_out.open(rejects_path);
              if (!rejects_out) throw IngestError("không tạo được tệp bản ghi bị từ chối " + rejects_path.string());
            }
            rejects_out << "dòng " << (line_base + r.line) << ": " << r.reason << '\n';
          }
        }
      }
      // A last line without a newline followed by more data would glue two records: never the
      // case, since only the file's final line can lack one.
      if (pos < chunk.size()) pieces.emplace_back(chunk.data() + pos, chunk.size() - pos);
      log_write.start([&writer, pieces = std::move(pieces)] { writer.append_pieces(pieces); });
      line_base += first.lines + second.lines;
      if (options.progress) options.progress(reader.consumed(), reader.total());
      chunk = reader.next();
    }
    log_write.finish();
    writer.commit(meta);
  } catch (...) {
    // The in-memory state may hold part of the file: go back to what the log says.
    load_snapshot();
    for (std::uint32_t n : log_.segments())
      if (n > last_segment_) replay_segment(n);
    throw;
  }
  if (rejects_out.is_open()) {
    rejects_out.close();
    summary.rejects_path = rejects_path.string();
  }
  state_.ingested()[content_hash] = summary.segment;
  last_segment_ = summary.segment;
  records_since_snapshot_ += summary.records;
  return summary;
}

void MeasurementEngine::rebuild() {
  std::filesystem::remove(snapshot_path());
  state_ = MeasurementState();
  state_.agencies().set_catalogue(units_);
  state_.sync_agencies();
  last_segment_ = snapshot_segment_ = 0;
  records_since_snapshot_ = 0;
  for (std::uint32_t n : log_.segments()) replay_segment(n);
  state_.touch_all();
}

ApplyResult MeasurementEngine::publish(Store& store, const ChangeContext& ctx, bool everything,
                                       std::vector<Observation>* written) {
  Dataset data;
  data.indicators = service_indicators();
  data.observations = measured_observations(state_, everything);
  ApplyResult result = store.apply(data, ctx);
  state_.clear_touched();
  if (written) *written = std::move(data.observations);
  // Only now, with the observations written, may a snapshot say these segments are done.
  if (last_segment_ != snapshot_segment_ &&
      (records_since_snapshot_ >= kSnapshotEvery || last_segment_ - snapshot_segment_ >= kSnapshotEverySegments))
    save_snapshot();
  return result;
}

void MeasurementEngine::save_snapshot() {
  state_.write_snapshot(snapshot_path().string(), last_segment_);
  snapshot_segment_ = last_segment_;
  records_since_snapshot_ = 0;
}

}  // namespace dxmon::measure
