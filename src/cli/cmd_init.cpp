// `dxmon init [--builtin]`: create the store and, optionally, load the built-in data.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/findings_print.h"
#include "cli/import_summary.h"

namespace dxmon::cli {
namespace {

// The built-in data: every CSV of the data folder, read and applied together in one transaction.
std::vector<std::string> builtin_files(const std::string& dir) {
  std::vector<std::string> files;
  if (!std::filesystem::is_directory(dir))
    throw CommandFailure(kExitNoInput, "không có thư mục dữ liệu có sẵn " + dir + " — hãy chỉ ra bằng --data-dir");
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".csv") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void add_init_command(CLI::App& app, GlobalOptions& global) {
  auto builtin = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("init", "Tạo kho dữ liệu (create the store; run its migrations)");
  cmd->add_flag("--builtin", *builtin, "Also load the built-in data (units, programmes, targets, values, tasks)");
  cmd->callback([builtin, &global] {
    auto store = global.open();  // opening runs the migrations
    std::cout << "Kho dữ liệu " << global.db << " sẵn sàng (phiên bản lược đồ " << store->schema_version() << ").\n";
    if (!*builtin) return;
    io::ImportOptions options;
    options.context.who = "dxmon init";
    options.context.why = "dữ liệu có sẵn (built-in data)";
    auto report = io::import_files(*store, builtin_files(global.data_dir), options);
    int code = print_import_report(report, false, std::cout, std::cerr);
    if (code != kExitOk) throw CommandFailure(kExitInternal, "dữ liệu có sẵn không hợp lệ — đây là lỗi của dxmon, hãy báo lại");
    // The built-in data carries the seed reports' own errors (data/README.md): count them here,
    // `dxmon check` lists them.
    print_finding_counts(run_store_checks(store->load_all()), std::cout);
  });
}

}  // namespace dxmon::cli
