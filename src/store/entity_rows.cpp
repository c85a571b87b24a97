#include "store/entity_rows.h"

#include <array>
#include <nlohmann/json.hpp>

#include "store/store.h"

namespace dxmon::rows {
namespace {

using sql::Row;
using sql::Value;

Value str(std::string_view s) { return Value{std::string(s)}; }
Value num(std::int64_t n) { return Value{n}; }

Value date_value(const std::optional<Date>& d) { return d ? str(d->iso()) : Value{nullptr}; }
Value period_value(const std::optional<Period>& p) { return p ? str(p->id()) : Value{nullptr}; }
Value group_value(const std::optional<UnitGroup>& g) { return g ? str(unit_group_id(*g)) : Value{nullptr}; }

[[noreturn]] void bad(std::string_view column, std::string_view text) {
  throw StoreError("kho dữ liệu chứa giá trị không hợp lệ ở cột " + std::string(column) + ": \"" +
                   std::string(text) + "\" — cơ sở dữ liệu có thể đã bị sửa ngoài dxmon");
}

template <typename T>
T parsed(std::optional<T> value, std::string_view column, const Value& cell) {
  if (!value) bad(column, sql::text(cell));
  return *value;
}

std::optional<Date> opt_date(const Value& v, std::string_view column) {
  auto s = sql::opt_text(v);
  if (!s) return std::nullopt;
  return parsed(Date::parse_iso(*s), column, v);
}

Date date(const Value& v, std::string_view column) { return parsed(opt_date(v, column), column, v); }

std::optional<Period> opt_period(const Value& v, std::string_view column) {
  auto s = sql::opt_text(v);
  if (!s) return std::nullopt;
  return parsed(Period::parse_id(*s), column, v);
}

std::optional<UnitGroup> opt_group(const Value& v, std::string_view column) {
  auto s = sql::opt_text(v);
  if (!s) return std::nullopt;
  return parsed(parse_unit_group(*s), column, v);
}

// Lists of names or codes are JSON arrays of strings in one column.
Value list_value(const std::vector<std::string>& list) {
  try {
    return str(nlohmann::json(list).dump());
  } catch (const nlohmann::json::exception&) {
    throw StoreError("danh sách chứa văn bản không phải UTF-8 hợp lệ: hãy kiểm tra mã hoá tệp nguồn");
  }
}

std::vector<std::string> list(const Value& v, std::string_view column) {
  std::string text = sql::text(v);
  try {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    bad(column, text);
  }
}

std::optional<bool> opt_bool(const Value& v) {
  auto i = sql::opt_integer(v);
  if (!i) return std::nullopt;
  return *i != 0;
}

Value bool_value(const std::optional<bool>& b) { return b ? num(*b ? 1 : 0) : Value{nullptr}; }

int integer(const Value& v) { return static_cast<int>(sql::integer(v)); }

std::string join(std::span<const std::string_view> parts, std::string_view sep, std::string_view suffix = "") {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
    out += suffix;
  }
  return out;
}

constexpr std::array<std::string_view, 10> kUnitColumns{
    "code", "name", "short_names", "aliases", "kind", "parent", "official_code", "valid_from", "valid_to", "source"};
constexpr std::array<std::string_view, 6> kSuccessionColumns{"predecessor", "successor", "effective_date", "source",
                                                             "kind", "functions"};
constexpr std::array<std::string_view, 13> kIndicatorColumns{
    "code", "name", "unit", "direction", "pillar", "kind", "aggregation", "lead_agency", "co_agencies",
    "unit_group", "definition", "definition_source", "source"};
constexpr std::array<std::string_view, 8> kProgrammeColumns{
    "code", "name", "kind", "document", "issued", "lead_agency", "source", "reported_with"};
constexpr std::array<std::string_view, 9> kTargetColumns{
    "programme", "code", "printed_no", "label", "heading", "printed_group", "deadline", "sort_order", "source"};
constexpr std::array<std::string_view, 10> kTargetItemColumns{
    "programme", "target", "seq", "indicator", "label", "comparator", "value", "value_max", "as_printed", "scope"};
constexpr std::array<std::string_view, 19> kObservationColumns{
    "indicator", "unit", "period_id", "document", "value", "value_max", "numerator", "denominator", "fact",
    "as_printed", "flags", "provenance_kind", "provenance_location", "as_of", "comment",
    // derived sort key, see the schema
    "period_rank", "period_year", "period_index", "period_day"};
constexpr std::array<std::string_view, 10> kTaskColumns{
    "code", "programme", "name", "lead_agency", "co_agencies", "deadline", "deadline_as_printed",
    "progress_as_printed", "result", "source"};
constexpr std::array<std::string_view, 5> kTaskStatusColumns{"task", "seq", "status", "status_date", "source"};
constexpr std::array<std::string_view, 7> kRevisionColumns{
    "observation_key", "changed_at", "changed_by", "field", "old_value", "new_value", "reason"};
constexpr std::array<std::string_view, 8> kTaskCountColumns{
    "programme", "unit_group", "status", "as_of", "number_of_tasks", "as_printed", "document", "source"};

constexpr std::array<std::string_view, 9> kOverrideColumns{
    "programme", "target", "period_id", "report_group", "fine_class", "who", "decided_on", "why", "source"};

constexpr std::array<std::string_view, 5> kRelationColumns{"relation", "indicator", "parts", "unit_group", "source"};

constexpr std::array<std::string_view, 11> kRegimeColumns{
    "code", "name", "legal_basis", "recipient", "unit_group", "units", "indicators", "frequency", "cutoff_rule",
    "deadline_rule", "source"};
constexpr std::array<std::string_view, 8> kSubmissionColumns{
    "regime", "unit", "period_id", "seq", "received_at", "status", "reason", "who"};

}  // namespace

