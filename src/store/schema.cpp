#include "store/schema.h"

#include <array>
#include <set>

#include "store/store.h"
#include "store/store_clock.h"
#include "text/text.h"

namespace dxmon {
namespace {

// Text columns that are never absent are NOT NULL DEFAULT '' (an empty string is a value, not
// NULL); optional dates and periods are NULL when absent. Dates are ISO text ("2024-02-16"),
// periods their identifiers ("2024-Q1"), lists of codes or names JSON arrays of strings.
constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE units (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  short_names TEXT NOT NULL DEFAULT '[]',
  aliases TEXT NOT NULL DEFAULT '[]',
  kind TEXT NOT NULL,
  parent TEXT NOT NULL DEFAULT '',
  official_code TEXT NOT NULL DEFAULT '',
  valid_from TEXT,
  valid_to TEXT,
  source TEXT NOT NULL DEFAULT ''
);

CREATE TABLE successions (
  predecessor TEXT NOT NULL REFERENCES units(code),
  successor TEXT NOT NULL REFERENCES units(code),
  effective_date TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (predecessor, successor)
);

CREATE TABLE indicators (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL,
  pillar TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  aggregation TEXT NOT NULL,
  lead_agency TEXT NOT NULL DEFAULT '',
  co_agencies TEXT NOT NULL DEFAULT '[]',
  unit_group TEXT,
  definition TEXT NOT NULL DEFAULT '',
  definition_source TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT ''
);

CREATE TABLE programmes (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  document TEXT NOT NULL DEFAULT '',
  issued TEXT,
  lead_agency TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT ''
);

CREATE TABLE targets (
  programme TEXT NOT NULL REFERENCES programmes(code),
  code TEXT NOT NULL,
  printed_no TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '',
  heading TEXT NOT NULL DEFAULT '',
  printed_group TEXT NOT NULL DEFAULT '',
  deadline TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (programme, code)
);
CREATE INDEX targets_by_order ON targets (programme, sort_order);

CREATE TABLE target_items (
  programme TEXT NOT NULL,
  target TEXT NOT NULL,
  seq INTEGER NOT NULL,
  indicator TEXT NOT NULL REFERENCES indicators(code),
  label TEXT NOT NULL DEFAULT '',
  comparator TEXT NOT NULL,
  value {double},
  value_max {double},
  as_printed TEXT NOT NULL DEFAULT '',
  scope TEXT,
  PRIMARY KEY (programme, target, seq),
  FOREIGN KEY (programme, target) REFERENCES targets(programme, code) ON DELETE CASCADE
);
CREATE INDEX target_items_by_indicator ON target_items (indicator);

-- period_rank/year/index/day are derived from period_id (never read back): they sort periods
-- the way Period::operator<=> does.
CREATE TABLE observations (
  indicator TEXT NOT NULL REFERENCES indicators(code),
  unit TEXT NOT NULL REFERENCES units(code),
  period_id TEXT NOT NULL,
  document TEXT NOT NULL,
  period_rank INTEGER NOT NULL,
  period_year INTEGER NOT NULL,
  period_index INTEGER NOT NULL,
  period_day INTEGER NOT NULL,
  value {double},
  value_max {double},
  numerator {double},
  denominator {double},
  fact INTEGER,
  as_printed TEXT NOT NULL DEFAULT '',
  flags TEXT NOT NULL DEFAULT '',
  provenance_kind TEXT NOT NULL,
  provenance_location TEXT NOT NULL DEFAULT '',
  as_of TEXT,
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (indicator, unit, period_id, document)
);
CREATE INDEX observations_by_unit ON observations (unit, period_id);
CREATE INDEX observations_by_period ON observations (period_id);
CREATE INDEX observations_by_document ON observations (document);

CREATE TABLE revisions (
  id {serial_key},
  observation_key TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX revisions_by_key ON revisions (observation_key);

CREATE TABLE tasks (
  code TEXT PRIMARY KEY,
  programme TEXT NOT NULL REFERENCES programmes(code),
  name TEXT NOT NULL,
  lead_agency TEXT NOT NULL DEFAULT '',
  co_agencies TEXT NOT NULL DEFAULT '[]',
  deadline TEXT,
  deadline_as_printed TEXT NOT NULL DEFAULT '',
  progress_as_printed TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tasks_by_programme ON tasks (programme);

-- The status history of a task, oldest first (seq 0, 1, …): appended to, never rewritten.
CREATE TABLE task_statuses (
  task TEXT NOT NULL REFERENCES tasks(code) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  status_date TEXT,
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (task, seq)
);
)sql";

// Reporting regimes and the approval history of the reports sent under them. A regime's units and
// indicators are JSON arrays of codes (checked by the store on save), its deadline rule the text form
// of DeadlineRule ("M+0:15"). Submission steps are only ever appended: seq orders the steps of one
// report (regime, unit, period); received_at is Vietnam time in a fixed-width ISO form.
constexpr std::string_view kRegimesSchema = R"sql(
CREATE TABLE reporting_regimes (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  legal_basis TEXT NOT NULL DEFAULT '',
  recipient TEXT NOT NULL DEFAULT '',
  unit_group TEXT,
  units TEXT NOT NULL DEFAULT '[]',
  indicators TEXT NOT NULL DEFAULT '[]',
  frequency TEXT NOT NULL,
  cutoff_rule TEXT NOT NULL,
  deadline_rule TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT ''
);

CREATE TABLE submissions (
  regime TEXT NOT NULL REFERENCES reporting_regimes(code),
  unit TEXT NOT NULL REFERENCES units(code),
  period_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  who TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (regime, unit, period_id, seq)
);
CREATE INDEX submissions_by_period ON submissions (regime, period_id);
)sql";

// Manual classes of targets (assess/override.h): one per target, replaced by a later judgement
// (migration 4 adds the period judged to the key).
// "group" and "when" are SQL words, hence report_group and decided_on. A reason and an author are
// required (override_faults()); the CHECKs keep a blank out even when a row is written by hand.
constexpr std::string_view kOverridesSchema = R"sql(
CREATE TABLE overrides (
  programme TEXT NOT NULL,
  target TEXT NOT NULL,
  report_group TEXT NOT NULL,
  fine_class TEXT,
  who TEXT NOT NULL CHECK (who <> ''),
  decided_on TEXT,
  why TEXT NOT NULL CHECK (why <> ''),
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (programme, target),
  FOREIGN KEY (programme, target) REFERENCES targets(programme, code)
);
)sql";

// An override judges one assessment period: the period becomes part of its key, so a target may
// have one override per period. Rows stored before this migration had no period; each gets the
// year before its decision date (judgements are recorded in the report issued after the year they
// judge, as 14/BC-BTTTT of 16/02/2024 on 2023). A row without a decision date cannot be placed and
// blocks the migration (kOverridesWithoutDate). SQLite cannot change a primary key in place, so
// the table is rebuilt; the statements are plain SQL both backends accept.
constexpr std::string_view kOverridePeriodSchema = R"sql(
CREATE TABLE overrides_by_period (
  programme TEXT NOT NULL,
  target TEXT NOT NULL,
  period_id TEXT NOT NULL CHECK (period_id <> ''),
  report_group TEXT NOT NULL,
  fine_class TEXT,
  who TEXT NOT NULL CHECK (who <> ''),
  decided_on TEXT,
  why TEXT NOT NULL CHECK (why <> ''),
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (programme, target, period_id),
  FOREIGN KEY (programme, target) REFERENCES targets(programme, code)
);
INSERT INTO overrides_by_period (programme, target, period_id, report_group, fine_class, who, decided_on, why, source)
  SELECT programme, target, CAST(CAST(substr(decided_on, 1, 4) AS INTEGER) - 1 AS TEXT), report_group, fine_class,
         who, decided_on, why, source
  FROM overrides;
DROP TABLE overrides;
ALTER TABLE overrides_by_period RENAME TO overrides;
)sql";
constexpr std::string_view kOverridesWithoutDate =
    "SELECT programme, target FROM overrides WHERE decided_on IS NULL ORDER BY programme, target";
