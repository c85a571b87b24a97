#include "store/store.h"

#include "store/postgres/pg_session.h"
#include "store/sql_store.h"
#include "store/sqlite/sqlite_session.h"

namespace dxmon {

bool ApplyResult::changed_anything() const {
  for (const ApplyCounts* c : {&units, &successions, &indicators, &programmes, &targets, &observations, &tasks, &overrides,
                                &regimes, &relations})
    if (c->inserted > 0 || c->updated > 0) return true;
  return revisions > 0;
}

Dataset Store::load_all() {
  Dataset d;
  d.units = units();
  d.successions = successions();
  d.indicators = indicators();
  d.programmes = programmes();
  d.targets = targets();
  d.observations = observations();
  d.tasks = tasks();
  d.overrides = overrides();
  d.regimes = regimes();
  d.relations = relations();
  return d;
}

std::unique_ptr<Store> open_store(const std::string& url) {
  std::unique_ptr<sql::Session> session;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    session = std::make_unique<sql::PgSession>(url);
  } else {
    std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
    if (path.empty())
      throw StoreError("địa chỉ kho dữ liệu \"" + url +
                       "\" thiếu đường dẫn tệp — hãy viết dạng sqlite:PATH/dxmon.db hoặc "
                       "postgresql://user@host:port/dbname");
    session = std::make_unique<sql::SqliteSession>(path);
  }
  auto store = std::make_unique<SqlStore>(std::move(session));
  store->migrate();
  return store;
}

}  // namespace dxmon
