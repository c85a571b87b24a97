#pragma once
// What every rule needs: the dataset indexed by indicator, the unit directory for group sizes,
// and helpers that turn an observation into a quoted, sourced value.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "check/finding.h"
#include "check/printed_value.h"
#include "check/run_checks.h"
#include "core/dataset.h"
#include "core/unit_directory.h"

namespace dxmon::check {

class CheckContext {
 public:
  CheckContext(const Dataset& data, const CheckOptions& options);

  const Dataset& data() const { return data_; }
  const CheckOptions& options() const { return options_; }
  const UnitDirectory& units() const { return units_; }
  const Indicator* indicator(std::string_view code) const;
  // Observations of an indicator, in dataset order (empty if none).
  const std::vector<const Observation*>& observations_of(std::string_view code) const;

 private:
  const Dataset& data_;
  const CheckOptions& options_;
  UnitDirectory units_;
  std::map<std::string, const Indicator*, std::less<>> indicators_;
  std::map<std::string, std::vector<const Observation*>, std::less<>> observations_;
  std::vector<const Observation*> none_;
};

// The report an observation comes from: "14/BC-BTTTT#2" (a second printing of a quantity in the
// same report, data/README.md) is the report "14/BC-BTTTT".
std::string base_document(std::string_view document);

// The date an observation refers to: its as-of date, or the last day of its period.
Date reference_date(const Observation& o);

// How the observation's value was printed (precision and qualifier).
PrintedValue printed_of_value(const Observation& o);
PrintedValue printed_of_numerator(const Observation& o);
PrintedValue printed_of_denominator(const Observation& o);

// The observation as a sourced value of a finding.
FindingValue finding_value(const Observation& o, std::string role);

// "80,8 nghìn"-style quoting is left to the source text; messages quote a number with the
// decimals it was printed with: quote(88.2794, 0.01) → "88,28".
std::string quote(double v, double unit);
std::string quote_percent(double v, double unit);
// "seed 004 line 254, BC-2022-UBQGCĐS"
std::string source_of(const Observation& o);
// The observation's value as a message quotes it: with the precision it was printed with, its
// qualifier and a % sign for shares: "hơn 80.800", "91,32%", "4.483".
std::string say_value(const Observation& o, const Indicator* indicator);
// True for indicators whose values are shares in percent.
bool is_share(const Indicator* indicator);
// "năm 2023", "Quý I năm 2024"
std::string say_period(const Period& p);

}  // namespace dxmon::check
