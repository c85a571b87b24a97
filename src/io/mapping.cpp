#include "io/mapping.h"

#include "io/enum_choices.h"
#include "io/mapping_context.h"
#include "text/text.h"

namespace dxmon::io {

std::optional<std::string> Mapping::unit(const RowReader& r, std::string_view column, const std::string& name,
                                         const Date& as_of, bool require_valid) const {
  if (auto code = directory_->resolve(name, as_of, require_valid)) return code;
  // A unit that exists but is not in force on the day: the value belongs to its successor, or to
  // another period.
  const bool not_in_force = require_valid && directory_->resolve(name, as_of, false);
  r.problem(column, directory_->explain_failure(name, as_of, require_valid),
            not_in_force ? "hãy ghi đơn vị kế thừa (đơn vị có hiệu lực trong kỳ), hoặc kiểm tra kỳ báo cáo"
                         : "hãy ghi mã đơn vị (như tinh-01) hoặc tên đơn vị như trong danh mục đơn vị");
  return std::nullopt;
}

std::vector<std::string> Mapping::unit_list(const RowReader& r, std::string_view column, const Date& as_of) const {
  std::vector<std::string> out;
  for (const auto& name : r.list(column))
    if (auto code = unit(r, column, name, as_of, false)) out.push_back(*code);
  return out;
}

const Indicator* Mapping::indicator(const std::string& code) const {
  for (const auto& i : out_.indicators)
    if (i.code == code) return &i;
  for (const auto& i : stored_.indicators)
    if (i.code == code) return &i;
  return nullptr;
}

bool Mapping::programme_known(const std::string& code) const {
  for (const auto& p : out_.programmes)
    if (p.code == code) return true;
  for (const auto& p : stored_.programmes)
    if (p.code == code) return true;
  return false;
}

bool Mapping::require_indicator(const RowReader& r, std::string_view column, const std::string& code) const {
  if (code.empty()) return false;
  if (indicator(code)) return true;
  std::vector<std::string> codes;
  for (const auto& i : out_.indicators) codes.push_back(i.code);
  for (const auto& i : stored_.indicators) codes.push_back(i.code);
  auto close = text::closest(code, codes, 3);
  r.problem(column, "chỉ tiêu \"" + code + "\" không có trong danh mục chỉ tiêu (của kho dữ liệu hay của các tệp đang nhập)",
            (close.empty() ? std::string() : "có phải là: " + text::join(close, ", ") + "? ") +
                "hãy sửa mã, hoặc nhập chỉ tiêu này trong bảng indicators cùng lúc");
  return false;
}

bool Mapping::require_programme(const RowReader& r, std::string_view column, const std::string& code) const {
  if (code.empty()) return false;
  if (programme_known(code)) return true;
  std::vector<std::string> codes;
  for (const auto& p : out_.programmes) codes.push_back(p.code);
  for (const auto& p : stored_.programmes) codes.push_back(p.code);
  auto close = text::closest(code, codes, 3);
  r.problem(column,
            "chương trình \"" + code + "\" không có trong danh mục chương trình (của kho dữ liệu hay của các tệp đang nhập)",
            (close.empty() ? std::string() : "có phải là: " + text::join(close, ", ") + "? ") +
                "hãy sửa mã, hoặc nhập chương trình này trong bảng programmes cùng lúc");
  return false;
}

void Mapping::check_code(const RowReader& r, std::string_view column, const std::string& code) const {
  if (code.find('|') != std::string::npos)
    r.problem(column, "mã \"" + code + "\" có ký tự \"|\"", "hãy bỏ ký tự \"|\" khỏi mã (ký tự này được dùng để ghép khóa)");
}

bool Mapping::first_time(std::map<std::string, std::string>& seen, const std::string& key, const RowReader& r,
                         std::string_view column, const std::string& what) {
  auto [it, inserted] = seen.emplace(key, r.where());
  if (!inserted)
    r.problem(column, what + " bị trùng: đã có ở " + it->second,
              "mỗi dòng chỉ được ghi một lần; hãy xóa một trong hai dòng hoặc sửa cho khác nhau");
  return inserted;
}

void Mapping::units(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    ReportingUnit u;
    u.code = r.required("code");
    check_code(r, "code", u.code);
    u.name = r.required("name");
    if (!r.required("kind").empty())
      if (auto k = r.choice("kind", unit_kind_choices(), "loại đơn vị")) u.kind = *k;
    u.short_names = r.list("short_names");
    u.aliases = r.list("aliases");
    u.parent = r.text("parent");  // resolved once every unit is known
    u.official_code = r.text("official_code");
    u.valid_from = r.date("valid_from");
    u.valid_to = r.date("valid_to");
    if (u.valid_from && u.valid_to && *u.valid_to < *u.valid_from)
      r.problem("valid_to", "ngày hết hiệu lực " + u.valid_to->iso() + " trước ngày bắt đầu " + u.valid_from->iso(),
                "hãy kiểm tra lại hai ngày valid_from và valid_to");
    u.source = r.text("source");
    if (!u.code.empty() && first_time(seen_units_, u.code, r, "code", "mã đơn vị \"" + u.code + "\"")) {
      if (!u.parent.empty()) pending_parents_.push_back({out_.units.size(), &t, &row});
      out_.units.push_back(std::move(u));
    }
  }
}

