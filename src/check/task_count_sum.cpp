// task_count_sum: task counts of one report that do not add up. A report says "107 nhiệm vụ … giao
// các bộ, ngành 44 nhiệm vụ … 63 địa phương … 42 nhiệm vụ đã hoàn thành, 02 nhiệm vụ đang triển
// khai" (seed 004 line 50–52): the groups' counts must make the programme's, and the counts by
// status must not exceed the count they split.
#include <map>
#include <optional>
#include <tuple>

#include "check/rules.h"
#include "text/number.h"
#include "text/vdate.h"

namespace dxmon::check {

namespace {

// The counts one report printed for one programme on one day.
using ReportKey = std::tuple<std::string, std::string, std::optional<Date>>;  // programme, document, as of

// A count as a value of a finding; its group and status are said in the role (a group is no unit).
FindingValue count_value(const TaskCount& c, std::string role) {
  FindingValue v;
  v.role = std::move(role);
  if (c.group) v.role += ", " + std::string(unit_group_label_vi(*c.group));
  if (c.status) v.role += ", " + std::string(task_status_label_vi(*c.status));
  v.value = static_cast<double>(c.count);
  v.as_printed = c.as_printed;
  v.document = c.document;
  v.location = c.source;
  return v;
}

// The count as the report printed it ("02"), or written out when the source gave no text.
std::string printed(const TaskCount& c) { return c.as_printed.empty() ? text::format_count(c.count) : c.as_printed; }

// "bộ, ngành 44", "đã hoàn thành 42": a part as the message names it.
std::string say_part(const TaskCount& c) {
  const std::string what = c.status ? std::string(task_status_label_vi(*c.status))
                                    : std::string(c.group ? unit_group_label_vi(*c.group) : "");
  return what + " " + printed(c);
}

// "chương trình "khhd2022", ngày 31/12/2022; nguồn: seed 004 line 50…"
std::string say_where(const TaskCount& total) {
  return "chương trình \"" + total.programme + "\"" +
         (total.as_of ? ", ngày " + text::format_date_short(*total.as_of) : std::string()) +
         "; nguồn: " + total.source + ", " + total.document;
}

// The parts against their total: an error when they exceed it; a warning when they fall short and
// at least two parts were printed (tasks the report leaves out: "80 đã hoàn thành" of 107 alone is
// no sum).
void compare(const TaskCount& total, const std::vector<const TaskCount*>& parts, std::string_view of,
             std::vector<Finding>& out) {
  long sum = 0;
  std::string terms;
  for (const TaskCount* p : parts) {
    sum += p->count;
    terms += (terms.empty() ? "" : " + ") + say_part(*p);
  }
  if (sum == total.count || (sum < total.count && parts.size() < 2)) return;
  Finding f;
  f.rule = "task_count_sum";
  f.severity = sum > total.count ? Severity::Error : Severity::Warning;
  f.message = "Số nhiệm vụ " + std::string(of) + " không cộng lại bằng tổng: " + terms + " = " +
              text::format_count(sum) + ", khác tổng " + printed(total) + " nhiệm vụ" +
              (sum < total.count ? " (" + text::format_count(total.count - sum) + " nhiệm vụ không được nêu)" : "") +
              " — " + say_where(total) + ".";
  f.values.push_back(count_value(total, "tổng"));
  for (const TaskCount* p : parts) f.values.push_back(count_value(*p, "phần"));
  if (total.as_of) f.period = Period::of_year(total.as_of->year);
  out.push_back(std::move(f));
}

}  // namespace

void check_task_count_sum(const CheckContext& ctx, std::vector<Finding>& out) {
  std::map<ReportKey, std::vector<const TaskCount*>> reports;
  for (const TaskCount& c : ctx.data().task_counts) reports[{c.programme, c.document, c.as_of}].push_back(&c);
  for (const auto& [key, counts] : reports) {
    // The count of each group (none: the whole programme), whatever the status.
    std::map<std::optional<UnitGroup>, const TaskCount*> totals;
    for (const TaskCount* c : counts)
      if (!c->status) totals[c->group] = c;
    // The groups make the programme, when the report gives them and the programme's count.
    if (auto all = totals.find(std::nullopt); all != totals.end()) {
      std::vector<const TaskCount*> groups;
      for (const auto& [group, c] : totals)
        if (group) groups.push_back(c);
      if (groups.size() >= 2) compare(*all->second, groups, "theo nhóm đơn vị", out);
    }
    // The statuses split their group's count (or the programme's).
    for (const auto& [group, total] : totals) {
      std::vector<const TaskCount*> statuses;
      for (const TaskCount* c : counts)
        if (c->status && c->group == group) statuses.push_back(c);
      if (!statuses.empty()) compare(*total, statuses, "theo trạng thái", out);
    }
  }
}

}  // namespace dxmon::check