// ---- units ----
const TableSpec RowCodec<ReportingUnit>::spec{"units", kUnitColumns, 1, kUnitColumns.size()};

Row RowCodec<ReportingUnit>::encode(const ReportingUnit& u) {
  return {str(u.code), str(u.name), list_value(u.short_names), list_value(u.aliases), str(unit_kind_id(u.kind)),
          str(u.parent), str(u.official_code), date_value(u.valid_from), date_value(u.valid_to), str(u.source)};
}

ReportingUnit RowCodec<ReportingUnit>::decode(const Row& r) {
  ReportingUnit u;
  u.code = sql::text(r[0]);
  u.name = sql::text(r[1]);
  u.short_names = list(r[2], "units.short_names");
  u.aliases = list(r[3], "units.aliases");
  u.kind = parsed(parse_unit_kind(sql::text(r[4])), "units.kind", r[4]);
  u.parent = sql::text(r[5]);
  u.official_code = sql::text(r[6]);
  u.valid_from = opt_date(r[7], "units.valid_from");
  u.valid_to = opt_date(r[8], "units.valid_to");
  u.source = sql::text(r[9]);
  return u;
}

// ---- successions ----
const TableSpec RowCodec<UnitSuccession>::spec{"successions", kSuccessionColumns, 2, kSuccessionColumns.size()};

Row RowCodec<UnitSuccession>::encode(const UnitSuccession& s) {
  return {str(s.predecessor), str(s.successor), str(s.date.iso()), str(s.source), str(succession_kind_id(s.kind)),
          str(s.functions)};
}

UnitSuccession RowCodec<UnitSuccession>::decode(const Row& r) {
  UnitSuccession s;
  s.predecessor = sql::text(r[0]);
  s.successor = sql::text(r[1]);
  s.date = date(r[2], "successions.effective_date");
  s.source = sql::text(r[3]);
  s.kind = parsed(parse_succession_kind(sql::text(r[4])), "successions.kind", r[4]);
  s.functions = sql::text(r[5]);
  return s;
}

// ---- indicators ----
const TableSpec RowCodec<Indicator>::spec{"indicators", kIndicatorColumns, 1, kIndicatorColumns.size()};

