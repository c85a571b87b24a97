// The annual report on a programme's targets, after seed 000 (report 14/BC-BTTTT of 16/02/2024 on
// Quyết định 942/QĐ-TTg in 2023): §I.1 the targets counted and tabled by class, §I.2 the computed
// classes against the overrides and the printed grouping, §I.3 the tasks counted by status, and
// the appendix of tasks by lead agency. docs/report-kinds.md, "Annual report".
#include <algorithm>
#include <map>
#include <stdexcept>

#include "assess/comparison.h"
#include "assess/summary.h"
#include "check/task_analysis.h"
#include "report/kinds/programme_front.h"
#include "report/kinds/report_front.h"
#include "report/kinds/report_kinds.h"
#include "report/kinds/target_tables.h"
#include "report/kinds/task_status_table.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::report {

namespace {

// The tables' headings, as seed 000 prints them (lines 37, 55, 88); the fourth group is dxmon's.
std::string group_heading(ReportGroup g) {
  switch (g) {
    case ReportGroup::Achieved: return "Nhóm các mục tiêu đã hoàn thành";
    case ReportGroup::LikelyAchieved: return "Nhóm các mục tiêu có khả năng hoàn thành cao";
    case ReportGroup::NeedsEffort: return "Nhóm các mục tiêu cần nỗ lực tập trung mới có thể hoàn thành đúng hạn";
    case ReportGroup::NoData: return "Nhóm các mục tiêu chưa có số liệu";
  }
  return {};
}

// "07/35 mục tiêu đã hoàn thành (đạt 20%)" → count, label, share: the summary module words the
// line, the document model lays it out.
SummaryLine split_summary(const GroupCount& c) {
  SummaryLine line;
  const std::string& t = c.text;
  const auto space = t.find(' ');
  const auto open = t.rfind(" (");
  line.count = t.substr(0, space);
  if (open != std::string::npos && t.back() == ')') {
    line.label = t.substr(space + 1, open - space - 1);
    line.share = t.substr(open + 2, t.size() - open - 3);
  } else {
    line.label = t.substr(space + 1);
  }
  return line;
}

// The no-data line only when some target has no data: seed 000 has three lines, and a "00/35"
// line would tell the reader nothing.
SummaryCounts summary_counts(const AssessmentSummary& s) {
  SummaryCounts out;
  for (const GroupCount& c : s.groups)
    if (c.group != ReportGroup::NoData || c.count > 0) out.lines.push_back(split_summary(c));
  return out;
}

std::string year_text(int y) { return std::to_string(y); }

std::string override_words(const Override& o) {
  std::string s = "Theo đánh giá của " + o.who;
  if (o.when) s += " ngày " + text::format_date_short(*o.when);
  std::string why = text::squish(o.why);
  while (!why.empty() && why.back() == '.') why.pop_back();
  s += ": " + why;
  if (!o.source.empty()) s += " (" + o.source + ")";
  return s + ".";
}

// The "Cơ sở xếp nhóm" cell: the computed class with its method; where an override sets the
// group, the override first (its reason as a footnote) and the computed class under it.
Cell basis_cell(const TargetAssessment& t, const AssessedProgramme& ap, AssessmentMethod method, Footnotes& notes) {
  const std::string computed = "Tính theo số liệu: " + computed_class_words(t, method);
  if (!(ap.overrides_applied && t.override_)) return Cell{computed};
  std::vector<Run> runs{plain("Theo đánh giá: " + std::string(report_group_label_vi(t.override_->group))),
                        footnote_mark(notes.add(override_words(*t.override_), t.override_->source)),
                        plain("\n" + computed)};
  return Cell{std::move(runs)};
}

// The pillar number a printed STT sits under: "3" of "3.2"; empty when the STT has no dot.
std::string printed_pillar_no(const Target& t) {
  const auto dot = t.printed_no.find('.');
  return dot == std::string::npos ? std::string() : t.printed_no.substr(0, dot);
}

Row pillar_row(const std::string& number, const std::string& heading) {
  Row row{{Cell{std::vector<Run>{bold(number)}}, Cell{std::vector<Run>{bold(heading)}}},
          RowKind::Group};
  row.cells[1].span = 5;
  return row;
}

Table group_table(const std::vector<const TargetAssessment*>& targets, const AssessedProgramme& ap, const Dataset& data,
                  const ReportRequest& rq, int year, int table_no, ReportGroup g, Footnotes& notes) {
  Table t;
  t.caption = "Bảng " + std::to_string(table_no) + ". " + group_heading(g);
  // STT wide enough for "STT" and "3.2" on one line in DOCX (6 % wrapped it as "ST/T").
  t.columns = {{8, Align::Center},  {36, Align::Justify}, {11, Align::Center},
               {11, Align::Center}, {11, Align::Center},  {23, Align::Left}};
  const std::optional<int> deadline = common_deadline_year(targets);
  t.header.push_back(Row{{"STT", "Chỉ tiêu", "Kết quả " + year_text(year - 1), "Kết quả " + year_text(year),
                          deadline ? "Mục tiêu " + year_text(*deadline) : std::string("Mục tiêu"),
                          "Cơ sở xếp nhóm"}});
  // A heading row per pillar (consecutive targets under one heading and one printed pillar
  // number), the targets under it. Rows carry the STT the report printed (Target::printed_no), so
  // the table reads as seed 000's — its pillar "Vận hành tối ưu…" printed twice as 2 and 3 included
  // — and every cross-reference ("STT 3.2, Bảng 1") names the row shown. Targets without a printed
  // number are numbered here, 1.1, 1.2 … under their pillar.
  int pillar = 0, item = 0;
  std::string heading, pillar_no;
  bool first = true;
  for (const TargetAssessment* ta : targets) {
    const Target& target = *ta->target;
    const std::string printed_pillar = printed_pillar_no(target);
    if (first || target.heading != heading || printed_pillar != pillar_no) {
      first = false;
      heading = target.heading;
      pillar_no = printed_pillar;
      ++pillar;
      item = 0;
      if (!heading.empty()) t.body.push_back(pillar_row(printed_pillar.empty() ? std::to_string(pillar) : printed_pillar, heading));
    }
    ++item;
    const std::string own_no = heading.empty() ? std::to_string(item) : std::to_string(pillar) + "." + std::to_string(item);
    const TargetValues& tv = ap.values_of(*ta);
    Cell goal = target_cell(target, ap.assessment.programme);
    if (!deadline && target.deadline) goal.runs.push_back(plain(" (" + text::period_label(*target.deadline) + ")"));
    t.body.push_back(Row{{Cell{target.printed_no.empty() ? own_no : target.printed_no},
                          name_cell(target), values_cell(tv, Period::of_year(year - 1), notes, data),
                          values_cell(tv, Period::of_year(year), notes, data), std::move(goal),
                          basis_cell(*ta, ap, rq.method, notes)}});
  }
  t.note = "Ghi chú: “-” là chưa có số liệu; ô để trống: báo cáo không ghi số liệu.";
  return t;
}

// The group a target is compared with: its override, or else the group the report printed it in.
struct Reference {
  std::optional<ReportGroup> group;
  bool not_achieved = false;  // "Các chỉ tiêu chưa hoàn thành": only "not achieved"
  std::string words;          // as the list shows it
};

Reference reference_of(const TargetAssessment& t, bool use_printed) {
  Reference r;
  if (t.override_) {
    r.group = t.override_->group;
    r.words = std::string(report_group_label_vi(t.override_->group)) + " (đánh giá của " + t.override_->who + ")";
    return r;
  }
  if (!use_printed) return r;
  const PrintedGroup printed = parse_printed_group(t.target->printed_group);
  r.group = printed.group;
  r.not_achieved = printed.not_achieved;
  r.words = t.target->printed_group;
  return r;
}

bool differs(const Reference& r, ReportGroup computed) {
  if (r.group) return *r.group != computed;
  if (r.not_achieved) return computed == ReportGroup::Achieved || computed == ReportGroup::NoData;
  return false;
}

// The period the printed grouping (Target::printed_group) judged: the latest period with a value
// among the programme's targets, as the check classified_without_value takes it. A report on
// another period is not compared with it (seed 000's 2023 grouping says nothing about 2024).
std::optional<Period> printed_grouping_period(const AssessedProgramme& ap) {
  if (ap.values->periods.empty()) return std::nullopt;
  return ap.values->periods.back();
}

Section comparison_section(const AssessedProgramme& ap, const ReportRequest& rq, int table_no,
                           const std::map<const TargetAssessment*, int>& table_of) {
  Section s{2, "2.", "Đối chiếu nhóm tính theo số liệu với nhóm đã công bố", {}};
  const std::optional<Period> printed_period = printed_grouping_period(ap);
  const bool use_printed = printed_period == rq.period;
  const AssessmentSummary computed = summarize(ap.assessment, false);
  const std::string method(assessment_method_label_vi(rq.method));
  if (ap.overrides_applied) {
    s.blocks.push_back(Paragraph{{plain("Nếu chỉ tính theo số liệu " + text::period_label(rq.period) + " bằng " + method +
                                        ", không dùng số liệu của các năm trước thay cho số liệu " +
                                        text::period_label(rq.period) + ", kết quả là:")}});
    s.blocks.push_back(summary_counts(computed));
  } else if (ap.overrides > 0) {
    s.blocks.push_back(Paragraph{{plain("Theo các đánh giá đã ghi nhận (" + text::format_count2(ap.overrides) +
                                        " mục tiêu), kết quả là:")}});
    s.blocks.push_back(summary_counts(summarize(ap.assessment, true)));
  }

  // The reasons compare_with_printed gives ("giá trị 99% chưa đạt mục tiêu 100%") are the most
  // telling; overrides that depart from the printed grouping are explained by the assessment.
  const std::vector<ClassDifference> printed_diffs = compare_with_printed(ap.assessment);
  Table t;
  t.caption = "Bảng " + std::to_string(table_no) + ". Các mục tiêu có nhóm tính theo số liệu khác nhóm đã công bố";
  t.columns = {{6, Align::Center}, {34, Align::Justify}, {20, Align::Left}, {18, Align::Left}, {22, Align::Justify}};
  t.header.push_back(Row{{"TT", "Mục tiêu (STT, bảng)", "Nhóm đã công bố hoặc đánh giá",
                          "Nhóm tính theo số liệu", "Lý do"}});
  int n = 0, no_value = 0, printed_achieved_unmet = 0;
  std::vector<std::string> no_value_refs;
  for (const TargetAssessment& ta : ap.assessment.targets) {
    const Reference ref = reference_of(ta, use_printed);
    if (!differs(ref, ta.computed_group())) continue;
    std::string reason = ta.explanation;
    for (const ClassDifference& d : printed_diffs)
      if (d.target == &ta && (!ta.override_ || d.printed_group.group == ref.group)) reason = d.reason;
    if (ta.computed == ProgressClass::NoData) {
      ++no_value;
      no_value_refs.push_back(ta.target->printed_no);
    }
    if (ref.group == ReportGroup::Achieved && ta.computed != ProgressClass::NoData) ++printed_achieved_unmet;
    ++n;
    // Where the row is in this report's tables: the STT printed there and the table's number.
    std::string name = ta.target->label;
    std::vector<std::string> where;
    if (!ta.target->printed_no.empty()) where.push_back("STT " + ta.target->printed_no);
    if (auto it = table_of.find(&ta); it != table_of.end()) where.push_back("Bảng " + std::to_string(it->second));
    if (!where.empty()) name += " (" + text::join(where, ", ") + ")";
    t.body.push_back(Row{{Cell{std::to_string(n)}, Cell{name}, Cell{ref.words},
                          Cell{computed_class_words(ta, rq.method)}, Cell{reason}}});
  }
  const long total = static_cast<long>(ap.assessment.targets.size());
  if (n == 0 && !use_printed && ap.overrides == 0) {
    std::string words = "Chưa có nhóm nào được công bố hoặc đánh giá cho " + text::period_label(rq.period) + " để đối chiếu";
    if (printed_period) words += " (nhóm in trong báo cáo gốc là của " + text::period_label(*printed_period) + ")";
    s.blocks.push_back(Paragraph{{plain(words + ".")}});
    return s;
  }
  if (n == 0) {
    s.blocks.push_back(Paragraph{{plain("Nhóm tính theo số liệu của cả " + text::format_count2(total) +
                                        " mục tiêu trùng với nhóm đã công bố hoặc đã đánh giá.")}});
    return s;
  }
  std::vector<Run> lead{plain("Có "), figure(text::format_count2(n) + "/" + text::format_count2(total)),
                        plain(" mục tiêu có nhóm tính theo số liệu khác nhóm đã công bố hoặc đã đánh giá")};
  std::vector<std::string> why;
  if (no_value > 0)
    why.push_back(text::format_count2(no_value) + " mục tiêu không có số liệu " + text::period_label(rq.period) +
                  " nên chưa xếp được nhóm theo số liệu");
  if (printed_achieved_unmet > 0)
    why.push_back(text::format_count2(printed_achieved_unmet) +
                  " mục tiêu được xếp “đã hoàn thành” dù giá trị chưa đạt mục tiêu");
  const int other = n - no_value - printed_achieved_unmet;
  if (other > 0)
    why.push_back(text::format_count2(other) + " mục tiêu có mức thực hiện khác với nhóm đã xếp theo " + method);
  lead.push_back(plain(why.empty() ? "." : ", trong đó " + text::join(why, "; ") + "."));
  s.blocks.push_back(Paragraph{std::move(lead)});
  s.blocks.push_back(std::move(t));
  return s;
}

Section tasks_section(const std::vector<const Task*>& tasks, const Dataset& data, const std::string& programme_lead,
                      const Date& as_of, int table_no) {
  Section s{2, "3.", "Tình hình thực hiện các nhiệm vụ", {}};
  std::vector<Task> copies;
  for (const Task* t : tasks) copies.push_back(*t);
  check::TaskAnalysis a = check::analyse_tasks(copies, as_of);
  // The programme's lead agency first (its tasks are the appendix's section I), then the others
  // as the analysis orders them (by code, "not stated" last).
  std::stable_partition(a.by_agency.begin(), a.by_agency.end(),
                        [&](const check::AgencyTaskCounts& c) { return !c.agency.empty() && c.agency == programme_lead; });
  if (a.total == 0) {
    s.blocks.push_back(Paragraph{{plain("Dữ liệu chưa có nhiệm vụ nào của chương trình.")}});
    return s;
  }
  std::vector<Run> runs{plain("Có "), figure(text::format_count2(a.total)), plain(" nhiệm vụ, giải pháp được theo dõi: " +
                                                                                 status_counts_text(a.by_status))};
  if (a.without_status > 0) runs.push_back(plain(", " + text::format_count2(a.without_status) + " chưa có trạng thái"));
  runs.push_back(plain("."));
  s.blocks.push_back(Paragraph{std::move(runs)});
  if (!a.overdue.empty()) {
    std::vector<std::string> names;
    for (const auto& issue : a.overdue)
      for (const Task& t : copies)
        if (t.code == issue.task) names.push_back("“" + t.name + "” (" + task_progress_text(t) + ")");
    s.blocks.push_back(Paragraph{{plain("Đến ngày " + text::format_date_short(as_of) + ", "),
                                  figure(text::format_count2(static_cast<long>(a.overdue.size()))),
                                  plain(" nhiệm vụ đã quá thời hạn mà chưa hoàn thành: " + text::join(names, "; ") + ".")}});
  }

  std::vector<AgencyTaskRow> rows;
  for (const check::AgencyTaskCounts& c : a.by_agency)
    rows.push_back(agency_task_row(data, c));
  Table t = task_status_table("Bảng " + std::to_string(table_no) + ". Số nhiệm vụ theo cơ quan chủ trì và tình trạng",
                              "Tổng số", a, rows);
  s.blocks.push_back(std::move(t));
  s.blocks.push_back(Paragraph{{plain("Tình hình thực hiện từng nhiệm vụ tại "), italic("Phụ lục"), plain(" kèm theo.")}});
  return s;
}

Table task_table(const std::vector<const Task*>& tasks, const Dataset& data, bool agency_column) {
  Table t;
  if (agency_column) {
    t.columns = {{6, Align::Center}, {30, Align::Justify}, {14, Align::Left}, {14, Align::Center}, {36, Align::Justify}};
    t.header.push_back(Row{{"TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Tiến độ thực hiện", "Kết quả đạt được"}});
  } else {
    t.columns = {{6, Align::Center}, {34, Align::Justify}, {18, Align::Center}, {42, Align::Justify}};
    t.header.push_back(Row{{"TT", "Nhiệm vụ, giải pháp", "Tiến độ/Thời hạn hoàn thành", "Kết quả đạt được"}});
  }
  int n = 0;
  for (const Task* task : tasks) {
    Row row{{Cell{std::to_string(++n)}, Cell{task->name}}};
    if (agency_column)
      row.cells.push_back(Cell{task->lead_agency.empty() ? "Chưa ghi" : unit_name(data, task->lead_agency)});
    row.cells.push_back(Cell{task_progress_text(*task)});
    row.cells.push_back(Cell{task_result_text(*task)});
    t.body.push_back(std::move(row));
  }
  return t;
}

Paragraph task_count_line(const std::vector<const Task*>& tasks) {
  std::map<TaskStatus, int> by_status;
  for (const Task* t : tasks)
    if (auto st = t->current_status()) ++by_status[*st];
  return Paragraph{{plain("Gồm "), figure(text::format_count2(static_cast<long>(tasks.size()))),
                    plain(" nhiệm vụ: " + status_counts_text(by_status) + ".")}};
}

Appendix task_appendix(const std::vector<const Task*>& tasks, const Dataset& data, const Programme& programme,
                       const Issuer& issuer, const Document& doc, const Date& date, int draft_year) {
  Appendix app;
  std::string about = "Kết quả thực hiện các nhiệm vụ, giải pháp tại " +
                      (programme_act(programme).empty() ? programme.name : programme_act(programme) + " phê duyệt " + programme.name);
  app.title = title_lines(upper_title(about), 60);
  const std::string when = date.valid() ? text::format_date_short(date) : "     /     /" + std::to_string(draft_year);
  app.attached_note = "(Kèm theo Báo cáo số " + doc.front.number + " ngày " + when + " của " + issuer.name + ")";

  // Section I: the tasks the reporting programme's lead agency leads; II: every other body's,
  // with the agency named in a column (seed 000's table II prints none: the data fills it where
  // a seed names it).
  std::vector<const Task*> own, others;
  for (const Task* t : tasks) (t->lead_agency == programme.lead_agency && !t->lead_agency.empty() ? own : others).push_back(t);
  const std::string lead_name = unit_name(data, programme.lead_agency);
  if (!own.empty()) {
    Section s{1, "I.", "Các nhiệm vụ, giải pháp do " + lead_name + " chủ trì", {}};
    s.blocks.push_back(task_count_line(own));
    s.blocks.push_back(task_table(own, data, false));
    app.sections.push_back(std::move(s));
  }
  if (!others.empty()) {
    Section s{1, own.empty() ? "I." : "II.", "Các nhiệm vụ, giải pháp do các bộ, ngành chủ trì", {}};
    s.blocks.push_back(task_count_line(others));
    s.blocks.push_back(task_table(others, data, true));
    app.sections.push_back(std::move(s));
  }
  return app;
}

}  // namespace

