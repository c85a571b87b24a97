// `dxmon generate`: synthetic dossier records for the demo, the tests and the benchmark.
#include <zlib.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "measure/generator.h"
#include "text/number.h"

namespace dxmon::cli {
namespace {

struct GenerateCliOptions {
  std::string output;
  std::string format = "csv";
  std::uint64_t records = 100000;
  std::uint64_t seed = 1;
  int year = 2024;
  double bad_rate = 0;
  double resend_rate = 0.3;
};

// An ostream buffer that gzips what it is given.
class GzipBuf : public std::streambuf {
 public:
  explicit GzipBuf(const std::string& path) : f_(gzopen(path.c_str(), "wb1")) {}
  ~GzipBuf() override {
    if (f_) gzclose(f_);
  }
  bool ok() const { return f_ != nullptr; }
  bool close() {
    bool good = f_ && gzclose(f_) == Z_OK;
    f_ = nullptr;
    return good;
  }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    return gzwrite(f_, s, static_cast<unsigned>(n)) == n ? n : 0;
  }
  int overflow(int c) override {
    if (c == EOF) return 0;
    char ch = static_cast<char>(c);
    return gzwrite(f_, &ch, 1) == 1 ? c : EOF;
  }

 private:
  gzFile f_;
};

void run_generate(const GlobalOptions& global, const GenerateCliOptions& opt) {
  measure::GeneratorOptions g;
  g.records = opt.records;
  g.seed = opt.seed;
  g.year = opt.year;
  g.ndjson = opt.format == "ndjson";
  g.bad_rate = opt.bad_rate;
  g.resend_rate = opt.resend_rate;
  if (opt.format != "csv" && opt.format != "ndjson")
    throw CommandFailure(kExitUsage, "--format \"" + opt.format + "\" không có — dùng csv hoặc ndjson");
  if (opt.bad_rate < 0 || opt.bad_rate > 1 || opt.resend_rate < 0 || opt.resend_rate > 1)
    throw CommandFailure(kExitUsage, "--bad-rate và --resend-rate là tỷ lệ từ 0 đến 1");
  auto store = global.open();
  auto units = store->units();
  measure::GeneratorResult r;
  bool gz = opt.output.size() > 3 && opt.output.substr(opt.output.size() - 3) == ".gz";
  try {
    if (opt.output.empty() || opt.output == "-") {
      r = measure::generate_records(units, g, std::cout);
    } else if (gz) {
      GzipBuf buf(opt.output);
      if (!buf.ok()) throw CommandFailure(kExitNoInput, "không ghi được " + opt.output);
      std::ostream out(&buf);
      r = measure::generate_records(units, g, out);
      if (!buf.close()) throw CommandFailure(kExitNoInput, "không ghi được " + opt.output);
    } else {
      std::ofstream out(opt.output, std::ios::binary);
      if (!out) throw CommandFailure(kExitNoInput, "không ghi được " + opt.output);
      r = measure::generate_records(units, g, out);
      out.close();
      if (!out) throw CommandFailure(kExitNoInput, "không ghi được " + opt.output);
    }
  } catch (const std::runtime_error& e) {
    if (dynamic_cast<const CommandFailure*>(&e)) throw;
    throw CommandFailure(kExitDataError, e.what());
  }
  std::cerr << "Đã sinh " << text::format_count(r.records) << " bản ghi cho "
            << text::format_count(r.dossiers) << " hồ sơ";
  if (r.bad) std::cerr << " (" << text::format_count(r.bad) << " bản ghi lỗi cố ý)";
  std::cerr << "\n";
}

}  // namespace

void add_generate_command(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<GenerateCliOptions>();
  auto* cmd = app.add_subcommand("generate", "Sinh bản ghi hồ sơ giả lập (xác định theo --seed) cho demo, kiểm thử, đo hiệu năng");
  cmd->add_option("-o,--output", opt->output, "Tệp ra (.csv, .ndjson, thêm .gz để nén); mặc định stdout");
  cmd->add_option("--format", opt->format, "csv hoặc ndjson")->capture_default_str();
  cmd->add_option("-n,--records", opt->records, "Số bản ghi")->capture_default_str();
  cmd->add_option("--seed", opt->seed, "Hạt giống ngẫu nhiên")->capture_default_str();
  cmd->add_option("--year", opt->year, "Năm tiếp nhận hồ sơ")->capture_default_str();
  cmd->add_option("--bad-rate", opt->bad_rate, "Tỷ lệ bản ghi lỗi cố ý (0–1)")->capture_default_str();
  cmd->add_option("--resend-rate", opt->resend_rate, "Tỷ lệ hồ sơ được gửi lại với trạng thái mới (0–1)")
      ->capture_default_str();
  cmd->callback([&global, opt] { run_generate(global, *opt); });
}

}  // namespace dxmon::cli
