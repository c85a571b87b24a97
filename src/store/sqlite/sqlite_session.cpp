#include "store/sqlite/sqlite_session.h"

#include <sqlite3.h>

#include <charconv>

#include "store/store.h"

namespace dxmon::sql {
namespace {

constexpr Dialect kSqlite{
    .name = "sqlite",
    .double_type = "REAL",  // 8-byte IEEE double
    .serial_key = "INTEGER PRIMARY KEY AUTOINCREMENT",
    .order_collate = "",    // the default BINARY collation is byte order
    .migration_lock = "",   // BEGIN IMMEDIATE already holds the only write lock
};

// How long a writer waits for another process's transaction before giving up.
constexpr int kBusyTimeoutMs = 10000;

}  // namespace

SqliteSession::SqliteSession(const std::string& path) : path_(path) {
  // One session is one connection used by one thread at a time, so SQLite's own per-call mutexes
  // (serialized mode) only cost: a lock and an unlock on every step, bind and column read.
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("không mở được kho SQLite \"" + path + "\": " + message +
                     " — hãy kiểm tra đường dẫn và quyền ghi thư mục");
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  execute_script("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
}

SqliteSession::~SqliteSession() {
  for (auto& [sql, p] : statements_) sqlite3_finalize(p.stmt);
  sqlite3_close(db_);
}

const Dialect& SqliteSession::dialect() const { return kSqlite; }

void SqliteSession::fail(std::string_view what) const {
  throw StoreError("SQLite (" + path_ + "): " + std::string(what) + ": " + sqlite3_errmsg(db_));
}

void SqliteSession::execute_script(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw StoreError("SQLite (" + path_ + "): " + message);
  }
}

const SqliteSession::Prepared& SqliteSession::prepared(std::string_view sql) {
  if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
  Prepared p;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &p.stmt, nullptr) != SQLITE_OK)
    fail("cannot prepare \"" + std::string(sql) + "\"");
  const int count = sqlite3_bind_parameter_count(p.stmt);
  for (int i = 1; i <= count; ++i) {
    // Parameters are written $1, $2, …: the number after '$' says which value goes there.
    const char* name = sqlite3_bind_parameter_name(p.stmt, i);
    std::size_t n = 0;
    if (!name || name[0] != '$' ||
        std::from_chars(name + 1, name + std::char_traits<char>::length(name), n).ec != std::errc{} || n == 0) {
      sqlite3_finalize(p.stmt);
      throw StoreError("SQLite: parameter " + std::string(name ? name : "?") + " is not $1, $2, … in \"" +
                       std::string(sql) + "\"");
    }
    p.value_of.push_back(n - 1);
  }
  return statements_.emplace(std::string(sql), std::move(p)).first->second;
}

Rows SqliteSession::query(std::string_view sql, const std::vector<Value>& params) {
  const Prepared& statement = prepared(sql);
  sqlite3_stmt* stmt = statement.stmt;
  // Leave the statement reset whatever happens, so the cached statement holds no lock.
  struct Reset {
    sqlite3_stmt* s;
    ~Reset() {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
    }
  } reset{stmt};

  for (std::size_t i = 0; i < statement.value_of.size(); ++i) {
    const std::size_t n = statement.value_of[i];
    if (n >= params.size())
      throw StoreError("SQLite: parameter $" + std::to_string(n + 1) + " has no value in \"" + std::string(sql) + "\"");
    const Value& v = params[n];
    const int at = static_cast<int>(i) + 1;
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(v)) rc = sqlite3_bind_null(stmt, at);
    else if (const auto* x = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(stmt, at, *x);
    else if (const auto* d = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt, at, *d);
    else {
      const auto& s = std::get<std::string>(v);
      rc = sqlite3_bind_text(stmt, at, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) fail("cannot bind parameter");
  }

  Rows rows;
  int columns = sqlite3_column_count(stmt);
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail("\"" + std::string(sql) + "\"");
    Row row;
    row.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_NULL: row.emplace_back(nullptr); break;
        case SQLITE_INTEGER: row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c))); break;
        case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(stmt, c)); break;
        default: {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          row.emplace_back(std::string(p ? p : "", sqlite3_column_bytes(stmt, c)));
        }
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void SqliteSession::begin() { execute_script("BEGIN IMMEDIATE"); }
void SqliteSession::commit() { execute_script("COMMIT"); }
void SqliteSession::rollback() noexcept {
  if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace dxmon::sql
