#pragma once
// Reporting units (đơn vị báo cáo): ministries, ministry-level and government agencies, provinces
// and centrally-run cities, and the nation. Units are dated; mergers are predecessor→successor links.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace dxmon {

enum class UnitKind {
  National,             // cả nước
  Ministry,             // bộ
  MinistryLevelAgency,  // cơ quan ngang bộ
  GovernmentAgency,     // cơ quan thuộc Chính phủ
  Province,             // tỉnh
  CentralCity,          // thành phố trực thuộc trung ương
  Other,                // other bodies named in reports (e.g. Tòa án, Viện kiểm sát)
};

struct ReportingUnit {
  std::string code;                     // stable identifier, e.g. "tinh-01", "bo-tttt"
  std::string name;                     // official Vietnamese name, NFC
  std::vector<std::string> short_names; // forms used in reports ("Bộ TT&TT", "TP. Hà Nội")
  std::vector<std::string> aliases;     // other spellings that must resolve ("Ha Noi")
  UnitKind kind = UnitKind::Other;
  std::string parent;                   // code of the parent unit, empty if none
  std::string official_code;            // GSO code for provinces ("01"), empty otherwise
  std::optional<Date> valid_from;       // absent: since before any data
  std::optional<Date> valid_to;         // absent: still in force; inclusive last day
  std::string source;                   // where the row comes from

  bool valid_on(const Date& d) const {
    return (!valid_from || *valid_from <= d) && (!valid_to || d <= *valid_to);
  }
  bool operator==(const ReportingUnit&) const = default;
};

// A merger or renaming: the predecessor's duties pass to the successor on `date`.
struct UnitSuccession {
  std::string predecessor;
  std::string successor;
  Date date;
  std::string source;
  bool operator==(const UnitSuccession&) const = default;
};

// Named groups of units used as denominators: "bộ, ngành", "địa phương", "bộ, ngành, địa phương".
enum class UnitGroup { Ministries, Provinces, MinistriesAndProvinces, Nation };

std::string_view unit_kind_id(UnitKind k);                 // "ministry", "province", ...
std::optional<UnitKind> parse_unit_kind(std::string_view id);
std::string_view unit_kind_label_vi(UnitKind k);           // "Bộ", "Tỉnh", ...
std::string_view unit_group_id(UnitGroup g);               // "bo_nganh", "dia_phuong", ...
std::optional<UnitGroup> parse_unit_group(std::string_view id);
std::string_view unit_group_label_vi(UnitGroup g);         // "bộ, ngành", "địa phương", ...
bool unit_in_group(const ReportingUnit& u, UnitGroup g);

// The code of the national unit (cả nước), the default unit of national figures.
inline constexpr std::string_view kNationalUnit = "quoc-gia";

}  // namespace dxmon
