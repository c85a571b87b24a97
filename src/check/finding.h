#pragma once
// A finding of a data check (phát hiện khi kiểm tra số liệu): which rule, how serious, what is wrong
// in Vietnamese, and every value involved with the document and line it comes from, so that a
// reader can go back to the source and correct it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.h"

namespace dxmon::check {

enum class Severity { Error, Warning, Info };

std::string_view severity_id(Severity s);        // "error", "warning", "info"
std::string_view severity_label_vi(Severity s);  // "Lỗi", "Cảnh báo", "Thông tin"

// One value a finding is about, with its source.
struct FindingValue {
  std::string role;                // what the value is in the rule, in Vietnamese ("tử số", "tổng")
  std::string indicator;           // indicator code
  std::string unit;                // unit code
  std::optional<Period> period;
  std::optional<double> value;
  std::string as_printed;          // as the source wrote it
  std::string document;            // report or submission (provenance document)
  std::string location;            // line(s), sheet/row
  bool operator==(const FindingValue&) const = default;
};

struct Finding {
  std::string rule;                      // rule id, e.g. "share_consistency" (docs/checks.md)
  Severity severity = Severity::Warning;
  std::string message;                   // Vietnamese, numbers formatted the Vietnamese way
  std::vector<FindingValue> values;
  std::vector<std::string> indicators;   // indicator codes the finding refers to
  std::string unit;                      // unit code, when the finding is about one unit
  std::optional<Period> period;          // period, when the finding is about one period
  std::string target;                    // "programme/code" of a target, if any
  std::string task;                      // task code, if any
  bool operator==(const Finding&) const = default;
};

}  // namespace dxmon::check
