#include "check/import_scope.h"

#include <functional>
#include <set>
#include <string>

namespace dxmon::check {
namespace {

// Replaces rows of `base` whose key an incoming row has, then appends the incoming rows.
template <typename T, typename KeyFn>
void overlay_rows(std::vector<T>& base, const std::vector<T>& incoming, KeyFn key) {
  if (incoming.empty()) return;
  std::set<std::string> replaced;
  for (const auto& row : incoming) replaced.insert(key(row));
  std::erase_if(base, [&](const T& row) { return replaced.count(key(row)) > 0; });
  base.insert(base.end(), incoming.begin(), incoming.end());
}

std::string value_key(const std::string& indicator, const std::string& unit, const std::optional<Period>& period,
                      const std::string& document) {
  return indicator + '|' + unit + '|' + (period ? period->id() : std::string()) + '|' + document;
}

}  // namespace

Dataset overlay(Dataset base, const Dataset& in) {
  auto code = [](const auto& row) { return row.code; };
  overlay_rows(base.units, in.units, code);
  overlay_rows(base.successions, in.successions,
               [](const UnitSuccession& s) { return s.predecessor + '>' + s.successor; });
  overlay_rows(base.indicators, in.indicators, code);
  overlay_rows(base.programmes, in.programmes, code);
  overlay_rows(base.targets, in.targets, [](const Target& t) { return t.programme + '/' + t.code; });
  overlay_rows(base.observations, in.observations, [](const Observation& o) { return o.key(); });
  overlay_rows(base.tasks, in.tasks, code);
  overlay_rows(base.task_counts, in.task_counts, [](const TaskCount& c) { return c.key(); });
  overlay_rows(base.overrides, in.overrides, [](const Override& o) { return override_key(o); });
  overlay_rows(base.regimes, in.regimes, code);
  overlay_rows(base.relations, in.relations, [](const IndicatorRelation& r) { return relation_key(r); });
  return base;
}

std::vector<Finding> findings_involving(const std::vector<Finding>& findings, const Dataset& in) {
  std::set<std::string> values, targets, tasks;
  for (const auto& o : in.observations)
    values.insert(value_key(o.indicator, o.unit, o.period, o.provenance.document));
  for (const auto& t : in.targets) targets.insert(t.programme + '/' + t.code);
  for (const auto& t : in.tasks) tasks.insert(t.code);
  std::vector<Finding> out;
  for (const auto& f : findings) {
    bool involved = (!f.target.empty() && targets.count(f.target)) || (!f.task.empty() && tasks.count(f.task));
    for (const auto& v : f.values)
      involved = involved || values.count(value_key(v.indicator, v.unit, v.period, v.document));
    if (involved) out.push_back(f);
  }
  return out;
}

}  // namespace dxmon::check
