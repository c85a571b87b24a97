#pragma once
// Programmes and plans (chương trình, kế hoạch, chiến lược, đề án) and their targets (mục tiêu).
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "core/unit.h"

namespace dxmon {

enum class ProgrammeKind { Programme, Plan, Strategy, Scheme };

struct Programme {
  std::string code;         // e.g. "qd942"
  std::string name;         // Vietnamese title
  ProgrammeKind kind = ProgrammeKind::Programme;
  std::string document;     // "Quyết định số 942/QĐ-TTg"
  std::optional<Date> issued;
  std::string lead_agency;  // unit code
  std::string source;
  // The programme whose reports also cover this one, if any: the tasks from the Prime Minister's
  // conclusions at the committee's sessions (klph2022) are reported in §II.2 of the report on the
  // committee's 2022 plan (khhd2022; seed 004 line 46).
  std::string reported_with;
  bool operator==(const Programme&) const = default;
};

// ≥, >, =, ≤, <. "Trên 30%" is >, "dưới 5%" is <, a plain "100%" for a higher-is-better share is ≥.
enum class Comparator { AtLeast, Above, Equal, AtMost, Below };

// One measured item of a target. Most targets have one; some have several ("bộ phận một cửa cấp bộ"
// and "cấp tỉnh"), or are split between ministries and provinces (scope).
struct TargetItem {
  std::string indicator;             // indicator code
  std::string label;                 // the item's own wording when the target has several
  Comparator comparator = Comparator::AtLeast;
  std::optional<double> value;       // target value; absent when the target is qualitative
  std::optional<double> value_max;   // upper end when the target is a range ("7,2-7,8%")
  std::string as_printed;            // the target cell as printed ("≥ 80%")
  std::optional<UnitGroup> scope;    // the part of the units this item covers, if split
  bool operator==(const TargetItem&) const = default;
};

struct Target {
  std::string programme;             // programme code
  std::string code;                  // identifier within the programme, e.g. "07"
  std::string printed_no;            // STT as printed in the report's table ("3.2")
  std::string label;                 // the target's wording
  std::string heading;               // pillar/heading row the report printed it under
  std::string printed_group;         // the class the report printed it in, verbatim, if any
  std::optional<Period> deadline;    // target period, e.g. 2025
  int sort_order = 0;                // order in the programme's printed tables
  std::vector<TargetItem> items;
  std::string source;
  bool operator==(const Target&) const = default;
};

std::string_view programme_kind_id(ProgrammeKind k);  // "programme", "plan", "strategy", "scheme"
std::optional<ProgrammeKind> parse_programme_kind(std::string_view id);
std::string_view comparator_symbol(Comparator c);     // "≥", ">", "=", "≤", "<"
std::optional<Comparator> parse_comparator(std::string_view symbol);  // also ">=", "<=" and words
bool comparator_holds(Comparator c, double value, double target);

}  // namespace dxmon
