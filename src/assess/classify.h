#pragma once
// The three classification methods of METHODS.md §2, one function each, on one target item.
// Every formula, threshold and special case is written down in docs/assessment.md.
#include <optional>
#include <string>

#include "assess/progress.h"
#include "core/progress_class.h"

namespace dxmon {

struct ClassifyInput {
  TargetSpec target;
  std::optional<ValuePoint> base;     // earliest usable value before `current`
  std::optional<ValuePoint> current;  // latest usable value within the period assessed
  // Natural ceiling of the quantity (100 for a higher-is-better share in %): shrinks the
  // no-target thresholds near it (bounded-share correction). Absent: no ceiling.
  std::optional<double> limit;
  std::string unit;                   // for the explanation only ("%", "hồ sơ", …)
};

struct Classification {
  ProgressClass cls = ProgressClass::NoData;
  AssessmentMethod method = AssessmentMethod::Threshold;
  // The method's measure: threshold p, trend R (or growth g without a target), projection P.
  std::optional<double> measure;
  std::optional<double> projected;  // projection: value expected at the target year
  bool linear = false;        // the zero-base / sign-change rule replaced CAGR by linear change
  bool insufficient = false;  // the method could not be applied to these values (see `explanation`)
  std::string explanation;    // why, in Vietnamese, with the figures
};

// Thresholds, named as the sources name them.
struct Thresholds {
  static constexpr double kThresholdHalf = 0.5;       // threshold: p ≥ 0,5
  static constexpr double kTrendHigh = 0.95;          // trend: R ≥ 0,95 on track
  static constexpr double kTrendMedium = 0.60;        // trend: R ≥ 0,60 moderate
  static constexpr double kTrendLow = 0.0;            // trend: R ≥ 0 limited, else deterioration
  static constexpr double kGrowthHigh = 0.015;        // no target: g ≥ 1,5 %/year substantial
  static constexpr double kGrowthMedium = 0.005;      // no target: g ≥ 0,5 %/year moderate
  static constexpr double kBoundedShareExponent = 4.44;  // C = 1 − (v0/limit)^4,44
  static constexpr double kProjectionHigh = 0.95;     // projection: P ≥ 0,95 on track
  static constexpr double kProjectionMedium = 0.10;   // projection: P ≥ 0,10 acceleration needed
};

// Met → achieved; p ≥ 0,5 → above half; else below half. Needs only the current value.
Classification classify_threshold(const ClassifyInput& in);
// Open SDG / Statistics Canada growth ratio (with target) or growth rate (without target).
Classification classify_trend(const ClassifyInput& in);
// UN Statistics Division: project to the target year with the observed growth.
Classification classify_projection(const ClassifyInput& in);
Classification classify(AssessmentMethod method, const ClassifyInput& in);

// The bounded-share coefficient C of sdg-build: 1 − (v0/limit)^4,44 for v0 ≤ limit, mirrored
// above the limit, 1 from twice the limit on (absolute values).
double bounded_share_coefficient(double base, double limit);

// "58,41%" for unit "%", "4.591 dịch vụ" otherwise. decimals < 0: as written (up to 6), with a
// scale word from a million up ("203,871 triệu giao dịch", text::format_scaled); computed figures
// (projections) pass 2.
std::string format_quantity(double v, const std::string& unit, int decimals = -1);

}  // namespace dxmon
