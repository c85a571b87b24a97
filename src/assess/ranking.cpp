#include "assess/ranking.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/unit.h"
#include "text/number.h"

namespace dxmon {
namespace {

bool same_score(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

}  // namespace

std::map<std::string, const Observation*> unit_values(const std::vector<Observation>& observations,
                                                      const std::string& indicator, const Period& period) {
  std::map<std::string, const Observation*> by_unit;
  for (const Observation& o : observations) {
    if (o.indicator != indicator || o.period != period || o.unit == kNationalUnit) continue;
    if (!o.value || o.flags.no_data) continue;
    const Observation*& slot = by_unit[o.unit];
    if (!slot || o.as_of > slot->as_of || (o.as_of == slot->as_of && o.provenance.document > slot->provenance.document))
      slot = &o;
  }
  return by_unit;
}

namespace {

std::vector<UnitScore> scores_of(const std::map<std::string, const Observation*>& by_unit) {
  std::vector<UnitScore> scores;
  for (const auto& [unit, o] : by_unit) scores.push_back({unit, *o->value});
  return scores;
}

}  // namespace

std::vector<RankedUnit> rank_units(std::vector<UnitScore> scores, Direction direction) {
  const bool higher = direction == Direction::HigherIsBetter;
  std::sort(scores.begin(), scores.end(), [&](const UnitScore& a, const UnitScore& b) {
    if (!same_score(a.score, b.score)) return higher ? a.score > b.score : a.score < b.score;
    return a.unit < b.unit;
  });
  std::vector<RankedUnit> out;
  out.reserve(scores.size());
  for (std::size_t i = 0; i < scores.size(); ++i) {
    RankedUnit r;
    r.unit = scores[i].unit;
    r.score = scores[i].score;
    // Competition ranking: a unit tied with the one before it takes that unit's rank.
    if (i > 0 && same_score(scores[i].score, scores[i - 1].score)) {
      r.rank = out.back().rank;
      r.tied = true;
      out.back().tied = true;
    } else {
      r.rank = static_cast<int>(i) + 1;
    }
    out.push_back(std::move(r));
  }
  return out;
}

void compare_with_previous(std::vector<RankedUnit>& current, const std::vector<RankedUnit>& previous) {
  std::map<std::string, int> before;
  for (const auto& p : previous) before[p.unit] = p.rank;
  for (auto& r : current) {
    auto it = before.find(r.unit);
    if (it == before.end()) {
      r.previous_rank.reset();
      r.rank_change.reset();
      r.is_new = true;
    } else {
      r.previous_rank = it->second;
      r.rank_change = it->second - r.rank;
      r.is_new = false;
    }
  }
}

std::string rank_change_vi(const RankedUnit& r, bool compared) {
  if (!compared) return "-";
  if (r.is_new) return "mới";
  if (!r.rank_change || *r.rank_change == 0) return "giữ nguyên";
  return (*r.rank_change > 0 ? "tăng " : "giảm ") + std::to_string(std::abs(*r.rank_change)) + " bậc";
}

Period preceding_period(const Period& p) {
  switch (p.type) {
    case PeriodType::Month: return p.index > 1 ? Period::of_month(p.year, p.index - 1) : Period::of_month(p.year - 1, 12);
    case PeriodType::Quarter:
      return p.index > 1 ? Period::of_quarter(p.year, p.index - 1) : Period::of_quarter(p.year - 1, 4);
    case PeriodType::HalfYear: return p.index > 1 ? Period::of_half(p.year, 1) : Period::of_half(p.year - 1, 2);
    case PeriodType::NineMonths: return Period::of_nine_months(p.year - 1);
    case PeriodType::Year: return Period::of_year(p.year - 1);
    case PeriodType::Day: return Period::of_day(p.first_day().plus_days(-1));
  }
  return p;
}

std::vector<RankedUnit> rank_by_indicator(const std::vector<Observation>& observations, const Indicator& indicator,
                                          const Period& period, const std::optional<Period>& previous) {
  auto ranked = rank_units(scores_of(unit_values(observations, indicator.code, period)), indicator.direction);
  if (previous) {
    auto before = rank_units(scores_of(unit_values(observations, indicator.code, *previous)), indicator.direction);
    compare_with_previous(ranked, before);
  }
  return ranked;
}

std::vector<CompositeScore> composite_scores(const std::vector<CompositeComponent>& components,
                                             const std::vector<UnitPoints>& units) {
  std::map<std::string, const CompositeComponent*> by_code;
  double max_total = 0;
  for (const auto& c : components) {
    if (!(c.max_points > 0))
      throw std::invalid_argument("Thành phần \"" + c.code + "\" của chỉ số có điểm tối đa " +
                                  text::format_number(c.max_points) + ": điểm tối đa phải lớn hơn 0.");
    by_code[c.code] = &c;
    max_total += c.max_points;
  }
  std::vector<CompositeScore> out;
  for (const auto& u : units) {
    CompositeScore s;
    s.unit = u.unit;
    s.max_points = max_total;
    for (const auto& [code, pts] : u.points) {
      auto it = by_code.find(code);
      if (it == by_code.end())
        throw std::invalid_argument("Đơn vị \"" + u.unit + "\" có điểm cho thành phần \"" + code +
                                    "\" không có trong bộ chỉ số. Hãy kiểm tra mã thành phần.");
      if (pts < 0 || pts > it->second->max_points)
        throw std::invalid_argument("Đơn vị \"" + u.unit + "\", thành phần \"" + code + "\": điểm " +
                                    text::format_number(pts) + " nằm ngoài khoảng cho phép 0–" +
                                    text::format_number(it->second->max_points) + ". Hãy sửa điểm.");
    }
    for (const auto& c : components) {
      auto it = u.points.find(c.code);
      const double pts = it == u.points.end() ? 0.0 : it->second;
      if (it == u.points.end()) s.missing.push_back(c.code);
      s.points += pts;
      s.component_index[c.code] = pts / c.max_points;
    }
    s.index = max_total > 0 ? s.points / max_total : 0;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<RankedUnit> rank_composite(const std::vector<CompositeScore>& scores) {
  std::vector<UnitScore> s;
  for (const auto& c : scores) s.push_back({c.unit, c.index});
  return rank_units(std::move(s), Direction::HigherIsBetter);
}

}  // namespace dxmon
