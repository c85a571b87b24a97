// `dxmon show targets`: each programme's targets as the reports print them — in the printed order,
// under the group the report printed them in and the pillar headings of its table ("1 | Cung cấp
// dịch vụ chất lượng phục vụ xã hội"), with the agencies leading each (all of them: seed 004 line 31
// prints two), the value of each period of the programme and the target, and under the table the
// footnotes the report printed to the values.
//
// Periods: a column for every period with a national value that ends on or after the day the
// programme was issued. A value from before (seed 004's footnote ⁴ gives 42% for 2021, a year
// before the 2022 plan) is a baseline, not a result of the programme: the reports print it in the
// footnote that gives it, not in a column, and so does this view.
#include <algorithm>
#include <iostream>
#include <set>

#include "assess/target_values.h"
#include "cli/console_table.h"
#include "cli/show_support.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::cli {
namespace {

// The agencies an indicator names as leading it: the lead, then those it shares the lead with.
std::string lead_agencies(const UnitDirectory& dir, const Indicator* indicator) {
  if (!indicator) return "";
  std::vector<std::string> codes;
  if (!indicator->lead_agency.empty()) codes.push_back(indicator->lead_agency);
  codes.insert(codes.end(), indicator->co_agencies.begin(), indicator->co_agencies.end());
  return unit_names(dir, codes, ", ");
}

// The pillar number the report prints on a heading row: "1" for targets numbered "1.1", "1.2".
std::string heading_number(const Target& t) {
  const auto dot = t.printed_no.find('.');
  return dot == std::string::npos ? "" : t.printed_no.substr(0, dot);
}

// The mark a transcribed footnote carries: the words after "Chú thích" and before the colon
// ("Chú thích ¹: …" → "¹"); "-" when there are none.
std::string footnote_mark(const Observation& o) {
  const std::string c = text::squish(o.comment);
  const auto colon = c.find(':');
  std::vector<std::string> words = text::split_list(c.substr(0, colon == std::string::npos ? 0 : colon), ' ');
  if (words.size() <= 2) return "-";
  words.erase(words.begin(), words.begin() + 2);
  return text::join(words, " ");
}

void show_programme(const ProgrammeValues& pv, const UnitDirectory& dir) {
  std::cout << "\n" << pv.programme->name;
  if (!pv.programme->document.empty()) std::cout << " (" << pv.programme->document << ")";
  std::cout << " — " << pv.targets.size() << " mục tiêu\n\n";

  std::vector<Period> periods;
  for (const Period& p : pv.periods)
    if (!pv.programme->issued || p.last_day() >= *pv.programme->issued) periods.push_back(p);

  // Columns as the reports print them: the lead agencies only when the programme names some, and
  // the deadline in the header when every target shares it ("Mục tiêu năm 2025").
  bool has_lead = false;
  std::set<std::optional<Period>> deadlines;
  for (const auto& tv : pv.targets) {
    deadlines.insert(tv.target->deadline);
    for (const auto& iv : tv.items) has_lead |= iv.indicator && !iv.indicator->lead_agency.empty();
  }
  const bool one_deadline = deadlines.size() == 1 && *deadlines.begin();
  std::vector<std::string> headers{"STT", "Chỉ tiêu"};
  std::vector<std::size_t> widths{0, 56};
  if (has_lead) {
    headers.push_back("Cơ quan chủ trì");
    widths.push_back(24);
  }
  for (const auto& p : periods) {
    headers.push_back("Kết quả " + text::period_label(p));
    widths.push_back(14);
  }
  headers.push_back(one_deadline ? "Mục tiêu " + text::period_label(**deadlines.begin()) : "Mục tiêu");
  widths.push_back(16);

  ConsoleTable table(headers, widths);
  std::vector<std::pair<std::string, std::string>> footnotes;  // mark, text: in the order the values show them
  std::string group = "\x01", heading = "\x01";                 // a printed group and heading no target has
  for (const auto& tv : pv.targets) {
    const Target& t = *tv.target;
    if (t.printed_group != group) {
      group = t.printed_group;
      heading = "\x01";  // each group's table prints its headings again (seed 000 lines 39, 57)
      if (!group.empty()) table.add_section("[" + group + "]");
    }
    // Two pillars may have one wording (seed 000 lines 42 and 44: "2" and "3 Vận hành tối ưu …").
    if (t.heading + "|" + heading_number(t) != heading) {
      heading = t.heading + "|" + heading_number(t);
      if (!t.heading.empty()) {
        std::vector<std::string> row{heading_number(t), t.heading};
        row.resize(headers.size());
        table.add_row(row);
      }
    }
    const bool several = tv.items.size() > 1;
    if (several) {
      std::vector<std::string> head{t.printed_no, t.label};
      head.resize(headers.size());
      table.add_row(head);
    }
    for (const auto& iv : tv.items) {
      std::vector<std::string> row{several ? "" : t.printed_no, several ? "  - " + iv.item->label : t.label};
      if (has_lead) row.push_back(lead_agencies(dir, iv.indicator));
      for (const auto& p : periods) {
        auto it = iv.by_period.find(p);
        const Observation* o = it == iv.by_period.end() ? nullptr : it->second;
        row.push_back(value_cell(o));
      }
      // Footnotes of every value of the item, the periods without a column included: the note
      // that gives a baseline (the 42% of 2021) is where the report printed it.
      for (const auto& [period, o] : iv.by_period) {
        if (!o) continue;
        const std::string note = printed_footnote(*o);
        if (note.empty()) continue;
        const std::string mark = footnote_mark(*o);
        // One footnote per mark: values of two periods may quote it (2021's 42% quotes part of ⁴).
        auto same = std::find_if(footnotes.begin(), footnotes.end(), [&](const auto& f) {
          return mark == "-" ? f.second == note : f.first == mark;
        });
        if (same == footnotes.end()) footnotes.emplace_back(mark, note);
        else if (note.size() > same->second.size()) same->second = note;
      }
      std::string target = iv.item->as_printed;
      if (!one_deadline && t.deadline) target += " (" + text::period_label(*t.deadline) + ")";
      row.push_back(target);
      table.add_row(row);
    }
  }
  table.print(std::cout);
  if (!footnotes.empty()) {
    std::cout << "\nChú thích:\n";
    for (const auto& [mark, note] : footnotes) std::cout << "  " << mark << " " << note << "\n";
  }
}

}  // namespace

void show_targets(Store& store, const ShowOptions& opt) {
  Dataset data = store.load_all();
  UnitDirectory dir(data.units);
  bool any = false;
  for (const auto& pv : programme_values(data)) {
    if (!opt.programme.empty() && pv.programme->code != opt.programme) continue;
    if (pv.targets.empty()) continue;
    any = true;
    show_programme(pv, dir);
  }
  if (any) return;
  if (opt.programme.empty()) std::cout << "Chưa có mục tiêu nào trong kho dữ liệu. Hãy chạy: dxmon init --builtin\n";
  else std::cout << "Chương trình \"" << opt.programme << "\" chưa có mục tiêu nào trong kho dữ liệu.\n";
}

}  // namespace dxmon::cli
