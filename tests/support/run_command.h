#pragma once
// Runs a program (the dxmon binary in end-to-end tests) and captures what it says.
#include <string>
#include <vector>

namespace dxmon::testing_support {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is the program path) without a shell; stdin is /dev/null.
CommandResult run_command(const std::vector<std::string>& argv);

// The dxmon binary built alongside the tests, with `args`.
CommandResult run_dxmon(const std::vector<std::string>& args);

}  // namespace dxmon::testing_support
