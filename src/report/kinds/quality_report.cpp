// The data-quality report (báo cáo chất lượng số liệu): the data checks (src/check/run_checks.h)
// run on everything the store holds, presented for a reader who must correct the figures: counts by
// severity and rule, then one table per rule with every value involved and the document and line
// it comes from; then the review of the tasks (overdue, contradicted by their own result text,
// reported "for form").
//
// The period bounds the data looked at: a finding is shown when one of its values belongs to a
// period that starts by the end of the requested period ("số liệu đến hết năm 2023"). A finding
// that sets a 2023 figure against a later one (4.591 online services in 2023, 4.483 in Q1/2024)
// is shown with 2023, since it says the 2023 figure, or the later one, is wrong.
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "check/run_checks.h"
#include "check/task_analysis.h"
#include "report/kinds/programme_front.h"
#include "report/kinds/quality_rules.h"
#include "report/kinds/report_front.h"
#include "report/kinds/report_kinds.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::report {

namespace {

using check::Finding;
using check::FindingValue;
using check::Severity;

// What a programme covers: its targets' indicators and the indicators named under its code
// ("qd942.*"), and its tasks. Empty programme: everything.
struct Scope {
  std::string programme;
  std::set<std::string> indicators;
  std::set<std::string> tasks;

  bool covers_indicator(const std::string& code) const { return programme.empty() || indicators.count(code) > 0; }
  bool covers(const Finding& f) const {
    if (programme.empty()) return true;
    if (f.target.rfind(programme + "/", 0) == 0) return true;
    if (!f.task.empty() && tasks.count(f.task)) return true;
    for (const auto& i : f.indicators)
      if (indicators.count(i)) return true;
    for (const auto& v : f.values)
      if (indicators.count(v.indicator)) return true;
    return false;
  }
};

const Programme* find_programme(const Dataset& data, const std::string& code) {
  for (const auto& p : data.programmes)
    if (p.code == code) return &p;
  return nullptr;
}

Scope scope_of(const Dataset& data, const std::string& programme) {
  Scope s;
  s.programme = programme;
  if (programme.empty()) return s;
  if (!find_programme(data, programme)) {
    std::string msg = "Không có chương trình “" + programme + "” trong kho dữ liệu. Các chương trình hiện có: ";
    for (std::size_t i = 0; i < data.programmes.size(); ++i)
      msg += (i ? "; " : "") + data.programmes[i].code + " (" + data.programmes[i].document + ")";
    throw std::invalid_argument(msg + ".");
  }
  for (const auto& t : data.targets)
    if (t.programme == programme)
      for (const auto& item : t.items) s.indicators.insert(item.indicator);
  for (const auto& i : data.indicators)
    if (i.code.rfind(programme + ".", 0) == 0) s.indicators.insert(i.code);
  for (const auto& t : data.tasks)
    if (t.programme == programme) s.tasks.insert(t.code);
  return s;
}

// Whether a finding concerns data up to the end of `period` (see the file comment).
bool within(const Finding& f, const Period& period) {
  const Date end = period.last_day();
  bool dated = false;
  auto starts_by_end = [&](const std::optional<Period>& p) {
    if (!p) return false;
    dated = true;
    return p->first_day() <= end;
  };
  if (starts_by_end(f.period)) return true;
  for (const auto& v : f.values)
    if (starts_by_end(v.period)) return true;
  return !dated;  // a finding about no period in particular always concerns the data
}

// "tử số: 11.923 (bc.cccd_co_so_kham_chua_benh, năm 2022) — BC-2022-UBQGCĐS, seed 004 line 254"
std::string value_line(const Dataset& data, const FindingValue& v) {
  std::string figure = !v.as_printed.empty() ? v.as_printed : v.value ? text::format_number(*v.value) : "-";
  std::vector<std::string> what;
  if (!v.indicator.empty()) what.push_back(v.indicator);
  if (!v.unit.empty() && v.unit != kNationalUnit) what.push_back(unit_name(data, v.unit));
  if (v.period) what.push_back(text::period_label(*v.period));
  std::string line = (v.role.empty() ? "" : v.role + ": ") + figure;
  if (!what.empty()) line += " (" + text::join(what, ", ") + ")";
  std::string source = v.document;
  if (!v.location.empty()) source += (source.empty() ? "" : ", ") + v.location;
  if (!source.empty()) line += " — " + source;
  return line;
}

std::string share_of(long part, long total) {
  return "chiếm " + text::format_percent(100.0 * static_cast<double>(part) / static_cast<double>(total), 0);
}

constexpr Severity kSeverities[] = {Severity::Error, Severity::Warning, Severity::Info};

std::string severity_words(Severity s) {
  switch (s) {
    case Severity::Error: return "lỗi (số liệu sai, cần đính chính)";
    case Severity::Warning: return "cảnh báo (cần rà soát, giải trình)";
    case Severity::Info: return "thông tin (để lưu ý)";
  }
  return "";
}

Section summary_section(const std::vector<Finding>& findings, int& table_no) {
  Section s{1, "I.", "TỔNG HỢP KẾT QUẢ KIỂM TRA", {}};
  if (findings.empty()) {
    s.blocks.push_back(Paragraph{{plain("Không phát hiện vấn đề nào về số liệu.")}});
    return s;
  }
  const long total = static_cast<long>(findings.size());
  s.blocks.push_back(Paragraph{{plain("Qua kiểm tra, phát hiện "), figure(text::format_count2(total)),
                                plain(" vấn đề về số liệu, trong đó:")}});
  SummaryCounts counts;
  for (Severity sev : kSeverities) {
    long n = std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == sev; });
    if (n > 0) counts.lines.push_back({text::format_count2(n) + "/" + text::format_count2(total), severity_words(sev),
                                       share_of(n, total)});
  }
  s.blocks.push_back(std::move(counts));

  Table t;
  t.caption = "Bảng " + std::to_string(table_no++) + ". Số phát hiện theo quy tắc kiểm tra";
  t.columns = {{6, Align::Center}, {54, Align::Left}, {10, Align::Center}, {10, Align::Center},
               {10, Align::Center}, {10, Align::Center}};
  t.header.push_back(Row{{"TT", "Quy tắc kiểm tra", "Lỗi", "Cảnh báo", "Thông tin", "Tổng"}});
  int tt = 0;
  std::map<Severity, long> sums;
  for (const auto& rule : check::rule_ids()) {
    std::map<Severity, long> n;
    long all = 0;
    for (const auto& f : findings)
      if (f.rule == rule) ++n[f.severity], ++sums[f.severity], ++all;
    if (all == 0) continue;
    Row row{{Cell{std::to_string(++tt)}, Cell{rule_title_vi(rule) + " (" + rule + ")"}}};
    for (Severity sev : kSeverities) row.cells.push_back(Cell{std::to_string(n[sev])});
    row.cells.push_back(Cell{std::to_string(all)});
    t.body.push_back(std::move(row));
  }
  Row sum{{Cell{""}, Cell{std::vector<Run>{bold("Tổng cộng")}}}};
  for (Severity sev : kSeverities) sum.cells.push_back(Cell{std::vector<Run>{bold(std::to_string(sums[sev]))}});
  sum.cells.push_back(Cell{std::vector<Run>{bold(std::to_string(total))}});
  t.body.push_back(std::move(sum));
  s.blocks.push_back(std::move(t));
  return s;
}

