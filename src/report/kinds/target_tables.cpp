#include "report/kinds/target_tables.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

#include "assess/classify.h"
#include "assess/override.h"
#include "report/kinds/programme_front.h"
#include "text/number.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::report {

namespace {

std::string lower_vi(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toLower(icu::Locale("vi"))
      .toUTF8String(out);
  return out;
}

// Footnote marks as the transcriptions keep them after a value ("56% ¹"): ¹ ² ³ (U+00B9, U+00B2,
// U+00B3) and ⁰ ⁴…⁹ (U+2070, U+2074…U+2079).
bool strip_trailing_mark(std::string& s) {
  auto ends = [&](std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
  };
  for (std::string_view m : {"\u00B9", "\u00B2", "\u00B3"}) {
    if (ends(m)) {
      s.resize(s.size() - m.size());
      return true;
    }
  }
  if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2 &&
      static_cast<unsigned char>(s[s.size() - 2]) == 0x81) {
    const auto last = static_cast<unsigned char>(s.back());
    if (last == 0xB0 || (last >= 0xB4 && last <= 0xB9)) {
      s.resize(s.size() - 3);
      return true;
    }
  }
  return false;
}

std::string without_marks(std::string s) {
  for (;;) {
    s = text::squish(s);
    if (!strip_trailing_mark(s)) return s;
  }
}

std::string unit_of(const TargetItemValues& iv) { return iv.indicator ? iv.indicator->unit : std::string(); }

}  // namespace

AssessmentOptions report_assessment_options(const ReportRequest& rq) {
  AssessmentOptions o;
  o.method = rq.method;
  o.fall_back_to_threshold = true;
  o.use_stale_values = false;
  return o;
}

const TargetValues& AssessedProgramme::values_of(const TargetAssessment& t) const {
  for (const TargetValues& tv : values->targets)
    if (tv.target == t.target) return tv;
  throw std::logic_error("target without values: " + t.target->code);
}

AssessedProgramme assess_for_report(const ReportInputs& in, const ReportRequest& rq, const Programme& programme) {
  AssessedProgramme out;
  out.all_values = programme_values(in.data);
  for (const ProgrammeValues& pv : out.all_values)
    if (pv.programme && pv.programme->code == programme.code) out.values = &pv;
  if (!out.values || out.values->targets.empty())
    throw std::invalid_argument("Chương trình \"" + programme.code + "\" chưa có mục tiêu nào trong dữ liệu: hãy nhập " +
                                "các mục tiêu (targets.csv) trước khi lập báo cáo.");
  const bool any_value = std::any_of(out.values->periods.begin(), out.values->periods.end(),
                                     [&](const Period& p) { return p.last_day() <= rq.period.last_day(); });
  if (!any_value)
    throw std::invalid_argument("Chương trình \"" + programme.code + "\" chưa có số liệu nào đến " +
                                period_phrase(rq.period) + ": hãy nhập kết quả thực hiện trước khi lập báo cáo.");
  out.assessment = assess_programme(*out.values, rq.period, report_assessment_options(rq));
  std::vector<Override> mine;
  for (const Override& o : in.data.overrides)
    if (o.programme == programme.code) mine.push_back(o);
  out.overrides = apply_overrides(out.assessment, mine);
  for (const Override& o : mine)
    if (o.period != rq.period &&
        std::find(out.other_override_periods.begin(), out.other_override_periods.end(), o.period) ==
            out.other_override_periods.end())
      out.other_override_periods.push_back(o.period);
  std::sort(out.other_override_periods.begin(), out.other_override_periods.end());
  out.overrides_applied = rq.apply_overrides;
  return out;
}

int Footnotes::add(const std::string& text, const std::string& source) {
  Run r = plain(text);
  r.source = source;
  return add(std::vector<Run>{r});
}

int Footnotes::add(std::vector<Run> runs) {
  std::string key;
  for (const Run& r : runs) key += r.text;
  if (auto it = numbers_.find(key); it != numbers_.end()) return it->second;
  const int n = doc_.add_footnote(std::move(runs));
  numbers_.emplace(key, n);
  return n;
}

const Observation* value_in(const TargetItemValues& item, const Period& period) {
  auto it = item.by_period.find(period);
  return it == item.by_period.end() ? nullptr : it->second;
}

std::string value_text(const Observation& o, const std::string& unit) {
  if (!o.as_printed.empty()) return without_marks(o.as_printed);
  if (o.flags.no_data || !o.value) return "-";
  std::string v = format_quantity(*o.value, unit);
  if (o.value_max) v = format_quantity(*o.value, "") + "-" + format_quantity(*o.value_max, unit);
  return v;
}

std::string observation_source(const Observation& o) {
  const std::string& doc = o.provenance.document;
  const std::string& loc = o.provenance.location;
  if (doc.empty()) return loc;
  return loc.empty() ? doc : doc + " (" + loc + ")";
}

std::vector<const Observation*> unit_values_behind(const Dataset& data, const Observation& national) {
  std::vector<const Observation*> out;
  for (const Observation& o : data.observations)
    if (o.indicator == national.indicator && o.period == national.period && !o.unit.empty() &&
        o.unit != kNationalUnit && (o.fact || o.value))
      out.push_back(&o);
  return out;
}

