#include "check/check_context.h"

#include <cmath>

#include "text/number.h"
#include "text/vdate.h"

namespace dxmon::check {

CheckContext::CheckContext(const Dataset& data, const CheckOptions& options)
    : data_(data), options_(options), units_(data.units) {
  for (const auto& i : data.indicators) indicators_.emplace(i.code, &i);
  for (const auto& o : data.observations) observations_[o.indicator].push_back(&o);
}

const Indicator* CheckContext::indicator(std::string_view code) const {
  auto it = indicators_.find(code);
  return it == indicators_.end() ? nullptr : it->second;
}

const std::vector<const Observation*>& CheckContext::observations_of(std::string_view code) const {
  auto it = observations_.find(code);
  return it == observations_.end() ? none_ : it->second;
}

std::string base_document(std::string_view document) {
  const auto hash = document.rfind('#');
  if (hash == std::string_view::npos || hash + 1 >= document.size()) return std::string(document);
  for (std::size_t i = hash + 1; i < document.size(); ++i)
    if (document[i] < '0' || document[i] > '9') return std::string(document);
  return std::string(document.substr(0, hash));
}

Date reference_date(const Observation& o) { return o.as_of ? *o.as_of : o.period.last_day(); }

PrintedValue printed_of_value(const Observation& o) { return printed_value(o.value.value_or(0), o.as_printed); }
PrintedValue printed_of_numerator(const Observation& o) { return printed_value(o.numerator.value_or(0), o.as_printed); }
PrintedValue printed_of_denominator(const Observation& o) {
  return printed_value(o.denominator.value_or(0), o.as_printed);
}

FindingValue finding_value(const Observation& o, std::string role) {
  FindingValue v;
  v.role = std::move(role);
  v.indicator = o.indicator;
  v.unit = o.unit;
  v.period = o.period;
  v.value = o.value;
  v.as_printed = o.as_printed;
  v.document = o.provenance.document;
  v.location = o.provenance.location;
  return v;
}

std::string quote(double v, double unit) { return text::format_number(v, decimals_for(unit)); }
std::string quote_percent(double v, double unit) { return text::format_percent(v, decimals_for(unit)); }

std::string source_of(const Observation& o) {
  std::string s = o.provenance.location;
  if (!o.provenance.document.empty()) s += (s.empty() ? "" : ", ") + o.provenance.document;
  return s;
}

bool is_share(const Indicator* indicator) { return indicator && indicator->unit == "%"; }

std::string say_value(const Observation& o, const Indicator* indicator) {
  if (!o.value) return o.as_printed.empty() ? "-" : o.as_printed;
  const PrintedValue p = printed_of_value(o);
  std::string words;
  switch (p.qualifier) {
    case Qualifier::Over: words = "hơn "; break;
    case Qualifier::Under: words = "gần "; break;
    case Qualifier::About: words = "khoảng "; break;
    case Qualifier::None: break;
  }
  return words + (is_share(indicator) ? quote_percent(*o.value, p.unit) : quote(*o.value, p.unit));
}

std::string say_period(const Period& p) { return text::period_label(p); }

}  // namespace dxmon::check
