#include "core/task_count.h"

namespace dxmon {

std::string TaskCount::key() const {
  // '|' never occurs in programme codes (checked on import) nor in the ids.
  return programme + "|" + (group ? std::string(unit_group_id(*group)) : "") + "|" +
         (status ? std::string(task_status_id(*status)) : "") + "|" + (as_of ? as_of->iso() : "");
}

}  // namespace dxmon