std::vector<Run> unit_values_note(const Dataset& data, const std::vector<const Observation*>& behind) {
  if (behind.empty()) return {};
  std::vector<std::string> yes, no, valued, sources;
  for (const Observation* o : behind) {
    // Provinces by their short form, as the seeds list them ("Lạng Sơn"); other bodies by name.
    const std::string name = is_province(data, o->unit) ? unit_short_name(data, o->unit) : unit_name(data, o->unit);
    if (o->fact) (*o->fact ? yes : no).push_back(name);
    else valued.push_back(name + ": " + value_text(*o, ""));
    const std::string src = observation_source(*o);
    if (std::find(sources.begin(), sources.end(), src) == sources.end()) sources.push_back(src);
  }
  const std::string when = text::period_label(behind.front()->period);
  std::vector<std::string> parts;
  if (!yes.empty())
    parts.push_back("Các cơ quan được ghi nhận " + when + " (" + text::format_count2(static_cast<long>(yes.size())) +
                    " cơ quan): " + text::join(yes, "; "));
  if (!no.empty())
    parts.push_back("Các cơ quan chưa đạt (" + text::format_count2(static_cast<long>(no.size())) + " cơ quan): " +
                    text::join(no, "; "));
  if (!valued.empty()) parts.push_back("Số liệu từng cơ quan " + when + ": " + text::join(valued, "; "));
  Run r = plain(text::join(parts, ". ") + ".");
  r.source = text::join(sources, "; ");
  return {r};
}

Cell values_cell(const TargetValues& values, const Period& period, Footnotes& notes, const Dataset& data) {
  Cell cell;
  cell.runs.clear();
  std::vector<std::string> sources;
  bool first = true;
  for (const TargetItemValues& iv : values.items) {
    if (!first) cell.runs.push_back(plain("\n"));
    first = false;
    const Observation* o = value_in(iv, period);
    if (!o) continue;
    cell.runs.push_back(plain(value_text(*o, unit_of(iv))));
    if (std::vector<Run> behind = unit_values_note(data, unit_values_behind(data, *o)); !behind.empty())
      cell.runs.push_back(footnote_mark(notes.add(std::move(behind))));
    else if (const std::string note = printed_footnote(*o); !note.empty())
      cell.runs.push_back(footnote_mark(notes.add(note, observation_source(*o))));
    const std::string src = observation_source(*o);
    if (!src.empty() && std::find(sources.begin(), sources.end(), src) == sources.end()) sources.push_back(src);
  }
  cell.source = text::join(sources, "; ");
  // A cell of line breaks only is a blank cell.
  if (std::all_of(cell.runs.begin(), cell.runs.end(), [](const Run& r) { return r.text == "\n"; })) cell.runs.clear();
  return cell;
}

std::string target_source(const Target& t, const Programme* programme) {
  const std::string act = programme ? programme->document : std::string();
  if (act.empty()) return t.source;
  return t.source.empty() ? act : act + " (" + t.source + ")";
}

Cell target_cell(const Target& t, const Programme* programme) {
  std::vector<std::string> lines;
  for (const TargetItem& item : t.items) lines.push_back(item.as_printed);
  Cell cell{text::join(lines, "\n")};
  cell.source = target_source(t, programme);
  return cell;
}

Cell name_cell(const Target& t) {
  std::string name = t.label;
  if (t.items.size() > 1)
    for (const TargetItem& item : t.items)
      if (!item.label.empty()) name += "\n- " + item.label;
  return Cell{name};
}

std::optional<int> common_deadline_year(const std::vector<const TargetAssessment*>& targets) {
  std::optional<int> year;
  for (const TargetAssessment* t : targets) {
    if (!t->target->deadline) return std::nullopt;
    if (year && *year != t->target->deadline->year) return std::nullopt;
    year = t->target->deadline->year;
  }
  return year;
}

std::string computed_class_words(const TargetAssessment& t, AssessmentMethod method) {
  const bool fell_back = std::any_of(t.items.begin(), t.items.end(), [](const ItemAssessment& i) { return i.fell_back; });
  std::string words(progress_class_label_vi(t.computed));
  if (t.computed == ProgressClass::NoData) return words;
  const AssessmentMethod used = fell_back ? AssessmentMethod::Threshold : method;
  words += " (phương pháp " + std::string(assessment_method_short_vi(used));
  if (fell_back && method != AssessmentMethod::Threshold)
    words += ", thay cho phương pháp " + std::string(assessment_method_short_vi(method));
  return words + ")";
}

std::string task_progress_text(const Task& t) {
  if (!t.progress_as_printed.empty()) return t.progress_as_printed;
  std::string s = t.current_status() ? std::string(task_status_label_vi(*t.current_status())) : "";
  if (!t.deadline_as_printed.empty()) s += (s.empty() ? "" : "/") + t.deadline_as_printed;
  return s;
}

std::string task_result_text(const Task& t) {
  std::string r = text::squish(t.result);
  // The transcriptions run a cell's dash items together: "… ký số. - Triển khai …".
  for (std::string_view sep : {". - ", "; - "}) {
    for (auto at = r.find(sep); at != std::string::npos; at = r.find(sep, at + 3)) r.replace(at + 1, 1, "\n");
  }
  return r;
}

std::string status_counts_text(const std::map<TaskStatus, int>& by_status) {
  std::vector<std::string> parts;
  for (TaskStatus s : {TaskStatus::Completed, TaskStatus::InProgress, TaskStatus::NotStarted, TaskStatus::Overdue,
                       TaskStatus::Stopped}) {
    auto it = by_status.find(s);
    if (it == by_status.end() || it->second == 0) continue;
    parts.push_back(text::format_count2(it->second) + " " + lower_vi(task_status_label_vi(s)));
  }
  return text::join(parts, ", ");
}

}  // namespace dxmon::report
