#include "assess/classify.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "text/number.h"

namespace dxmon {
namespace {

std::string num(double v) { return text::format_number(v, 2); }

std::string with_label(const ValuePoint& p, Direction d, const std::string& unit) {
  std::string s = format_quantity(p.effective(d), unit);
  if (!p.label.empty()) s += " (" + p.label + ")";
  return s;
}

std::string target_text(const TargetSpec& t, const std::string& unit) {
  if (!t.value) return "mục tiêu định tính";
  if (t.value_max) return format_quantity(*t.value, "") + "–" + format_quantity(*t.value_max, unit);
  return std::string(comparator_symbol(t.comparator)) + " " + format_quantity(*t.value, unit);
}

// Shared first steps: no value → no data; met → achieved. Returns true when decided.
bool decided_before_method(const ClassifyInput& in, Classification& out) {
  if (!in.current) {
    out.cls = ProgressClass::NoData;
    out.explanation = "không có giá trị sử dụng được trong kỳ đánh giá";
    return true;
  }
  if (target_met(in.target, *in.current)) {
    out.cls = ProgressClass::Achieved;
    out.measure = share_of_target(in.target, *in.current);
    out.explanation = "giá trị " + with_label(*in.current, in.target.direction, in.unit) + " đạt mục tiêu " +
                      target_text(in.target, in.unit);
    return true;
  }
  return false;
}

Classification insufficient(Classification out, std::string why) {
  out.cls = ProgressClass::NoData;
  out.insufficient = true;
  out.explanation = std::move(why);
  return out;
}

// Needs two usable values at different times; returns the reason when they are missing.
std::optional<std::string> missing_two_points(const ClassifyInput& in) {
  if (!in.base || in.current->time - in.base->time <= 0)
    return "cần ít nhất hai kỳ có số liệu để tính xu hướng, mới có " +
           with_label(*in.current, in.target.direction, in.unit);
  return std::nullopt;
}

// The target equals the base: no growth is required, so no ratio exists. The direction of the
// change since the base decides (docs/assessment.md, "Target equal to the base").
Classification by_change_sign(Classification out, const ClassifyInput& in) {
  const Direction d = in.target.direction;
  const double change = (in.current->effective(d) - in.base->effective(d)) * (d == Direction::HigherIsBetter ? 1 : -1);
  out.cls = change > 0 ? ProgressClass::OnTrack : change == 0 ? ProgressClass::Stagnation : ProgressClass::Deterioration;
  out.explanation = "mục tiêu bằng giá trị kỳ gốc " + with_label(*in.base, d, in.unit) + "; giá trị hiện tại " +
                    with_label(*in.current, d, in.unit) +
                    (change > 0 ? " đi đúng hướng" : change == 0 ? " không thay đổi" : " đi ngược hướng");
  return out;
}

}  // namespace

std::string format_quantity(double v, const std::string& unit, int decimals) {
  if (unit == "%") return text::format_percent(v, decimals);
  // A figure as written (no decimals asked for) takes a scale word when large: "2,75 nghìn tỷ".
  std::string n = decimals < 0 ? text::format_scaled(v) : text::format_number(v, decimals);
  return unit.empty() ? n : n + " " + unit;
}

double bounded_share_coefficient(double base, double limit) {
  base = std::fabs(base);
  limit = std::fabs(limit);
  const double a = Thresholds::kBoundedShareExponent;
  if (base >= 2 * limit) return 1;  // first, so that base = limit = 0 gives 1 (as sdg-build)
  if (base <= limit) return 1 - std::pow(base / limit, a);
  return 1 - std::pow((2 * limit - base) / limit, a);
}

Classification classify_threshold(const ClassifyInput& in) {
  Classification out;
  out.method = AssessmentMethod::Threshold;
  if (decided_before_method(in, out)) return out;
  const auto p = share_of_target(in.target, *in.current);
  if (!p) return insufficient(out, "mục tiêu không có giá trị định lượng, không tính được tỷ lệ thực hiện");
  out.measure = p;
  out.cls = *p >= Thresholds::kThresholdHalf ? ProgressClass::AboveHalf : ProgressClass::BelowHalf;
  out.explanation = "giá trị " + with_label(*in.current, in.target.direction, in.unit) + " chưa đạt mục tiêu " +
                    target_text(in.target, in.unit) + ", đạt " + text::format_percent(*p * 100, 0) +
                    " mục tiêu (" + (*p >= Thresholds::kThresholdHalf ? "≥ 50%" : "< 50%") + ")";
  return out;
}

Classification classify_trend(const ClassifyInput& in) {
  Classification out;
  out.method = AssessmentMethod::Trend;
  if (decided_before_method(in, out)) return out;
  if (auto why = missing_two_points(in)) return insufficient(out, *why);

  const Direction dir = in.target.direction;
  const double d = dir == Direction::HigherIsBetter ? 1 : -1;
  const double v0 = in.base->effective(dir);
  const double vt = in.current->effective(dir);
  const double t0 = in.base->time;
  const double t = in.current->time;
  const std::string from_to = "từ " + with_label(*in.base, dir, in.unit) + " đến " + with_label(*in.current, dir, in.unit);

  if (const auto target = in.target.effective_value()) {
    const double T = *target;
    if (!in.target.time) return insufficient(out, "mục tiêu không có thời hạn, không tính được tốc độ cần đạt");
    const double tT = *in.target.time;
    if (tT <= t0) return insufficient(out, "thời hạn mục tiêu không sau kỳ gốc, không tính được tốc độ cần đạt");
    if (T == v0) return by_change_sign(out, in);
    double r = 0;
    const bool cagr_defined = v0 != 0 && T / v0 > 0 && vt / v0 >= 0;
    if (cagr_defined) {
      const double sign = v0 < 0 ? -1 : 1;
      const double cagr_o = std::pow(vt / v0, 1 / (t - t0)) - 1;
      const double cagr_r = std::pow(T / v0, 1 / (tT - t0)) - 1;
      r = sign * d * cagr_o / std::fabs(cagr_r);
    } else {
      // Zero base, zero target or a change of sign: CAGR is undefined, so compare average annual
      // changes instead of growth rates (never substitute 0,001 for zero).
      out.linear = true;
      const double observed = (vt - v0) / (t - t0);
      const double required = (T - v0) / (tT - t0);
      r = d * observed / std::fabs(required);
    }
    out.measure = r;
    out.cls = r >= Thresholds::kTrendHigh     ? ProgressClass::OnTrack
              : r >= Thresholds::kTrendMedium ? ProgressClass::Moderate
              : r >= Thresholds::kTrendLow    ? ProgressClass::Limited
                                              : ProgressClass::Deterioration;
    out.explanation = std::string(out.linear ? "tỷ số thay đổi bình quân năm (tuyến tính, vì " +
                                                   std::string(v0 == 0 ? "giá trị gốc bằng 0" : "giá trị đổi dấu") + ")"
                                             : "tỷ số tăng trưởng") +
                      " R = " + num(r) + " " + from_to + " so với mục tiêu " + target_text(in.target, in.unit) + ": " +
                      std::string(progress_class_label_vi(out.cls));
    return out;
  }

  // No target: classify the growth itself, with thresholds shrunk near a ceiling.
  double g = 0;
  if (v0 != 0 && vt / v0 >= 0) {
    const double sign = v0 < 0 ? -1 : 1;
    g = sign * d * (std::pow(vt / v0, 1 / (t - t0)) - 1);
  } else {
    // Zero base: relative growth is undefined; use the annual change relative to the current
    // value (from nothing to something is substantial; nothing to nothing is no progress).
    out.linear = true;
    g = vt == 0 ? 0 : d * (vt - v0) / (t - t0) / std::fabs(vt);
  }
  const double c = in.limit ? bounded_share_coefficient(v0, *in.limit) : 1.0;
  out.measure = g;
  if (c == 0 && g >= 0) {
    out.cls = ProgressClass::OnTrack;  // base already at the ceiling and held there
  } else {
    out.cls = g >= Thresholds::kGrowthHigh * c     ? ProgressClass::OnTrack
              : g >= Thresholds::kGrowthMedium * c ? ProgressClass::Moderate
              : g >= 0                             ? ProgressClass::Limited
                                                   : ProgressClass::Deterioration;
  }
  out.explanation = "không có mục tiêu định lượng; tăng trưởng bình quân " + text::format_percent(g * 100, 2) +
                    "/năm " + from_to + (c != 1 ? ", ngưỡng nhân hệ số gần trần C = " + num(c) : std::string()) + ": " +
                    std::string(out.cls == ProgressClass::OnTrack ? "tiến bộ đáng kể" : progress_class_label_vi(out.cls));
  return out;
}

Classification classify_projection(const ClassifyInput& in) {
  Classification out;
  out.method = AssessmentMethod::Projection;
  if (decided_before_method(in, out)) return out;
  if (auto why = missing_two_points(in)) return insufficient(out, *why);
  const auto target = in.target.effective_value();
  if (!target) return insufficient(out, "mục tiêu không có giá trị định lượng, không dự báo được");
  if (!in.target.time) return insufficient(out, "mục tiêu không có thời hạn, không dự báo được");

  const Direction dir = in.target.direction;
  const double v0 = in.base->effective(dir);
  const double vt = in.current->effective(dir);
  const double t0 = in.base->time;
  const double t = in.current->time;
  const double T = *target;
  // A deadline already passed leaves no time: the projection is the current value.
  const double horizon = std::max(*in.target.time, t);
  if (T == v0) return by_change_sign(out, in);

  double projected = 0;
  if (v0 != 0 && vt / v0 > 0) {
    projected = v0 * std::pow(vt / v0, (horizon - t0) / (t - t0));
  } else {
    out.linear = true;
    projected = vt + (vt - v0) / (t - t0) * (horizon - t);
  }
  const double p = (projected - v0) / (T - v0);
  out.measure = p;
  out.projected = projected;
  out.cls = p >= Thresholds::kProjectionHigh     ? ProgressClass::OnTrack
            : p >= Thresholds::kProjectionMedium ? ProgressClass::Moderate
                                                 : ProgressClass::Stagnation;
  out.explanation = "dự báo " + std::string(out.linear ? "tuyến tính " : "") + "đến thời hạn mục tiêu đạt " +
                    format_quantity(projected, in.unit, 2) + " (" + "từ " + with_label(*in.base, dir, in.unit) + " và " +
                    with_label(*in.current, dir, in.unit) + "), P = " + num(p) + " so với mục tiêu " +
                    target_text(in.target, in.unit) + ": " + std::string(progress_class_label_vi(out.cls));
  return out;
}

Classification classify(AssessmentMethod method, const ClassifyInput& in) {
  switch (method) {
    case AssessmentMethod::Threshold: return classify_threshold(in);
    case AssessmentMethod::Trend: return classify_trend(in);
    case AssessmentMethod::Projection: return classify_projection(in);
  }
  return classify_threshold(in);
}

}  // namespace dxmon
