#include "report/kinds/quality_rules.h"

#include <array>
#include <utility>

namespace dxmon::report {

namespace {

// One line per rule of docs/checks.md, in its order.
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kTitles{{
    {"share_bounds", "Tỷ lệ hoặc số đếm ngoài giới hạn cho phép"},
    {"share_consistency", "Tỷ lệ không khớp với tử số và mẫu số"},
    {"agency_share_consistency", "Tỷ lệ đơn vị không khớp với danh sách đơn vị được nêu"},
    {"sum_consistency", "Các thành phần không cộng đúng tổng"},
    {"duplicate_in_report", "Một chỉ tiêu được ghi hai giá trị khác nhau trong cùng báo cáo"},
    {"cumulative_monotonic", "Số lũy kế giảm giữa hai kỳ báo cáo"},
    {"stock_decrease", "Số hiện có giảm giữa hai kỳ báo cáo"},
    {"repeated_values", "Số liệu lặp lại không đổi qua nhiều kỳ"},
    {"denominator_group", "Mẫu số khác số đơn vị của nhóm"},
    {"group_partition", "Các nhóm đơn vị không cộng đủ tổng số đơn vị"},
    {"achieved_claim", "Mục tiêu được tính là đã hoàn thành nhưng chưa đạt"},
    {"classified_without_value", "Mục tiêu được xếp nhóm khi chưa có số liệu"},
    {"outlier_zscore", "Giá trị bất thường so với các kỳ trước (z-score)"},
    {"outlier_modified_zscore", "Giá trị bất thường so với các kỳ trước (z-score hiệu chỉnh)"},
    {"task_count_sum", "Số nhiệm vụ không cộng đúng tổng"},
}};

}  // namespace

std::string rule_title_vi(std::string_view rule) {
  for (const auto& [id, title] : kTitles)
    if (id == rule) return std::string(title);
  return std::string(rule);
}

}  // namespace dxmon::report
