#include "assess/composite_index.h"

#include <map>
#include <stdexcept>

#include "text/text.h"

namespace dxmon {

namespace {

bool is_points(const Indicator& i) { return text::fold(i.unit) == "diem"; }

const Indicator* find_indicator(const Dataset& data, const std::string& code) {
  for (const auto& i : data.indicators)
    if (i.code == code) return &i;
  return nullptr;
}

}  // namespace

void require_component(const Indicator& indicator) {
  if (is_points(indicator) || indicator.unit == "%") return;
  throw std::invalid_argument("Chỉ tiêu \"" + indicator.code + "\" (đơn vị tính \"" + indicator.unit +
                              "\") không dùng được làm thành phần của chỉ số tổng hợp: chỉ dùng chỉ tiêu tính bằng "
                              "điểm hoặc tỷ lệ %. Hãy chọn chỉ tiêu khác.");
}

double component_points(const Indicator& indicator, double value, double max_points) {
  require_component(indicator);
  if (is_points(indicator)) return value;
  return (indicator.direction == Direction::HigherIsBetter ? value : 100.0 - value) / 100.0 * max_points;
}

std::vector<UnitPoints> units_points(const Dataset& data, const std::vector<CompositeComponent>& components,
                                     const Period& period, const std::function<bool(const std::string&)>& keep) {
  std::map<std::string, const Indicator*> indicator_of;
  std::vector<std::string> unknown;
  for (const auto& c : components) {
    const Indicator* ind = find_indicator(data, c.code);
    if (!ind) unknown.push_back(c.code);
    indicator_of[c.code] = ind;
  }
  if (!unknown.empty())
    throw std::invalid_argument("Không có chỉ tiêu " + text::join(unknown, ", ") +
                                " trong danh mục: hãy kiểm tra mã thành phần (xem: dxmon show indicators).");
  for (const auto& [code, ind] : indicator_of) require_component(*ind);
  // Each unit's value of each component, chosen among documents as rank_by_indicator chooses.
  std::map<std::string, std::map<std::string, const Observation*>> chosen;  // unit → component → value
  for (const auto& c : components)
    for (const auto& [unit, o] : unit_values(data.observations, c.code, period))
      if (keep(unit)) chosen[unit][c.code] = o;
  std::vector<UnitPoints> out;
  for (const auto& [unit, values] : chosen) {
    UnitPoints u;
    u.unit = unit;
    for (const auto& c : components)
      if (auto it = values.find(c.code); it != values.end())
        u.points[c.code] = component_points(*indicator_of[c.code], *it->second->value, c.max_points);
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace dxmon
