// `dxmon import FILE…`: CSV, JSON or XLSX in; every problem listed, or everything written at once.
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/findings_print.h"
#include "cli/import_summary.h"

namespace dxmon::cli {
namespace {

struct ImportArgs {
  std::vector<std::string> files;
  std::string kind, sheet, who, why;
  bool dry_run = false;
};

}  // namespace

void add_import_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand("import", "Nhập dữ liệu từ tệp CSV, JSON, XLSX (import files; see docs/formats.md)");
  cmd->add_option("files", args->files, "Files to import (all in one transaction)")->required();
  cmd->add_option("--kind", args->kind,
                  "units | successions | indicators | programmes | targets | observations | tasks | task_statuses "
                  "(default: from the file name, sheet names or JSON keys)");
  cmd->add_option("--sheet", args->sheet, "XLSX: read only this sheet");
  cmd->add_flag("--dry-run", args->dry_run, "Check and report, write nothing");
  cmd->add_option("--who", args->who, "Who makes the change (kept with every revised value)");
  cmd->add_option("--why", args->why, "Why (kept with every revised value)");
  cmd->callback([args, &global] {
    for (const auto& f : args->files)
      if (!std::filesystem::exists(f)) throw CommandFailure(kExitNoInput, "không có tệp " + f);
    auto store = global.open();
    io::ImportOptions options;
    options.kind = args->kind;
    options.sheet = args->sheet;
    options.dry_run = args->dry_run;
    if (!args->who.empty()) options.context.who = args->who;
    options.context.why = args->why.empty() ? "dxmon import" : args->why;
    auto report = io::import_files(*store, args->files, options);
    int code = print_import_report(report, args->dry_run, std::cout, std::cerr);
    if (code != kExitOk) throw CommandFailure(code, "nhập dữ liệu không thành công");
    report_import_checks(*store, report.data, args->dry_run, std::cout);
  });
}

}  // namespace dxmon::cli
