// The plan report, after seed 004 (the 2022 report on the national committee's 2022 plan): §I the
// plan's indicators in one table (TT | Chỉ tiêu | Cơ quan chủ trì | Kết quả | Mục tiêu) grouped into
// achieved and not achieved, with the agencies behind each share as footnotes and the count of
// achieved indicators; §II the plan's tasks counted per ministry and province.
// docs/report-kinds.md, "Plan report".
#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

#include "assess/comparison.h"
#include "assess/summary.h"
#include "check/task_analysis.h"
#include "report/kinds/programme_front.h"
#include "report/kinds/report_front.h"
#include "report/kinds/report_kinds.h"
#include "report/kinds/target_tables.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::report {

namespace {

// Seed 004 line 15 and 33 print two groups; a third for targets without a value is dxmon's (a
// plan indicator with no figure is neither achieved nor judged).
const char* plan_group_heading(ReportGroup g) {
  switch (g) {
    case ReportGroup::Achieved: return "Các chỉ tiêu đã hoàn thành";
    case ReportGroup::NoData: return "Các chỉ tiêu chưa có số liệu";
    default: return "Các chỉ tiêu chưa hoàn thành";
  }
}
int plan_group_rank(ReportGroup g) { return g == ReportGroup::Achieved ? 0 : g == ReportGroup::NoData ? 2 : 1; }

const char* kRoman[] = {"I", "II", "III"};

// The agencies a target's indicators name: leads first, then those they share the lead with
// (seed 004 line 31 prints "Bộ Kế hoạch và Đầu tư, Bộ Thông tin và Truyền thông").
std::vector<std::string> target_agencies(const TargetValues& tv) {
  std::vector<std::string> codes;
  auto add = [&](const std::string& c) {
    if (!c.empty() && std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
  };
  for (const TargetItemValues& iv : tv.items)
    if (iv.indicator) add(iv.indicator->lead_agency);
  for (const TargetItemValues& iv : tv.items)
    if (iv.indicator)
      for (const std::string& c : iv.indicator->co_agencies) add(c);
  return codes;
}

std::string lead_of(const TargetValues& tv) {
  for (const TargetItemValues& iv : tv.items)
    if (iv.indicator && !iv.indicator->lead_agency.empty()) return iv.indicator->lead_agency;
  return {};
}

Table indicator_table(const std::vector<const TargetAssessment*>& ordered, const AssessedProgramme& ap,
                      const Dataset& data, int year, Footnotes& notes) {
  Table t;
  t.caption = "Bảng 1. Kết quả thực hiện các chỉ tiêu";
  t.columns = {{6, Align::Center}, {44, Align::Justify}, {20, Align::Left}, {15, Align::Center}, {15, Align::Center}};
  const std::optional<int> deadline = common_deadline_year(ordered);
  t.header.push_back(Row{{"TT", "Chỉ tiêu", "Cơ quan chủ trì", "Kết quả thực hiện năm " + std::to_string(year),
                          deadline ? "Mục tiêu năm " + std::to_string(*deadline) : std::string("Mục tiêu")}});
  int n = 0, rank = -1, group_no = 0;
  for (const TargetAssessment* ta : ordered) {
    const ReportGroup g = ap.group_of(*ta);
    if (plan_group_rank(g) != rank) {
      rank = plan_group_rank(g);
      Row row{{Cell{std::vector<Run>{bold(kRoman[group_no++])}}, Cell{std::vector<Run>{bold(plan_group_heading(g))}}},
              RowKind::Group};
      row.cells[1].span = 4;
      t.body.push_back(std::move(row));
    }
    const TargetValues& tv = ap.values_of(*ta);
    std::vector<std::string> agencies;
    for (const std::string& c : target_agencies(tv)) agencies.push_back(unit_name(data, c));
    Cell goal = target_cell(*ta->target, ap.assessment.programme);
    if (!deadline && ta->target->deadline) goal.runs.push_back(plain(" (" + text::period_label(*ta->target->deadline) + ")"));
    t.body.push_back(Row{{Cell{std::to_string(++n)}, name_cell(*ta->target), Cell{text::join(agencies, ", ")},
                          values_cell(tv, Period::of_year(year), notes, data), std::move(goal)}});
  }
  t.note = "Ghi chú: “-” là chưa có số liệu.";
  return t;
}

// "Bộ Tài chính 01 chỉ tiêu; …; Bộ Kế hoạch và Đầu tư 01 chỉ tiêu (phối hợp với Bộ Thông tin và
// Truyền thông)": the achieved indicators by lead agency, in table order (seed 004 line 38).
std::string achieved_by_agency(const std::vector<const TargetAssessment*>& achieved, const AssessedProgramme& ap,
                               const Dataset& data) {
  std::vector<std::string> order;
  std::map<std::string, int> count;
  std::map<std::string, std::vector<std::string>> partners;
  for (const TargetAssessment* ta : achieved) {
    const TargetValues& tv = ap.values_of(*ta);
    const std::string lead = lead_of(tv);
    if (!count.count(lead)) order.push_back(lead);
    ++count[lead];
    for (const std::string& c : target_agencies(tv))
      if (c != lead && std::find(partners[lead].begin(), partners[lead].end(), c) == partners[lead].end())
        partners[lead].push_back(c);
  }
  std::vector<std::string> parts;
  for (const std::string& lead : order) {
    std::string p = (lead.empty() ? std::string("chưa ghi cơ quan chủ trì") : unit_name(data, lead)) + " " +
                    text::format_count2(count[lead]) + " chỉ tiêu";
    std::vector<std::string> names;
    for (const std::string& c : partners[lead]) names.push_back(unit_name(data, c));
    if (!names.empty()) p += " (phối hợp với " + text::join(names, ", ") + ")";
    parts.push_back(p);
  }
  return text::join(parts, "; ");
}

Section indicators_section(const AssessedProgramme& ap, const Programme& programme, const Dataset& data,
                           const ReportRequest& rq, int year, Footnotes& notes) {
  Section s{1, "I.", "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU QUAN TRỌNG", {}};
  std::vector<const TargetAssessment*> ordered;
  for (const TargetAssessment& t : ap.assessment.targets) ordered.push_back(&t);
  std::stable_sort(ordered.begin(), ordered.end(), [&](const TargetAssessment* a, const TargetAssessment* b) {
    return plan_group_rank(ap.group_of(*a)) < plan_group_rank(ap.group_of(*b));
  });
  s.blocks.push_back(indicator_table(ordered, ap, data, year, notes));

  const AssessmentSummary summary = summarize(ap.assessment, ap.overrides_applied, "chỉ tiêu");
  const GroupCount& done = summary.of(ReportGroup::Achieved);
  std::vector<const TargetAssessment*> achieved;
  for (const TargetAssessment* t : ordered)
    if (ap.group_of(*t) == ReportGroup::Achieved) achieved.push_back(t);
  std::vector<Run> runs{plain("Trong " + std::to_string(summary.total) + " chỉ tiêu đặt ra tại " + programme.name + ", đến hết " +
                              text::period_label(rq.period) + " có "),
                        figure(std::to_string(done.count) + "/" + std::to_string(summary.total)),
                        plain(" chỉ tiêu đã hoàn thành (đạt " + text::format_percent(static_cast<double>(done.percent), 0) + ").")};
  if (!achieved.empty()) runs.push_back(plain(" Trong đó, theo cơ quan chủ trì: " + achieved_by_agency(achieved, ap, data) + "."));
  const long rest = summary.total - done.count;
  if (rest > 0) {
    std::vector<std::string> parts;
    for (ReportGroup g : {ReportGroup::LikelyAchieved, ReportGroup::NeedsEffort, ReportGroup::NoData}) {
      const GroupCount& c = summary.of(g);
      if (c.count > 0) parts.push_back(text::format_count2(c.count) + " chỉ tiêu " + std::string(report_group_label_vi(g)));
    }
    runs.push_back(plain(" Trong "));
    runs.push_back(figure(std::to_string(rest)));
    runs.push_back(plain(" chỉ tiêu chưa hoàn thành có " + text::join(parts, ", ") + "."));
  }
  s.blocks.push_back(Paragraph{std::move(runs)});

  std::string method = "Các chỉ tiêu được xếp nhóm theo " + std::string(assessment_method_label_vi(rq.method)) +
                       " từ số liệu " + text::period_label(rq.period) + ".";
  int applied = 0;
  for (const TargetAssessment& t : ap.assessment.targets) applied += t.override_ ? 1 : 0;
  if (ap.overrides_applied && applied > 0)
    method += " " + text::format_count2(applied) + " chỉ tiêu được xếp nhóm theo đánh giá đã ghi nhận.";
  const std::vector<ClassDifference> diffs = compare_with_printed(ap.assessment);
  if (diffs.empty()) {
    method += " Nhóm tính theo số liệu trùng với nhóm báo cáo đã công bố cho cả " + std::to_string(summary.total) +
              " chỉ tiêu.";
    s.blocks.push_back(Paragraph{{italic(method)}});
  } else {
    method += " Các chỉ tiêu có nhóm tính theo số liệu khác nhóm đã công bố:";
    s.blocks.push_back(Paragraph{{italic(method)}});
    for (const ClassDifference& d : diffs)
      s.blocks.push_back(Paragraph{{plain("Chỉ tiêu " + d.printed_no + " (" + d.target->target->label + "): đã công bố “" +
                                          d.printed + "”, tính theo số liệu “" +
                                          std::string(report_group_label_vi(d.computed_group)) + "” — " + d.reason + ".")},
                                   ParagraphStyle::Bullet});
  }
  return s;
}

std::string lower_first_status(TaskStatus s) {
  // Status labels start with a capital the sentence does not want: "Đang thực hiện" → "đang thực hiện".
  std::string label(task_status_label_vi(s));
  const std::string upper_d = "Đ";
  if (label.rfind(upper_d, 0) == 0) return "đ" + label.substr(upper_d.size());
  if (!label.empty()) label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  return label;
}

constexpr TaskStatus kStatusOrder[] = {TaskStatus::Completed, TaskStatus::InProgress, TaskStatus::NotStarted,
                                       TaskStatus::Overdue, TaskStatus::Stopped};

Section tasks_section(const std::vector<const Task*>& tasks, const Programme& programme, const Dataset& data,
                      const Date& as_of) {
  Section s{1, "II.", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO " + upper_title(programme.name), {}};
  if (tasks.empty()) {
    s.blocks.push_back(Paragraph{{plain("Dữ liệu chưa có nhiệm vụ nào của " + programme.name + ".")}});
    return s;
  }
  std::vector<const Task*> ministry, province;
  for (const Task* t : tasks) (is_province(data, t->lead_agency) ? province : ministry).push_back(t);

  // Provinces in the order the data lists them, each with the status of its tasks (completed only
  // when all are).
  std::vector<std::string> province_order;
  std::map<std::string, std::optional<TaskStatus>> province_status;
  std::map<std::string, int> province_tasks;
  for (const Task* t : province) {
    if (!province_tasks.count(t->lead_agency)) province_order.push_back(t->lead_agency);
    ++province_tasks[t->lead_agency];
    auto& st = province_status[t->lead_agency];
    const auto cur = t->current_status();
    if (!st || *st == TaskStatus::Completed) st = cur;
  }
  const bool one_each = std::all_of(province_tasks.begin(), province_tasks.end(), [](const auto& p) { return p.second == 1; });

  std::vector<Run> intro{plain("Theo dữ liệu nhiệm vụ của " + programme.name + ", có tổng cộng "),
                         figure(text::format_count2(static_cast<long>(tasks.size()))), plain(" nhiệm vụ. Trong đó, giao các bộ, ngành Trung ương thực hiện "),
                         figure(text::format_count2(static_cast<long>(ministry.size()))), plain(" nhiệm vụ và giao "),
                         figure(text::format_count2(static_cast<long>(province_order.size()))), plain(" địa phương ")};
  if (one_each && !province_order.empty()) {
    intro.push_back(plain("mỗi địa phương "));
    intro.push_back(figure("01"));
    intro.push_back(plain(" nhiệm vụ."));
  } else {
    intro.push_back(figure(text::format_count2(static_cast<long>(province.size()))));
    intro.push_back(plain(" nhiệm vụ."));
  }
  intro.push_back(plain(" Kết quả thực hiện cụ thể:"));
  s.blocks.push_back(Paragraph{std::move(intro)});

  // Ministries: counts by status, the unfinished tasks named with their agency (seed 004 line 52).
  {
    std::map<TaskStatus, std::vector<const Task*>> by;
    for (const Task* t : ministry)
      if (auto st = t->current_status()) by[*st].push_back(t);
    std::vector<Run> runs{plain("Bộ, ngành Trung ương: ")};
    bool first = true;
    for (TaskStatus st : kStatusOrder) {
      if (!by.count(st) && st != TaskStatus::Completed) continue;
      const auto& list = by[st];
      if (!first) runs.push_back(plain("; "));
      first = false;
      runs.push_back(figure(text::format_count2(static_cast<long>(list.size()))));
      runs.push_back(plain(" nhiệm vụ " + lower_first_status(st)));
      if (st != TaskStatus::Completed && !list.empty()) {
        std::map<std::string, std::vector<std::string>> names;
        std::vector<std::string> agencies;
        for (const Task* t : list) {
          if (!names.count(t->lead_agency)) agencies.push_back(t->lead_agency);
          names[t->lead_agency].push_back("“" + t->name + "”");
        }
        std::vector<std::string> parts;
        for (const std::string& a : agencies) parts.push_back(unit_name(data, a) + ": " + text::join(names[a], "; "));
        runs.push_back(plain(" (" + text::join(parts, "; ") + ")"));
      }
    }
    runs.push_back(plain("."));
    s.blocks.push_back(Paragraph{std::move(runs), ParagraphStyle::Bullet});
  }
  // Provinces: how many finished, named (seed 004 lines 54, 56).
  if (!province_order.empty()) {
    std::vector<Run> runs{plain("Các tỉnh, thành phố trực thuộc Trung ương: ")};
    bool first = true;
    for (TaskStatus st : kStatusOrder) {
      std::vector<std::string> names;
      for (const std::string& p : province_order)
        if (province_status[p] == st) names.push_back(unit_short_name(data, p));
      if (names.empty()) continue;
      if (!first) runs.push_back(plain("; "));
      first = false;
      runs.push_back(figure(text::format_count2(static_cast<long>(names.size()))));
      runs.push_back(plain(" địa phương " + lower_first_status(st) + ": " + text::join(names, ", ")));
    }
    runs.push_back(plain("."));
    s.blocks.push_back(Paragraph{std::move(runs), ParagraphStyle::Bullet});
  }

  std::vector<Task> copies;
  for (const Task* t : tasks) copies.push_back(*t);
  const check::TaskAnalysis a = check::analyse_tasks(copies, as_of);
  if (!a.overdue.empty()) {
    std::vector<std::string> names;
    for (const auto& issue : a.overdue)
      for (const Task& t : copies)
        if (t.code == issue.task)
          names.push_back("“" + t.name + "” (" + unit_name(data, t.lead_agency) + ", thời hạn " + t.deadline_as_printed + ")");
    s.blocks.push_back(Paragraph{{plain("Đến ngày " + text::format_date_short(as_of) + ", "),
                                  figure(text::format_count2(static_cast<long>(a.overdue.size()))),
                                  plain(" nhiệm vụ đã quá thời hạn mà chưa hoàn thành: " + text::join(names, "; ") + ".")}});
  }

  // Counts per agency: each ministry on its own row, the provinces on one (63 rows of "01" say less).
  Table t;
  t.caption = "Bảng 2. Số nhiệm vụ theo cơ quan chủ trì";
  std::vector<TaskStatus> statuses;
  for (TaskStatus st : kStatusOrder)
    if (a.by_status.count(st)) statuses.push_back(st);
  t.columns = {{6, Align::Center}, {40, Align::Left}, {12, Align::Center}};
  Row head{{"TT", "Cơ quan chủ trì", "Số nhiệm vụ"}};
  for (TaskStatus st : statuses) {
    t.columns.push_back({42.0 / static_cast<double>(statuses.size()), Align::Center});
    head.cells.push_back(Cell{std::string(task_status_label_vi(st))});
  }
  t.header.push_back(std::move(head));
  auto count_cells = [&](Row& row, const std::map<TaskStatus, int>& by) {
    for (TaskStatus st : statuses) {
      auto it = by.find(st);
      row.cells.push_back(Cell{text::format_count2(it == by.end() ? 0 : it->second)});
    }
  };
  int n = 0;
  std::map<TaskStatus, int> provinces_by;
  int provinces_total = 0;
  for (const check::AgencyTaskCounts& c : a.by_agency) {
    if (is_province(data, c.agency)) {
      provinces_total += c.total;
      for (const auto& [st, k] : c.by_status) provinces_by[st] += k;
      continue;
    }
    Row row{{Cell{std::to_string(++n)}, Cell{c.agency.empty() ? "Chưa ghi cơ quan chủ trì" : unit_name(data, c.agency)},
             Cell{text::format_count2(c.total)}}};
    count_cells(row, c.by_status);
    t.body.push_back(std::move(row));
  }
  if (provinces_total > 0) {
    Row row{{Cell{std::to_string(++n)},
             Cell{text::format_count2(static_cast<long>(province_order.size())) + " tỉnh, thành phố trực thuộc Trung ương"},
             Cell{text::format_count2(provinces_total)}}};
    count_cells(row, provinces_by);
    t.body.push_back(std::move(row));
  }
  Row total{{Cell{""}, Cell{std::vector<Run>{bold("Tổng cộng")}}, Cell{std::vector<Run>{bold(text::format_count2(a.total))}}}};
  for (TaskStatus st : statuses) total.cells.push_back(Cell{std::vector<Run>{bold(text::format_count2(a.by_status.at(st)))}});
  t.body.push_back(std::move(total));
  t.note = "Ghi chú: tính từ danh sách nhiệm vụ trong dữ liệu; nhiệm vụ chỉ được báo cáo dưới dạng số đếm, không có "
           "tên, không có trong danh sách.";
  s.blocks.push_back(std::move(t));
  return s;
}

}  // namespace

Document build_plan_report(const ReportInputs& in, const ReportRequest& rq) {
  const int year = require_year(rq.period, "Báo cáo kế hoạch");
  const Programme& programme = require_programme(in.data, rq.programme);
  const AssessedProgramme ap = assess_for_report(in, rq, programme);
  const Date day = report_day(rq.date, rq.period);
  const Issuer issuer = coordinating_ministry(in.data.units, in.data.successions, day);

  Document doc;
  Footnotes notes(doc);
  fill_front(doc, issuer, rq.number, rq.date, day.year, title_lines("Kết quả thực hiện " + programme.name));

  const std::string act = programme_act(programme);
  Section opening;
  opening.level = 0;
  opening.blocks.push_back(Paragraph{{plain("Thực hiện " + programme.name + (act.empty() ? "" : " tại " + act) +
                                            ", trên cơ sở báo cáo của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và "
                                            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương, " + issuer.name +
                                            " báo cáo kết quả thực hiện " + text::period_label(rq.period) + " như sau:")}});
  doc.sections.push_back(std::move(opening));
  doc.sections.push_back(indicators_section(ap, programme, in.data, rq, year, notes));

  std::vector<const Task*> tasks;
  for (const Task& t : in.data.tasks)
    if (t.programme == programme.code) tasks.push_back(&t);
  doc.sections.push_back(tasks_section(tasks, programme, in.data, day));

  fill_closing(doc, issuer, rq);
  return doc;
}

}  // namespace dxmon::report
