#include "core/unit_directory.h"

#include <algorithm>
#include <array>

#include "text/text.h"
#include "text/vdate.h"

namespace dxmon {
namespace {

// Prefixes that officials add or leave out at will, longest first, as folded words.
// fold() has already turned "TP." into "tp".
constexpr std::array<std::string_view, 5> kPrefixes = {"uy ban nhan dan ", "ubnd ", "thanh pho ",
                                                       "tinh ", "tp "};

std::string strip_prefixes(std::string key) {
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (auto p : kPrefixes) {
      if (key.size() > p.size() && key.compare(0, p.size(), p) == 0) {
        key.erase(0, p.size());
        stripped = true;
      }
    }
  }
  return key;
}

}  // namespace

std::string unit_name_key(std::string_view name) { return strip_prefixes(text::fold(name)); }

UnitDirectory::UnitDirectory(std::vector<ReportingUnit> units, std::vector<UnitSuccession> successions)
    : units_(std::move(units)), successions_(std::move(successions)) {
  for (std::size_t i = 0; i < units_.size(); ++i) {
    const auto& u = units_[i];
    by_code_.emplace(u.code, i);
    auto add = [&](std::string_view name) {
      for (std::string key : {text::fold(name), unit_name_key(name)}) {
        if (key.empty()) continue;
        auto& list = by_key_[key];
        if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
      }
    };
    add(u.name);
    add(u.code);
    for (const auto& n : u.short_names) add(n);
    for (const auto& n : u.aliases) add(n);
  }
}

const ReportingUnit* UnitDirectory::find(std::string_view code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &units_[it->second];
}

std::vector<const ReportingUnit*> UnitDirectory::candidates(std::string_view name) const {
  std::vector<const ReportingUnit*> out;
  if (auto* u = find(name)) return {u};
  for (const std::string& key : {text::fold(name), unit_name_key(name)}) {
    auto it = by_key_.find(key);
    if (it == by_key_.end()) continue;
    for (auto i : it->second)
      if (std::find(out.begin(), out.end(), &units_[i]) == out.end()) out.push_back(&units_[i]);
    if (!out.empty()) break;  // an exact folded match wins over the prefix-stripped one
  }
  return out;
}

std::optional<std::string> UnitDirectory::resolve(std::string_view name, const Date& as_of,
                                                  bool require_valid) const {
  auto found = candidates(name);
  std::vector<const ReportingUnit*> valid;
  for (auto* u : found)
    if (u->valid_on(as_of)) valid.push_back(u);
  if (valid.size() == 1) return valid.front()->code;
  if (valid.size() > 1 || require_valid) return std::nullopt;  // ambiguous, or not in force
  if (found.size() == 1) return found.front()->code;
  return std::nullopt;
}

std::vector<std::string> UnitDirectory::suggestions(std::string_view name, const Date& as_of,
                                                    std::size_t limit) const {
  // Every name a unit is known by counts ("Thừa Thiên Huếe" is close to the short name "Thừa Thiên
  // Huế"), compared on the prefix-free key; the official name is what is suggested.
  std::string key = unit_name_key(name);
  std::vector<std::pair<int, const ReportingUnit*>> scored;
  for (const auto& u : units_) {
    if (!u.valid_on(as_of)) continue;
    int best = text::edit_distance(key, unit_name_key(u.name));
    for (const auto* names : {&u.short_names, &u.aliases})
      for (const auto& n : *names) best = std::min(best, text::edit_distance(key, unit_name_key(n)));
    scored.emplace_back(best, &u);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [distance, unit] : scored) {
    if (out.size() >= limit) break;
    out.push_back(unit->name);
  }
  return out;
}

std::string UnitDirectory::explain_failure(std::string_view name, const Date& as_of,
                                           bool require_valid) const {
  auto found = candidates(name);
  std::vector<const ReportingUnit*> valid;
  for (auto* u : found)
    if (u->valid_on(as_of)) valid.push_back(u);
  std::string date = as_of.iso();
  if (valid.size() > 1) {
    std::string msg = "tên đơn vị \"" + std::string(name) + "\" chỉ nhiều đơn vị vào ngày " + date + ": ";
    for (std::size_t i = 0; i < valid.size(); ++i) msg += (i ? ", " : "") + valid[i]->name + " (" + valid[i]->code + ")";
    return msg + " — hãy ghi mã đơn vị";
  }
  if (!found.empty() && require_valid) {
    const auto* u = found.front();
    std::string msg = "đơn vị \"" + u->name + "\" (" + u->code + ") không còn hoặc chưa tồn tại vào ngày " + date +
                      (u->valid_to ? " (hiệu lực đến " + u->valid_to->iso() + ")" : "");
    auto successors = successors_in_force(u->code, as_of);
    auto partial = partial_transfers(u->code, as_of);
    if (!successors.empty()) msg += "; đơn vị kế thừa: " + text::join(successors, ", ");
    if (!partial.empty()) msg += "; chức năng chuyển giao một phần: " + text::join(partial, "; ");
    return msg;
  }
  std::string msg = "không tìm thấy đơn vị \"" + std::string(name) + "\"";
  auto close = suggestions(name, as_of);
  if (!close.empty()) msg += " — có phải là: " + text::join(close, ", ") + "?";
  return msg;
}

std::vector<std::string> UnitDirectory::successors_in_force(const std::string& code, const Date& on) const {
  std::vector<std::string> out;
  for (const UnitSuccession* link : full_successions_from(successions_, code, on)) {
    const ReportingUnit* u = find(link->successor);
    if (u && u->valid_on(on))
      out.push_back(u->name + " (" + u->code + ", từ ngày " + text::format_date_short(link->date) + ")");
  }
  return out;
}

std::vector<std::string> UnitDirectory::partial_transfers(const std::string& code, const Date& on) const {
  std::vector<std::string> out;
  for (const UnitSuccession* link : partial_transfers_from(successions_, code, on)) {
    const ReportingUnit* u = find(link->successor);
    std::string to = u ? u->name + " (" + u->code : link->successor + " (";
    out.push_back((link->functions.empty() ? std::string("một phần chức năng") : link->functions) + " sang " + to +
                  (u ? ", " : "") + "từ ngày " + text::format_date_short(link->date) + ")");
  }
  return out;
}

std::vector<const ReportingUnit*> UnitDirectory::members(UnitGroup group, const Date& as_of) const {
  std::vector<const ReportingUnit*> out;
  for (const auto& u : units_)
    if (unit_in_group(u, group) && u.valid_on(as_of)) out.push_back(&u);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return text::collate(a->name, b->name) < 0; });
  return out;
}

}  // namespace dxmon
