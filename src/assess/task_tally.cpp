#include "assess/task_tally.h"

namespace dxmon {

namespace {

std::optional<UnitGroup> group_of_lead(const std::vector<ReportingUnit>& units, const std::string& code) {
  for (const auto& u : units) {
    if (u.code != code) continue;
    if (unit_in_group(u, UnitGroup::Provinces)) return UnitGroup::Provinces;
    if (unit_in_group(u, UnitGroup::Ministries)) return UnitGroup::Ministries;
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

const TallyCell& TaskTally::at(std::optional<UnitGroup> group, std::optional<TaskStatus> status) const {
  static const TallyCell empty;
  auto it = cells.find({group, status});
  return it == cells.end() ? empty : it->second;
}

bool TaskTally::has_reported() const {
  for (const auto& [key, cell] : cells)
    if (cell.reported) return true;
  return false;
}

namespace {
constexpr UnitGroup kGroups[] = {UnitGroup::Ministries, UnitGroup::Provinces, UnitGroup::MinistriesAndProvinces,
                                 UnitGroup::Nation};
}  // namespace

TallyFigure TaskTally::figure(std::optional<UnitGroup> group, std::optional<TaskStatus> status) const {
  const TallyCell& c = at(group, status);
  if (c.reported) return {c.reported->count, true, {c.reported}};
  TallyFigure f{c.listed, false, {}};
  if (group) return f;
  // All groups: the groups' printed counts where there are some, the named tasks elsewhere.
  long in_groups = 0;
  TallyFigure sum;
  for (UnitGroup g : kGroups) {
    const TallyCell& gc = at(g, status);
    in_groups += gc.listed;
    if (gc.reported) {
      sum.value += gc.reported->count;
      sum.rows.push_back(gc.reported);
    } else {
      sum.value += gc.listed;
    }
  }
  if (sum.rows.empty()) return f;
  sum.value += c.listed - in_groups;  // named tasks whose lead unit is in no group
  sum.reported = true;
  return sum;
}

std::vector<std::pair<TallyKey, const TallyCell*>> TaskTally::reported_in_order() const {
  std::vector<std::pair<TallyKey, const TallyCell*>> out;
  for (std::optional<UnitGroup> g : {std::optional<UnitGroup>(), std::optional<UnitGroup>(UnitGroup::Ministries),
                                     std::optional<UnitGroup>(UnitGroup::Provinces),
                                     std::optional<UnitGroup>(UnitGroup::MinistriesAndProvinces),
                                     std::optional<UnitGroup>(UnitGroup::Nation)}) {
    std::vector<std::optional<TaskStatus>> statuses{std::nullopt};
    for (TaskStatus s : kTaskStatusOrder) statuses.emplace_back(s);
    for (const auto& s : statuses)
      if (auto it = cells.find({g, s}); it != cells.end() && it->second.reported) out.emplace_back(it->first, &it->second);
  }
  return out;
}

TaskTally tally_tasks(const Dataset& data, const std::string& programme, std::optional<Date> on) {
  TaskTally t;
  t.programme = programme;
  for (const Task& task : data.tasks) {
    if (task.programme != programme) continue;
    const std::optional<UnitGroup> group = group_of_lead(data.units, task.lead_agency);
    const std::optional<TaskStatus> status = task.current_status();
    auto add = [&](std::optional<UnitGroup> g, std::optional<TaskStatus> s) {
      TallyCell& c = t.cells[{g, s}];
      ++c.listed;
      c.tasks.push_back(&task);
    };
    add(std::nullopt, std::nullopt);
    if (status) add(std::nullopt, status);
    if (group) {
      add(group, std::nullopt);
      if (status) add(group, status);
    }
  }
  // The reported counts of one day: the latest on or before `on`.
  for (const TaskCount& c : data.task_counts)
    if (c.programme == programme && c.as_of && (!on || *c.as_of <= *on) && (!t.as_of || *t.as_of < *c.as_of))
      t.as_of = c.as_of;
  for (const TaskCount& c : data.task_counts)
    if (c.programme == programme && c.as_of == t.as_of) t.cells[{c.group, c.status}].reported = &c;
  return t;
}

}  // namespace dxmon
