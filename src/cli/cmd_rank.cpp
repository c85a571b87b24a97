// `dxmon rank`: units ranked by one indicator or by a weighted composite index (points ÷ maximum,
// as the DTI index), with ties and the change since the previous period (docs/assessment.md §9).
#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "assess/classify.h"
#include "assess/composite_index.h"
#include "assess/ranking.h"
#include "cli/code_lookup.h"
#include "cli/command.h"
#include "cli/console_table.h"
#include "core/unit_directory.h"
#include "io/index_components_file.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::cli {
namespace {

struct RankArgs {
  std::string period, previous, indicator, weights, group, format = "text";
  std::vector<std::string> components;
  bool no_wrap = false;
};

Period parse_period_arg(const std::string& text, const char* option) {
  auto p = Period::parse_id(text);
  if (!p) p = text::parse_period(text);
  if (!p)
    throw CommandFailure(kExitUsage, std::string(option) + " \"" + text +
                                         "\" không phải là kỳ — hãy viết như 2024, 2024-Q1, 2024-03 hoặc \"Quý I năm 2024\"");
  return *p;
}

// The composite's components: from --weights FILE or --component CODE=POINTS (not both).
std::vector<CompositeComponent> components_of(const RankArgs& a) {
  std::vector<CompositeComponent> out;
  if (!a.weights.empty()) {
    io::Problems problems;
    out = io::read_index_components(a.weights, problems);
    if (!problems.empty()) {
      std::string text = "tệp thành phần chỉ số bị từ chối:";
      for (const auto& p : problems) text += "\n  " + p.to_string();
      throw CommandFailure(kExitDataError, text);
    }
  }
  for (const auto& c : a.components) {
    auto parsed = io::parse_index_component(c);
    if (!parsed)
      throw CommandFailure(kExitUsage, "--component \"" + c +
                                           "\" không đúng dạng MÃ_CHỈ_TIÊU=ĐIỂM_TỐI_ĐA, ví dụ --component dvc.dung_han=20");
    out.push_back(*parsed);
  }
  return out;
}

// An unknown code ends the command as `show` does (exit 66, the closest codes).
const Indicator& require_indicator(const Dataset& data, const std::string& code) {
  std::vector<std::string> codes;
  for (const auto& i : data.indicators) codes.push_back(i.code);
  require_known_code(code, codes, "chỉ tiêu", "--indicator");
  return *std::find_if(data.indicators.begin(), data.indicators.end(), [&](const Indicator& i) { return i.code == code; });
}

// The periods in which some unit has a value of `indicator`, for the message when none has one in
// the period asked for.
std::string periods_with_values(const Dataset& data, const std::set<std::string>& indicators) {
  std::set<Period> periods;
  for (const auto& o : data.observations)
    if (indicators.contains(o.indicator) && o.unit != kNationalUnit && o.value) periods.insert(o.period);
  if (periods.empty()) return "Chưa có giá trị của đơn vị nào cho chỉ tiêu này.";
  std::vector<std::string> ids;
  for (const auto& p : periods) ids.push_back(p.id());
  if (ids.size() > 12) ids.erase(ids.begin(), ids.end() - 12);
  return "Các kỳ có giá trị: " + text::join(ids, ", ") + ".";
}

struct Ranking {
  std::string title;
  std::string value_header;
  std::vector<RankedUnit> ranked;
  std::map<std::string, std::string> value_text;  // unit → score as printed
  std::map<std::string, std::string> note;        // unit → missing components
  bool compared = false;
};

std::string rank_text(const RankedUnit& r) { return std::to_string(r.rank) + (r.tied ? " (đồng hạng)" : ""); }

void print_text(const Ranking& k, const std::map<std::string, std::string>& names, bool composite, std::ostream& out) {
  out << k.title << "\n";
  std::vector<std::string> headers{"Hạng", "Đơn vị", k.value_header};
  if (composite) headers.push_back("Thiếu thành phần");
  headers.push_back("Thay đổi");
  ConsoleTable t(headers, composite ? std::vector<std::size_t>{0, 40, 0, 30, 0} : std::vector<std::size_t>{0, 48, 0, 0});
  for (const auto& r : k.ranked) {
    std::vector<std::string> row{rank_text(r), names.contains(r.unit) ? names.at(r.unit) : r.unit,
                                 k.value_text.at(r.unit)};
    if (composite) row.push_back(k.note.contains(r.unit) ? k.note.at(r.unit) : "");
    row.push_back(rank_change_vi(r, k.compared));
    t.add_row(std::move(row));
  }
  t.print(out);
  out << "\n" << k.ranked.size() << " đơn vị được xếp hạng\n";
}

void print_json(const Ranking& k, const std::map<std::string, std::string>& names, std::ostream& out) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& r : k.ranked) {
    nlohmann::ordered_json j;
    j["rank"] = r.rank;
    j["tied"] = r.tied;
    j["unit"] = r.unit;
    j["name"] = names.contains(r.unit) ? names.at(r.unit) : r.unit;
    j["score"] = r.score;
    j["previous_rank"] = r.previous_rank ? nlohmann::ordered_json(*r.previous_rank) : nlohmann::ordered_json(nullptr);
    j["rank_change"] = r.rank_change ? nlohmann::ordered_json(*r.rank_change) : nlohmann::ordered_json(nullptr);
    j["new"] = r.is_new;
    array.push_back(std::move(j));
  }
  out << array.dump(2) << "\n";
}