Row RowCodec<Indicator>::encode(const Indicator& i) {
  return {str(i.code), str(i.name), str(i.unit), str(direction_id(i.direction)), str(i.pillar),
          str(indicator_kind_id(i.kind)), str(aggregation_id(i.aggregation)), str(i.lead_agency),
          list_value(i.co_agencies), group_value(i.unit_group), str(i.definition), str(i.definition_source),
          str(i.source)};
}

Indicator RowCodec<Indicator>::decode(const Row& r) {
  Indicator i;
  i.code = sql::text(r[0]);
  i.name = sql::text(r[1]);
  i.unit = sql::text(r[2]);
  i.direction = parsed(parse_direction(sql::text(r[3])), "indicators.direction", r[3]);
  i.pillar = sql::text(r[4]);
  i.kind = parsed(parse_indicator_kind(sql::text(r[5])), "indicators.kind", r[5]);
  i.aggregation = parsed(parse_aggregation(sql::text(r[6])), "indicators.aggregation", r[6]);
  i.lead_agency = sql::text(r[7]);
  i.co_agencies = list(r[8], "indicators.co_agencies");
  i.unit_group = opt_group(r[9], "indicators.unit_group");
  i.definition = sql::text(r[10]);
  i.definition_source = sql::text(r[11]);
  i.source = sql::text(r[12]);
  return i;
}

// ---- programmes ----
const TableSpec RowCodec<Programme>::spec{"programmes", kProgrammeColumns, 1, kProgrammeColumns.size()};

Row RowCodec<Programme>::encode(const Programme& p) {
  return {str(p.code),     str(p.name),        str(programme_kind_id(p.kind)), str(p.document),
          date_value(p.issued), str(p.lead_agency), str(p.source), str(p.reported_with)};
}

Programme RowCodec<Programme>::decode(const Row& r) {
  Programme p;
  p.code = sql::text(r[0]);
  p.name = sql::text(r[1]);
  p.kind = parsed(parse_programme_kind(sql::text(r[2])), "programmes.kind", r[2]);
  p.document = sql::text(r[3]);
  p.issued = opt_date(r[4], "programmes.issued");
  p.lead_agency = sql::text(r[5]);
  p.source = sql::text(r[6]);
  p.reported_with = sql::text(r[7]);
  return p;
}

// ---- targets ----
const TableSpec RowCodec<Target>::spec{"targets", kTargetColumns, 2, kTargetColumns.size()};

Row RowCodec<Target>::encode(const Target& t) {
  return {str(t.programme), str(t.code), str(t.printed_no), str(t.label), str(t.heading), str(t.printed_group),
          period_value(t.deadline), num(t.sort_order), str(t.source)};
}

Target RowCodec<Target>::decode(const Row& r) {
  Target t;
  t.programme = sql::text(r[0]);
  t.code = sql::text(r[1]);
  t.printed_no = sql::text(r[2]);
  t.label = sql::text(r[3]);
  t.heading = sql::text(r[4]);
  t.printed_group = sql::text(r[5]);
  t.deadline = opt_period(r[6], "targets.deadline");
  t.sort_order = integer(r[7]);
  t.source = sql::text(r[8]);
  return t;
}

const TableSpec TargetItemRows::spec{"target_items", kTargetItemColumns, 3, kTargetItemColumns.size()};

Row TargetItemRows::encode(const Target& t, std::size_t seq) {
  const TargetItem& i = t.items[seq];
  return {str(t.programme),  str(t.code),          num(static_cast<std::int64_t>(seq)),
          str(i.indicator),  str(i.label),         str(comparator_symbol(i.comparator)),
          sql::nullable(i.value), sql::nullable(i.value_max), str(i.as_printed),
          group_value(i.scope)};
}

TargetItem TargetItemRows::decode(const Row& r) {
  TargetItem i;
  i.indicator = sql::text(r[3]);
  i.label = sql::text(r[4]);
  i.comparator = parsed(parse_comparator(sql::text(r[5])), "target_items.comparator", r[5]);
  i.value = sql::opt_real(r[6]);
  i.value_max = sql::opt_real(r[7]);
  i.as_printed = sql::text(r[8]);
  i.scope = opt_group(r[9], "target_items.scope");
  return i;
}

