#pragma once
// A fresh, empty store for one test, on either backend: a temporary SQLite file, or a schema of
// its own in the PostgreSQL database named by DXMON_TEST_POSTGRES (scripts/with-postgres.sh starts
// a throwaway cluster and sets it). Removed again when the test ends.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

namespace dxmon::sql {
class PgSession;
class Session;
}

namespace dxmon::testing_support {

enum class Backend { Sqlite, Postgres };

std::string backend_name(const testing::TestParamInfo<Backend>& info);

class ScratchStore {
 public:
  ScratchStore();
  ~ScratchStore();
  // Creates the store for the running test. On PostgreSQL without DXMON_TEST_POSTGRES, the test
  // fails (CI must not skip it silently) unless DXMON_SKIP_POSTGRES=1, which skips it; check
  // HasFatalFailure()/IsSkipped() after calling.
  void create(Backend backend);
  // "sqlite:/tmp/…" or "postgresql://…?options=-c search_path=…"
  const std::string& url() const { return url_; }
  // The same as a `--db` argument for the dxmon command.
  const std::string& db_argument() const { return url_; }
  // A raw SQL session on the same database, for tests of the driver contract and migrations.
  std::unique_ptr<sql::Session> open_session() const;

 private:
  void remove_sqlite_files();
  std::string url_;
  std::filesystem::path path_;
  std::string schema_;
  std::unique_ptr<sql::PgSession> admin_;
};

}  // namespace dxmon::testing_support
