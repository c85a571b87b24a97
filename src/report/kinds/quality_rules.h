#pragma once
// The data-check rules as the quality report names them: a Vietnamese title for each rule id of
// docs/checks.md, so a reader who never saw the ids knows what each table is about.
#include <string>
#include <string_view>

namespace dxmon::report {

// "share_consistency" → "Tỷ lệ không khớp với tử số và mẫu số"; an unknown id is returned as is.
std::string rule_title_vi(std::string_view rule);

}  // namespace dxmon::report
