// `dxmon show WHAT`: the catalogue and the values in the store, as tables in Vietnamese.
#include <ctime>
#include <iostream>
#include <map>
#include <set>

#include "assess/target_values.h"
#include "cli/command.h"
#include "cli/console_table.h"
#include "core/unit_directory.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::cli {
namespace {

struct ShowOptions {
  std::string what;
  std::string programme;
  std::string as_of;
  std::string group;
  std::string indicator;
  std::string unit;
  bool no_wrap = false;  // one line per row, for scripts and grep
};

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

std::string unit_name(const UnitDirectory& dir, const std::string& code) {
  if (code.empty()) return "";
  const auto* u = dir.find(code);
  return u ? u->name : code;
}

std::string unit_names(const UnitDirectory& dir, const std::vector<std::string>& codes) {
  std::vector<std::string> names;
  for (const auto& c : codes) names.push_back(unit_name(dir, c));
  return text::join(names, "; ");
}

std::string value_cell(const Observation* o) {
  if (!o) return "";
  if (!o->as_printed.empty()) return o->as_printed;
  if (o->flags.no_data) return "-";
  // A computed value (measured, or a share from its numerator and denominator): two decimals,
  // as the reports print shares ("52,80%").
  if (o->value) return text::format_number(*o->value, o->denominator ? 2 : -1);
  return "";
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

void show_programmes(Store& store, const ShowOptions&) {
  ConsoleTable t({"Mã", "Tên", "Văn bản", "Số mục tiêu", "Số nhiệm vụ"}, {0, 60, 30, 0, 0});
  for (const auto& p : store.programmes())
    t.add_row({p.code, p.name, p.document, std::to_string(store.targets(p.code).size()),
               std::to_string(store.tasks(p.code).size())});
  t.print(std::cout);
}

// Each programme's targets with their values by period and the target, as the reports print them.
void show_targets(Store& store, const ShowOptions& opt) {
  Dataset data = store.load_all();
  UnitDirectory dir(data.units);
  bool any = false;
  for (const auto& pv : programme_values(data)) {
    if (!opt.programme.empty() && pv.programme->code != opt.programme) continue;
    if (pv.targets.empty()) continue;
    any = true;
    std::cout << "\n" << pv.programme->name;
    if (!pv.programme->document.empty()) std::cout << " (" << pv.programme->document << ")";
    std::cout << " — " << pv.targets.size() << " mục tiêu\n\n";

    // Columns as the reports print them: the lead agency only when the programme names one, and
    // the deadline in the header when every target shares it ("Mục tiêu năm 2025").
    bool has_lead = false;
    std::set<std::optional<Period>> deadlines;
    for (const auto& tv : pv.targets) {
      deadlines.insert(tv.target->deadline);
      for (const auto& iv : tv.items) has_lead |= iv.indicator && !iv.indicator->lead_agency.empty();
    }
    bool one_deadline = deadlines.size() == 1 && *deadlines.begin();
    std::vector<std::string> headers{"STT", "Chỉ tiêu"};
    std::vector<std::size_t> widths{0, 56};
    if (has_lead) {
      headers.push_back("Cơ quan chủ trì");
      widths.push_back(24);
    }
    for (const auto& p : pv.periods) {
      headers.push_back("Kết quả " + text::period_label(p));
      widths.push_back(14);
    }
    headers.push_back(one_deadline ? "Mục tiêu " + text::period_label(**deadlines.begin()) : "Mục tiêu");
    widths.push_back(16);
    ConsoleTable table(headers, widths);
    std::string group = "\x01";  // a printed group that no target has
    for (const auto& tv : pv.targets) {
      const Target& t = *tv.target;
      if (t.printed_group != group) {
        group = t.printed_group;
        if (!group.empty()) table.add_section("[" + group + "]");
      }
      bool several = tv.items.size() > 1;
      if (several) {
        std::vector<std::string> head{t.printed_no, t.label};
        head.resize(headers.size());
        table.add_row(head);
      }
      for (const auto& iv : tv.items) {
        std::vector<std::string> row{several ? "" : t.printed_no, several ? "  - " + iv.item->label : t.label};
        if (has_lead) row.push_back(iv.indicator ? unit_name(dir, iv.indicator->lead_agency) : "");
        for (const auto& p : pv.periods) {
          auto it = iv.by_period.find(p);
          row.push_back(value_cell(it == iv.by_period.end() ? nullptr : it->second));
        }
        std::string target = iv.item->as_printed;
        if (!one_deadline && t.deadline) target += " (" + text::period_label(*t.deadline) + ")";
        row.push_back(target);
        table.add_row(row);
      }
    }
    table.print(std::cout);
  }
  if (!any) std::cout << "Chưa có mục tiêu nào trong kho dữ liệu. Hãy chạy: dxmon init --builtin\n";
}

void show_tasks(Store& store, const ShowOptions& opt) {
  UnitDirectory dir(store.units());
  ConsoleTable t({"Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Trạng thái"}, {0, 60, 28, 12, 0});
  std::map<std::string, int> by_status;
  auto tasks = store.tasks(opt.programme);
  for (const auto& task : tasks) {
    auto s = task.current_status();
    std::string status = s ? std::string(task_status_label_vi(*s)) : "";
    ++by_status[status];
    t.add_row({task.code, task.name, unit_name(dir, task.lead_agency),
               task.deadline_as_printed.empty() && task.deadline ? text::period_label(*task.deadline)
                                                                  : task.deadline_as_printed,
               status});
  }
  t.print(std::cout);
  std::cout << "\n" << tasks.size() << " nhiệm vụ";
  for (const auto& [status, n] : by_status) std::cout << "; " << status << ": " << text::format_count2(n);
  std::cout << "\n";
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

void show_revisions(Store& store, const ShowOptions&) {
  ConsoleTable t({"Giá trị", "Lúc", "Người sửa", "Cũ", "Mới", "Lý do"}, {40, 0, 0, 0, 0, 40});
  for (const auto& r : store.revisions())
    t.add_row({r.observation_key, r.changed_at, r.changed_by, r.old_value, r.new_value, r.reason});
  t.print(std::cout);
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
