// outlier_zscore / outlier_modified_zscore: a value far from its unit's own history (METHODS.md §1,
// DHIS2's outlier detection). The history of a value is the unit's earlier values of the same
// indicator and the same period type (months against months, quarters against quarters); it must
// hold at least CheckOptions::min_history values.
//   z = (x − mean) ÷ standard deviation (sample)            flagged when |z| > z_threshold (3,0)
//   modified z = 0,6745 · (x − median) ÷ MAD                flagged when |z| > modified_z_threshold (3,5)
// The modified z-score (Iglewicz–Hoaglin) resists the outliers already in the history. A history
// with no spread (standard deviation or MAD 0) gives no score.
//
// Indicators measured from dossier records (one value per agency and month) need more care
// (docs/checks.md, "Outliers on measured indicators"):
// - only the periods the records cover are judged: those in which the nation received dossiers
//   (a national measured count summed over periods is positive); the months after the last record
//   hold only completions of earlier dossiers;
// - a count is compared as the unit's share of the nation's count in the same period, so that the
//   seasons every agency shares (Tết, the year-end rush) are not outliers of each;
// - volume: a share or an average (satisfaction) over fewer than measured_min_volume dossiers is
//   neither tested nor history, a
//   count is tested only when its expected value reaches measured_min_volume, and the history must
//   hold measured_min_history values;
// - the spread a score divides by is at least the noise of counting itself: binomial for a share
//   of n dossiers, Poisson for a count. A month of 58 dossiers where 55 were usual is not an outlier
//   because the last few months happened to be 55, 55, 56;
// - a measured average (the mean satisfaction rating) is not judged: its noise depends on how the
//   ratings spread, which the store does not keep; the share of satisfied users is judged instead.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "check/rules.h"
#include "check/series.h"
#include "text/number.h"

namespace dxmon::check {

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The earlier values a value is compared with, and what they tell.
struct History {
  std::vector<double> values;
  double mean = 0, sd = 0, med = 0, mad = 0;

  void summarise() {
    const double n = static_cast<double>(values.size());
    mean = 0;
    for (double h : values) mean += h;
    mean /= n;
    double ss = 0;
    for (double h : values) ss += (h - mean) * (h - mean);
    sd = n > 1 ? std::sqrt(ss / (n - 1)) : 0;
    med = median(values);
    std::vector<double> dev;
    for (double h : values) dev.push_back(std::fabs(h - med));
    mad = median(dev);
  }
};

// What an indicator's values are, for the rules above: reported (Plain), or measured as a share,
// a count or an average.
enum class Measure { Plain, Share, Count, Average };

Measure measure_of(const Indicator& ind) {
  if (ind.kind != IndicatorKind::Measured) return Measure::Plain;
  if (ind.unit == "%") return Measure::Share;
  if (ind.aggregation == Aggregation::Sum) return Measure::Count;
  return Measure::Average;
}

// The periods the dossier records cover: a national measured count summed over periods (dossiers
// received) is positive in them. Empty when the data holds no such count (nothing is excluded).
std::set<Period> covered_periods(const CheckContext& ctx) {
  std::set<Period> out;
  for (const auto& ind : ctx.data().indicators)
    if (measure_of(ind) == Measure::Count)
      for (const Observation* o : ctx.observations_of(ind.code))
        if (o->unit == kNationalUnit && o->value && *o->value > 0) out.insert(o->period);
  return out;
}

// The national value of a count in each period: what a unit's count is a share of.
std::map<Period, double> national_values(const CheckContext& ctx, const Indicator& ind) {
  std::map<Period, double> out;
  for (const Observation* o : ctx.observations_of(ind.code))
    if (o->unit == kNationalUnit && o->value && *o->value > 0) out[o->period] = *o->value;
  return out;
}

// One value of a series as compared: `x` is the value itself, or for a measured count its share of
// the nation's count (`total`).
struct Point {
  const Observation* o = nullptr;
  double x = 0;
  double total = 0;  // the nation's count (measured counts only)
};

// The least spread a score divides by: the sampling noise of one value. A share p (%) of n
// dossiers varies by 100·√(p(1 − p)/n); a unit's count of expected e among `total` varies by √e,
// that is √e ÷ total as a share of the nation.
double counting_noise(Measure m, double centre, const Point& p) {
  if (m == Measure::Share && p.o->denominator && *p.o->denominator > 0) {
    const double n = *p.o->denominator;
    const double q = std::clamp(centre / 100.0, 0.5 / n, 1.0 - 0.5 / n);
    return 100.0 * std::sqrt(q * (1.0 - q) / n);
  }
  if (m == Measure::Count && p.total > 0) return std::sqrt(std::max(centre * p.total, 1.0)) / p.total;
  return 0;
}

}  // namespace