Document build_annual_report(const ReportInputs& in, const ReportRequest& rq) {
  const int year = require_year(rq.period, "Báo cáo năm");
  const Programme& programme = require_programme(in.data, rq.programme);
  const AssessedProgramme ap = assess_for_report(in, rq, programme);
  const Date day = report_day(rq.date, rq.period);
  const Issuer issuer = coordinating_ministry(in.data.units, in.data.successions, day);

  Document doc;
  Footnotes notes(doc);
  const std::string act = programme_act(programme);
  fill_front(doc, issuer, rq.number, rq.date, day.year,
             title_lines("Tình hình thực hiện " + (act.empty() ? programme.name : act + " phê duyệt " + programme.name)));
  const std::string reference = programme_reference(programme);
  const std::string period_words_vi = text::period_label(rq.period);

  Section opening;
  opening.level = 0;
  opening.blocks.push_back(Paragraph{{plain("Thực hiện nhiệm vụ được giao, căn cứ các báo cáo triển khai của các bộ, ngành, "
                                            "địa phương, " + issuer.name + " xin báo cáo tình hình thực hiện " + reference +
                                            " " + period_words_vi + " như sau:")}});
  doc.sections.push_back(std::move(opening));
  doc.sections.push_back(Section{1, "I.", "KẾT QUẢ ĐẠT ĐƯỢC", {}});

  // §I.1: the counts, the method, then one table per group.
  const AssessmentSummary summary = summarize(ap.assessment, ap.overrides_applied);
  Section targets{2, "1.", "Kết quả thực hiện các mục tiêu đặt ra", {}};
  targets.blocks.push_back(Paragraph{{plain("Tổng số mục tiêu theo " + reference + " gồm "),
                                      figure(text::format_count2(summary.total)), plain(" mục tiêu. Trong đó:")}});
  targets.blocks.push_back(summary_counts(summary));
  int applied = 0;
  std::vector<std::string> deciders;
  for (const TargetAssessment& t : ap.assessment.targets) {
    if (!t.override_) continue;
    ++applied;
    if (std::find(deciders.begin(), deciders.end(), t.override_->who) == deciders.end()) deciders.push_back(t.override_->who);
  }
  std::string method_note = "Nhóm của từng mục tiêu được tính theo " + std::string(assessment_method_label_vi(rq.method)) +
                            " từ số liệu " + period_words_vi + "; số liệu của các năm trước không được dùng thay cho số liệu " +
                            period_words_vi + ", mục tiêu không có số liệu " + period_words_vi +
                            " thuộc nhóm “chưa có số liệu”.";
  if (ap.overrides_applied && applied > 0)
    method_note += " " + text::format_count2(applied) + "/" + text::format_count2(summary.total) +
                   " mục tiêu được xếp nhóm theo đánh giá của " + text::join(deciders, ", ") +
                   "; cột “Cơ sở xếp nhóm” ghi cả nhóm theo đánh giá (lý do tại chú thích) và nhóm tính theo số liệu.";
  else if (!ap.overrides_applied && ap.overrides > 0)
    method_note += " Báo cáo này xếp nhóm theo số liệu, không theo " + text::format_count2(ap.overrides) +
                   " đánh giá đã ghi nhận; mục 2 liệt kê các khác biệt.";
  if (ap.overrides == 0 && !ap.other_override_periods.empty()) {
    std::vector<std::string> periods;
    for (const Period& p : ap.other_override_periods) periods.push_back(text::period_label(p));
    method_note += " Các đánh giá đã ghi nhận cho " + text::join(periods, ", ") + " không áp dụng cho " +
                   period_words_vi + ".";
  }
  targets.blocks.push_back(Paragraph{{italic(method_note)}});
  targets.blocks.push_back(Paragraph{{plain("Kết quả cụ thể từng chỉ tiêu như sau:")}});
  doc.sections.push_back(std::move(targets));

  int sub = 0;
  std::map<const TargetAssessment*, int> table_of;
  for (ReportGroup g : kReportGroups) {
    std::vector<const TargetAssessment*> members;
    for (const TargetAssessment& t : ap.assessment.targets)
      if (ap.group_of(t) == g) members.push_back(&t);
    if (members.empty()) continue;
    ++sub;
    for (const TargetAssessment* t : members) table_of[t] = sub;
    Section s{3, "1." + std::to_string(sub) + ".", group_heading(g), {}};
    s.blocks.push_back(group_table(members, ap, in.data, rq, year, sub, g, notes));
    doc.sections.push_back(std::move(s));
  }

  doc.sections.push_back(comparison_section(ap, rq, sub + 1, table_of));

  std::vector<const Task*> tasks;
  for (const Task& t : in.data.tasks)
    if (t.programme == programme.code) tasks.push_back(&t);
  doc.sections.push_back(tasks_section(tasks, in.data, programme.lead_agency, day, sub + 2));

  fill_closing(doc, issuer, rq);
  if (!tasks.empty()) doc.appendices.push_back(task_appendix(tasks, in.data, programme, issuer, doc, rq.date, day.year));
  return doc;
}

}  // namespace dxmon::report
