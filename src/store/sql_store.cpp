#include "store/sql_store.h"

#include <map>

#include "store/entity_rows.h"
#include "store/schema.h"

namespace dxmon {
namespace {

using rows::RowCodec;

// "a, b" with the dialect's byte-order collation on each (text) column.
std::string ordered_text(const sql::Dialect& d, std::initializer_list<std::string_view> columns) {
  std::string out;
  for (auto c : columns) {
    if (!out.empty()) out += ", ";
    out += std::string(c) + std::string(d.order_collate);
  }
  return out;
}

template <typename E>
std::vector<E> read(sql::Session& s, const std::string& tail, const std::vector<sql::Value>& params = {}) {
  std::vector<E> out;
  for (const auto& row : s.query(rows::select_sql(RowCodec<E>::spec) + tail, params))
    out.push_back(RowCodec<E>::decode(row));
  return out;
}

std::string where_programme(const std::string& column, const std::string& programme) {
  return programme.empty() ? "" : " WHERE " + column + " = $1";
}

std::vector<sql::Value> programme_param(const std::string& programme) {
  if (programme.empty()) return {};
  return {sql::Value{programme}};
}

}  // namespace

SqlStore::SqlStore(std::unique_ptr<sql::Session> session) : session_(std::move(session)) {}

void SqlStore::migrate() { dxmon::migrate(*session_); }
int SqlStore::schema_version() { return dxmon::schema_version(*session_); }

std::vector<ReportingUnit> SqlStore::units() {
  return read<ReportingUnit>(*session_, " ORDER BY " + ordered_text(session_->dialect(), {"code"}));
}

std::vector<UnitSuccession> SqlStore::successions() {
  return read<UnitSuccession>(*session_,
                              " ORDER BY " + ordered_text(session_->dialect(), {"predecessor", "successor"}));
}

std::vector<Indicator> SqlStore::indicators() {
  return read<Indicator>(*session_, " ORDER BY " + ordered_text(session_->dialect(), {"code"}));
}

std::vector<Programme> SqlStore::programmes() {
  return read<Programme>(*session_, " ORDER BY " + ordered_text(session_->dialect(), {"code"}));
}

std::vector<Target> SqlStore::targets(const std::string& programme) {
  const auto& d = session_->dialect();
  auto params = programme_param(programme);
  auto out = read<Target>(*session_,
                          where_programme("programme", programme) + " ORDER BY " + ordered_text(d, {"programme"}) +
                              ", sort_order, " + ordered_text(d, {"code"}),
                          params);
  std::map<std::string, Target*> by_key;
  for (auto& t : out) by_key[RowCodec<Target>::key(t)] = &t;
  auto items = session_->query(rows::select_sql(rows::TargetItemRows::spec) + where_programme("programme", programme) +
                                   " ORDER BY " + ordered_text(d, {"programme", "target"}) + ", seq",
                               params);
  for (const auto& row : items)
    if (auto it = by_key.find(rows::TargetItemRows::target_key(row)); it != by_key.end())
      it->second->items.push_back(rows::TargetItemRows::decode(row));
  return out;
}

std::vector<Observation> SqlStore::observations(const ObservationQuery& q) {
  std::string where;
  std::vector<sql::Value> params;
  auto filter = [&](std::string_view column, std::string value) {
    if (value.empty()) return;
    params.emplace_back(std::move(value));
    where += (where.empty() ? " WHERE " : " AND ") + std::string(column) + " = $" + std::to_string(params.size());
  };
  filter("indicator", q.indicator);
  filter("unit", q.unit);
  if (q.period) filter("period_id", q.period->id());
  filter("document", q.document);
  const auto& d = session_->dialect();
  return read<Observation>(*session_,
                           where + " ORDER BY " + ordered_text(d, {"indicator", "unit"}) +
                               ", period_rank, period_year, period_index, period_day, " +
                               ordered_text(d, {"document"}),
                           params);
}

std::vector<Task> SqlStore::tasks(const std::string& programme) {
  const auto& d = session_->dialect();
  auto params = programme_param(programme);
  auto out = read<Task>(*session_, where_programme("programme", programme) + " ORDER BY " + ordered_text(d, {"code"}),
                        params);
  std::map<std::string, Task*> by_code;
  for (auto& t : out) by_code[t.code] = &t;
  std::string where = programme.empty() ? "" : " WHERE task IN (SELECT code FROM tasks WHERE programme = $1)";
  auto statuses = session_->query(rows::select_sql(rows::TaskStatusRows::spec) + where + " ORDER BY " +
                                      ordered_text(d, {"task"}) + ", seq",
                                  params);
  for (const auto& row : statuses)
    if (auto it = by_code.find(sql::text(row[0])); it != by_code.end())
      it->second->statuses.push_back(rows::TaskStatusRows::decode(row));
  return out;
}

std::vector<TaskCount> SqlStore::task_counts(const std::string& programme) {
  return read<TaskCount>(*session_,
                         where_programme("programme", programme) + " ORDER BY " +
                             ordered_text(session_->dialect(), {"programme", "unit_group", "status", "as_of"}),
                         programme_param(programme));
}

std::vector<Revision> SqlStore::revisions(const std::string& observation_key) {
  std::string where = observation_key.empty() ? "" : " WHERE observation_key = $1";
  std::vector<sql::Value> params;
  if (!observation_key.empty()) params.emplace_back(observation_key);
  return read<Revision>(*session_,
                        where + " ORDER BY " + ordered_text(session_->dialect(), {"observation_key"}) + ", id",
                        params);
}

std::vector<Override> SqlStore::overrides(const std::string& programme) {
  return read<Override>(*session_,
                        where_programme("programme", programme) + " ORDER BY " +
                            ordered_text(session_->dialect(), {"programme", "target", "period_id"}),
                        programme_param(programme));
}

std::vector<IndicatorRelation> SqlStore::relations() {
  return read<IndicatorRelation>(*session_,
                                 " ORDER BY " + ordered_text(session_->dialect(), {"relation", "indicator", "parts"}));
}

}  // namespace dxmon
