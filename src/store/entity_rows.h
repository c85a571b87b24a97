#pragma once
// How each entity maps to a table row: one place that knows the columns, used by both the writes
// (sql_apply.cpp) and the reads (sql_store.cpp) so the two cannot drift apart.
//
// A RowCodec<E> gives the table, its columns (key columns first; columns after `read_count` are
// derived and only written), encode() in that column order, decode() from the first `read_count`
// columns, and key() — the entity's identity as one string, for the diff maps.
#include <span>
#include <string>
#include <string_view>

#include "core/dataset.h"
#include "core/regime.h"
#include "store/sql_session.h"

namespace dxmon::rows {

struct TableSpec {
  std::string_view table;
  std::span<const std::string_view> columns;
  std::size_t key_count;   // leading columns that identify a row
  std::size_t read_count;  // leading columns decode() needs
};

template <typename E>
struct RowCodec;

template <>
struct RowCodec<ReportingUnit> {
  static const TableSpec spec;
  static sql::Row encode(const ReportingUnit& u);
  static ReportingUnit decode(const sql::Row& r);
  static std::string key(const ReportingUnit& u) { return u.code; }
};

template <>
struct RowCodec<UnitSuccession> {
  static const TableSpec spec;
  static sql::Row encode(const UnitSuccession& s);
  static UnitSuccession decode(const sql::Row& r);
  static std::string key(const UnitSuccession& s) { return s.predecessor + "|" + s.successor; }
};

template <>
struct RowCodec<Indicator> {
  static const TableSpec spec;
  static sql::Row encode(const Indicator& i);
  static Indicator decode(const sql::Row& r);
  static std::string key(const Indicator& i) { return i.code; }
};

template <>
struct RowCodec<Programme> {
  static const TableSpec spec;
  static sql::Row encode(const Programme& p);
  static Programme decode(const sql::Row& r);
  static std::string key(const Programme& p) { return p.code; }
};

// A target's own row; its items are TargetItemRow rows.
template <>
struct RowCodec<Target> {
  static const TableSpec spec;
  static sql::Row encode(const Target& t);
  static Target decode(const sql::Row& r);  // without items
  static std::string key(const Target& t) { return t.programme + "|" + t.code; }
};

struct TargetItemRows {
  static const TableSpec spec;  // programme, target, seq, …
  static sql::Row encode(const Target& t, std::size_t seq);
  static TargetItem decode(const sql::Row& r);
  static std::string target_key(const sql::Row& r);  // the owning target's key()
};

template <>
struct RowCodec<Observation> {
  static const TableSpec spec;
  static sql::Row encode(const Observation& o);
  static Observation decode(const sql::Row& r);
  static std::string key(const Observation& o) { return o.key(); }
};

// A task's own row; its status history is TaskStatusRows rows.
template <>
struct RowCodec<Task> {
  static const TableSpec spec;
  static sql::Row encode(const Task& t);
  static Task decode(const sql::Row& r);  // without statuses
  static std::string key(const Task& t) { return t.code; }
};

struct TaskStatusRows {
  static const TableSpec spec;  // task, seq, …
  static sql::Row encode(const std::string& task, std::size_t seq, const TaskStatusChange& s);
  static TaskStatusChange decode(const sql::Row& r);
};

// Absent group, status and day are '' in the table: they are part of the primary key.
template <>
struct RowCodec<TaskCount> {
  static const TableSpec spec;
  static sql::Row encode(const TaskCount& c);
  static TaskCount decode(const sql::Row& r);
  static std::string key(const TaskCount& c) { return c.key(); }
};

template <>
struct RowCodec<Revision> {
  static const TableSpec spec;  // without the id: revisions are only ever inserted
  static sql::Row encode(const Revision& r);
  static Revision decode(const sql::Row& r);
};

template <>
struct RowCodec<Override> {
  static const TableSpec spec;
  static sql::Row encode(const Override& o);
  static Override decode(const sql::Row& r);
  static std::string key(const Override& o) { return override_key(o); }
};

template <>
struct RowCodec<IndicatorRelation> {
  static const TableSpec spec;
  static sql::Row encode(const IndicatorRelation& r);
  static IndicatorRelation decode(const sql::Row& r);
  static std::string key(const IndicatorRelation& r) { return relation_key(r); }
};

template <>
struct RowCodec<ReportingRegime> {
  static const TableSpec spec;
  static sql::Row encode(const ReportingRegime& r);
  static ReportingRegime decode(const sql::Row& r);
  static std::string key(const ReportingRegime& r) { return r.code; }
};

// One step of a report's approval history; `seq` orders the steps of one (regime, unit, period).
struct SubmissionRows {
  static const TableSpec spec;  // regime, unit, period_id, seq, …
  static sql::Row encode(const Submission& s, std::int64_t seq);
  static Submission decode(const sql::Row& r);
};

// SQL text built from a spec. Parameters are numbered in column order.
std::string select_sql(const TableSpec& spec);                  // SELECT <read columns> FROM t
std::string insert_sql(const TableSpec& spec);                  // INSERT INTO t (…) VALUES ($1, …)
std::string update_sql(const TableSpec& spec);                  // UPDATE t SET … WHERE <key> = …
std::string delete_children_sql(const TableSpec& child, std::size_t parent_key_count);

}  // namespace dxmon::rows
