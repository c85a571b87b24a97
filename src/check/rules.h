#pragma once
// One function per rule family; each appends its findings. docs/checks.md describes each rule.
#include <vector>

#include "check/check_context.h"
#include "check/finding.h"

namespace dxmon::check {

void check_share_bounds(const CheckContext& ctx, std::vector<Finding>& out);          // share_bounds
void check_share_consistency(const CheckContext& ctx, std::vector<Finding>& out);     // share_consistency, agency_share_consistency
void check_sum_consistency(const CheckContext& ctx, std::vector<Finding>& out);       // sum_consistency
void check_duplicate_in_report(const CheckContext& ctx, std::vector<Finding>& out);   // duplicate_in_report
void check_cumulative_monotonic(const CheckContext& ctx, std::vector<Finding>& out);  // cumulative_monotonic, stock_decrease
void check_repeated_values(const CheckContext& ctx, std::vector<Finding>& out);       // repeated_values
void check_denominator_group(const CheckContext& ctx, std::vector<Finding>& out);     // denominator_group, group_partition
void check_achieved_claims(const CheckContext& ctx, std::vector<Finding>& out);       // achieved_claim, classified_without_value
void check_outliers(const CheckContext& ctx, std::vector<Finding>& out);              // outlier_zscore, outlier_modified_zscore
void check_task_count_sum(const CheckContext& ctx, std::vector<Finding>& out);        // task_count_sum

}  // namespace dxmon::check
