#include "check/run_checks.h"

#include <functional>
#include <utility>

#include "check/check_context.h"
#include "check/rules.h"

namespace dxmon::check {

namespace {

using RuleFn = void (*)(const CheckContext&, std::vector<Finding>&);

// A family of rules run by one function, and the rule ids it may emit.
struct Family {
  RuleFn run;
  std::vector<std::string> ids;
};

const std::vector<Family>& families() {
  static const std::vector<Family> f = {
      {check_share_bounds, {"share_bounds"}},
      {check_share_consistency, {"share_consistency", "agency_share_consistency"}},
      {check_sum_consistency, {"sum_consistency"}},
      {check_duplicate_in_report, {"duplicate_in_report"}},
      {check_cumulative_monotonic, {"cumulative_monotonic", "stock_decrease"}},
      {check_repeated_values, {"repeated_values"}},
      {check_denominator_group, {"denominator_group", "group_partition"}},
      {check_achieved_claims, {"achieved_claim", "classified_without_value"}},
      {check_outliers, {"outlier_zscore", "outlier_modified_zscore"}},
      {check_task_count_sum, {"task_count_sum"}},
  };
  return f;
}

}  // namespace

const std::vector<std::string>& rule_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    for (const auto& f : families()) v.insert(v.end(), f.ids.begin(), f.ids.end());
    return v;
  }();
  return ids;
}

std::vector<Finding> run_checks(const Dataset& data, const CheckOptions& options) {
  CheckContext ctx(data, options);
  std::vector<Finding> all;
  for (const auto& family : families()) {
    bool wanted = options.rules.empty();
    for (const auto& id : family.ids) wanted = wanted || options.rules.count(id) > 0;
    if (!wanted) continue;
    std::vector<Finding> found;
    family.run(ctx, found);
    for (auto& f : found)
      if (options.rules.empty() || options.rules.count(f.rule)) all.push_back(std::move(f));
  }
  return all;
}

}  // namespace dxmon::check
