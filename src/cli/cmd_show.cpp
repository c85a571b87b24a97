// `dxmon show WHAT`: the catalogue and the values in the store, as tables in Vietnamese.
#include <ctime>
#include <iostream>
#include <map>

#include "assess/task_tally.h"
#include "cli/code_lookup.h"
#include "cli/command.h"
#include "cli/console_table.h"
#include "cli/show_support.h"
#include "core/unit_directory.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::cli {
namespace {

Date today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Date parse_as_of(const std::string& s) {
  if (s.empty()) return today();
  if (auto d = text::parse_date(s)) return *d;
  throw CommandFailure(kExitUsage, "--as-of \"" + s + "\" không phải là ngày — hãy ghi như 2024-12-31 hoặc 31/12/2024");
}

void show_units(Store& store, const ShowOptions& opt) {
  UnitDirectory dir(store.units());
  Date as_of = parse_as_of(opt.as_of);
  std::vector<const ReportingUnit*> list;
  if (!opt.group.empty()) {
    auto g = parse_unit_group(opt.group);
    if (!g) throw CommandFailure(kExitUsage, "--group \"" + opt.group + "\" không có — dùng bo_nganh, dia_phuong, bo_nganh_dia_phuong");
    list = dir.members(*g, as_of);
  } else {
    for (const auto& u : dir.units())
      if (u.valid_on(as_of)) list.push_back(&u);
  }
  ConsoleTable t({"Mã", "Tên", "Loại", "Tên ngắn", "Hiệu lực"}, {0, 40, 0, 30, 0});
  for (const auto* u : list) {
    std::string valid = (u->valid_from ? text::format_date_short(*u->valid_from) : "") + " – " +
                        (u->valid_to ? text::format_date_short(*u->valid_to) : "");
    t.add_row({u->code, u->name, std::string(unit_kind_label_vi(u->kind)), text::join(u->short_names, "; "),
               valid == " – " ? "" : valid});
  }
  t.print(std::cout);
  std::cout << "\n" << list.size() << " đơn vị có hiệu lực ngày " << text::format_date_short(as_of) << "\n";
}

void show_indicators(Store& store, const ShowOptions& opt) {
  UnitDirectory dir(store.units());
  std::map<std::string, bool> in_programme;
  if (!opt.programme.empty())
    for (const auto& t : store.targets(opt.programme))
      for (const auto& i : t.items) in_programme[i.indicator] = true;
  ConsoleTable t({"Mã", "Chỉ tiêu", "Đơn vị tính", "Loại", "Cơ quan chủ trì"}, {0, 60, 0, 0, 30});
  int n = 0;
  for (const auto& i : store.indicators()) {
    if (!opt.programme.empty() && !in_programme.count(i.code)) continue;
    std::string lead = unit_name(dir, i.lead_agency);
    if (!i.co_agencies.empty()) lead += (lead.empty() ? "" : "; ") + unit_names(dir, i.co_agencies);
    t.add_row({i.code, i.name, i.unit, std::string(indicator_kind_id(i.kind)), lead});
    ++n;
  }
  t.print(std::cout);
  std::cout << "\n" << n << " chỉ tiêu\n";
}

// The tasks are counted two ways (assess/task_tally.h): the named ones, and as the reports
// printed the count, which may include tasks they never name.
void show_programmes(Store& store, const ShowOptions&) {
  ConsoleTable t({"Mã", "Tên", "Văn bản", "Số mục tiêu", "Số nhiệm vụ có tên", "Số nhiệm vụ theo báo cáo"},
                 {0, 60, 30, 0, 0, 0});
  Dataset data;
  data.units = store.units();
  data.tasks = store.tasks();
  data.task_counts = store.task_counts();
  for (const auto& p : store.programmes()) {
    const TaskTally tally = tally_tasks(data, p.code);
    const TallyFigure reported = tally.figure(std::nullopt, std::nullopt);
    t.add_row({p.code, p.name, p.document, std::to_string(store.targets(p.code).size()),
               std::to_string(tally.at(std::nullopt, std::nullopt).listed),
               reported.reported ? std::to_string(reported.value) : ""});
  }
  t.print(std::cout);
}

void show_observations(Store& store, const ShowOptions& opt) {
  UnitDirectory dir(store.units());
  ObservationQuery q;
  q.indicator = opt.indicator;
  if (!opt.unit.empty()) {
    auto code = dir.resolve(opt.unit, parse_as_of(opt.as_of));
    if (!code) throw CommandFailure(kExitNoInput, dir.explain_failure(opt.unit, parse_as_of(opt.as_of)));
    q.unit = *code;
  }
  ConsoleTable t({"Chỉ tiêu", "Đơn vị", "Kỳ", "Giá trị", "Nguồn"}, {0, 30, 0, 0, 40});
  auto list = store.observations(q);
  for (const auto& o : list) {
    std::string v = value_cell(&o);
    if (o.fact) v = *o.fact ? "có" : "không";
    t.add_row({o.indicator, unit_name(dir, o.unit), text::period_label(o.period), v,
               o.provenance.document + (o.provenance.location.empty() ? "" : ", " + o.provenance.location)});
  }
  t.print(std::cout);
  std::cout << "\n" << list.size() << " giá trị\n";
}

void show_overrides(Store& store, const ShowOptions& opt) {
  ConsoleTable t({"Chương trình", "Mục tiêu", "Kỳ", "Nhóm", "Người đánh giá", "Ngày", "Lý do"}, {0, 0, 0, 30, 24, 0, 50});
  auto list = store.overrides(opt.programme);
  for (const auto& o : list)
    t.add_row({o.programme, o.target, o.period.id(), std::string(report_group_label_vi(o.group)), o.who,
               o.when ? text::format_date_short(*o.when) : "", o.why});
  t.print(std::cout);
  std::cout << "\n" << list.size() << " đánh giá ghi đè\n";
}

void show_regimes(Store& store, const ShowOptions&) {
  UnitDirectory dir(store.units());
  ConsoleTable t({"Mã", "Chế độ báo cáo", "Căn cứ", "Đơn vị báo cáo", "Kỳ", "Chốt số liệu", "Hạn gửi"},
                 {0, 36, 26, 24, 0, 0, 0});
  for (const auto& r : store.regimes()) {
    std::string who = r.unit_group ? std::string(unit_group_label_vi(*r.unit_group)) : "";
    if (!r.units.empty()) who += (who.empty() ? "" : "; ") + unit_names(dir, r.units);
    t.add_row({r.code, r.name, r.legal_basis, who, std::string(frequency_label_vi(r.frequency)),
               r.cutoff == CutoffRule::Decree09 ? "15 tháng trước – 14 tháng này (NĐ 09/2019)" : "theo lịch",
               r.deadline.id()});
  }
  t.print(std::cout);
}

// Every change of a stored value: one row per changed field (the value, its flags, as-of date,
// comment, location or provenance), so that each row says what changed.
void show_revisions(Store& store, const ShowOptions&) {
  ConsoleTable t({"Giá trị", "Thay đổi", "Lúc", "Người sửa", "Cũ", "Mới", "Lý do"}, {40, 0, 0, 0, 24, 24, 40});
  auto blank = [](const std::string& s) { return s.empty() ? std::string("(trống)") : s; };
  auto list = store.revisions();
  for (const auto& r : list)
    t.add_row({r.observation_key, std::string(revision_field_label_vi(r.field)), r.changed_at, r.changed_by,
               blank(r.old_value), blank(r.new_value), r.reason});
  t.print(std::cout);
  std::cout << "\n" << list.size() << " thay đổi\n";
}

}  // namespace

