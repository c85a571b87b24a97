#include "support/scratch_store.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "store/postgres/pg_session.h"
#include "store/sqlite/sqlite_session.h"

namespace dxmon::testing_support {

std::string backend_name(const testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::Sqlite ? "sqlite" : "postgres";
}

void ScratchStore::create(Backend backend) {
  std::string pid = std::to_string(getpid());
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "-" + info->name();
  std::replace(name.begin(), name.end(), '/', '-');
  if (backend == Backend::Sqlite) {
    path_ = std::filesystem::temp_directory_path() / ("dxmon-test-" + pid + "-" + name + ".db");
    remove_sqlite_files();
    url_ = "sqlite:" + path_.string();
    return;
  }
  const char* pg = std::getenv("DXMON_TEST_POSTGRES");
  if (!pg || !*pg) {
    const char* skip = std::getenv("DXMON_SKIP_POSTGRES");
    if (skip && std::string(skip) == "1") GTEST_SKIP() << "DXMON_SKIP_POSTGRES=1: PostgreSQL tests skipped";
    FAIL() << "DXMON_TEST_POSTGRES is not set: the PostgreSQL half of the suite cannot run. Run the tests "
              "through scripts/with-postgres.sh (it starts a throwaway cluster and sets DXMON_TEST_POSTGRES), "
              "set it to a database URL yourself, or set DXMON_SKIP_POSTGRES=1 to skip these tests deliberately.";
  }
  // A schema of its own per test process (ctest runs tests in parallel), first on the search path.
  schema_ = "dxmon_test_" + pid;
  admin_ = std::make_unique<sql::PgSession>(pg);
  admin_->execute_script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
  std::string base = pg;
  url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-c%20search_path%3D" + schema_;
}

ScratchStore::ScratchStore() = default;

ScratchStore::~ScratchStore() {
  if (!path_.empty()) remove_sqlite_files();
  if (admin_) admin_->execute_script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
}

std::unique_ptr<sql::Session> ScratchStore::open_session() const {
  if (!path_.empty()) return std::make_unique<sql::SqliteSession>(path_.string());
  return std::make_unique<sql::PgSession>(url_);
}

void ScratchStore::remove_sqlite_files() {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path_.string() + suffix, ignored);
}

}  // namespace dxmon::testing_support
