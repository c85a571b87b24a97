#pragma once
// The fixture of the end-to-end CLI tests: a scratch store of each backend (SQLite, PostgreSQL)
// and `dxmon --db <it> …`. Each test file derives its own suite (`class ReportCli : public Cli {};`)
// and instantiates it for both backends, so that suites of several files do not collide.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_command.h"
#include "support/scratch_store.h"

namespace dxmon::testing_support {

class Cli : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store_.create(GetParam());
    if (HasFatalFailure() || IsSkipped()) return;
    db_ = store_.db_argument();
  }
  CommandResult dxmon(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_});
    return run_dxmon(args);
  }
  CommandResult init_builtin() {
    auto r = dxmon({"init", "--builtin"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  }
  testing_support::ScratchStore store_;
  std::string db_;
};

}  // namespace dxmon::testing_support
