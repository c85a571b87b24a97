#include "core/dataset.h"

#include <iterator>

namespace dxmon {

namespace {
template <typename T>
void move_into(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}
}  // namespace

void Dataset::append(Dataset&& other) {
  move_into(units, other.units);
  move_into(successions, other.successions);
  move_into(indicators, other.indicators);
  move_into(programmes, other.programmes);
  move_into(targets, other.targets);
  move_into(observations, other.observations);
  move_into(tasks, other.tasks);
  move_into(task_counts, other.task_counts);
  move_into(overrides, other.overrides);
  move_into(regimes, other.regimes);
  move_into(relations, other.relations);
  move_into(revisions, other.revisions);
}

}  // namespace dxmon