void Mapping::build_directory() {
  std::vector<ReportingUnit> all = out_.units;
  for (const auto& u : stored_.units)
    if (!seen_units_.contains(u.code)) all.push_back(u);
  directory_ = std::make_unique<UnitDirectory>(std::move(all));
  // Parents are resolved now that every unit of the import is known.
  for (const auto& [index, table, row] : pending_parents_) {
    RowReader r(*table, *row, problems_);
    ReportingUnit& u = out_.units[index];
    auto code = unit(r, "parent", u.parent, u.valid_from.value_or(today_), false);
    u.parent = code.value_or("");
  }
}

void Mapping::successions(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    UnitSuccession s;
    std::string pred = r.required("predecessor"), succ = r.required("successor");
    r.required("date");
    auto date = r.date("date");
    Date on = date ? *date : today_;
    auto p = pred.empty() ? std::nullopt : unit(r, "predecessor", pred, on.plus_days(-1), false);
    auto q = succ.empty() ? std::nullopt : unit(r, "successor", succ, on, false);
    s.source = r.text("source");
    if (auto k = r.choice("kind", succession_kind_choices(), "loại quan hệ giữa hai đơn vị")) s.kind = *k;
    s.functions = r.text("functions");
    if (s.kind == SuccessionKind::Partial && s.functions.empty())
      r.problem("functions", "chuyển giao một phần mà không ghi chức năng nào được chuyển giao",
                "hãy ghi chức năng được chuyển giao ở cột functions (ví dụ: quản lý nhà nước về báo chí)");
    if (!p || !q || !date) continue;
    s.predecessor = *p;
    s.successor = *q;
    s.date = *date;
    if (s.predecessor == s.successor) {
      r.problem("successor", "đơn vị kế thừa trùng với đơn vị bị sáp nhập", "hãy ghi hai đơn vị khác nhau");
      continue;
    }
    if (first_time(seen_successions_, s.predecessor + "|" + s.successor, r, "successor",
                   "quan hệ sáp nhập \"" + s.predecessor + "\" → \"" + s.successor + "\""))
      out_.successions.push_back(std::move(s));
  }
}

