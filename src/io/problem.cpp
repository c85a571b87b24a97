#include "io/problem.h"

namespace dxmon::io {

std::string Problem::to_string() const {
  std::string out = file;
  bool json_like = column.empty() && row > 0 && !sheet.empty() && file.ends_with(".json");
  if (json_like) {
    out += " [" + sheet + " #" + std::to_string(row) + "]";
  } else {
    if (!sheet.empty()) out += " [" + sheet + "]";
    if (row > 0) out += ":" + std::to_string(row);
  }
  out += ":";
  if (!column.empty()) out += " cột " + column;
  if (!field.empty()) out += " \"" + field + "\"";
  if (!column.empty() || !field.empty()) out += ":";
  out += " " + what;
  if (!fix.empty()) out += " — " + fix;
  return out;
}

}  // namespace dxmon::io
