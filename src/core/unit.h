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

// Full: all the predecessor's duties pass to the successor (a merger or renaming: kế thừa).
// Partial: only some functions pass, named in `functions` (chuyển giao một phần chức năng: the press
// from Bộ Thông tin và Truyền thông to Bộ Văn hóa, Thể thao và Du lịch in 2025). A partial transfer
// does not make the receiver the predecessor's successor: values and reports follow full links only.
enum class SuccessionKind { Full, Partial };

// A link between units on `date`: the predecessor's duties (or some of them) pass to the successor.
struct UnitSuccession {
  std::string predecessor;
  std::string successor;
  Date date;
  std::string source;
  SuccessionKind kind = SuccessionKind::Full;
  std::string functions;  // Partial: what passed ("quản lý nhà nước về báo chí"); empty for Full
  bool operator==(const UnitSuccession&) const = default;
};

std::string_view succession_kind_id(SuccessionKind k);     // "full", "partial"
std::optional<SuccessionKind> parse_succession_kind(std::string_view id);
std::string_view succession_kind_label_vi(SuccessionKind k);  // "kế thừa", "chuyển giao một phần"

// The units that took over all of `code`'s duties by `on`, following chains of full successions
// (a province merged into one that merged again gives both), nearest first. Partial transfers are
// not followed.
std::vector<const UnitSuccession*> full_successions_from(const std::vector<UnitSuccession>& links,
                                                         const std::string& code, const Date& on);
// The partial transfers out of `code` dated on or before `on`.
std::vector<const UnitSuccession*> partial_transfers_from(const std::vector<UnitSuccession>& links,
                                                          const std::string& code, const Date& on);

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
