// outlier_zscore / outlier_modified_zscore: a value far from its unit's own history (METHODS.md §1,
// DHIS2's outlier detection). The history of a value is the unit's earlier values of the same
// indicator; it must hold at least CheckOptions::min_history values.
//   z = (x − mean) ÷ standard deviation (sample)            flagged when |z| > z_threshold (3,0)
//   modified z = 0,6745 · (x − median) ÷ MAD                flagged when |z| > modified_z_threshold (3,5)
// The modified z-score (Iglewicz–Hoaglin) resists the outliers already in the history. A history
// with no spread (standard deviation or MAD 0) gives no score.
#include <algorithm>
#include <cmath>

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

}  // namespace

void check_outliers(const CheckContext& ctx, std::vector<Finding>& out) {
  const auto& opt = ctx.options();
  for (const auto& ind : ctx.data().indicators) {
    for (const auto& series : series_of(ctx, ind.code)) {
      std::vector<double> history;
      for (const auto& pv : series) {
        if (history.size() >= std::max<std::size_t>(opt.min_history, 2)) {
          const double n = static_cast<double>(history.size());
          double mean = 0;
          for (double h : history) mean += h;
          mean /= n;
          double ss = 0;
          for (double h : history) ss += (h - mean) * (h - mean);
          const double sd = std::sqrt(ss / (n - 1));
          const double med = median(history);
          std::vector<double> dev;
          for (double h : history) dev.push_back(std::fabs(h - med));
          const double mad = median(dev);
          for (const Observation* o : pv.values) {
            const double x = *o->value;
            auto emit = [&](const char* rule, double score, double threshold, std::string centre) {
              Finding f;
              f.rule = rule;
              f.severity = Severity::Warning;
              f.message = "Giá trị " + say_value(*o, &ind) + " (" + say_period(o->period) + ") khác xa lịch sử của đơn vị: " +
                          centre + ", điểm " + text::format_number(score, 2) + " vượt ngưỡng " +
                          text::format_number(threshold) + " (chỉ tiêu \"" + ind.code + "\", đơn vị \"" + o->unit +
                          "\", " + std::to_string(history.size()) + " giá trị trước; nguồn: " + source_of(*o) + ").";
              f.values.push_back(finding_value(*o, "giá trị"));
              f.indicators = {ind.code};
              f.unit = o->unit;
              f.period = o->period;
              out.push_back(std::move(f));
            };
            if (sd > 0 && std::fabs((x - mean) / sd) > opt.z_threshold)
              emit("outlier_zscore", std::fabs((x - mean) / sd), opt.z_threshold,
                   "trung bình " + text::format_number(mean, 2) + ", độ lệch chuẩn " + text::format_number(sd, 2));
            if (mad > 0 && std::fabs(0.6745 * (x - med) / mad) > opt.modified_z_threshold)
              emit("outlier_modified_zscore", std::fabs(0.6745 * (x - med) / mad), opt.modified_z_threshold,
                   "trung vị " + text::format_number(med, 2) + ", MAD " + text::format_number(mad, 2));
          }
        }
        for (const Observation* o : pv.values) history.push_back(*o->value);
      }
    }
  }
}

}  // namespace dxmon::check