void check_outliers(const CheckContext& ctx, std::vector<Finding>& out) {
  const auto& opt = ctx.options();
  const std::set<Period> covered = covered_periods(ctx);
  for (const auto& ind : ctx.data().indicators) {
    const Measure m = measure_of(ind);
    if (m == Measure::Average) continue;
    const bool measured = ind.kind == IndicatorKind::Measured;
    const std::size_t needed =
        std::max<std::size_t>(measured ? std::max(opt.min_history, opt.measured_min_history) : opt.min_history, 2);
    const std::map<Period, double> nation = m == Measure::Count ? national_values(ctx, ind) : std::map<Period, double>{};
    for (const auto& series : series_of(ctx, ind.code, SeriesKey::UnitAndPeriodType)) {
      History history;
      for (const auto& pv : series) {
        if (measured && !covered.empty() && !covered.contains(pv.period)) continue;
        std::vector<Point> points;
        for (const Observation* o : pv.values) {
          Point p{o, *o->value, 0};
          // A share over a handful of dossiers says nothing.
          if (measured && o->denominator && *o->denominator < opt.measured_min_volume) continue;
          if (m == Measure::Count) {
            auto it = nation.find(o->period);
            if (o->unit == kNationalUnit || it == nation.end()) continue;
            p.total = it->second;
            p.x = *o->value / p.total;
          }
          points.push_back(p);
        }
        if (history.values.size() >= needed) {
          history.summarise();
          for (const Point& p : points) {
            // A count expected to be small is noise whatever its score.
            if (m == Measure::Count && history.med * p.total < opt.measured_min_volume) continue;
            const Observation* o = p.o;
            // Scores and their centre and spread in the value's own terms (a count's share of the
            // nation turned back into a count of this period).
            const double to_value = m == Measure::Count ? p.total : 1.0;
            auto emit = [&](const char* rule, double score, double threshold, const std::string& centre) {
              Finding f;
              f.rule = rule;
              f.severity = Severity::Warning;
              f.message = "Giá trị " + say_value(*o, &ind) + " (" + say_period(o->period) + ") khác xa lịch sử của đơn vị: " +
                          centre + ", điểm " + text::format_number(score, 2) + " vượt ngưỡng " +
                          text::format_number(threshold) + " (chỉ tiêu \"" + ind.code + "\", đơn vị \"" + o->unit +
                          "\", " + std::to_string(history.values.size()) + " giá trị cùng loại kỳ trước đó" +
                          (m == Measure::Count ? ", so theo tỷ trọng của đơn vị trong số của cả nước cùng kỳ" : "") +
                          "; nguồn: " + source_of(*o) + ").";
              f.values.push_back(finding_value(*o, "giá trị"));
              f.indicators = {ind.code};
              f.unit = o->unit;
              f.period = o->period;
              out.push_back(std::move(f));
            };
            const double sd = std::max(history.sd, counting_noise(m, history.mean, p));
            if (sd > 0 && std::fabs((p.x - history.mean) / sd) > opt.z_threshold)
              emit("outlier_zscore", std::fabs((p.x - history.mean) / sd), opt.z_threshold,
                   "trung bình " + text::format_number(history.mean * to_value, 2) + ", độ lệch chuẩn " +
                       text::format_number(sd * to_value, 2));
            // The modified z-score's spread is MAD ÷ 0,6745 (the standard deviation it estimates).
            const double spread = std::max(history.mad / 0.6745, counting_noise(m, history.med, p));
            if (spread > 0 && std::fabs((p.x - history.med) / spread) > opt.modified_z_threshold)
              emit("outlier_modified_zscore", std::fabs((p.x - history.med) / spread), opt.modified_z_threshold,
                   "trung vị " + text::format_number(history.med * to_value, 2) + ", MAD " +
                       text::format_number(spread * 0.6745 * to_value, 2));
          }
        }
        for (const Point& p : points) history.values.push_back(p.x);
      }
    }
  }
}

}  // namespace dxmon::check
