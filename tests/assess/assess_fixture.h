#pragma once
// Hand-built programmes for the assessment tests: one programme, targets with items, and
// national observations, transcribed from seed 000 where a test says so.
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "core/dataset.h"

namespace dxmon::testing {

struct ProgrammeBuilder {
  Dataset data;

  ProgrammeBuilder() {
    Programme p;
    p.code = "p";
    p.name = "Chương trình thử";
    data.programmes.push_back(p);
  }

  // A "%" indicator and a target with one item on it.
  Target& target(const std::string& code, Comparator cmp, std::optional<double> value, int deadline_year = 2025,
                 Direction dir = Direction::HigherIsBetter, const std::string& printed_group = "",
                 std::optional<double> value_max = std::nullopt) {
    indicator(code, dir);
    Target t;
    t.programme = "p";
    t.code = code;
    t.printed_no = code;
    t.label = "Mục tiêu " + code;
    t.printed_group = printed_group;
    t.deadline = Period::of_year(deadline_year);
    t.sort_order = static_cast<int>(data.targets.size()) + 1;
    TargetItem item;
    item.indicator = code;
    item.comparator = cmp;
    item.value = value;
    item.value_max = value_max;
    if (value) item.as_printed = std::string(comparator_symbol(cmp)) + " " + std::to_string(static_cast<int>(*value)) + "%";
    t.items.push_back(item);
    data.targets.push_back(t);
    return data.targets.back();
  }

  void indicator(const std::string& code, Direction dir = Direction::HigherIsBetter) {
    for (const auto& i : data.indicators)
      if (i.code == code) return;
    Indicator ind;
    ind.code = code;
    ind.name = "Chỉ tiêu " + code;
    ind.unit = "%";
    ind.direction = dir;
    data.indicators.push_back(ind);
  }

  Observation& value(const std::string& indicator, const Period& period, std::optional<double> v,
                     const std::string& as_printed = "", std::optional<double> v_max = std::nullopt) {
    Observation o;
    o.indicator = indicator;
    o.unit = std::string(kNationalUnit);
    o.period = period;
    o.value = v;
    o.value_max = v_max;
    o.as_printed = as_printed;
    if (!v) o.flags.no_data = true;
    o.provenance = {ProvenanceKind::Report, "14/BC-BTTTT", "seed 000"};
    data.observations.push_back(o);
    return data.observations.back();
  }
  Observation& value(const std::string& indicator, int year, std::optional<double> v, const std::string& as_printed = "") {
    return value(indicator, Period::of_year(year), v, as_printed);
  }
};

// Keeps the dataset and the values the assessment points into alive together.
struct Assessed {
  Dataset data;
  std::vector<ProgrammeValues> values;
  ProgrammeAssessment assessment;

  Assessed(Dataset d, const Period& as_of, AssessmentOptions options) : data(std::move(d)) {
    values = programme_values(data);
    assessment = assess_programme(values.at(0), as_of, options);
  }
  Assessed(const Assessed&) = delete;
  const TargetAssessment& operator[](const std::string& code) const { return *assessment.find(code); }
};

inline AssessmentOptions with_method(AssessmentMethod m) {
  AssessmentOptions o;
  o.method = m;
  return o;
}

}  // namespace dxmon::testing
