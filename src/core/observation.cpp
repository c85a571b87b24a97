#include "core/observation.h"

#include <array>

#include "core/enum_names.h"
#include "text/number.h"
#include "text/text.h"

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

std::vector<std::string> observation_key_parts(std::string_view key) {
  std::vector<std::string> parts;
  for (std::size_t from = 0, bar = 0; bar != std::string_view::npos; from = bar + 1) {
    bar = key.find('|', from);
    parts.emplace_back(key.substr(from, bar == std::string_view::npos ? bar : bar - from));
  }
  return parts;
}

namespace {

constexpr detail::EnumNames<std::string_view, 6> kFieldLabels{{
    {"value", "giá trị"},
    {"flags", "cờ số liệu"},
    {"as_of", "ngày số liệu"},
    {"comment", "ghi chú"},
    {"location", "vị trí trong nguồn"},
    {"provenance", "nguồn gốc"},
}};

std::string numbers_text(const Observation& o) {
  std::string out;
  if (o.value) out = text::format_scaled(*o.value) + (o.value_max ? "-" + text::format_scaled(*o.value_max) : "");
  if (o.numerator || o.denominator)
    out += (out.empty() ? "" : " (") + (o.numerator ? text::format_number(*o.numerator) : "?") + "/" +
           (o.denominator ? text::format_number(*o.denominator) : "?") + (out.empty() ? "" : ")");
  if (out.empty() && o.fact) out = *o.fact ? "có" : "không";
  return out;
}

}  // namespace

std::string_view revision_field_label_vi(std::string_view field) {
  std::string_view label = detail::name_of(kFieldLabels, field);
  return label.empty() ? field : label;
}

std::string printed_footnote(const Observation& o) {
  const std::string c = text::squish(o.comment);
  if (text::fold(c).rfind("chu thich", 0) != 0) return {};
  const auto colon = c.find(':');
  if (colon == std::string::npos) return {};
  std::string note = text::squish(c.substr(colon + 1));
  // Some transcriptions quote the footnote: «Chú thích ⁴: "…"».
  if (note.size() >= 2 && note.front() == '"' && note.back() == '"') note = note.substr(1, note.size() - 2);
  return note;
}

std::string observation_value_text(const Observation& o) {
  return o.as_printed.empty() ? numbers_text(o) : o.as_printed;
}

std::vector<FieldChange> observation_changes(const Observation& old, const Observation& next) {
  std::vector<FieldChange> out;
  const bool value_changed = old.value != next.value || old.value_max != next.value_max ||
                             old.numerator != next.numerator || old.denominator != next.denominator ||
                             old.fact != next.fact || old.as_printed != next.as_printed;
  if (value_changed) {
    std::string a = observation_value_text(old), b = observation_value_text(next);
    if (a == b) {
      a = numbers_text(old);
      b = numbers_text(next);
    }
    out.push_back({"value", a, b});
  }
  auto add = [&](std::string_view field, std::string a, std::string b) {
    if (a != b) out.push_back({std::string(field), std::move(a), std::move(b)});
  };
  add("flags", flags_to_string(old.flags), flags_to_string(next.flags));
  add("as_of", old.as_of ? old.as_of->iso() : "", next.as_of ? next.as_of->iso() : "");
  add("comment", old.comment, next.comment);
  add("location", old.provenance.location, next.provenance.location);
  add("provenance", std::string(provenance_kind_id(old.provenance.kind)),
      std::string(provenance_kind_id(next.provenance.kind)));
  return out;
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
