#include "cli/show_support.h"

#include "text/number.h"
#include "text/text.h"

namespace dxmon::cli {

std::string unit_name(const UnitDirectory& dir, const std::string& code) {
  if (code.empty()) return "";
  const auto* u = dir.find(code);
  return u ? u->name : code;
}

std::string unit_names(const UnitDirectory& dir, const std::vector<std::string>& codes, const std::string& sep) {
  std::vector<std::string> names;
  for (const auto& c : codes) names.push_back(unit_name(dir, c));
  return text::join(names, sep);
}

std::string value_cell(const Observation* o) {
  if (!o) return "";
  if (!o->as_printed.empty()) return o->as_printed;
  if (o->flags.no_data) return "-";
  // A computed value (measured, or a share from its numerator and denominator): two decimals,
  // as the reports print shares ("52,80%"); other figures as the reports write them ("2,75 nghìn tỷ").
  if (o->value) return o->denominator ? text::format_number(*o->value, 2) : text::format_scaled(*o->value);
  return "";
}

}  // namespace dxmon::cli