std::vector<Section> detail_sections(const Dataset& data, const std::vector<Finding>& findings, int& table_no) {
  std::vector<Section> out;
  out.push_back(Section{1, "II.", "CHI TIẾT CÁC VẤN ĐỀ PHÁT HIỆN", {}});
  int n = 0;
  for (const auto& rule : check::rule_ids()) {
    std::vector<const Finding*> of_rule;
    for (const auto& f : findings)
      if (f.rule == rule) of_rule.push_back(&f);
    if (of_rule.empty()) continue;
    Section s{2, std::to_string(++n) + ".", rule_title_vi(rule), {}};
    Table t;
    t.caption = "Bảng " + std::to_string(table_no++) + ". " + rule_title_vi(rule);
    t.columns = {{12, Align::Center}, {44, Align::Justify}, {44, Align::Left}};
    t.header.push_back(Row{{"Mức độ", "Nội dung", "Giá trị, nguồn"}});
    for (const Finding* f : of_rule) {
      std::vector<std::string> lines;
      for (const auto& v : f->values) lines.push_back("- " + value_line(data, v));
      t.body.push_back(Row{{Cell{std::string(check::severity_label_vi(f->severity))}, Cell{f->message},
                            Cell{lines.empty() ? std::string("-") : text::join(lines, "\n")}}});
    }
    s.blocks.push_back(std::move(t));
    out.push_back(std::move(s));
  }
  if (n == 0) out.front().blocks.push_back(Paragraph{{plain("Không có.")}});
  return out;
}

