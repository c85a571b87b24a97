#pragma once
// The targets' tables of the programme reports (annual, plan): the assessment they are built on,
// and how a value, a target and a target's name are written in a cell — values as printed, each
// with its source (the observation's document and location) and the footnote it carries.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "assess/target_values.h"
#include "report/document.h"
#include "report/kinds/report_inputs.h"

namespace dxmon::report {

// The options both programme reports assess with. A report on a year judges each target on that
// year's figure: use_stale_values = false, so a target whose last value is older (a 2022 figure in
// the 2023 report) is "chưa có số liệu" and the differences list names it, rather than being
// classed on last year's value. The method is the request's; where trend or projection cannot be
// applied (one value only) the item falls back to the threshold method and its note says so.
AssessmentOptions report_assessment_options(const ReportRequest& rq);

// A programme assessed for a report: the values (which point into the inputs' data) and the
// assessment (which points into both), with the request's overrides attached. Overrides are
// always attached so that the differences can be listed; `overrides_applied` says whether the
// report counts by them (ReportRequest::apply_overrides).
struct AssessedProgramme {
  std::vector<ProgrammeValues> all_values;
  const ProgrammeValues* values = nullptr;
  ProgrammeAssessment assessment;
  bool overrides_applied = true;
  int overrides = 0;  // overrides of this programme for the period reported
  std::vector<Period> other_override_periods;  // periods this programme has overrides for, other than the one reported

  // The group the report prints a target in.
  ReportGroup group_of(const TargetAssessment& t) const {
    return overrides_applied ? t.effective_group() : t.computed_group();
  }
  const TargetValues& values_of(const TargetAssessment& t) const;
};

// Throws std::invalid_argument (Vietnamese) when the programme has no targets, or none of its
// targets has a national value up to the period (nothing to report on).
AssessedProgramme assess_for_report(const ReportInputs& in, const ReportRequest& rq, const Programme& programme);

// Footnotes added once per distinct text: the same remark under two values is one footnote.
class Footnotes {
 public:
  explicit Footnotes(Document& doc) : doc_(doc) {}
  int add(const std::string& text, const std::string& source = {});
  int add(std::vector<Run> runs);  // keyed by the runs' text

 private:
  Document& doc_;
  std::map<std::string, int> numbers_;
};

// The value of a period, if the data holds one (a no-data "-" counts: it was printed).
const Observation* value_in(const TargetItemValues& item, const Period& period);
// A value as the report printed it ("58,41%", "11,20%", "-"), without its footnote mark.
std::string value_text(const Observation& o, const std::string& unit);
// "14/BC-BTTTT (seed 000 line 41)": where a value comes from.
std::string observation_source(const Observation& o);
// The per-unit values behind a national value (the agencies a share counts, seed 004 footnote ⁶):
// the observations of the same indicator and period for units other than the nation, in data order.
std::vector<const Observation*> unit_values_behind(const Dataset& data, const Observation& national);
// A footnote listing them: "Các cơ quan được ghi nhận năm 2022 (14 cơ quan): Ngân hàng Nhà nước
// Việt Nam; Bộ Tài chính; …." (yes/no facts), or each unit with its value. Empty when none.
std::vector<Run> unit_values_note(const Dataset& data, const std::vector<const Observation*>& behind);

// The values of a target's items for `period`, one line per item. A period with no value at
// all is a blank cell (as the seeds leave it); "-" where the report printed "-". Each value gets a
// footnote: the units behind it when the data holds their values (that list replaces the printed
// footnote, which only lists them too), else its printed remark (printed_footnote). The cell's
// source names every value's source.
Cell values_cell(const TargetValues& values, const Period& period, Footnotes& notes, const Dataset& data);
// Where a target comes from: the programme's act and the place it is transcribed from
// ("Quyết định số 942/QĐ-TTg (seed 000 line 41 (STT 1.1; …))"); either alone when the other is empty.
std::string target_source(const Target& t, const Programme* programme);
// The target as printed ("≥ 80%"), one line per item, with target_source() as its source.
Cell target_cell(const Target& t, const Programme* programme);
// The target's wording, and its items' labels on their own lines when it has several.
Cell name_cell(const Target& t);

// The deadline year the targets share, for the "Mục tiêu 2025" header; nullopt when they differ.
std::optional<int> common_deadline_year(const std::vector<const TargetAssessment*>& targets);

// "đã thực hiện trên 50% (phương pháp ngưỡng)": the computed class of a target with the method
// that produced it, noting a fall-back to the threshold method.
std::string computed_class_words(const TargetAssessment& t, AssessmentMethod method);

// "Tiến độ" of a task as printed ("Đang thực hiện/2025"); its status and deadline when the data
// holds no printed cell.
std::string task_progress_text(const Task& t);
// A task's result with its inline " - " items on lines of their own.
std::string task_result_text(const Task& t);

// "08 hoàn thành, 64 đang thực hiện, 02 chưa triển khai": counts by status in the order of the
// status enumeration, zero counts left out.
std::string status_counts_text(const std::map<TaskStatus, int>& by_status);

}  // namespace dxmon::report
