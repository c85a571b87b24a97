// §II of the plan report. docs/report-kinds.md, "Plan report".
#include "report/kinds/plan_tasks.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "assess/task_tally.h"
#include "check/task_analysis.h"
#include "report/kinds/programme_front.h"
#include "report/kinds/task_status_table.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::report {

namespace {

std::string lower_first_status(TaskStatus s) {
  // Status labels start with a capital the sentence does not want: "Đang thực hiện" → "đang thực hiện".
  std::string label(task_status_label_vi(s));
  const std::string upper_d = "Đ";
  if (label.rfind(upper_d, 0) == 0) return "đ" + label.substr(upper_d.size());
  if (!label.empty()) label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  return label;
}

const char* const kFromList = "đếm từ danh sách nhiệm vụ có tên";

// The figures of one programme's sentences, and which were printed counts and which were counted
// from the task list, for the note that says so.
class Figures {
 public:
  // A printed count as printed ("02"), else the count written as the reports write small counts.
  // `what` says what a figure counted from the list counts, for the note ("nhiệm vụ của Bộ …").
  Run count(const TallyFigure& f, const std::string& what) {
    std::string text = f.reported && f.rows.size() == 1 && !f.rows[0]->as_printed.empty() ? f.rows[0]->as_printed
                                                                                           : text::format_count2(f.value);
    std::string source = kFromList;
    if (f.reported) {
      std::vector<std::string> parts;
      for (const TaskCount* c : f.rows) {
        parts.push_back(c->document.empty() ? c->source : c->document + (c->source.empty() ? "" : " (" + c->source + ")"));
        if (!c->document.empty() && std::find(documents_.begin(), documents_.end(), c->document) == documents_.end())
          documents_.push_back(c->document);
      }
      source = text::join(parts, "; ");
    }
    remember(f.reported ? reported_ : listed_, f.reported ? text : text + " " + what);
    return figure(text, source);
  }
  Run listed(long n, const std::string& what) { return count(TallyFigure{n, false, {}}, what); }

  const std::vector<std::string>& reported() const { return reported_; }
  const std::vector<std::string>& listed() const { return listed_; }
  const std::vector<std::string>& documents() const { return documents_; }

