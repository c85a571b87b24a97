// The built-in data imports cleanly into a real store (SQLite and PostgreSQL), and importing it
// again changes nothing.
#include <gtest/gtest.h>

#include "io_test_support.h"
#include "support/scratch_store.h"

namespace dxmon::io {
namespace {

using namespace dxmon::io::testing;
using testing_support::Backend;

class ImportBuiltin : public ::testing::TestWithParam<Backend> {};

TEST_P(ImportBuiltin, AllFilesImportWithoutProblemsAndReimportChangesNothing) {
  testing_support::ScratchStore scratch;
  scratch.create(GetParam());
  if (HasFatalFailure() || IsSkipped()) return;
  auto store = open_store(scratch.url());
  auto first = import_files(*store, builtin_files(), options());
  ASSERT_TRUE(first.ok()) << all_problems(first);
  ASSERT_TRUE(first.applied);
  // Every row read was written (the data grows; the counts are those of the files).
  EXPECT_GT(first.data.units.size(), 100u);
  EXPECT_EQ(first.applied->units.inserted, static_cast<int>(first.data.units.size()));
  EXPECT_EQ(first.applied->observations.inserted, static_cast<int>(first.data.observations.size()));
  EXPECT_EQ(first.applied->tasks.inserted, static_cast<int>(first.data.tasks.size()));
  EXPECT_EQ(first.applied->targets.inserted, static_cast<int>(first.data.targets.size()));
  int rows = 0;
  for (const auto& t : first.tables) rows += t.rows;
  EXPECT_GT(rows, 800);

  auto again = import_files(*store, builtin_files(), options());
  ASSERT_TRUE(again.ok()) << all_problems(again);
  ASSERT_TRUE(again.applied);
  EXPECT_FALSE(again.applied->changed_anything());
  EXPECT_EQ(again.applied->observations.unchanged, first.applied->observations.inserted);
  EXPECT_EQ(again.applied->tasks.unchanged, first.applied->tasks.inserted);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportBuiltin, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         testing_support::backend_name);

}  // namespace
}  // namespace dxmon::io
