// The plan report, after seed 004 (the 2022 report on the national committee's 2022 plan): §I the
// plan's indicators in one table (TT | Chỉ tiêu | Cơ quan chủ trì | Kết quả | Mục tiêu) grouped into
// achieved and not achieved, with the agencies behind each share as footnotes and the count of
// achieved indicators; §II the tasks of the plan and of the programmes reported with it
// (plan_tasks.h).
// docs/report-kinds.md, "Plan report".
#include <algorithm>
#include <map>
#include <stdexcept>

#include "assess/comparison.h"
#include "assess/summary.h"
#include "report/kinds/plan_tasks.h"
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

// Who contributed the achieved indicators, as seed 004 line 38 says it: "các ngành Tài chính, Ngân
// hàng mỗi ngành đóng góp 1 chỉ tiêu, ngành Công Thương đóng góp 2 chỉ tiêu và ngành Thông tin và
// Truyền thông đóng góp 5 chỉ tiêu (trong đó 01 chỉ tiêu có sự đóng góp chung của lĩnh vực Kế hoạch
// và Đầu tư)". Derived from the agencies leading each indicator (lead and co-agencies): every
// achieved indicator counts once, for the one of its agencies that leads the most achieved
// indicators (ties: the first named), and its other agencies are named as sharing it. Agencies are
// listed fewest first, ties in table order, as the seed lists them.
std::string achieved_by_agency(const std::vector<const TargetAssessment*>& achieved, const AssessedProgramme& ap,
                               const Dataset& data) {
  std::map<std::string, int> leads;  // agency → achieved indicators it (co-)leads
  for (const TargetAssessment* ta : achieved)
    for (const std::string& c : target_agencies(ap.values_of(*ta))) ++leads[c];
  std::vector<std::string> order;
  std::map<std::string, int> count;
  std::map<std::string, std::vector<std::pair<std::string, int>>> shared;  // agency → (partner, indicators)
  for (const TargetAssessment* ta : achieved) {
    const std::vector<std::string> agencies = target_agencies(ap.values_of(*ta));
    std::string credited;
    for (const std::string& c : agencies)
      if (credited.empty() || leads[c] > leads[credited]) credited = c;
    if (!count.count(credited)) order.push_back(credited);
    ++count[credited];
    for (const std::string& c : agencies) {
      if (c == credited) continue;
      auto& partners = shared[credited];
      auto it = std::find_if(partners.begin(), partners.end(), [&](const auto& p) { return p.first == c; });
      if (it == partners.end()) partners.emplace_back(c, 1);
      else ++it->second;
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) { return count[a] < count[b]; });
  auto name = [&](const std::string& c) { return c.empty() ? std::string("chưa ghi cơ quan chủ trì") : unit_name(data, c); };
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < order.size();) {
    // Agencies with the same count and nothing shared go together: "A, B mỗi cơ quan đóng góp 01 chỉ tiêu".
    std::size_t j = i + 1;
    if (shared[order[i]].empty())
      while (j < order.size() && count[order[j]] == count[order[i]] && shared[order[j]].empty()) ++j;
    std::vector<std::string> names;
    for (std::size_t k = i; k < j; ++k) names.push_back(name(order[k]));
    std::string part = text::join(names, ", ") + (j - i > 1 ? " mỗi cơ quan" : "") + " đóng góp " +
                       text::format_count2(count[order[i]]) + " chỉ tiêu";
    std::vector<std::string> notes;
    for (const auto& [partner, n] : shared[order[i]])
      notes.push_back(text::format_count2(n) + " chỉ tiêu có sự đóng góp chung của " + name(partner));
    if (!notes.empty()) part += " (trong đó " + text::join(notes, "; ") + ")";
    parts.push_back(part);
    i = j;
  }
  if (parts.size() < 2) return parts.empty() ? "" : parts[0];
  const std::string last = parts.back();
  parts.pop_back();
  return text::join(parts, ", ") + " và " + last;
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
  if (!achieved.empty()) runs.push_back(plain(" Trong đó, " + achieved_by_agency(achieved, ap, data) + "."));
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

  // Printed counts of the period reported count, even when dated after the report's own day (seed
  // 004 is dated "tháng 12 năm 2022" with no day; its counts are kept as of 31/12/2022).
  const Date counts_on = std::max(day, rq.period.last_day());
  for (Section& s : plan_task_sections(programme, in.data, day, counts_on, 2)) doc.sections.push_back(std::move(s));

  fill_closing(doc, issuer, rq);
  return doc;
}

}  // namespace dxmon::report
