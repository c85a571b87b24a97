// duplicate_in_report: the same quantity printed with two different values in one report — the
// same indicator twice (documents "X" and "X#2", data/README.md), or two indicators that
// data/indicator_relations.csv declares `same_quantity`. Values that agree within their printed
// precision ("13,9%" and "13,90%") are not a finding.
#include <map>
#include <tuple>

#include "check/rules.h"

namespace dxmon::check {

namespace {

// The indicator that stands for the whole same-quantity class of `code`.
std::string root_of(const std::map<std::string, std::string>& parent, std::string code) {
  for (auto it = parent.find(code); it != parent.end() && it->second != code; it = parent.find(code)) code = it->second;
  return code;
}

}  // namespace

void check_duplicate_in_report(const CheckContext& ctx, std::vector<Finding>& out) {
  std::map<std::string, std::string> parent;
  for (const auto& rel : ctx.options().relations) {
    if (rel.kind != RelationKind::SameQuantity) continue;
    const std::string a = root_of(parent, rel.indicator);
    for (const auto& p : rel.parts) {
      const std::string b = root_of(parent, p);
      if (a != b) parent[b] = a;
    }
  }
  using Key = std::tuple<std::string, std::string, Period, std::string>;  // class, unit, period, report
  std::map<Key, std::vector<const Observation*>> groups;
  std::vector<Key> order;
  for (const auto& o : ctx.data().observations) {
    if (!o.value || o.flags.no_data) continue;
    Key key{root_of(parent, o.indicator), o.unit, o.period, base_document(o.provenance.document)};
    auto [it, inserted] = groups.try_emplace(key);
    if (inserted) order.push_back(key);
    it->second.push_back(&o);
  }
  for (const auto& key : order) {
    const auto& obs = groups[key];
    bool conflict = false;
    for (std::size_t i = 0; i < obs.size() && !conflict; ++i)
      for (std::size_t j = i + 1; j < obs.size() && !conflict; ++j)
        conflict = !printed_of_value(*obs[i]).interval().overlaps(printed_of_value(*obs[j]).interval());
    if (!conflict) continue;
    Finding f;
    f.rule = "duplicate_in_report";
    f.severity = Severity::Error;
    std::string listed;
    for (const Observation* o : obs) {
      listed += (listed.empty() ? "" : "; ") + say_value(*o, ctx.indicator(o->indicator)) + " (" +
                o->provenance.location + (o->indicator != std::get<0>(key) ? ", chỉ tiêu \"" + o->indicator + "\"" : "") +
                ")";
      f.values.push_back(finding_value(*o, "giá trị"));
      bool seen = false;
      for (const auto& c : f.indicators) seen = seen || c == o->indicator;
      if (!seen) f.indicators.push_back(o->indicator);
    }
    f.message = "Cùng một số liệu (chỉ tiêu \"" + std::get<0>(key) + "\", " + say_period(std::get<2>(key)) +
                ") được ghi với các giá trị khác nhau trong báo cáo " + std::get<3>(key) + ": " + listed +
                ". Hãy xác định giá trị đúng.";
    f.unit = std::get<1>(key);
    f.period = std::get<2>(key);
    out.push_back(std::move(f));
  }
}

}  // namespace dxmon::check
