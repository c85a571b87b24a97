#include "measure/engine.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <future>
#include <utility>

#include "measure/background_task.h"
#include "measure/hash.h"
#include "measure/service_indicators.h"

namespace dxmon::measure {
namespace {

// Chunks of 16 MiB: the reader's ring (kChunkRing) is seven of them, fresh memory that the host
// makes expensive to touch the first time (docs/measurement.md); with 32 MiB chunks the ring was
// 204 MB and a 10M ingest's system time 0,7–3,2 s, with 16 MiB 0,25–0,7 s (interleaved runs).
constexpr std::size_t kChunkSize = 16u << 20;
// A snapshot is written once this many records arrived since the last one: loading a snapshot is
// one sequential read, replaying records costs parsing, so the tail is kept short.
constexpr std::uint64_t kSnapshotEvery = 1'000'000;
constexpr std::uint32_t kSnapshotEverySegments = 64;

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

// Parses a chunk of whole lines; line numbers are relative to the chunk (0-based) and offsets
// relative to its start.
void parse_chunk(RecordFormat format, std::string_view chunk, const CsvLayout* layout, const RecordCatalog& catalog,
                 ParseResult& out) {
  const char* begin = chunk.data();
  const char* end = begin + chunk.size();
  if (format == RecordFormat::Csv)
    parse_csv(begin, end, *layout, catalog, 0, out);
  else
    parse_ndjson(begin, end, catalog, 0, out);
}

// A chunk read and parsed, with how far into the input the reader was.
struct ParsedChunk {
  std::string_view chunk;
  ParseResult parsed;
  std::uint64_t consumed = 0;
};

// The lines of a parsed chunk that were not rejected, as pieces of the chunk.
std::vector<std::pair<const char*, std::size_t>> accepted_lines(const ParsedChunk& c) {
  std::vector<std::pair<const char*, std::size_t>> pieces;
  std::size_t pos = 0;
  for (const Reject& r : c.parsed.rejects) {
    if (r.offset > pos) pieces.emplace_back(c.chunk.data() + pos, r.offset - pos);
    pos = r.offset + r.length;
  }
  // A last line without a newline followed by more data would glue two records: never the case,
  // since only the file's final line can lack one.
  if (pos < c.chunk.size()) pieces.emplace_back(c.chunk.data() + pos, c.chunk.size() - pos);
  return pieces;
}

// The next chunk of an input and how far into it the reader then is; an empty chunk at the end.
using NextChunk = std::function<std::pair<std::string_view, std::uint64_t>()>;

// Chunks being parsed, each on a thread of its own, while the one before them is applied. With one
// chunk ahead (parsed in two halves on two threads) the three threads met after every chunk, and a
// core stood idle whenever the apply or one half finished first: the two cores were about half busy
// during a 10M NDJSON ingest (user + system 4,1 s over 3,9 s). Two chunks ahead, the parsing threads
// go on while the apply catches up.
constexpr int kParseAhead = 2;

// The chunk whose buffer the reader refills is kChunkRing − 1 calls of `next` old. apply_chunks
// calls `next` for chunk k+kParseAhead+1 once chunk k is applied and handed to the records log (the
// reader then starts reading chunk k+kParseAhead+2); the log may still be writing k and the
// kWritesInFlight − 1 chunks before it, and k+1 … k+kParseAhead+1 are being parsed: the oldest chunk
// still in use, k+1−kWritesInFlight, must be newer than the buffer being refilled.
static_assert(kChunkRing >= RecordsLog::Writer::kWritesInFlight + kParseAhead + 2);

// Chunks apply_chunks may be using at once: the one being applied, the ones being parsed and the one
// `next` is reading.
constexpr int kChunksInUse = kParseAhead + 2;

// Applies the records of a stream of chunks to `state` in order, while the next kParseAhead chunks
// are read (`next`) and parsed, so reading, parsing and the dedup table's random accesses overlap;
// `after_apply` runs after each chunk's apply. A chunk must stay valid until the
// (kParseAhead + 1)-th call of `next` after the one that returned it (kChunksInUse). `keep_lines`: NDJSON lines are
// also kept without their keys for the records log (ParseResult::kept).
void apply_chunks(MeasurementState& state, RecordFormat format, const CsvLayout* csv, bool keep_lines,
                  std::pair<std::string_view, std::uint64_t> first, const NextChunk& next,
                  const std::function<void(ParsedChunk&)>& after_apply, ApplyTally& tally, IngestTimes& times) {
  constexpr int kSlots = kParseAhead + 1;
  ParsedChunk chunks[kSlots];  // in turn: the one being applied, then the ones being parsed
  for (ParsedChunk& c : chunks) c.parsed.keep_lines = keep_lines;
  std::future<void> parsing[kSlots];
  // Parsing reads the agency table, which applying does not change, and interns procedures.
  const RecordCatalog catalog{state.agencies(), state.procedures()};
  bool more = true;  // `next` has not yet returned the empty chunk
  // Puts chunk `c` into `slot` and starts its parse; an empty chunk marks the end.
  auto start = [&](int slot, std::pair<std::string_view, std::uint64_t> c) {
    ParsedChunk& p = chunks[slot];
    p.chunk = c.first;
    p.consumed = c.second;
    p.parsed.clear();
    more = !p.chunk.empty();
    if (more) parsing[slot] = std::async(std::launch::async, [&p, format, csv, &catalog] {
      parse_chunk(format, p.chunk, csv, catalog, p.parsed);
    });
  };
  auto start_next = [&](int slot) { start(slot, more ? next() : std::pair<std::string_view, std::uint64_t>{}); };
  start(0, first);
  for (int slot = 1; slot < kSlots; ++slot) start_next(slot);
  for (int k = 0; !chunks[k].chunk.empty(); k = (k + 1) % kSlots) {
    auto t = std::chrono::steady_clock::now();
    parsing[k].get();
    times.parse_wait_ms += ms_since(t);
    t = std::chrono::steady_clock::now();
    state.apply(chunks[k].parsed.records, tally);
    times.apply_ms += ms_since(t);
    after_apply(chunks[k]);
    start_next(k);
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
  restore();
}

void MeasurementEngine::restore() {
  recovery_.snapshot_loaded = load_snapshot();
  recovery_.replayed_segments = 0;
  // The snapshot keeps the agency × months not yet published when it was taken; what a publish
  // wrote since (published_segment) need not be written again.
  const std::uint32_t published = published_segment();
  if (published >= last_segment_) state_.clear_touched();
  for (std::uint32_t n : log_.segments()) {
    if (n <= last_segment_) continue;
    replay_segment(n);
    ++recovery_.replayed_segments;
    if (n <= published) state_.clear_touched();
  }
}

std::filesystem::path MeasurementEngine::published_path() const { return log_.dir() / "published"; }

std::uint32_t MeasurementEngine::published_segment() const {
  std::ifstream in(published_path());
  std::uint32_t n = 0;
  return in >> n ? n : 0;
}

void MeasurementEngine::mark_published() {
  // Not fsync'ed: if it is lost, the next open writes some observations again (unchanged values).
  const std::filesystem::path tmp = published_path().string() + ".tmp";
  {
    std::ofstream out(tmp);
    out << last_segment_ << '\n';
    if (!out) return;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, published_path(), ec);
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
  auto segment = log_.open_segment(n);
  const BatchMeta& meta = segment->meta();
  const RecordFormat format = meta.format == "ndjson" ? RecordFormat::Ndjson : RecordFormat::Csv;
  std::optional<CsvLayout> layout;
  if (format == RecordFormat::Csv) {
    std::string error;
    layout = CsvLayout::from_header(meta.csv_header, error);
    if (!layout) throw LogError("đoạn nhật ký " + log_.segment_path(n).string() + ": " + error);
  }
  // DATA blocks hold whole lines, so each one is a chunk; they are parsed in the mapping itself, or
  // where a compact block was decoded (one buffer for each chunk apply_chunks may still be using).
  PageArray<char> decoded[kChunksInUse];
  std::size_t next_block = 0;
  auto next = [&]() -> std::pair<std::string_view, std::uint64_t> {
    if (next_block == segment->block_count()) return {std::string_view{}, next_block};
    const std::size_t i = next_block++;
    return {segment->lines(i, decoded[i % kChunksInUse]), next_block};
  };
  ApplyTally tally;
  IngestTimes times;
  std::uint64_t records = 0;
  // Records rejected now (an agency removed from the catalogue since) are skipped, not fatal.
  apply_chunks(state_, format, layout ? &*layout : nullptr, false, next(), next,
               [&](const ParsedChunk& c) { records += c.parsed.records.size(); }, tally, times);
  state_.ingested()[meta.content_hash] = n;
  if (meta.probe) state_.probes().insert(meta.probe);
  last_segment_ = n;
  records_since_snapshot_ += records;
}

IngestSummary MeasurementEngine::ingest(const std::filesystem::path& file, const IngestOptions& options) {
  InputFile input(file);
  const std::uint64_t probe = input.probe();
  // Only a file whose probe was seen before can have been ingested: that one is hashed whole first
  // (one more pass); any other file is hashed as it is read.
  if (state_.probes().count(probe)) {
    if (auto done = already_ingested(file.string(), input.content_hash())) return *done;
  }
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
  return run(file.string(), *reader, *format, probe, input.gzip() ? 0 : input.size(), options, rejects);
}

IngestSummary MeasurementEngine::ingest_content(std::string_view name, std::string_view content, RecordFormat format,
                                                const IngestOptions& options) {
  const std::uint64_t probe = probe_of(content.substr(0, kProbeBytes), content.size());
  if (state_.probes().count(probe)) {
    if (auto done = already_ingested(std::string(name), bulk_hash(content))) return *done;
  }
  auto reader = read_chunks(content, kChunkSize);
  IngestOptions o = options;
  o.write_rejects = false;  // a server returns rejects to its caller rather than writing files
  return run(name, *reader, format, probe, content.size(), o, {});
}

std::optional<IngestSummary> MeasurementEngine::already_ingested(const std::string& name,
                                                                 std::uint64_t content_hash) const {
  auto it = state_.ingested().find(content_hash);
  if (it == state_.ingested().end()) return std::nullopt;
  IngestSummary summary;
  summary.file = name;
  summary.already_ingested = true;
  summary.segment = it->second;
  return summary;
}

IngestSummary MeasurementEngine::run(std::string_view name, ChunkReader& reader, RecordFormat format,
                                     std::uint64_t probe, std::uint64_t size_hint, const IngestOptions& options,
                                     const std::filesystem::path& rejects_path) {
  using clock = std::chrono::steady_clock;
  IngestSummary summary;
  summary.file = std::string(name);
  std::string_view chunk = reader.next();
  BatchMeta meta;
  meta.format = format == RecordFormat::Csv ? "csv" : "ndjson";
  meta.source = one_line(std::string(name));
  meta.probe = probe;
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
  // Size the dedup table once for the records the file probably holds (from the first chunk's
  // line length), rather than growing it step by step under a big file.
  if (size_hint > chunk.size() && !chunk.empty()) {
    const auto lines = static_cast<std::uint64_t>(std::count(chunk.begin(), chunk.end(), '\n')) + 1;
    state_.reserve_more(size_hint / std::max<std::uint64_t>(1, chunk.size() / lines));
  }
  std::ofstream rejects_out;
  if (options.write_rejects) std::filesystem::remove(rejects_path);
  try {
    RecordsLog::Writer writer(log_, meta);
    summary.segment = writer.segment();
    auto next = [&]() -> std::pair<std::string_view, std::uint64_t> {
      std::string_view c = reader.next();
      return {c, reader.consumed()};
    };
    const bool ndjson = format == RecordFormat::Ndjson;
    auto after_apply = [&](ParsedChunk& cur) {
      summary.records += cur.parsed.records.size();
      summary.lines += cur.parsed.lines;
      for (const Reject& r : cur.parsed.rejects) {
        ++summary.rejects;
        if (options.write_rejects) {
          if (!rejects_out.is_open()) {
            rejects_out.open(rejects_path);
            if (!rejects_out) throw IngestError("không tạo được tệp bản ghi bị từ chối " + rejects_path.string());
          }
          rejects_out << "dòng " << (line_base + r.line) << ": " << r.reason << '\n';
        }
      }
      // The log keeps the accepted lines as received: CSV lines as they are, NDJSON lines without
      // their keys (the parser has kept them so). Written beside the pipeline of apply_chunks,
      // straight from the chunk (see kChunkRing) or from the compact lines, whose memory the writer takes.
      auto t = clock::now();
      if (ndjson)
        writer.append_compact(cur.parsed.kept);
      else
        writer.append_pieces(accepted_lines(cur));
      summary.times.log_wait_ms += ms_since(t);
      line_base += cur.parsed.lines;
      if (options.progress) options.progress(cur.consumed, reader.total());
    };
    apply_chunks(state_, format, layout ? &*layout : nullptr, ndjson, {chunk, reader.consumed()}, next,
                 after_apply, summary.tally, summary.times);
    auto t = clock::now();
    meta.content_hash = reader.content_hash();
    meta.records = summary.records;
    meta.rejects = summary.rejects;
    writer.commit(meta);
    summary.times.commit_ms = ms_since(t);
  } catch (...) {
    // The in-memory state may hold part of the file: go back to what the log says.
    restore();
    throw;
  }
  if (rejects_out.is_open()) {
    rejects_out.close();
    summary.rejects_path = rejects_path.string();
  }
  state_.ingested()[meta.content_hash] = summary.segment;
  state_.probes().insert(probe);
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
  publish_times_ = {};
  // A due snapshot is written beside the observations: both only read the state. It keeps the
  // agency × months not yet published, so a crash before the store's commit loses nothing.
  const bool snapshot_due =
      last_segment_ != snapshot_segment_ &&
      (records_since_snapshot_ >= kSnapshotEvery || last_segment_ - snapshot_segment_ >= kSnapshotEverySegments);
  BackgroundTask snapshot;
  if (snapshot_due) {
    snapshot.start([this] {
      auto t = std::chrono::steady_clock::now();
      state_.write_snapshot(snapshot_path().string(), last_segment_);
      publish_times_.snapshot_ms = ms_since(t);
    });
  }
  auto t = std::chrono::steady_clock::now();
  Dataset data;
  data.indicators = service_indicators();
  data.observations = measured_observations(state_, everything);
  publish_times_.observations_ms = ms_since(t);
  t = std::chrono::steady_clock::now();
  ApplyResult result = store.apply(data, ctx);
  publish_times_.store_ms = ms_since(t);
  if (snapshot_due) {
    snapshot.finish();
    snapshot_segment_ = last_segment_;
    records_since_snapshot_ = 0;
  }
  state_.clear_touched();
  mark_published();
  if (written) *written = std::move(data.observations);
  return result;
}

void MeasurementEngine::save_snapshot() {
  state_.write_snapshot(snapshot_path().string(), last_segment_);
  snapshot_segment_ = last_segment_;
  records_since_snapshot_ = 0;
}

}  // namespace dxmon::measure