void run_rank(const GlobalOptions& global, const RankArgs& a) {
  const Period period = parse_period_arg(a.period, "--period");
  const std::vector<CompositeComponent> components = components_of(a);
  if (a.indicator.empty() == components.empty())
    throw CommandFailure(kExitUsage, "hãy cho một chỉ tiêu (--indicator MÃ) hoặc các thành phần của chỉ số tổng hợp "
                                     "(--weights TỆP hoặc --component MÃ=ĐIỂM), không cả hai");
  std::optional<Period> previous;
  if (a.previous != "none") previous = a.previous.empty() ? preceding_period(period) : parse_period_arg(a.previous, "--previous");

  auto store = global.open();
  const Dataset data = store->load_all();
  std::map<std::string, std::string> names;
  for (const auto& u : data.units) names[u.code] = u.name;

  // The units ranked: all, or the members of a group in force at the end of the period.
  std::optional<std::set<std::string>> members;
  std::string group_words;
  if (!a.group.empty()) {
    auto g = parse_unit_group(a.group);
    if (!g) throw CommandFailure(kExitUsage, "--group \"" + a.group + "\" không có — dùng bo_nganh, dia_phuong, bo_nganh_dia_phuong");
    UnitDirectory dir(data.units);
    members.emplace();
    for (const auto* u : dir.members(*g, period.last_day())) members->insert(u->code);
    group_words = " — " + std::string(unit_group_label_vi(*g));
  }
  auto keep = [&](const std::string& unit) { return !members || members->contains(unit); };

  Ranking k;
  std::set<std::string> indicators;
  if (!a.indicator.empty()) {
    const Indicator& ind = require_indicator(data, a.indicator);
    indicators.insert(ind.code);
    auto filtered = [&](const Period& p) {
      std::vector<UnitScore> scores;
      for (const auto& [unit, o] : unit_values(data.observations, ind.code, p))
        if (keep(unit)) scores.push_back({unit, *o->value});
      return rank_units(std::move(scores), ind.direction);
    };
    k.ranked = filtered(period);
    if (previous) {
      auto before = filtered(*previous);
      if (!before.empty()) {
        compare_with_previous(k.ranked, before);
        k.compared = true;
      }
    }
    for (const auto& r : k.ranked) k.value_text[r.unit] = format_quantity(r.score, ind.unit);
    k.title = "Xếp hạng theo chỉ tiêu “" + ind.name + "” (" + ind.code + "), " + text::period_label(period) + group_words;
    k.value_header = "Giá trị";
  } else {
    std::vector<CompositeScore> scores, before;
    double max_total = 0;
    try {
      scores = composite_scores(components, units_points(data, components, period, keep));
      if (previous) before = composite_scores(components, units_points(data, components, *previous, keep));
    } catch (const std::invalid_argument& e) {
      throw CommandFailure(kExitDataError, e.what());
    }
    std::map<std::string, std::string> label;
    for (const auto& c : components) {
      indicators.insert(c.code);
      max_total += c.max_points;
      label[c.code] = c.name.empty() ? c.code : c.name;
    }
    k.ranked = rank_composite(scores);
    if (!before.empty()) {
      compare_with_previous(k.ranked, rank_composite(before));
      k.compared = true;
    }
    for (const auto& s : scores) {
      k.value_text[s.unit] = text::format_number(std::round(s.points * 100) / 100) + "/" +
                             text::format_number(max_total) + " = " + text::format_number(s.index, 4);
      std::vector<std::string> missing;
      for (const auto& m : s.missing) missing.push_back(label[m]);
      if (!missing.empty()) k.note[s.unit] = text::join(missing, ", ");
    }
    std::vector<std::string> parts;
    for (const auto& c : components) parts.push_back(label[c.code] + " " + text::format_number(c.max_points) + " điểm");
    k.title = "Xếp hạng theo chỉ số tổng hợp (điểm đạt ÷ điểm tối đa; " + text::join(parts, ", ") + "), " +
              text::period_label(period) + group_words;
    k.value_header = "Điểm ÷ tối đa = chỉ số";
  }
  if (k.ranked.empty())
    throw CommandFailure(kExitNoInput, "không có giá trị của đơn vị nào trong " + text::period_label(period) + " (" +
                                           period.id() + ") để xếp hạng. " + periods_with_values(data, indicators));
  if (k.compared) k.title += " (so với " + text::period_label(*previous) + ")";
  else if (previous) k.title += " (" + text::period_label(*previous) + " chưa có xếp hạng để so sánh)";

  if (a.format == "json") print_json(k, names, std::cout);
  else print_text(k, names, a.indicator.empty(), std::cout);
}

}  // namespace

void add_rank_command(CLI::App& app, GlobalOptions& global) {
  auto a = std::make_shared<RankArgs>();
  auto* cmd = app.add_subcommand("rank", "Xếp hạng đơn vị theo một chỉ tiêu hoặc chỉ số tổng hợp (rank units; see docs/assessment.md §9)");
  cmd->add_option("--period", a->period, "Period ranked: 2024, 2024-Q1, 2024-03")->required();
  cmd->add_option("--indicator", a->indicator, "Rank by this indicator's values (highest first unless lower is better)");
  cmd->add_option("--weights", a->weights, "Composite index: CSV of components (indicator,max_points,name)");
  cmd->add_option("--component", a->components, "Composite index component CODE=MAX_POINTS (repeatable)");
  cmd->add_option("--group", a->group, "Only units of bo_nganh | dia_phuong | bo_nganh_dia_phuong in force");
  cmd->add_option("--previous", a->previous, "Compare with this period (default: the period before; none: no comparison)");
  cmd->add_option("--format", a->format, "text (default) | json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--no-wrap", a->no_wrap, "One line per unit (for scripts)");
  cmd->callback([a, &global] {
    if (a->no_wrap) ConsoleTable::set_wrapping(false);
    run_rank(global, *a);
  });
}

}  // namespace dxmon::cli