std::string status_words(TaskStatus s) {
  switch (s) {
    case TaskStatus::Completed: return "nhiệm vụ đã hoàn thành";
    case TaskStatus::InProgress: return "nhiệm vụ đang thực hiện";
    case TaskStatus::NotStarted: return "nhiệm vụ chưa triển khai";
    case TaskStatus::Overdue: return "nhiệm vụ được báo cáo là quá hạn";
    case TaskStatus::Stopped: return "nhiệm vụ dừng thực hiện";
  }
  return "";
}

Table issue_table(const std::vector<check::TaskIssue>& issues, const std::map<std::string, const Task*>& tasks,
                  const std::string& caption, const char* evidence_header) {
  Table t;
  t.caption = caption;
  t.columns = {{6, Align::Center}, {34, Align::Justify}, {36, Align::Justify}, {24, Align::Left}};
  t.header.push_back(Row{{"TT", "Nhiệm vụ", "Nội dung", evidence_header}});
  int tt = 0;
  for (const auto& issue : issues) {
    auto it = tasks.find(issue.task);
    std::string name = issue.task;
    std::string source;
    if (it != tasks.end()) {
      name = issue.task + ": " + it->second->name;
      source = it->second->source;
    }
    std::string evidence = issue.evidence.empty() ? "(trống)" : "“" + text::squish(issue.evidence) + "”";
    if (!source.empty()) evidence += "\nNguồn: " + source;
    t.body.push_back(Row{{Cell{std::to_string(++tt)}, Cell{name}, Cell{issue.message}, Cell{evidence}}});
  }
  return t;
}

