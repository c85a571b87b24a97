#include "core/observation.h"

#include <array>

#include "core/enum_names.h"

namespace dxmon {
namespace {

constexpr detail::EnumNames<ProvenanceKind, 4> kProvenance{{
    {ProvenanceKind::Report, "report"},
    {ProvenanceKind::Submission, "submission"},
    {ProvenanceKind::Measurement, "measurement"},
    {ProvenanceKind::Import, "import"},
}};

struct FlagName {
  bool ObservationFlags::*flag;
  std::string_view id;
};
constexpr std::array<FlagName, 4> kFlags{{
    {&ObservationFlags::estimate, "estimate"},
    {&ObservationFlags::forecast, "forecast"},
    {&ObservationFlags::preliminary, "preliminary"},
    {&ObservationFlags::no_data, "no_data"},
}};

}  // namespace

std::string Observation::key() const {
  // '|' never occurs in codes, period ids or document numbers (checked on import).
  return indicator + "|" + unit + "|" + period.id() + "|" + provenance.document;
}

bool Observation::same_value(const Observation& o) const {
  return value == o.value && value_max == o.value_max && numerator == o.numerator &&
         denominator == o.denominator && fact == o.fact && as_printed == o.as_printed &&
         flags == o.flags;
}

std::string_view provenance_kind_id(ProvenanceKind k) { return detail::name_of(kProvenance, k); }
std::optional<ProvenanceKind> parse_provenance_kind(std::string_view id) {
  return detail::value_of(kProvenance, id);
}

std::string flags_to_string(const ObservationFlags& f) {
  std::string out;
  for (const auto& [flag, id] : kFlags) {
    if (!(f.*flag)) continue;
    if (!out.empty()) out += ';';
    out += id;
  }
  return out;
}

std::optional<ObservationFlags> parse_flags(std::string_view text) {
  ObservationFlags f;
  while (!text.empty()) {
    auto sep = text.find(';');
    std::string_view part = text.substr(0, sep);
    text = sep == std::string_view::npos ? std::string_view{} : text.substr(sep + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (part.empty()) continue;
    bool known = false;
    for (const auto& [flag, id] : kFlags) {
      if (part == id) {
        f.*flag = true;
        known = true;
      }
    }
    if (!known) return std::nullopt;
  }
  return f;
}

}  // namespace dxmon