void add_show_command(CLI::App& app, GlobalOptions& global) {
  auto opt = std::make_shared<ShowOptions>();
  auto* cmd = app.add_subcommand("show", "Xem danh mục và số liệu (show the catalogue and values)");
  cmd->add_option("what", opt->what,
                  "units | indicators | programmes | targets | tasks | observations | revisions | overrides | regimes")
      ->required()
      ->check(CLI::IsMember({"units", "indicators", "programmes", "targets", "tasks", "observations", "revisions", "overrides", "regimes"}));
  cmd->add_option("--programme", opt->programme, "Only this programme (code, e.g. qd942)");
  cmd->add_option("--as-of", opt->as_of, "Units in force on this date (default: today)");
  cmd->add_option("--group", opt->group, "units: bo_nganh | dia_phuong | bo_nganh_dia_phuong");
  cmd->add_option("--indicator", opt->indicator, "observations: of this indicator code");
  cmd->add_option("--unit", opt->unit, "observations: of this unit (code or name)");
  cmd->add_flag("--no-wrap", opt->no_wrap, "One line per row (for scripts)");
  cmd->callback([opt, &global] {
    ConsoleTable::set_wrapping(!opt->no_wrap);
    auto store = global.open();
    require_programme_code(*store, opt->programme);
    require_indicator_code(*store, opt->indicator);
    if (opt->what == "units") show_units(*store, *opt);
    else if (opt->what == "indicators") show_indicators(*store, *opt);
    else if (opt->what == "programmes") show_programmes(*store, *opt);
    else if (opt->what == "targets") show_targets(*store, *opt);
    else if (opt->what == "tasks") show_tasks(*store, *opt);
    else if (opt->what == "observations") show_observations(*store, *opt);
    else if (opt->what == "overrides") show_overrides(*store, *opt);
    else if (opt->what == "regimes") show_regimes(*store, *opt);
    else show_revisions(*store, *opt);
  });
}

}  // namespace dxmon::cli
