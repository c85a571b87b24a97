#pragma once
// How `dxmon import` and `dxmon init --builtin` tell the user what happened.
#include <ostream>

#include "io/import.h"

namespace dxmon::cli {

// Prints what was read, then either every problem (and that nothing was written) or what the
// store did. Returns the exit code the command should end with.
int print_import_report(const io::ImportReport& report, bool dry_run, std::ostream& out, std::ostream& err);

}  // namespace dxmon::cli
