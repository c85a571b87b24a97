#include "check/finding.h"

#include "core/enum_names.h"

namespace dxmon::check {

namespace {
constexpr detail::EnumNames<Severity, 3> kIds{{
    {Severity::Error, "error"}, {Severity::Warning, "warning"}, {Severity::Info, "info"}}};
constexpr detail::EnumNames<Severity, 3> kLabels{{
    {Severity::Error, "Lỗi"}, {Severity::Warning, "Cảnh báo"}, {Severity::Info, "Thông tin"}}};
}  // namespace

std::string_view severity_id(Severity s) { return detail::name_of(kIds, s); }
std::string_view severity_label_vi(Severity s) { return detail::name_of(kLabels, s); }

}  // namespace dxmon::check