std::string TargetItemRows::target_key(const Row& r) { return sql::text(r[0]) + "|" + sql::text(r[1]); }

// ---- observations ----
const TableSpec RowCodec<Observation>::spec{"observations", kObservationColumns, 4, kObservationColumns.size() - 4};

Row RowCodec<Observation>::encode(const Observation& o) {
  return {str(o.indicator),
          str(o.unit),
          str(o.period.id()),
          str(o.provenance.document),
          sql::nullable(o.value),
          sql::nullable(o.value_max),
          sql::nullable(o.numerator),
          sql::nullable(o.denominator),
          bool_value(o.fact),
          str(o.as_printed),
          str(flags_to_string(o.flags)),
          str(provenance_kind_id(o.provenance.kind)),
          str(o.provenance.location),
          date_value(o.as_of),
          str(o.comment),
          num(static_cast<int>(o.period.type)),
          num(o.period.year),
          num(o.period.index),
          num(o.period.day)};
}

Observation RowCodec<Observation>::decode(const Row& r) {
  Observation o;
  o.indicator = sql::text(r[0]);
  o.unit = sql::text(r[1]);
  o.period = parsed(opt_period(r[2], "observations.period_id"), "observations.period_id", r[2]);
  o.provenance.document = sql::text(r[3]);
  o.value = sql::opt_real(r[4]);
  o.value_max = sql::opt_real(r[5]);
  o.numerator = sql::opt_real(r[6]);
  o.denominator = sql::opt_real(r[7]);
  o.fact = opt_bool(r[8]);
  o.as_printed = sql::text(r[9]);
  o.flags = parsed(parse_flags(sql::text(r[10])), "observations.flags", r[10]);
  o.provenance.kind = parsed(parse_provenance_kind(sql::text(r[11])), "observations.provenance_kind", r[11]);
  o.provenance.location = sql::text(r[12]);
  o.as_of = opt_date(r[13], "observations.as_of");
  o.comment = sql::text(r[14]);
  return o;
}

// ---- tasks ----
const TableSpec RowCodec<Task>::spec{"tasks", kTaskColumns, 1, kTaskColumns.size()};

Row RowCodec<Task>::encode(const Task& t) {
  return {str(t.code),     str(t.programme),           str(t.name),
          str(t.lead_agency), list_value(t.co_agencies), period_value(t.deadline),
          str(t.deadline_as_printed), str(t.progress_as_printed), str(t.result),
          str(t.source)};
}

Task RowCodec<Task>::decode(const Row& r) {
  Task t;
  t.code = sql::text(r[0]);
  t.programme = sql::text(r[1]);
  t.name = sql::text(r[2]);
  t.lead_agency = sql::text(r[3]);
  t.co_agencies = list(r[4], "tasks.co_agencies");
  t.deadline = opt_period(r[5], "tasks.deadline");
  t.deadline_as_printed = sql::text(r[6]);
  t.progress_as_printed = sql::text(r[7]);
  t.result = sql::text(r[8]);
  t.source = sql::text(r[9]);
  return t;
}

const TableSpec TaskStatusRows::spec{"task_statuses", kTaskStatusColumns, 2, kTaskStatusColumns.size()};

Row TaskStatusRows::encode(const std::string& task, std::size_t seq, const TaskStatusChange& s) {
  return {str(task), num(static_cast<std::int64_t>(seq)), str(task_status_id(s.status)), date_value(s.date),
          str(s.source)};
}

TaskStatusChange TaskStatusRows::decode(const Row& r) {
  TaskStatusChange s;
  s.status = parsed(parse_task_status(sql::text(r[2])), "task_statuses.status", r[2]);
  s.date = opt_date(r[3], "task_statuses.status_date");
  s.source = sql::text(r[4]);
  return s;
}

