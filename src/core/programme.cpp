#include "core/programme.h"

#include "core/enum_names.h"

namespace dxmon {
namespace {

constexpr detail::EnumNames<ProgrammeKind, 4> kKinds{{
    {ProgrammeKind::Programme, "programme"},
    {ProgrammeKind::Plan, "plan"},
    {ProgrammeKind::Strategy, "strategy"},
    {ProgrammeKind::Scheme, "scheme"},
}};
constexpr detail::EnumNames<Comparator, 5> kSymbols{{
    {Comparator::AtLeast, "≥"},
    {Comparator::Above, ">"},
    {Comparator::Equal, "="},
    {Comparator::AtMost, "≤"},
    {Comparator::Below, "<"},
}};
// ASCII spellings accepted on input.
constexpr detail::EnumNames<Comparator, 4> kAsciiSymbols{{
    {Comparator::AtLeast, ">="},
    {Comparator::AtMost, "<="},
    {Comparator::Equal, "=="},
    {Comparator::AtLeast, "=>"},
}};

}  // namespace

std::string_view programme_kind_id(ProgrammeKind k) { return detail::name_of(kKinds, k); }
std::optional<ProgrammeKind> parse_programme_kind(std::string_view id) { return detail::value_of(kKinds, id); }
std::string_view comparator_symbol(Comparator c) { return detail::name_of(kSymbols, c); }

std::optional<Comparator> parse_comparator(std::string_view symbol) {
  if (auto c = detail::value_of(kSymbols, symbol)) return c;
  return detail::value_of(kAsciiSymbols, symbol);
}

bool comparator_holds(Comparator c, double value, double target) {
  switch (c) {
    case Comparator::AtLeast: return value >= target;
    case Comparator::Above: return value > target;
    case Comparator::Equal: return value == target;
    case Comparator::AtMost: return value <= target;
    case Comparator::Below: return value < target;
  }
  return false;
}

}  // namespace dxmon
