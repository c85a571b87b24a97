#include "store/store.h"

#include <cctype>

#include "store/postgres/pg_session.h"
#include "store/sql_store.h"
#include "store/sqlite/sqlite_session.h"

namespace dxmon {

bool ApplyResult::changed_anything() const {
  for (const ApplyCounts* c : {&units, &successions, &indicators, &programmes, &targets, &observations, &tasks,
                                &task_counts, &overrides, &regimes, &relations, &imported_revisions})
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
  d.task_counts = task_counts();
  d.overrides = overrides();
  d.regimes = regimes();
  d.relations = relations();
  d.revisions = revisions();
  return d;
}

namespace {
const char* const kStoreForms = "hãy viết dạng sqlite:PATH/dxmon.db hoặc postgresql://user@host:port/dbname";
}  // namespace

std::string store_url_problem(const std::string& url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return "";
  if (url.starts_with("sqlite:")) {
    if (url.size() == 7) return "địa chỉ kho dữ liệu \"" + url + "\" thiếu đường dẫn tệp — " + kStoreForms;
    return "";
  }
  if (url.empty()) return std::string("địa chỉ kho dữ liệu để trống — ") + kStoreForms;
  // A scheme: letters (then letters, digits, +, -, .) up to a colon. One letter is a drive ("C:").
  std::size_t colon = url.find(':');
  if (colon != std::string::npos && colon >= 2 && std::isalpha(static_cast<unsigned char>(url[0]))) {
    bool scheme = true;
    for (std::size_t i = 0; i < colon; ++i) {
      unsigned char c = static_cast<unsigned char>(url[i]);
      scheme = scheme && (std::isalnum(c) || c == '+' || c == '-' || c == '.');
    }
    if (scheme)
      return "kho dữ liệu loại \"" + url.substr(0, colon) + ":\" không được hỗ trợ (\"" + url +
             "\") — dxmon dùng SQLite hoặc PostgreSQL: " + kStoreForms;
  }
  return "";
}

std::unique_ptr<Store> open_store(const std::string& url) {
  if (std::string problem = store_url_problem(url); !problem.empty()) throw StoreError(problem);
  std::unique_ptr<sql::Session> session;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    session = std::make_unique<sql::PgSession>(url);
  } else {
    std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
    session = std::make_unique<sql::SqliteSession>(path);
  }
  auto store = std::make_unique<SqlStore>(std::move(session));
  store->migrate();
  return store;
}

}  // namespace dxmon
