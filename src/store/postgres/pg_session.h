#pragma once
// The PostgreSQL driver (libpq): one connection, statements prepared once per connection and
// executed with text parameters. Doubles travel as shortest round-trip text both ways
// (extra_float_digits = 3), so they come back bit for bit.
#include <map>
#include <string>
#include <vector>

#include "store/sql_session.h"

struct pg_conn;

namespace dxmon::sql {

class PgSession final : public Session {
 public:
  // `url` is a libpq connection URI or key=value string ("postgresql://user@host:port/db").
  explicit PgSession(const std::string& url);
  ~PgSession() override;
  PgSession(const PgSession&) = delete;
  PgSession& operator=(const PgSession&) = delete;

  const Dialect& dialect() const override;
  void execute_script(std::string_view sql) override;
  Rows query(std::string_view sql, const std::vector<Value>& params = {}) override;
  // Writes are pipelined: sent without waiting, their results collected in one round trip before
  // the next read, commit, or every kMaxPendingWrites writes.
  void write(std::string_view sql, const std::vector<Value>& params, std::string_view context) override;
  void begin() override;
  void commit() override;
  void rollback() noexcept override;

 private:
  const std::string& statement_name(std::string_view sql, int param_count);
  // Collects the results of the pipelined writes and leaves pipeline mode; throws the first failure.
  void finish_pipeline();

  pg_conn* conn_ = nullptr;
  std::string where_;  // host/db for messages (never the password)
  std::map<std::string, std::string, std::less<>> statements_;  // SQL → prepared statement name
  bool pipelining_ = false;
  std::vector<std::string> pending_;  // context of each write sent and not yet confirmed
};

}  // namespace dxmon::sql
