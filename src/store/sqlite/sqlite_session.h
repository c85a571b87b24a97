#pragma once
// The SQLite driver: one connection to a database file, opened in WAL mode with foreign keys on and
// a busy timeout (several readers and one writer at a time). Prepared statements are cached.
#include <map>
#include <vector>
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
  // A statement prepared once, with the value each of its parameters takes: parameters are written
  // $1, $2, …, and reading their names back at every bind was a visible part of a big write.
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<std::size_t> value_of;  // parameter i + 1 takes params[value_of[i]]
  };
  const Prepared& prepared(std::string_view sql);
  [[noreturn]] void fail(std::string_view what) const;

  std::string path_;
  sqlite3* db_ = nullptr;
  std::map<std::string, Prepared, std::less<>> statements_;
};

}  // namespace dxmon::sql