// ---- revisions ----
const TableSpec RowCodec<Revision>::spec{"revisions", kRevisionColumns, 0, kRevisionColumns.size()};

Row RowCodec<Revision>::encode(const Revision& r) {
  return {str(r.observation_key), str(r.changed_at), str(r.changed_by), str(r.field), str(r.old_value),
          str(r.new_value), str(r.reason)};
}

Revision RowCodec<Revision>::decode(const Row& r) {
  return {sql::text(r[0]), sql::text(r[1]), sql::text(r[2]), sql::text(r[3]),
          sql::text(r[4]), sql::text(r[5]), sql::text(r[6])};
}

// ---- task counts ----
const TableSpec RowCodec<TaskCount>::spec{"task_counts", kTaskCountColumns, 4, kTaskCountColumns.size()};

Row RowCodec<TaskCount>::encode(const TaskCount& c) {
  return {str(c.programme),
          str(c.group ? unit_group_id(*c.group) : ""),
          str(c.status ? task_status_id(*c.status) : ""),
          str(c.as_of ? c.as_of->iso() : ""),
          num(c.count),
          str(c.as_printed),
          str(c.document),
          str(c.source)};
}

TaskCount RowCodec<TaskCount>::decode(const Row& r) {
  TaskCount c;
  c.programme = sql::text(r[0]);
  if (auto g = sql::text(r[1]); !g.empty()) c.group = parsed(parse_unit_group(g), "task_counts.unit_group", r[1]);
  if (auto s = sql::text(r[2]); !s.empty()) c.status = parsed(parse_task_status(s), "task_counts.status", r[2]);
  if (auto d = sql::text(r[3]); !d.empty()) c.as_of = parsed(Date::parse_iso(d), "task_counts.as_of", r[3]);
  c.count = static_cast<long>(sql::integer(r[4]));
  c.as_printed = sql::text(r[5]);
  c.document = sql::text(r[6]);
  c.source = sql::text(r[7]);
  return c;
}

// ---- overrides ----
const TableSpec RowCodec<Override>::spec{"overrides", kOverrideColumns, 3, kOverrideColumns.size()};

Row RowCodec<Override>::encode(const Override& o) {
  return {str(o.programme), str(o.target), str(o.period.id()), str(report_group_id(o.group)),
          o.fine ? str(progress_class_id(*o.fine)) : Value{nullptr}, str(o.who), date_value(o.when), str(o.why),
          str(o.source)};
}

Override RowCodec<Override>::decode(const Row& r) {
  Override o;
  o.programme = sql::text(r[0]);
  o.target = sql::text(r[1]);
  o.period = parsed(Period::parse_id(sql::text(r[2])), "overrides.period_id", r[2]);
  o.group = parsed(parse_report_group(sql::text(r[3])), "overrides.report_group", r[3]);
  if (auto fine = sql::opt_text(r[4])) o.fine = parsed(parse_progress_class(*fine), "overrides.fine_class", r[4]);
  o.who = sql::text(r[5]);
  o.when = opt_date(r[6], "overrides.decided_on");
  o.why = sql::text(r[7]);
  o.source = sql::text(r[8]);
  return o;
}

// ---- relations between indicators ----
const TableSpec RowCodec<IndicatorRelation>::spec{"indicator_relations", kRelationColumns, 3, kRelationColumns.size()};

Row RowCodec<IndicatorRelation>::encode(const IndicatorRelation& r) {
  return {str(relation_kind_id(r.kind)), str(r.indicator), list_value(r.parts), str(unit_selection_id(r.group)),
          str(r.source)};
}

IndicatorRelation RowCodec<IndicatorRelation>::decode(const Row& r) {
  IndicatorRelation out;
  out.kind = parsed(parse_relation_kind(sql::text(r[0])), "indicator_relations.relation", r[0]);
  out.indicator = sql::text(r[1]);
  out.parts = list(r[2], "indicator_relations.parts");
  if (const std::string group = sql::text(r[3]); !group.empty())
    out.group = parsed(parse_unit_selection(group), "indicator_relations.unit_group", r[3]);
  out.source = sql::text(r[4]);
  return out;
}

