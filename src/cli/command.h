#pragma once
// What every subcommand of `dxmon` shares: the global options and the exit codes scripts rely on.
#include <CLI/CLI.hpp>
#include <memory>
#include <stdexcept>
#include <string>

#include "store/store.h"

namespace dxmon::cli {

// Exit codes (from sysexits.h, so that scripts can tell failures apart).
enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 64,        // wrong command line
  kExitDataError = 65,    // input rejected: problems listed, nothing written
  kExitNoInput = 66,      // a named file or entity does not exist
  kExitUnavailable = 69,  // the store cannot be opened or reached
  kExitInternal = 70,     // a bug: please report
};

// Thrown by a command to end with a message and an exit code.
struct CommandFailure : std::runtime_error {
  CommandFailure(int code, const std::string& message) : std::runtime_error(message), exit_code(code) {}
  int exit_code;
};

struct GlobalOptions {
  std::string db;        // store URL: sqlite:PATH | postgresql://…
  std::string data_dir;  // where the built-in data lives

  std::unique_ptr<Store> open() const;
};

void add_init_command(CLI::App& app, GlobalOptions& global);
void add_import_command(CLI::App& app, GlobalOptions& global);
void add_export_command(CLI::App& app, GlobalOptions& global);
void add_show_command(CLI::App& app, GlobalOptions& global);
// Automatic measurement from dossier records (src/measure/).
void add_ingest_command(CLI::App& app, GlobalOptions& global);
void add_rebuild_command(CLI::App& app, GlobalOptions& global);
void add_generate_command(CLI::App& app, GlobalOptions& global);
// Checks and reports (src/check/, src/report/kinds/).
void add_check_command(CLI::App& app, GlobalOptions& global);
void add_report_command(CLI::App& app, GlobalOptions& global);
// Rankings by one indicator or a composite index (src/assess/ranking.h, composite_index.h).
void add_rank_command(CLI::App& app, GlobalOptions& global);
// The reports units send under a regime. (Overrides of target classes come in with `import`.)
void add_submission_command(CLI::App& app, GlobalOptions& global);

}  // namespace dxmon::cli
