// `dxmon export PATH`: the whole store in the import format (CSV folder, JSON or XLSX).
#include <iostream>

#include "cli/command.h"
#include "io/export.h"

namespace dxmon::cli {
namespace {

struct ExportArgs {
  std::string path;
  std::string format;
};

io::ExportFormat parse_format(const ExportArgs& a) {
  if (a.format.empty()) {
    if (auto f = io::export_format_for(a.path)) return *f;
    throw CommandFailure(kExitUsage, "không biết ghi \"" + a.path +
                                         "\" dạng gì: dxmon xuất ra thư mục CSV, tệp .json hoặc tệp .xlsx — hãy đổi "
                                         "đuôi tệp, hoặc ghi rõ --format csv|json|xlsx");
  }
  if (a.format == "csv") return io::ExportFormat::CsvDirectory;
  if (a.format == "json") return io::ExportFormat::Json;
  return io::ExportFormat::Xlsx;
}

}  // namespace

void add_export_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand("export", "Xuất toàn bộ dữ liệu (export the store: CSV folder, JSON or XLSX)");
  cmd->add_option("path", args->path, "A folder (CSV, one file per kind), a .json file or a .xlsx file")->required();
  cmd->add_option("--format", args->format, "csv | json | xlsx (default: from the path)")
      ->check(CLI::IsMember({"csv", "json", "xlsx"}));
  cmd->callback([args, &global] {
    const io::ExportFormat format = parse_format(*args);  // before opening: a wrong path creates nothing
    auto store = global.open();
    std::vector<std::string> written;
    try {
      written = io::export_dataset(store->load_all(), args->path, format);
    } catch (const StoreError&) {
      throw;
    } catch (const std::exception& e) {
      throw CommandFailure(kExitNoInput, std::string("không ghi được ") + args->path + ": " + e.what());
    }
    for (const auto& f : written) std::cout << "Đã ghi " << f << "\n";
  });
}

}  // namespace dxmon::cli
