#pragma once
// The components of a composite index and their maximum points (`dxmon rank --weights FILE`): a
// CSV with a header row and the columns indicator (chỉ tiêu), max_points (điểm tối đa, trọng số)
// and, optionally, name (tên). One row per component:
//   indicator,max_points,name
//   dvc.dung_han,20,Tiến độ giải quyết
#include <optional>
#include <string>
#include <vector>

#include "assess/ranking.h"
#include "io/problem.h"

namespace dxmon::io {

// The components in file order. Each unreadable row (a missing indicator, a maximum that is not a
// positive number, an indicator given twice), a missing column or a file that cannot be read adds
// a problem with file, line, column and what to do; nothing is returned for a row with problems.
std::vector<CompositeComponent> read_index_components(const std::string& path, Problems& problems);

// "dvc.dung_han=20": one component given on the command line; nullopt when it is not CODE=POINTS
// with positive points.
std::optional<CompositeComponent> parse_index_component(const std::string& text);

}  // namespace dxmon::io
