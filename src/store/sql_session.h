#pragma once
// The tiny SQL executor both backends implement. Everything the Store does (migrations, apply with
// its diffing and revisions, reads) is written once over this interface (see sql_store.h); a backend
// only knows how to run a statement on its connection and how its SQL dialect differs.
//
// Statements use PostgreSQL-style numbered parameters ($1, $2, …); SQLite accepts them as named
// parameters and its driver maps the numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dxmon::sql {

// One value passed to or read from a statement. Doubles are carried as doubles all the way (never
// formatted with fewer digits than needed), so values round-trip exactly.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Row = std::vector<Value>;
using Rows = std::vector<Row>;

// The differences between the dialects, kept to a few explicit words.
struct Dialect {
  std::string_view name;           // "sqlite", "postgresql"
  std::string_view double_type;    // a column type holding a 64-bit double exactly
  std::string_view serial_key;     // an auto-increment integer primary key column definition
  std::string_view order_collate;  // appended to ORDER BY text columns: byte (code point) order
  std::string_view migration_lock; // statement serialising concurrent migrations, or empty
};

class Session {
 public:
  virtual ~Session() = default;
  virtual const Dialect& dialect() const = 0;

  // Runs one or more statements without parameters (DDL, migrations).
  virtual void execute_script(std::string_view sql) = 0;
  // Runs one statement with parameters; returns its rows (empty for writes).
  virtual Rows query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs one write whose result is not needed. A backend may queue it (PostgreSQL pipelines writes
  // to save round trips) and report its failure later, at the latest from commit(); `context` names
  // what was being written (in the user's words) for that message.
  virtual void write(std::string_view sql, const std::vector<Value>& params, std::string_view context);

  // A write transaction. begin() takes the write lock up front (SQLite: BEGIN IMMEDIATE), so two
  // writers never deadlock upgrading a read lock.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
};

// Reading typed values out of a row. A column that is NULL reads as nullopt / empty.
std::optional<std::string> opt_text(const Value& v);
std::string text(const Value& v);  // NULL → ""
std::optional<double> opt_real(const Value& v);
std::optional<std::int64_t> opt_integer(const Value& v);
std::int64_t integer(const Value& v);  // NULL → 0

// Writing: optional values become NULL.
Value nullable(const std::optional<double>& v);
Value nullable(const std::optional<std::string>& v);

}  // namespace dxmon::sql