std::vector<Section> task_sections(const std::vector<Task>& tasks, const Date& as_of, int& table_no) {
  std::vector<Section> out;
  Section head{1, "III.", "TÌNH HÌNH BÁO CÁO THỰC HIỆN NHIỆM VỤ", {}};
  const auto a = check::analyse_tasks(tasks, as_of);
  if (a.total == 0) {
    head.blocks.push_back(Paragraph{{plain("Không có nhiệm vụ nào trong phạm vi báo cáo.")}});
    out.push_back(std::move(head));
    return out;
  }
  head.blocks.push_back(Paragraph{{plain("Tổng số "), figure(text::format_count2(a.total)),
                                   plain(" nhiệm vụ; tình trạng được báo cáo:")}});
  SummaryCounts counts;
  for (TaskStatus s : {TaskStatus::Completed, TaskStatus::InProgress, TaskStatus::NotStarted, TaskStatus::Overdue,
                       TaskStatus::Stopped}) {
    auto it = a.by_status.find(s);
    if (it == a.by_status.end() || it->second == 0) continue;
    counts.lines.push_back({text::format_count2(it->second) + "/" + text::format_count2(a.total), status_words(s),
                            share_of(it->second, a.total)});
  }
  if (a.without_status > 0)
    counts.lines.push_back({text::format_count2(a.without_status) + "/" + text::format_count2(a.total),
                            "nhiệm vụ chưa có thông tin tình trạng", share_of(a.without_status, a.total)});
  head.blocks.push_back(std::move(counts));
  out.push_back(std::move(head));

  std::map<std::string, const Task*> by_code;
  for (const auto& t : tasks) by_code[t.code] = &t;
  struct Part {
    const char* title;
    const std::vector<check::TaskIssue>* issues;
    const char* evidence_header;
    const char* none;
  };
  const std::string date = text::format_date_short(as_of);
  const Part parts[] = {
      {"Nhiệm vụ quá hạn nhưng chưa hoàn thành", &a.overdue, "Tiến độ như báo cáo ghi",
       "Không có nhiệm vụ quá hạn."},
      {"Tình trạng mâu thuẫn với kết quả được báo cáo", &a.contradictions, "Cụm từ trong kết quả",
       "Không có nhiệm vụ nào có tình trạng mâu thuẫn với kết quả."},
      {"Kết quả báo cáo mang tính hình thức", &a.formal_results, "Kết quả như báo cáo ghi",
       "Không có nhiệm vụ nào báo cáo hình thức."},
  };
  int n = 0;
  for (const Part& p : parts) {
    Section s{2, std::to_string(++n) + ".", p.title, {}};
    if (p.issues->empty()) {
      s.blocks.push_back(Paragraph{{plain(p.none)}});
    } else {
      std::string lead = "Có ";
      s.blocks.push_back(Paragraph{{plain(lead), figure(text::format_count2(static_cast<long>(p.issues->size()))),
                                    plain(" nhiệm vụ (tính đến ngày " + date + "):")}});
      s.blocks.push_back(issue_table(*p.issues, by_code, "Bảng " + std::to_string(table_no++) + ". " + p.title,
                                     p.evidence_header));
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Document build_quality_report(const ReportInputs& in, const ReportRequest& rq) {
  const Dataset& data = in.data;
  const Period& period = rq.period;
  const Scope scope = scope_of(data, rq.programme);
  const Programme* programme = scope.programme.empty() ? nullptr : find_programme(data, scope.programme);

  check::CheckOptions options;
  options.relations = in.data.relations;
  std::vector<Finding> findings;
  for (auto& f : check::run_checks(data, options))
    if (scope.covers(f) && within(f, period)) findings.push_back(std::move(f));

  std::vector<Task> tasks;
  for (const auto& t : data.tasks)
    if (scope.programme.empty() || t.programme == scope.programme) tasks.push_back(t);

  // What was looked at, so the reader knows the findings are out of how much.
  std::set<std::string> indicators;
  long values = 0;
  for (const auto& o : data.observations)
    if (scope.covers_indicator(o.indicator) && o.period.first_day() <= period.last_day()) {
      ++values;
      indicators.insert(o.indicator);
    }

  const Date day = report_day(rq.date, period);
  const Issuer issuer = coordinating_ministry(data.units, data.successions, day);
  Document doc;
  fill_front(doc, issuer, rq.number, rq.date, day.year,
             {"Kết quả kiểm tra chất lượng số liệu",
              programme ? "thực hiện " + programme->document : "chuyển đổi số quốc gia",
              "đến hết " + period_words(period)});

  Section opening{0, "", "", {}};
  opening.blocks.push_back(Paragraph{
      {plain(issuer.name + " đã kiểm tra "), figure(text::format_number(static_cast<double>(values))),
       plain(" giá trị của "), figure(text::format_number(static_cast<double>(indicators.size()))),
       plain(" chỉ tiêu" + (programme ? " thuộc " + programme->document : std::string()) + " (số liệu các kỳ đến hết " +
             period_words(period) + ") theo "),
       figure(text::format_count2(static_cast<long>(check::rule_ids().size()))),
       plain(" quy tắc kiểm tra số liệu và rà soát "), figure(text::format_count2(static_cast<long>(tasks.size()))),
       plain(" nhiệm vụ. Mỗi giá trị nêu dưới đây kèm văn bản và vị trí nguồn để đơn vị báo cáo đối chiếu, đính "
             "chính. Kết quả như sau:")}});
  doc.sections.push_back(std::move(opening));

  int table_no = 1;
  doc.sections.push_back(summary_section(findings, table_no));
  for (auto& s : detail_sections(data, findings, table_no)) doc.sections.push_back(std::move(s));
  for (auto& s : task_sections(tasks, day, table_no)) doc.sections.push_back(std::move(s));

  Section closing{1, "IV.", "ĐỀ XUẤT", {}};
  closing.blocks.push_back(Paragraph{{plain(
      "Đề nghị các cơ quan, đơn vị có số liệu nêu tại mục II rà soát, đính chính các giá trị ở mức “Lỗi” và giải "
      "trình các giá trị ở mức “Cảnh báo”; cập nhật tình trạng và kết quả thực hiện các nhiệm vụ nêu tại mục III "
      "trong kỳ báo cáo tiếp theo.")}});
  doc.sections.push_back(std::move(closing));
  fill_closing(doc, issuer, rq);
  return doc;
}

}  // namespace dxmon::report
