#include "measure/service_indicators.h"

#include <algorithm>
#include <map>
#include <set>

namespace dxmon::measure {
namespace {

constexpr const char* kSource = "docs/measurement.md (đo tự động từ bản ghi hồ sơ, METHODS §5)";

Indicator make(std::string code, std::string name, std::string unit, Aggregation agg, std::string definition,
               std::string definition_source) {
  Indicator i;
  i.code = std::move(code);
  i.name = std::move(name);
  i.unit = std::move(unit);
  i.direction = Direction::HigherIsBetter;
  i.pillar = "Cung cấp dịch vụ chất lượng phục vụ xã hội";
  i.kind = IndicatorKind::Measured;
  i.aggregation = agg;
  i.definition = std::move(definition);
  i.definition_source = std::move(definition_source);
  i.source = kSource;
  return i;
}

// How each indicator is computed from the counts: numerator and denominator (a share in percent
// unless `mean`), or a plain count when there is no denominator.
struct Formula {
  const char* code;
  std::int64_t (*numerator)(const ServiceCounts&);
  std::int64_t (*denominator)(const ServiceCounts&);  // nullptr: a count
  bool mean = false;                                 // value = numerator ÷ denominator, not in percent
};

const Formula kFormulas[] = {
    {"dvc.so_ho_so", [](const ServiceCounts& s) { return s.c[kReceived]; }, nullptr},
    {"dvc.ho_so_truc_tuyen", [](const ServiceCounts& s) { return s.c[kOnlineLevelOnline]; },
     [](const ServiceCounts& s) { return s.c[kOnlineLevel]; }},
    {"dvc.thu_tuc_toan_trinh", [](const ServiceCounts& s) { return s.services_full; },
     [](const ServiceCounts& s) { return s.services; }},
    {"dvc.thu_tuc_mot_phan", [](const ServiceCounts& s) { return s.services_partial_only; },
     [](const ServiceCounts& s) { return s.services; }},
    {"dvc.dvctt_phat_sinh_ho_so", [](const ServiceCounts& s) { return s.online_services_used; },
     [](const ServiceCounts& s) { return s.online_services; }},
    {"dvc.giai_quyet_dung_han", [](const ServiceCounts& s) { return s.c[kOnTime]; },
     [](const ServiceCounts& s) { return s.c[kCompleted]; }},
    {"dvc.thanh_toan_truc_tuyen", [](const ServiceCounts& s) { return s.c[kPaidOnline]; },
     [](const ServiceCounts& s) { return s.c[kFeeBearing]; }},
    {"dvc.so_hoa_ho_so", [](const ServiceCounts& s) { return s.c[kDossierDigitised]; },
     [](const ServiceCounts& s) { return s.c[kReceived]; }},
    {"dvc.so_hoa_ket_qua", [](const ServiceCounts& s) { return s.c[kResultDigitised]; },
     [](const ServiceCounts& s) { return s.c[kCompleted]; }},
    {"dvc.hai_long_diem", [](const ServiceCounts& s) { return s.c[kRatingSum]; },
     [](const ServiceCounts& s) { return s.c[kRated]; }, true},
    {"dvc.hai_long_ty_le", [](const ServiceCounts& s) { return s.c[kSatisfied]; },
     [](const ServiceCounts& s) { return s.c[kRated]; }},
};

// Month bits (January = bit 0) of a period within its year.
std::uint16_t month_mask(const Period& p) {
  switch (p.type) {
    case PeriodType::Month: return static_cast<std::uint16_t>(1u << (p.index - 1));
    case PeriodType::Quarter: return static_cast<std::uint16_t>(0x7u << (3 * (p.index - 1)));
    case PeriodType::HalfYear: return static_cast<std::uint16_t>(0x3Fu << (6 * (p.index - 1)));
    case PeriodType::NineMonths: return 0x1FF;
    case PeriodType::Year: return 0xFFF;
    case PeriodType::Day: return static_cast<std::uint16_t>(1u << (p.index - 1));
  }
  return 0;
}

// Per agency × procedure × year: the months with dossiers of each kind.
struct ServiceMonths {
  std::uint16_t any = 0, full = 0, partial = 0, online_level = 0, online_used = 0;
};
using ServiceIndex = std::map<std::pair<int, int>, std::vector<ServiceMonths>>;  // (agency, year) → services

ServiceIndex index_services(const MeasurementState& state, const std::set<int>& years) {
  // The (agency, year, procedure, month) cells with dossiers, grouped by service without sorting
  // them: a counting pass puts the cells of each (agency, year) together, then within a group the
  // procedure's dense number finds its service through a table reused from group to group. Sorting
  // the million cells of 10 M records took most of the 150 ms this step took, and publish runs after
  // every ingest.
  const std::vector<int> year_list(years.begin(), years.end());
  const auto year_count = static_cast<std::uint32_t>(year_list.size());
  const auto group_count = static_cast<std::uint32_t>(state.agencies().size()) * year_count;
  std::vector<std::int32_t> year_of_month(kMonthCount, -1);  // month index → position in year_list
  for (std::uint32_t y = 0; y < year_count; ++y) {
    for (int m = 1; m <= 12; ++m) {
      const int month = month_index(year_list[y], m);
      if (month >= 0 && month < kMonthCount) year_of_month[static_cast<std::size_t>(month)] = static_cast<std::int32_t>(y);
    }
  }
  // The group of a cell (agency × year), or -1 when its year is not asked for.
  auto group_of = [&](std::uint64_t key) -> std::int64_t {
    const std::int32_t y = year_of_month[key & 0xFFFF];
    return y < 0 ? -1 : static_cast<std::int64_t>((key >> 48) * year_count + static_cast<std::uint64_t>(y));
  };
  std::vector<std::uint32_t> first(group_count + 1, 0);  // where each group's cells start
  state.cells().for_each([&](std::uint64_t key, const ProcedureCell& c) {
    if (c.dossiers)
      if (const std::int64_t g = group_of(key); g >= 0) ++first[static_cast<std::size_t>(g) + 1];
  });
  for (std::uint32_t g = 0; g < group_count; ++g) first[g + 1] += first[g];
  struct Cell {
    std::uint32_t procedure;
    std::uint16_t month_bit;
    std::uint8_t flags;  // 1 full, 2 partial, 4 online level, 8 online level used online
  };
  std::vector<Cell> cells(first[group_count]);
  std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
  state.cells().for_each([&](std::uint64_t key, const ProcedureCell& c) {
    if (!c.dossiers) return;
    const std::int64_t g = group_of(key);
    if (g < 0) return;
    const auto flags = static_cast<std::uint8_t>((c.full_online ? 1 : 0) | (c.partial_online ? 2 : 0) |
                                                 (c.online_level ? 4 : 0) | (c.online_level_online ? 8 : 0));
    cells[next[static_cast<std::size_t>(g)]++] = {
        static_cast<std::uint32_t>((key >> 16) & 0xFFFFFFFF),
        static_cast<std::uint16_t>(1u << (month_of_month_index(static_cast<int>(key & 0xFFFF)) - 1)), flags};
  });
  ServiceIndex out;
  // seen[p]: the group (+ 1) that last had procedure p, at position at[p] of its services.
  std::vector<std::uint32_t> seen(state.procedures().size(), 0), at(state.procedures().size(), 0);
  for (std::uint32_t g = 0; g < group_count; ++g) {
    if (first[g] == first[g + 1]) continue;
    std::vector<ServiceMonths>& services = out[{static_cast<int>(g / year_count), year_list[g % year_count]}];
    for (std::uint32_t i = first[g]; i < first[g + 1]; ++i) {
      const Cell& e = cells[i];
      if (seen[e.procedure] != g + 1) {
        seen[e.procedure] = g + 1;
        at[e.procedure] = static_cast<std::uint32_t>(services.size());
        services.emplace_back();
      }
      ServiceMonths& s = services[at[e.procedure]];
      s.any |= e.month_bit;
      if (e.flags & 1) s.full |= e.month_bit;
      if (e.flags & 2) s.partial |= e.month_bit;
      if (e.flags & 4) s.online_level |= e.month_bit;
      if (e.flags & 8) s.online_used |= e.month_bit;
    }
  }
  return out;
}

void add_counts(const MeasurementState& state, const ServiceIndex& services, int agency, const Period& period,
                ServiceCounts& out) {
  for (const Period& m : period.months()) {
    const std::int64_t* c = state.counters(agency, month_index(m.year, m.index));
    for (int k = 0; k < kCounterCount; ++k) out.c[k] += c[k];
  }
  auto it = services.find({agency, period.year});
  if (it == services.end()) return;
  std::uint16_t mask = month_mask(period);
  for (const ServiceMonths& s : it->second) {
    if (!(s.any & mask)) continue;
    ++out.services;
    if (s.full & mask) ++out.services_full;
    else if (s.partial & mask) ++out.services_partial_only;
    if (s.online_level & mask) {
      ++out.online_services;
      if (s.online_used & mask) ++out.online_services_used;
    }
  }
}

std::vector<Period> periods_containing_month(int year, int month) {
  std::vector<Period> out = {Period::of_month(year, month), Period::of_quarter(year, (month - 1) / 3 + 1),
                             Period::of_half(year, (month - 1) / 6 + 1), Period::of_year(year)};
  if (month <= 9) out.push_back(Period::of_nine_months(year));
  return out;
}

void emit(const std::string& unit, const Period& period, const ServiceCounts& s, std::vector<Observation>& out) {
  for (const Formula& f : kFormulas) {
    Observation o;
    o.indicator = f.code;
    o.unit = unit;
    o.period = period;
    o.provenance.kind = ProvenanceKind::Measurement;
    o.provenance.document = std::string(kMeasuredDocument);
    std::int64_t num = f.numerator(s);
    if (!f.denominator) {
      o.value = static_cast<double>(num);
    } else {
      std::int64_t den = f.denominator(s);
      o.numerator = static_cast<double>(num);
      o.denominator = static_cast<double>(den);
      if (den == 0)
        o.flags.no_data = true;  // nothing to measure in this period (e.g. no fee-bearing dossier)
      else
        o.value = f.mean ? static_cast<double>(num) / static_cast<double>(den)
                         : 100.0 * static_cast<double>(num) / static_cast<double>(den);
    }
    out.push_back(std::move(o));
  }
}

}  // namespace

const std::vector<Indicator>& service_indicators() {
  static const std::vector<Indicator> list = {
      make("dvc.so_ho_so", "Số hồ sơ thủ tục hành chính tiếp nhận (đo tự động)", "hồ sơ", Aggregation::Sum,
           "Số hồ sơ tiếp nhận trong kỳ, theo trạng thái mới nhất của mỗi hồ sơ (mỗi hồ sơ tính một lần). "
           "Kỳ: ngày tiếp nhận (received_at).",
           "dxmon (đếm trực tiếp từ bản ghi hồ sơ)"),
      make("dvc.ho_so_truc_tuyen", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến (đo tự động)", "%",
           Aggregation::None,
           "Tử số: hồ sơ tiếp nhận qua kênh trực tuyến (channel = truc_tuyen) của các thủ tục có cung cấp dịch vụ "
           "công trực tuyến (service_level = toan_trinh hoặc mot_phan). Mẫu số: mọi hồ sơ của các thủ tục đó. "
           "Kỳ: ngày tiếp nhận.",
           "Quyết định 766/QĐ-TTg ngày 23/6/2022 (Bộ chỉ số phục vụ người dân, doanh nghiệp: chỉ số dịch vụ công "
           "trực tuyến); mức độ dịch vụ theo Nghị định 42/2022/NĐ-CP"),
      make("dvc.thu_tuc_toan_trinh", "Tỷ lệ thủ tục có hồ sơ được cung cấp dịch vụ công trực tuyến toàn trình (đo tự động)",
           "%", Aggregation::None,
           "Đơn vị đếm là một thủ tục tại một cơ quan. Tử số: thủ tục có ít nhất một hồ sơ tiếp nhận trong kỳ ở "
           "mức toàn trình. Mẫu số: thủ tục có ít nhất một hồ sơ tiếp nhận trong kỳ. Kỳ: ngày tiếp nhận. "
           "Thủ tục không có hồ sơ nào không thấy được từ bản ghi nên không nằm trong mẫu số.",
           "Định nghĩa của dxmon, theo mức độ toàn trình/một phần của Nghị định 42/2022/NĐ-CP"),
      make("dvc.thu_tuc_mot_phan", "Tỷ lệ thủ tục có hồ sơ được cung cấp dịch vụ công trực tuyến một phần (đo tự động)",
           "%", Aggregation::None,
           "Như dvc.thu_tuc_toan_trinh; tử số: thủ tục có hồ sơ ở mức một phần và không có hồ sơ nào ở mức toàn "
           "trình trong kỳ.",
           "Định nghĩa của dxmon, theo mức độ toàn trình/một phần của Nghị định 42/2022/NĐ-CP"),
      make("dvc.dvctt_phat_sinh_ho_so", "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ trực tuyến (đo tự động)", "%",
           Aggregation::None,
           "Đơn vị đếm là một thủ tục tại một cơ quan. Tử số: thủ tục mức toàn trình hoặc một phần có ít nhất một "
           "hồ sơ tiếp nhận trực tuyến trong kỳ. Mẫu số: thủ tục mức toàn trình hoặc một phần có ít nhất một hồ "
           "sơ (mọi kênh) trong kỳ. Kỳ: ngày tiếp nhận. Khác chỉ tiêu báo cáo (mẫu số là mọi DVCTT được cung "
           "cấp): dịch vụ không có hồ sơ nào không thấy được từ bản ghi.",
           "Định nghĩa của dxmon, gần với chỉ tiêu \"Tỷ lệ DVCTT phát sinh hồ sơ\" (Quyết định 942/QĐ-TTg)"),
      make("dvc.giai_quyet_dung_han", "Tỷ lệ hồ sơ giải quyết đúng hạn (đo tự động)", "%", Aggregation::None,
           "Tử số: hồ sơ hoàn thành (status = hoan_thanh) trong kỳ có completed_at không muộn hơn due_at. "
           "Mẫu số: hồ sơ hoàn thành trong kỳ. Kỳ: ngày hoàn thành (completed_at).",
           "Quyết định 766/QĐ-TTg ngày 23/6/2022 (chỉ số tiến độ giải quyết)"),
      make("dvc.thanh_toan_truc_tuyen", "Tỷ lệ hồ sơ có phí, lệ phí được thanh toán trực tuyến (đo tự động)", "%",
           Aggregation::None,
           "Tử số: hồ sơ có phí, lệ phí (fee > 0) đã thanh toán trực tuyến (paid_online = 1). Mẫu số: hồ sơ có "
           "phí, lệ phí. Kỳ: ngày tiếp nhận.",
           "Quyết định 766/QĐ-TTg ngày 23/6/2022 (chỉ số thanh toán trực tuyến)"),
      make("dvc.so_hoa_ho_so", "Tỷ lệ hồ sơ thủ tục hành chính được số hóa (đo tự động)", "%", Aggregation::None,
           "Tử số: hồ sơ tiếp nhận trong kỳ được số hóa (dossier_digitised = 1). Mẫu số: hồ sơ tiếp nhận trong "
           "kỳ. Kỳ: ngày tiếp nhận.",
           "Thông tư 01/2023/TT-VPCP (số hóa hồ sơ, kết quả giải quyết thủ tục hành chính); Quyết định "
           "766/QĐ-TTg (chỉ số số hóa hồ sơ)"),
      make("dvc.so_hoa_ket_qua", "Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa (đo tự động)", "%",
           Aggregation::None,
           "Tử số: hồ sơ hoàn thành trong kỳ có kết quả được số hóa (result_digitised = 1). Mẫu số: hồ sơ hoàn "
           "thành trong kỳ. Kỳ: ngày hoàn thành.",
           "Thông tư 01/2023/TT-VPCP (số hóa kết quả giải quyết thủ tục hành chính)"),
      make("dvc.hai_long_diem", "Mức độ hài lòng trung bình của người dân, doanh nghiệp (đo tự động)", "điểm",
           Aggregation::None,
           "Tổng điểm đánh giá (satisfaction, 1–5) chia cho số hồ sơ hoàn thành trong kỳ có đánh giá. Hồ sơ chưa "
           "hoàn thành không được tính. Kỳ: ngày hoàn thành.",
           "Quyết định 766/QĐ-TTg ngày 23/6/2022 (chỉ số mức độ hài lòng); thang 1–5 là của dxmon"),
      make("dvc.hai_long_ty_le", "Tỷ lệ đánh giá hài lòng về giải quyết thủ tục hành chính (đo tự động)", "%",
           Aggregation::None,
           "Tử số: hồ sơ hoàn thành trong kỳ được đánh giá 4 hoặc 5 điểm. Mẫu số: hồ sơ hoàn thành trong kỳ có "
           "đánh giá. Kỳ: ngày hoàn thành.",
           "Định nghĩa của dxmon (ngưỡng hài lòng 4/5), theo chỉ số mức độ hài lòng của Quyết định 766/QĐ-TTg"),
  };
  return list;
}

ServiceCounts service_counts(const MeasurementState& state, int agency, const Period& period,
                             std::optional<UnitGroup> group) {
  std::set<int> years;
  for (const Period& m : period.months()) years.insert(m.year);
  ServiceIndex services = index_services(state, years);
  ServiceCounts out;
  if (agency >= 0) {
    add_counts(state, services, agency, period, out);
    return out;
  }
  for (std::size_t a = 0; a < state.agencies().size(); ++a) {
    ReportingUnit u;
    u.kind = state.agencies().at(static_cast<int>(a)).kind;
    if (group && !unit_in_group(u, *group)) continue;
    add_counts(state, services, static_cast<int>(a), period, out);
  }
  return out;
}

std::vector<Observation> measured_observations(const MeasurementState& state, bool everything) {
  // Which agency × periods (and nation × periods) to compute.
  std::set<std::pair<int, Period>> agency_periods;
  std::set<Period> nation_periods;
  std::set<int> years;
  const int agencies = static_cast<int>(state.agencies().size());
  for (int a = 0; a < agencies; ++a) {
    for (int m = 0; m < kMonthCount; ++m) {
      bool want;
      if (everything) {
        const std::int64_t* c = state.counters(a, m);
        want = c[kReceived] != 0 || c[kCompleted] != 0;
      } else {
        want = state.is_touched(a, m);
      }
      if (!want) continue;
      int y = year_of_month_index(m);
      years.insert(y);
      for (const Period& p : periods_containing_month(y, month_of_month_index(m))) {
        agency_periods.insert({a, p});
        nation_periods.insert(p);
      }
    }
  }
  std::vector<Observation> out;
  if (agency_periods.empty()) return out;
  ServiceIndex services = index_services(state, years);
  for (const auto& [a, p] : agency_periods) {
    ServiceCounts s;
    add_counts(state, services, a, p, s);
    emit(state.agencies().at(a).code, p, s, out);
  }
  for (const Period& p : nation_periods) {
    ServiceCounts s;
    for (int a = 0; a < agencies; ++a) add_counts(state, services, a, p, s);
    emit(std::string(kNationalUnit), p, s, out);
  }
  return out;
}

}  // namespace dxmon::measure