constexpr std::string_view kDateTheOverrides =
    "các điều chỉnh phân loại này chưa có ngày quyết định nên không xác định được kỳ đánh giá của chúng: hãy dùng "
    "bản dxmon đang chạy để nhập lại chúng với ngày quyết định (cột when), hoặc xoá chúng, rồi mở lại kho dữ liệu";

// What the checks know about indicators (core/indicator_relation.h, docs/checks.md): catalogue
// data, imported with the built-in data, so that the checks of a store need no file of the
// repository. Parts are a JSON array of indicator codes; unit_group the group or the ';'-list of
// unit kinds as written in the file ('' when none). A relation is identified by its kind, its
// indicator and its parts (one total may have several sets of parts).
constexpr std::string_view kRelationsSchema = R"sql(
CREATE TABLE indicator_relations (
  relation TEXT NOT NULL,
  indicator TEXT NOT NULL REFERENCES indicators(code),
  parts TEXT NOT NULL DEFAULT '[]',
  unit_group TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (relation, indicator, parts)
);
)sql";

// A link between units is a full succession (a merger: all duties pass) or a partial transfer of
// the functions named (core/unit.h). Existing links are full successions.
constexpr std::string_view kPartialTransfersSchema = R"sql(
ALTER TABLE successions ADD COLUMN kind TEXT NOT NULL DEFAULT 'full';
ALTER TABLE successions ADD COLUMN functions TEXT NOT NULL DEFAULT '';
)sql";

