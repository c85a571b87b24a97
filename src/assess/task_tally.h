#pragma once
// A programme's tasks counted two ways: as a report printed the counts (TaskCount rows, which may
// cover tasks it never names: seed 004's 107 tasks of which 65 are named) and from the named Task
// rows. `dxmon show tasks` and the plan report show both and say which figure is which.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.h"

namespace dxmon {

// The tasks of one group of lead units (nullopt: all) with one status (nullopt: any, the total).
struct TallyKey {
  std::optional<UnitGroup> group;
  std::optional<TaskStatus> status;
  auto operator<=>(const TallyKey&) const = default;
};

struct TallyCell {
  const TaskCount* reported = nullptr;  // the count the report printed, if it printed one
  long listed = 0;                      // counted from the named tasks
  std::vector<const Task*> tasks;       // those named tasks
};

// A figure for a sentence and where it comes from.
struct TallyFigure {
  long value = 0;
  bool reported = false;                // from printed counts (else counted from the named tasks)
  std::vector<const TaskCount*> rows;   // the printed counts it comes from
};

struct TaskTally {
  std::string programme;
  std::optional<Date> as_of;  // the day of the reported counts used (the latest on or before the day asked)
  std::map<TallyKey, TallyCell> cells;

  // The cell of a group and status (an empty one when nothing is there).
  const TallyCell& at(std::optional<UnitGroup> group, std::optional<TaskStatus> status) const;
  bool has_reported() const;
  // The printed count where the report gives one. For all groups, when the report gives counts per
  // group only (51 tasks "giao cho các bộ, ngành"), the sum of the groups' figures. Else the count
  // of named tasks.
  TallyFigure figure(std::optional<UnitGroup> group, std::optional<TaskStatus> status) const;
  // The reported counts in the order views print them: the total, then each group's total and
  // statuses (ministries, then provinces).
  std::vector<std::pair<TallyKey, const TallyCell*>> reported_in_order() const;
};

// The statuses in the order the reports give them: completed first.
inline constexpr TaskStatus kTaskStatusOrder[] = {TaskStatus::Completed, TaskStatus::InProgress,
                                                  TaskStatus::NotStarted, TaskStatus::Overdue, TaskStatus::Stopped};

// The tally of `programme` from the tasks and task counts of `data`. A named task belongs to the
// group of its lead unit (a task without a lead unit counts only in the totals); its status is its
// current one. Reported counts dated after `on` are left out; of the rest the latest day is used
// (undated counts only when none is dated). nullopt `on`: every day.
TaskTally tally_tasks(const Dataset& data, const std::string& programme, std::optional<Date> on = std::nullopt);

}  // namespace dxmon