 private:
  static void remember(std::vector<std::string>& list, const std::string& text) {
    if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(text);
  }
  std::vector<std::string> reported_, listed_, documents_;
};

// The provinces of the named tasks, in data order, each with its status (completed only when all
// its tasks are).
struct ProvinceStatuses {
  std::vector<std::string> order;
  std::map<std::string, std::optional<TaskStatus>> status;
  bool one_each = true;
};

ProvinceStatuses province_statuses(const TaskTally& t) {
  ProvinceStatuses out;
  std::map<std::string, int> tasks;
  for (const Task* task : t.at(UnitGroup::Provinces, std::nullopt).tasks) {
    if (!tasks.count(task->lead_agency)) out.order.push_back(task->lead_agency);
    ++tasks[task->lead_agency];
    auto& st = out.status[task->lead_agency];
    if (!st || *st == TaskStatus::Completed) st = task->current_status();
  }
  for (const auto& [code, n] : tasks) out.one_each = out.one_each && n == 1;
  return out;
}

Paragraph intro(const Programme& p, const TaskTally& t, const ProvinceStatuses& provinces, Figures& fig) {
  const std::string act = programme_act(p);
  std::vector<Run> runs{plain(t.has_reported() ? "Theo " + p.name + (act.empty() ? "" : " tại " + act)
                                               : "Theo dữ liệu nhiệm vụ của " + p.name),
                        plain(", có tổng cộng "), fig.count(t.figure(std::nullopt, std::nullopt), "nhiệm vụ"),
                        plain(" nhiệm vụ")};
  const TallyFigure ministries = t.figure(UnitGroup::Ministries, std::nullopt);
  const TallyFigure local = t.figure(UnitGroup::Provinces, std::nullopt);
  auto province_part = [&] {
    if (provinces.one_each && static_cast<long>(provinces.order.size()) == local.value) {
      runs.push_back(fig.count(local, "địa phương"));
      runs.push_back(plain(" địa phương mỗi địa phương "));
      runs.push_back(figure("01"));
      runs.push_back(plain(" nhiệm vụ"));
    } else {
      runs.push_back(plain("các địa phương "));
      runs.push_back(fig.count(local, "nhiệm vụ giao các địa phương"));
      runs.push_back(plain(" nhiệm vụ"));
    }
  };
  if (ministries.value > 0 && local.value > 0) {
    runs.push_back(plain(". Trong đó, giao các bộ, ngành Trung ương thực hiện "));
    runs.push_back(fig.count(ministries, "nhiệm vụ giao các bộ, ngành"));
    runs.push_back(plain(" nhiệm vụ và giao "));
    province_part();
  } else if (ministries.value > 0) {
    runs.push_back(plain(" giao cho các bộ, ngành Trung ương"));
  } else if (local.value > 0) {
    runs.push_back(plain(" giao cho "));
    province_part();
  }
  runs.push_back(plain(". Kết quả thực hiện cụ thể:"));
  return Paragraph{std::move(runs)};
}

// "Bộ, ngành Trung ương: 42 nhiệm vụ hoàn thành; 02 nhiệm vụ đang thực hiện (trong đó, có 02
// nhiệm vụ của Bộ Giáo dục và Đào tạo: “…”; “…”)." (seed 004 lines 52, 62)
Paragraph ministries_bullet(const TaskTally& t, const Dataset& data, Figures& fig) {
  std::vector<Run> runs{plain("Bộ, ngành Trung ương: ")};
  bool first = true;
  for (TaskStatus st : kTaskStatusOrder) {
    const TallyFigure f = t.figure(UnitGroup::Ministries, st);
    const auto& named = t.at(UnitGroup::Ministries, st).tasks;
    if (f.value == 0 && named.empty() && st != TaskStatus::Completed) continue;
    if (!first) runs.push_back(plain("; "));
    first = false;
    runs.push_back(fig.count(f, "nhiệm vụ " + lower_first_status(st) + " của bộ, ngành"));
    runs.push_back(plain(" nhiệm vụ " + lower_first_status(st)));
    if (st == TaskStatus::Completed || named.empty()) continue;
    std::vector<std::string> agencies;
    std::map<std::string, std::vector<std::string>> names;
    for (const Task* task : named) {
      if (!names.count(task->lead_agency)) agencies.push_back(task->lead_agency);
      names[task->lead_agency].push_back("“" + task->name + "”");
    }
    runs.push_back(plain(" (trong đó, "));
    for (std::size_t i = 0; i < agencies.size(); ++i) {
      runs.push_back(plain(std::string(i ? "; " : "") + "có "));
      runs.push_back(fig.listed(static_cast<long>(names[agencies[i]].size()),
                                "nhiệm vụ " + lower_first_status(st) + " của " + unit_name(data, agencies[i])));
      runs.push_back(plain(" nhiệm vụ của " + unit_name(data, agencies[i]) + ": " + text::join(names[agencies[i]], "; ")));
    }
    runs.push_back(plain(")"));
  }
  runs.push_back(plain("."));
  return Paragraph{std::move(runs), ParagraphStyle::Bullet};
}

// "Các tỉnh, thành phố trực thuộc Trung ương: 59 địa phương hoàn thành: Hà Nội, …; 04 địa phương
// đang thực hiện: …" (seed 004 lines 54, 56). With one task each, a printed count of tasks is a
// count of provinces; otherwise the provinces of the list are counted.
Paragraph provinces_bullet(const TaskTally& t, const ProvinceStatuses& provinces, const Dataset& data, Figures& fig) {
  std::vector<Run> runs{plain("Các tỉnh, thành phố trực thuộc Trung ương: ")};
  bool first = true;
  for (TaskStatus st : kTaskStatusOrder) {
    std::vector<std::string> names;
    for (const std::string& p : provinces.order)
      if (provinces.status.at(p) == st) names.push_back(unit_short_name(data, p));
    const TallyFigure f = provinces.one_each ? t.figure(UnitGroup::Provinces, st)
                                             : TallyFigure{static_cast<long>(names.size()), false, {}};
    if (f.value == 0 && names.empty()) continue;
    if (!first) runs.push_back(plain("; "));
    first = false;
    runs.push_back(fig.count(f, "địa phương " + lower_first_status(st)));
    runs.push_back(plain(" địa phương " + lower_first_status(st)));
    if (names.empty()) continue;
    if (f.value == static_cast<long>(names.size())) {
      runs.push_back(plain(": " + text::join(names, ", ")));
    } else {
      runs.push_back(plain(" (có tên trong danh sách: "));
      runs.push_back(fig.listed(static_cast<long>(names.size()), "địa phương " + lower_first_status(st) + " có tên"));
      runs.push_back(plain(" địa phương: " + text::join(names, ", ") + ")"));
    }
  }
  runs.push_back(plain("."));
  return Paragraph{std::move(runs), ParagraphStyle::Bullet};
}

// Which figures are printed counts and which are counted from the list (the brief of issue 2: a
// count and a list are never confused).
Paragraph figures_note(const TaskTally& t, const Figures& fig) {
  const long named = t.at(std::nullopt, std::nullopt).listed;
  const bool provinces = t.at(UnitGroup::Provinces, std::nullopt).listed > 0;
  std::string note;
  if (!fig.reported().empty()) {
    note = "Ghi chú: các số " + text::join(fig.reported(), ", ") + " là số nhiệm vụ theo báo cáo" +
           (fig.documents().empty() ? "" : " " + text::join(fig.documents(), ", ")) +
           (t.as_of ? " (số liệu đến ngày " + text::format_date_short(*t.as_of) + ")" : "") +
           ", gồm cả các nhiệm vụ chỉ được báo cáo dưới dạng số đếm, không có tên trong dữ liệu";
    if (!fig.listed().empty()) note += "; đếm từ danh sách: " + text::join(fig.listed(), ", ");
    note += std::string("; tên nhiệm vụ") + (provinces ? " và tên địa phương" : "") + " lấy từ danh sách " +
            text::format_count2(named) + " nhiệm vụ có tên trong dữ liệu.";
  } else {
    note = "Ghi chú: các số được đếm từ danh sách " + text::format_count2(named) +
           " nhiệm vụ có tên trong dữ liệu; không có số nhiệm vụ nào theo báo cáo.";
  }
  return Paragraph{{italic(note)}};
}

// The named tasks counted per agency: each ministry on its own row, the provinces on one (63 rows
// of "01" say less).
Table named_tasks_table(const check::TaskAnalysis& a, const ProvinceStatuses& provinces, const Dataset& data,
                        int number) {
  std::vector<AgencyTaskRow> rows;
  AgencyTaskRow all_provinces;
  for (const check::AgencyTaskCounts& c : a.by_agency) {
    if (is_province(data, c.agency)) {
      all_provinces.total += c.total;
      for (const auto& [st, k] : c.by_status) all_provinces.by_status[st] += k;
      continue;
    }
    rows.push_back(agency_task_row(data, c));
  }
  if (all_provinces.total > 0) {
    all_provinces.agency =
        text::format_count2(static_cast<long>(provinces.order.size())) + " tỉnh, thành phố trực thuộc Trung ương";
    rows.push_back(std::move(all_provinces));
  }
  Table t = task_status_table(
      "Bảng " + std::to_string(number) + ". Số nhiệm vụ có tên trong danh sách, theo cơ quan chủ trì", "Số nhiệm vụ",
      a, rows);
  t.note = "Ghi chú: đếm từ danh sách nhiệm vụ có tên trong dữ liệu; nhiệm vụ chỉ được báo cáo dưới dạng số đếm, "
           "không có tên, không có trong bảng này.";
  return t;
}

// The blocks for one programme's tasks.
std::vector<Block> programme_task_blocks(const Programme& p, const Dataset& data, const Date& as_of,
                                        const Date& counts_on, int& table_no) {
  std::vector<Block> out;
  const TaskTally t = tally_tasks(data, p.code, counts_on);
  const auto& named = t.at(std::nullopt, std::nullopt).tasks;
  if (named.empty() && !t.has_reported()) {
    out.push_back(Paragraph{{plain("Dữ liệu chưa có nhiệm vụ nào của " + p.name + ".")}});
    return out;
  }
  Figures fig;
  const ProvinceStatuses provinces = province_statuses(t);
  out.push_back(intro(p, t, provinces, fig));
  if (t.figure(UnitGroup::Ministries, std::nullopt).value > 0) out.push_back(ministries_bullet(t, data, fig));
  if (t.figure(UnitGroup::Provinces, std::nullopt).value > 0 || !provinces.order.empty())
    out.push_back(provinces_bullet(t, provinces, data, fig));
  out.push_back(figures_note(t, fig));
  if (named.empty()) return out;

  std::vector<Task> copies;
  for (const Task* task : named) copies.push_back(*task);
  const check::TaskAnalysis a = check::analyse_tasks(copies, as_of);
  if (!a.overdue.empty()) {
    std::vector<std::string> names;
    for (const auto& issue : a.overdue)
      for (const Task& task : copies)
        if (task.code == issue.task)
          names.push_back("“" + task.name + "” (" + unit_name(data, task.lead_agency) + ", thời hạn " +
                          task.deadline_as_printed + ")");
    out.push_back(Paragraph{{plain("Đến ngày " + text::format_date_short(as_of) + ", "),
                             figure(text::format_count2(static_cast<long>(a.overdue.size()))),
                             plain(" nhiệm vụ đã quá thời hạn mà chưa hoàn thành: " + text::join(names, "; ") + ".")}});
  }
  out.push_back(named_tasks_table(a, provinces, data, table_no++));
  return out;
}

}  // namespace

std::vector<Section> plan_task_sections(const Programme& programme, const Dataset& data, const Date& as_of,
                                        const Date& counts_on, int first_table) {
  std::vector<const Programme*> programmes{&programme};
  for (const Programme& p : data.programmes)
    if (p.reported_with == programme.code && p.code != programme.code) programmes.push_back(&p);

  std::string title = "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO " + upper_title(programme.name);
  for (std::size_t i = 1; i < programmes.size(); ++i) title += " VÀ THEO " + upper_title(programmes[i]->name);
  std::vector<Section> out{Section{1, "II.", title, {}}};
  int table_no = first_table;
  if (programmes.size() == 1) {
    out.back().blocks = programme_task_blocks(programme, data, as_of, counts_on, table_no);
    return out;
  }
  for (std::size_t i = 0; i < programmes.size(); ++i)
    out.push_back(Section{2, std::to_string(i + 1) + ".",
                          "Kết quả thực hiện nhiệm vụ theo " + programmes[i]->name,
                          programme_task_blocks(*programmes[i], data, as_of, counts_on, table_no)});
  return out;
}

}  // namespace dxmon::report