// Tasks known only as counts (core/task_count.h). An absent group, status or day is '' (they are
// part of the key). "count" is an SQL function name, hence number_of_tasks. And the programme whose
// reports also cover a programme (core/programme.h).
constexpr std::string_view kTaskCountsSchema = R"sql(
CREATE TABLE task_counts (
  programme TEXT NOT NULL REFERENCES programmes(code),
  unit_group TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  as_of TEXT NOT NULL DEFAULT '',
  number_of_tasks INTEGER NOT NULL CHECK (number_of_tasks >= 0),
  as_printed TEXT NOT NULL DEFAULT '',
  document TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (programme, unit_group, status, as_of)
);
ALTER TABLE programmes ADD COLUMN reported_with TEXT NOT NULL DEFAULT '';
)sql";

// A revision names the field that changed (core/observation.h); the revisions kept before this
// step were all of the value.
constexpr std::string_view kRevisionFieldsSchema = R"sql(
ALTER TABLE revisions ADD COLUMN field TEXT NOT NULL DEFAULT 'value';
)sql";

constexpr std::array<Migration, 8> kMigrations{{
    {1, "catalogue, observations, revisions, tasks", kInitialSchema},
    {2, "reporting regimes and submissions", kRegimesSchema},
    {3, "overrides of target classes", kOverridesSchema},
    {4, "overrides judge one assessment period", kOverridePeriodSchema, kOverridesWithoutDate, kDateTheOverrides},
    {5, "relations between indicators, for the checks", kRelationsSchema},
    {6, "partial transfers of functions between units", kPartialTransfersSchema},
    {7, "tasks known only as counts; programmes reported with another", kTaskCountsSchema},
    {8, "revisions name the field that changed", kRevisionFieldsSchema},
}};

constexpr std::string_view kBootstrap =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " applied_at TEXT NOT NULL)";

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

std::set<int> applied_versions(sql::Session& session) {
  std::set<int> out;
  for (const auto& row : session.query("SELECT version FROM schema_migrations"))
    out.insert(static_cast<int>(sql::integer(row[0])));
  return out;
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }
int latest_schema_version() { return kMigrations.back().version; }

std::string render_migration(std::string_view sql, const sql::Dialect& dialect) {
  std::string out(sql);
  replace_all(out, "{double}", dialect.double_type);
  replace_all(out, "{serial_key}", dialect.serial_key);
  return out;
}

void migrate(sql::Session& session) {
  // One transaction for the whole run: the lock (SQLite's write lock, PostgreSQL's advisory lock)
  // makes a second process wait and then find everything applied.
  session.begin();
  try {
    if (!session.dialect().migration_lock.empty()) session.query(session.dialect().migration_lock);
    session.execute_script(kBootstrap);
    std::set<int> done = applied_versions(session);
    for (const auto& m : kMigrations) {
      if (done.contains(m.version)) continue;
      if (!m.blocked_by.empty()) {
        std::vector<std::string> blocking;
        for (const auto& row : session.query(m.blocked_by)) {
          std::vector<std::string> cells;
          for (const auto& cell : row) cells.push_back(sql::text(cell));
          blocking.push_back(text::join(cells, "/"));
        }
        if (!blocking.empty())
          throw StoreError("không áp dụng được bước nâng cấp lược đồ số " + std::to_string(m.version) + " (" +
                           std::string(m.description) + ") cho " + text::join(blocking, ", ") + ": " +
                           std::string(m.unblock) + ". Không có thay đổi nào được ghi.");
      }
      try {
        session.execute_script(render_migration(m.sql, session.dialect()));
      } catch (const StoreError& e) {
        throw StoreError("không áp dụng được bước nâng cấp lược đồ số " + std::to_string(m.version) +
                         " (" + std::string(m.description) + "): " + e.what());
      }
      session.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                    {sql::Value{std::int64_t{m.version}}, sql::Value{store_now_iso()}});
    }
    session.commit();
  } catch (...) {
    session.rollback();
    throw;
  }
}

int schema_version(sql::Session& session) {
  auto rows = session.query("SELECT MAX(version) FROM schema_migrations");
  if (rows.empty()) return 0;
  return static_cast<int>(sql::integer(rows[0][0]));
}

}  // namespace dxmon