void Mapping::indicators(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    Indicator i;
    i.code = r.required("code");
    check_code(r, "code", i.code);
    i.name = r.required("name");
    i.unit = r.text("unit");
    if (auto d = r.choice("direction", direction_choices(), "hướng của chỉ tiêu")) i.direction = *d;
    i.pillar = r.text("pillar");
    if (auto k = r.choice("kind", indicator_kind_choices(), "loại chỉ tiêu")) i.kind = *k;
    // formats.md: "none" is the default (for "%" shares in particular).
    if (auto a = r.choice("aggregation", aggregation_choices(), "cách tổng hợp")) i.aggregation = *a;
    if (auto lead = r.text("lead_agency"); !lead.empty())
      if (auto code = unit(r, "lead_agency", lead, today_, false)) i.lead_agency = *code;
    i.co_agencies = unit_list(r, "co_agencies", today_);
    i.unit_group = r.choice("unit_group", unit_group_choices(), "nhóm đơn vị");
    i.definition = r.text("definition");
    i.definition_source = r.text("definition_source");
    i.source = r.text("source");
    if (!i.code.empty() && first_time(seen_indicators_, i.code, r, "code", "mã chỉ tiêu \"" + i.code + "\""))
      out_.indicators.push_back(std::move(i));
  }
}

void Mapping::programmes(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    Programme p;
    p.code = r.required("code");
    check_code(r, "code", p.code);
    p.name = r.required("name");
    if (auto k = r.choice("kind", programme_kind_choices(), "loại chương trình")) p.kind = *k;
    p.document = r.text("document");
    p.issued = r.date("issued");
    if (auto lead = r.text("lead_agency"); !lead.empty())
      if (auto code = unit(r, "lead_agency", lead, p.issued.value_or(today_), false)) p.lead_agency = *code;
    p.source = r.text("source");
    p.reported_with = r.text("reported_with");  // checked once every programme is known
    if (!p.code.empty() && first_time(seen_programmes_, p.code, r, "code", "mã chương trình \"" + p.code + "\"")) {
      if (!p.reported_with.empty()) pending_reported_with_.push_back({out_.programmes.size(), &t, &row});
      out_.programmes.push_back(std::move(p));
    }
  }
}

void Mapping::finish_programmes() {
  for (const auto& [index, table, row] : pending_reported_with_) {
    RowReader r(*table, *row, problems_);
    const Programme& p = out_.programmes[index];
    if (p.reported_with == p.code)
      r.problem("reported_with", "chương trình \"" + p.code + "\" được ghi là báo cáo cùng chính nó",
                "hãy ghi mã chương trình khác, hoặc để trống");
    else
      require_programme(r, "reported_with", p.reported_with);
  }
}

void Mapping::link_successions() {
  std::vector<UnitSuccession> all = out_.successions;
  for (const auto& s : stored_.successions)
    if (!seen_successions_.contains(s.predecessor + "|" + s.successor)) all.push_back(s);
  directory_->set_successions(std::move(all));
}

Dataset map_tables(const std::vector<Table>& tables, const Catalogue& stored, const Date& today, Problems& problems) {
  Mapping m(stored, today, problems);
  // Bind every table first, so that header problems of all files are reported together.
  std::vector<std::pair<Kind, BoundTable>> bound;
  for (const auto& t : tables) {
    auto kind = kind_from_name(t.kind);
    if (!kind) continue;
    if (auto b = bind_columns(t, *kind, problems)) bound.emplace_back(*kind, std::move(*b));
  }
  auto each = [&](Kind k, void (Mapping::*read)(const BoundTable&)) {
    for (const auto& [kind, b] : bound)
      if (kind == k) (m.*read)(b);
  };
  each(Kind::Units, &Mapping::units);
  m.build_directory();
  each(Kind::Successions, &Mapping::successions);
  m.link_successions();
  each(Kind::Indicators, &Mapping::indicators);
  each(Kind::Programmes, &Mapping::programmes);
  m.finish_programmes();
  each(Kind::Targets, &Mapping::targets);
  m.finish_targets();
  each(Kind::Observations, &Mapping::observations);
  each(Kind::Tasks, &Mapping::tasks);
  each(Kind::TaskStatuses, &Mapping::task_statuses);
  m.finish_tasks();
  each(Kind::TaskCounts, &Mapping::task_counts);
  each(Kind::Overrides, &Mapping::overrides);
  each(Kind::Regimes, &Mapping::regimes);
  each(Kind::Relations, &Mapping::relations);
  each(Kind::Revisions, &Mapping::revisions);
  return m.take();
}

}  // namespace dxmon::io
