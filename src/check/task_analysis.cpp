#include "check/task_analysis.h"

#include <algorithm>
#include <array>

#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::check {

namespace {

struct Phrase {
  const char* folded;   // matched on whole words of the folded text
  const char* written;  // as a person writes it, for the message
};

// A task "in progress" whose result says it is stopped, asked to stop, or done. "dừng" alone
// folds to "dung" like "dựng" and "dụng", so only the unambiguous phrases are used.
constexpr std::array kStoppedOrDone{
    Phrase{"xin dung", "xin dừng"},         Phrase{"dung thuc hien", "dừng thực hiện"},
    Phrase{"tam dung", "tạm dừng"},         Phrase{"dung trien khai", "dừng triển khai"},
    Phrase{"da hoan thanh", "đã hoàn thành"},
};
// A task "completed" whose result says it is still under way.
constexpr std::array kUnderWay{
    Phrase{"dang trien khai", "đang triển khai"}, Phrase{"dang xay dung", "đang xây dựng"},
    Phrase{"dang thuc hien", "đang thực hiện"},
};
// Results that say nothing beyond the status.
constexpr std::array kPlaceholders{"dang thuc hien", "dang xay dung", "dang trien khai", "dang nghien cuu"};

const Phrase* find_phrase(const std::string& folded, const auto& phrases) {
  const std::string padded = " " + folded + " ";
  for (const auto& p : phrases)
    if (padded.find(" " + std::string(p.folded) + " ") != std::string::npos) return &p;
  return nullptr;
}

}  // namespace

TaskAnalysis analyse_tasks(const std::vector<Task>& tasks, const Date& as_of) {
  TaskAnalysis a;
  std::map<std::string, AgencyTaskCounts> agencies;
  for (const auto& t : tasks) {
    ++a.total;
    const auto status = t.current_status();
    auto& agency = agencies[t.lead_agency];
    agency.agency = t.lead_agency;
    ++agency.total;
    if (status) {
      ++a.by_status[*status];
      ++agency.by_status[*status];
    } else {
      ++a.without_status;
    }

    const bool closed = status == TaskStatus::Completed || status == TaskStatus::Stopped;
    if (t.deadline && !closed && t.deadline->last_day() < as_of)
      a.overdue.push_back({TaskIssueKind::Overdue, t.code,
                           "Nhiệm vụ " + t.code + " có thời hạn " + text::period_label(*t.deadline) +
                               " nhưng đến ngày " + text::format_date_short(as_of) + " vẫn " +
                               (status ? "ở trạng thái “" + std::string(task_status_label_vi(*status)) + "”"
                                       : std::string("chưa có trạng thái")) +
                               ".",
                           t.progress_as_printed});

    const std::string folded = text::fold(t.result);
    if (status == TaskStatus::InProgress || status == TaskStatus::NotStarted) {
      if (const Phrase* p = find_phrase(folded, kStoppedOrDone))
        a.contradictions.push_back({TaskIssueKind::StatusContradiction, t.code,
                                    "Nhiệm vụ " + t.code + " ở trạng thái “" +
                                        std::string(task_status_label_vi(*status)) + "” nhưng kết quả ghi “" +
                                        p->written + "”: hãy cập nhật trạng thái.",
                                    p->written});
    } else if (status == TaskStatus::Completed) {
      if (const Phrase* p = find_phrase(folded, kUnderWay))
        a.contradictions.push_back({TaskIssueKind::StatusContradiction, t.code,
                                    "Nhiệm vụ " + t.code + " ở trạng thái “Hoàn thành” nhưng kết quả ghi “" +
                                        p->written + "”: hãy kiểm tra trạng thái.",
                                    p->written});
    }

    if (status != TaskStatus::Completed) {
      const bool empty = folded.empty();
      const bool placeholder =
          std::find(kPlaceholders.begin(), kPlaceholders.end(), folded) != kPlaceholders.end();
      if (empty || placeholder)
        a.formal_results.push_back({TaskIssueKind::FormalResult, t.code,
                                    "Nhiệm vụ " + t.code +
                                        (empty ? " không có kết quả thực hiện"
                                               : " chỉ ghi “" + text::squish(t.result) + "”, không nêu kết quả cụ thể") +
                                        " (báo cáo hình thức).",
                                    t.result});
    }
  }
  for (auto& [code, counts] : agencies)
    if (!code.empty()) a.by_agency.push_back(std::move(counts));
  if (auto it = agencies.find(""); it != agencies.end()) a.by_agency.push_back(std::move(it->second));
  return a;
}

}  // namespace dxmon::check
