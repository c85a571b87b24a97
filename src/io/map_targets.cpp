// targets rows → Target entities: rows sharing programme and code are the items of one target,
// and the target-level columns must agree between them.
#include <cctype>

#include "io/enum_choices.h"
#include "io/mapping_context.h"
#include "text/text.h"

namespace dxmon::io {
namespace {

bool has_digit(std::string_view s) {
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  return false;
}

}  // namespace

void Mapping::targets(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    std::string programme = r.required("programme");
    std::string code = r.required("code");
    check_code(r, "code", code);
    bool programme_ok = require_programme(r, "programme", programme);

    TargetItem item;
    item.indicator = r.required("indicator");
    const Indicator* ind = require_indicator(r, "indicator", item.indicator) ? indicator(item.indicator) : nullptr;
    item.label = r.text("item_label");
    item.as_printed = r.required("target");
    if (!item.as_printed.empty()) {
      if (auto n = text::try_parse_number(item.as_printed); n && !n->no_data) {
        item.value = n->value;
        item.value_max = n->value_max;
        if (auto c = comparator_of(n->bound)) item.comparator = *c;
        else if (ind && ind->direction == Direction::LowerIsBetter && !n->value_max) item.comparator = Comparator::AtMost;
        else item.comparator = Comparator::AtLeast;
      } else if (has_digit(item.as_printed)) {
        // A target with digits that do not read as a number is a typo, not a qualitative target.
        r.problem("target", "không đọc được mục tiêu \"" + item.as_printed + "\"",
                  "hãy ghi mục tiêu như trong báo cáo: ≥ 80%, Trên 30%, 100%, 7,2-7,8%");
      }
    }
    item.scope = r.choice("scope", unit_group_choices(), "phạm vi (nhóm đơn vị)");

    // Target-level columns.
    std::string printed_no = r.text("printed_no"), label = r.text("label"), heading = r.text("heading"),
                printed_group = r.text("printed_group"), source = r.text("source");
    auto deadline = r.period("deadline");
    auto sort_order = r.whole_number("sort_order");
    if (programme.empty() || code.empty() || !programme_ok) continue;

    std::string key = programme + "|" + code;
    auto [it, inserted] = target_index_.emplace(key, target_groups_.size());
    if (inserted) {
      target_groups_.push_back({});
      target_groups_.back().target.programme = programme;
      target_groups_.back().target.code = code;
    }
    TargetGroup& g = target_groups_[it->second];
    Target& target = g.target;
    // The first non-blank value of a target-level column is the target's; a later different one
    // is a problem at the later cell, naming the first.
    auto agree = [&](std::string_view column, const std::string& value, auto&& assign) {
      if (value.empty()) return;
      auto [f, fresh] = g.first.emplace(std::string(column), std::pair{value, r.where()});
      if (fresh) {
        assign();
      } else if (f->second.first != value) {
        r.problem(column,
                  "\"" + value + "\" khác với \"" + f->second.first + "\" ở " + f->second.second + " (cùng mục tiêu " +
                      code + " của chương trình " + programme + ")",
                  "các dòng của một mục tiêu phải ghi giống nhau ở cột này (hoặc để trống ở các dòng sau)");
      }
    };
    agree("printed_no", printed_no, [&] { target.printed_no = printed_no; });
    agree("label", label, [&] { target.label = label; });
    agree("heading", heading, [&] { target.heading = heading; });
    agree("printed_group", printed_group, [&] { target.printed_group = printed_group; });
    agree("deadline", deadline ? deadline->id() : "", [&] { target.deadline = deadline; });
    agree("sort_order", sort_order ? std::to_string(*sort_order) : "", [&] { target.sort_order = *sort_order; });
    agree("source", source, [&] { target.source = source; });

    if (item.indicator.empty() || !ind) continue;
    std::string item_key = item.indicator + "|" + item.label + "|" +
                           (item.scope ? std::string(unit_group_id(*item.scope)) : std::string());
    auto [dup, fresh] = g.items.emplace(item_key, r.where());
    if (!fresh) {
      r.problem("indicator", "mục tiêu " + code + " của chương trình " + programme + " đã có chỉ tiêu \"" +
                                 item.indicator + "\" (cùng item_label và scope) ở " + dup->second,
                "mỗi chỉ tiêu chỉ ghi một lần trong một mục tiêu; nếu mục tiêu có nhiều phần, hãy ghi item_label khác nhau");
      continue;
    }
    target.items.push_back(std::move(item));
  }
}

void Mapping::finish_targets() {
  for (auto& g : target_groups_) {
    // formats.md: the label defaults to the indicator's name.
    if (g.target.label.empty() && !g.target.items.empty())
      if (const Indicator* ind = indicator(g.target.items.front().indicator)) g.target.label = ind->name;
    out_.targets.push_back(std::move(g.target));
  }
  target_groups_.clear();
}

}  // namespace dxmon::io