// ---- reporting regimes ----
const TableSpec RowCodec<ReportingRegime>::spec{"reporting_regimes", kRegimeColumns, 1, kRegimeColumns.size()};

Row RowCodec<ReportingRegime>::encode(const ReportingRegime& r) {
  return {str(r.code),          str(r.name),
          str(r.legal_basis),   str(r.recipient),
          group_value(r.unit_group), list_value(r.units),
          list_value(r.indicators), str(frequency_id(r.frequency)),
          str(cutoff_rule_id(r.cutoff)), str(r.deadline.id()),
          str(r.source)};
}

ReportingRegime RowCodec<ReportingRegime>::decode(const Row& r) {
  ReportingRegime g;
  g.code = sql::text(r[0]);
  g.name = sql::text(r[1]);
  g.legal_basis = sql::text(r[2]);
  g.recipient = sql::text(r[3]);
  g.unit_group = opt_group(r[4], "reporting_regimes.unit_group");
  g.units = list(r[5], "reporting_regimes.units");
  g.indicators = list(r[6], "reporting_regimes.indicators");
  g.frequency = parsed(parse_frequency(sql::text(r[7])), "reporting_regimes.frequency", r[7]);
  g.cutoff = parsed(parse_cutoff_rule(sql::text(r[8])), "reporting_regimes.cutoff_rule", r[8]);
  g.deadline = parsed(DeadlineRule::parse_id(sql::text(r[9])), "reporting_regimes.deadline_rule", r[9]);
  g.source = sql::text(r[10]);
  return g;
}

const TableSpec SubmissionRows::spec{"submissions", kSubmissionColumns, 4, kSubmissionColumns.size()};

Row SubmissionRows::encode(const Submission& s, std::int64_t seq) {
  return {str(s.regime), str(s.unit), str(s.period.id()), num(seq), str(s.received_at.iso()),
          str(submission_status_id(s.status)), str(s.reason), str(s.who)};
}

Submission SubmissionRows::decode(const Row& r) {
  Submission s;
  s.regime = sql::text(r[0]);
  s.unit = sql::text(r[1]);
  s.period = parsed(opt_period(r[2], "submissions.period_id"), "submissions.period_id", r[2]);
  s.received_at = parsed(DateTime::parse_iso(sql::text(r[4])), "submissions.received_at", r[4]);
  s.status = parsed(parse_submission_status(sql::text(r[5])), "submissions.status", r[5]);
  s.reason = sql::text(r[6]);
  s.who = sql::text(r[7]);
  return s;
}

// ---- SQL text ----
std::string select_sql(const TableSpec& spec) {
  return "SELECT " + join(spec.columns.first(spec.read_count), ", ") + " FROM " + std::string(spec.table);
}

std::string insert_sql(const TableSpec& spec) {
  std::string params;
  for (std::size_t i = 1; i <= spec.columns.size(); ++i) params += (i > 1 ? ", $" : "$") + std::to_string(i);
  return "INSERT INTO " + std::string(spec.table) + " (" + join(spec.columns, ", ") + ") VALUES (" + params + ")";
}

std::string update_sql(const TableSpec& spec) {
  std::string set, where;
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    std::string term = std::string(spec.columns[i]) + " = $" + std::to_string(i + 1);
    std::string& into = i < spec.key_count ? where : set;
    into += (into.empty() ? "" : (i < spec.key_count ? " AND " : ", ")) + term;
  }
  return "UPDATE " + std::string(spec.table) + " SET " + set + " WHERE " + where;
}

std::string delete_children_sql(const TableSpec& child, std::size_t parent_key_count) {
  std::string where;
  for (std::size_t i = 0; i < parent_key_count; ++i)
    where += (i ? " AND " : "") + std::string(child.columns[i]) + " = $" + std::to_string(i + 1);
  return "DELETE FROM " + std::string(child.table) + " WHERE " + where;
}

}  // namespace dxmon::rows
