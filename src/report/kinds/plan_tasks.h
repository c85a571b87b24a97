#pragma once
// §II of the plan report (seed 004 lines 46–66): the tasks of the plan and of the programmes
// reported with it (the Prime Minister's conclusions at the committee's sessions), each counted as
// the report printed the counts where it did (assess/task_tally.h) and named from the task list.
// Every figure says whether it is a printed count or counted from the named tasks.
#include <vector>

#include "core/dataset.h"
#include "report/document.h"

namespace dxmon::report {

// The sections of §II for `programme` and the programmes whose `reported_with` names it: one
// level-1 section, with a level-2 section per programme when there are several. Overdue is judged
// on `as_of`; printed counts dated after `counts_on` are left out. Tables are numbered from
// `first_table`.
std::vector<Section> plan_task_sections(const Programme& programme, const Dataset& data, const Date& as_of,
                                        const Date& counts_on, int first_table);

}  // namespace dxmon::report
