// `dxmon ingest FILE…`: takes dossier records in, and writes the measured indicators to the store.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/findings_print.h"
#include "cli/records_location.h"
#include "measure/counts_export.h"
#include "measure/engine.h"
#include "measure/service_indicators.h"
#include "text/number.h"

namespace dxmon::cli {
namespace {

struct IngestCliOptions {
  std::vector<std::string> files;
  std::string records;
  std::string format;
  std::string counts;
  bool timings = false;
};

// A progress bar on stderr, drawn only when stderr is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(std::string label) : label_(std::move(label)), enabled_(::isatty(2)) {}
  ~ProgressBar() {
    if (drawn_) std::fputs("\r\033[K", stderr);
  }
  void update(std::uint64_t done, std::uint64_t total) {
    if (!enabled_ || total == 0) return;
    int percent = static_cast<int>(100 * done / total);
    if (percent == last_) return;
    last_ = percent;
    drawn_ = true;
    int filled = percent * 30 / 100;
    std::fprintf(stderr, "\r%s [%.*s%*s] %3d%%", label_.c_str(), filled * 3,
                 "██████████████████████████████████████████████████████████████████████████████████████████",
                 30 - filled, "", percent);
    std::fflush(stderr);
  }

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  int last_ = -1;
};

void run_ingest(const GlobalOptions& global, const IngestCliOptions& opt) {
  using clock = std::chrono::steady_clock;
  auto t0 = clock::now();
  std::optional<measure::RecordFormat> format;
  if (opt.format == "csv") format = measure::RecordFormat::Csv;
  else if (opt.format == "ndjson") format = measure::RecordFormat::Ndjson;
  else if (!opt.format.empty())
    throw CommandFailure(kExitUsage, "--format \"" + opt.format + "\" không có — dùng csv hoặc ndjson");
  for (const auto& f : opt.files)
    if (!std::filesystem::exists(f)) throw CommandFailure(kExitNoInput, "không có tệp " + f);

  auto store = global.open();
  auto engine = open_engine(global, *store, opt.records);
  auto t_open = clock::now();
  bool failed = false;
  measure::IngestTimes times;
  for (const auto& file : opt.files) {
    measure::IngestOptions io;
    io.format = format;
    ProgressBar bar(std::filesystem::path(file).filename().string());
    io.progress = [&](std::uint64_t done, std::uint64_t total) { bar.update(done, total); };
    measure::IngestSummary s;
    try {
      s = engine->ingest(file, io);
    } catch (const measure::IngestError& e) {
      std::cerr << "dxmon: " << e.what() << " — tệp không được tiếp nhận\n";
      failed = true;
      continue;
    } catch (const measure::InputError& e) {
      std::cerr << "dxmon: " << file << ": " << e.what() << " — tệp không được tiếp nhận\n";
      failed = true;
      continue;
    }
    times.apply_ms += s.times.apply_ms;
    times.parse_wait_ms += s.times.parse_wait_ms;
    times.log_wait_ms += s.times.log_wait_ms;
    times.commit_ms += s.times.commit_ms;
    if (s.already_ingested) {
      std::cout << file << ": đã tiếp nhận trước đây (cùng nội dung), không thay đổi gì\n";
      continue;
    }
    std::cout << file << ": " << text::format_count(s.records) << " bản ghi được nhận";
    if (s.rejects)
      std::cout << ", " << text::format_count(s.rejects) << " bị từ chối (xem " << s.rejects_path << ")";
    std::cout << "; " << text::format_count(s.tally.new_dossiers) << " hồ sơ mới, "
              << text::format_count(s.tally.replaced) << " hồ sơ cập nhật trạng thái";
    if (s.tally.stale)
      std::cout << ", " << text::format_count(s.tally.stale) << " bản ghi cũ hơn trạng thái đã có (bỏ qua)";
    std::cout << "\n";
  }
  auto t_ingest = clock::now();
  ChangeContext ctx;
  ctx.who = "dxmon ingest";
  ctx.why = "đo tự động từ bản ghi hồ sơ";
  std::vector<Observation> written;
  ApplyResult r = engine->publish(*store, ctx, false, &written);
  auto t_publish = clock::now();
  std::cout << "Chỉ tiêu đo tự động: " << text::format_count(r.observations.inserted) << " giá trị mới, "
            << text::format_count(r.observations.updated) << " cập nhật, "
            << text::format_count(r.observations.unchanged) << " không đổi; "
            << text::format_count(engine->state().dossiers().size()) << " hồ sơ trong kho\n";
  // The checks of single values on what was just written (docs/checks.md, "When the checks run").
  report_measured_checks(measure::service_indicators(), std::move(written), std::cout);
  auto t_checks = clock::now();
  if (!opt.counts.empty()) {
    std::ofstream out(opt.counts);
    if (!out) throw CommandFailure(kExitNoInput, "không ghi được " + opt.counts);
    measure::write_counts_csv(engine->state(), out);
  }
  if (opt.timings) {
    auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    // The dedup table's memory per distinct dossier (the benchmark's 64-byte budget).
    const auto& dossiers = engine->state().dossiers();
    const double per_dossier = dossiers.size() ? static_cast<double>(dossiers.capacity() * sizeof(measure::DossierState)) /
                                                     static_cast<double>(dossiers.size())
                                               : 0.0;
    std::fprintf(stderr,
                 "timings_ms open=%.1f ingest=%.1f (apply=%.1f parse_wait=%.1f log_wait=%.1f commit=%.1f) "
                 "publish=%.1f (observations=%.1f store=%.1f snapshot=%.1f) checks=%.1f total=%.1f "
                 "dedup_bytes_per_dossier=%.1f\n",
                 ms(t_open - t0), ms(t_ingest - t_open), times.apply_ms, times.parse_wait_ms, times.log_wait_ms,
                 times.commit_ms, ms(t_publish - t_ingest), engine->publish_times().observations_ms,
                 engine->publish_times().store_ms, engine->publish_times().snapshot_ms, ms(t_checks - t_publish),
                 ms(clock::now() - t0), per_dossier);
  }
  if (failed) throw CommandFailure(kExitDataError, "có tệp không được tiếp nhận (xem thông báo ở trên)");
}

}  // namespace

void add_ingest_command(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<IngestCliOptions>();
  auto* cmd = app.add_subcommand("ingest", "Tiếp nhận bản ghi hồ sơ (CSV/NDJSON, có thể nén .gz) và đo chỉ tiêu dịch vụ công");
  cmd->add_option("files", opt->files, "Tệp bản ghi hồ sơ")->required();
  cmd->add_option("--records", opt->records, "Thư mục nhật ký bản ghi (mặc định: DB.records bên cạnh tệp SQLite)");
  cmd->add_option("--format", opt->format, "csv hoặc ndjson (mặc định: theo đuôi tệp)");
  cmd->add_option("--counts", opt->counts, "Ghi số đếm theo cơ quan × tháng ra tệp CSV này");
  cmd->add_flag("--timings", opt->timings, "In thời gian từng bước ra stderr");
  cmd->callback([&global, opt] { run_ingest(global, *opt); });
}

}  // namespace dxmon::cli
