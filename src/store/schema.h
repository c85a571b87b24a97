#pragma once
// The store's schema as numbered migrations. The SQL text is shared by both backends; the only
// dialect differences are the placeholders {double} and {serial_key} (see sql::Dialect).
// A migration, once released, is never edited: a schema change is a new migration.
#include <span>
#include <string>
#include <string_view>

#include "store/sql_session.h"

namespace dxmon {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
  // A query that returns a row for each stored row the migration cannot carry over, and what the
  // user must do about them: the migration is refused (nothing changed) while it returns any.
  std::string_view blocked_by = {};
  std::string_view unblock = {};
};

std::span<const Migration> migrations();
int latest_schema_version();

// The migration's SQL with the dialect's words put in for the placeholders.
std::string render_migration(std::string_view sql, const sql::Dialect& dialect);

// Applies the migrations newer than the database's version, each in its own transaction together
// with its row in schema_migrations. Safe to call on every open and from concurrent processes.
void migrate(sql::Session& session);
// The newest migration applied (0 for an empty database).
int schema_version(sql::Session& session);

}  // namespace dxmon
