#pragma once
// The SQLite driver: one connection to a database file, opened in WAL mode with foreign keys on and
// a busy timeout (several readers and one writer at a time). Prepared statements are cached.
#include <map>
#include <string>

#include "store/sql_session.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dxmon::sql {

class SqliteSession final : public Session {
 public:
  explicit SqliteSession(const std::string& path);
  ~SqliteSession() override;
  SqliteSession(const SqliteSession&) = delete;
  SqliteSession& operator=(const SqliteSession&) = delete;

  const Dialect& dialect() const override;
  void execute_script(std::string_view sql) override;
  Rows query(std::string_view sql, const std::vector<Value>& params = {}) override;
  void begin() override;
  void commit() override;
  void rollback() noexcept override;

 private:
  sqlite3_stmt* prepared(std::string_view sql);
  [[noreturn]] void fail(std::string_view what) const;

  std::string path_;
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

}  // namespace dxmon::sql
