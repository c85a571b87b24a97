// `dxmon submission`: the reports units send under a reporting regime (docs/reporting-rates.md).
// `record` adds one step of a unit's report (sent, accepted, returned, draft); `list` prints the
// steps of a regime and period. The reporting-rate report (`dxmon report rates`) reads them.
#include <algorithm>
#include <iostream>

#include "cli/command.h"
#include "assess/reporting_rate.h"
#include "cli/console_table.h"
#include "core/unit_directory.h"
#include "text/text.h"
#include "text/vdate.h"

namespace dxmon::cli {
namespace {

struct SubmissionArgs {
  std::string regime, unit, period, at, status = "submitted", reason, who;
};

ReportingRegime find_regime(Store& store, const std::string& code) {
  auto regimes = store.regimes();
  auto it = std::find_if(regimes.begin(), regimes.end(), [&](const auto& r) { return r.code == code; });
  if (it != regimes.end()) return *it;
  std::string known;
  for (const auto& r : regimes) known += "\n  " + r.code + ": " + r.name;
  throw CommandFailure(kExitNoInput, "không có chế độ báo cáo \"" + code + "\"; các chế độ đã có:" + known);
}

Period parse_period_arg(const std::string& s) {
  auto p = Period::parse_id(s);
  if (!p) p = text::parse_period(s);
  if (!p)
    throw CommandFailure(kExitUsage, "không hiểu kỳ báo cáo \"" + s + "\" — hãy viết như 2025-03, 2025-Q1 hoặc \"tháng 3/2025\"");
  return *p;
}

void record(Store& store, const SubmissionArgs& a) {
  const ReportingRegime regime = find_regime(store, a.regime);
  Submission s;
  s.regime = regime.code;
  s.period = parse_period_arg(a.period);
  if (s.period.type != regime.frequency)
    throw CommandFailure(kExitUsage, "chế độ \"" + regime.code + "\" là " +
                                         std::string(frequency_label_vi(regime.frequency)) + ", không nhận kỳ \"" +
                                         a.period + "\"");
  auto at = DateTime::parse_iso(a.at);
  if (!at) {
    if (auto d = text::parse_date(a.at)) at = DateTime{*d};
  }
  if (!at)
    throw CommandFailure(kExitUsage, "--at \"" + a.at + "\" không phải là thời điểm — hãy ghi như 2025-03-10T09:00 hoặc 10/03/2025");
  s.received_at = *at;
  // The unit is named as it was on the period's last day, and must be one the regime expects a
  // report from then (a province merged before the period reports under its successor's name).
  UnitDirectory dir(store.units(), store.successions());
  const Date named_on = s.period.last_day();
  auto unit = dir.resolve(a.unit, named_on);
  if (!unit) throw CommandFailure(kExitNoInput, dir.explain_failure(a.unit, named_on));
  s.unit = *unit;
  const auto expected = expected_units(regime, s.period, dir);
  if (std::none_of(expected.begin(), expected.end(), [&](const auto* u) { return u->code == s.unit; })) {
    std::string hint = text::join(dir.successors_in_force(s.unit, named_on), ", ");
    if (hint.empty())
      for (const auto& name : dir.suggestions(a.unit, named_on)) hint += (hint.empty() ? "" : ", ") + name;
    throw CommandFailure(kExitDataError, "đơn vị \"" + dir.find(s.unit)->name + "\" không phải gửi " + regime.name +
                                             " " + text::period_label(s.period) +
                                             (hint.empty() ? "" : " — có phải là: " + hint + "?"));
  }
  auto status = parse_submission_status(a.status);
  if (!status) throw CommandFailure(kExitUsage, "--status phải là draft, submitted, accepted hoặc returned");
  s.status = *status;
  s.reason = a.reason;
  s.who = a.who;
  // Checked here as well as in the store, so that a refused step is a data error (65) and not a
  // store failure.
  std::vector<Submission> history;
  for (const auto& h : store.submissions(s.regime, s.period))
    if (h.unit == s.unit) history.push_back(h);
  if (std::find(history.begin(), history.end(), s) == history.end())
    if (auto why = submission_step_error(history, s)) throw CommandFailure(kExitDataError, *why);
  store.record_submission(s);
  std::cout << "Đã ghi nhận: " << dir.find(s.unit)->name << ", " << text::period_label(s.period) << ", "
            << submission_status_label_vi(s.status) << " lúc " << s.received_at.iso() << "\n";
}

void list(Store& store, const SubmissionArgs& a) {
  const ReportingRegime regime = find_regime(store, a.regime);
  const Period period = parse_period_arg(a.period);
  UnitDirectory dir(store.units());
  ConsoleTable t({"Đơn vị", "Bước", "Lúc", "Người thực hiện", "Lý do, ghi chú"}, {34, 0, 0, 20, 40});
  auto steps = store.submissions(regime.code, period);
  for (const auto& s : steps) {
    const auto* u = dir.find(s.unit);
    t.add_row({u ? u->name : s.unit, std::string(submission_status_label_vi(s.status)), s.received_at.iso(), s.who,
               s.reason});
  }
  t.print(std::cout);
  std::cout << "\n" << steps.size() << " bước của " << regime.name << ", " << text::period_label(period) << "\n";
}

}  // namespace

void add_submission_command(CLI::App& app, GlobalOptions& global) {
  auto a = std::make_shared<SubmissionArgs>();
  auto* cmd = app.add_subcommand("submission", "Ghi nhận báo cáo của đơn vị theo chế độ báo cáo (record the reports units send)");
  cmd->require_subcommand(1);
  auto* rec = cmd->add_subcommand("record", "Ghi một bước: gửi, tiếp nhận, trả lại hoặc lưu nháp");
  rec->add_option("--regime", a->regime, "Regime code (dxmon show regimes)")->required();
  rec->add_option("--unit", a->unit, "Unit code or name, e.g. \"TP. Hà Nội\"")->required();
  rec->add_option("--period", a->period, "Period reported on: 2025-03, 2025-Q1, \"tháng 3/2025\"")->required();
  rec->add_option("--at", a->at, "When the step happened, Vietnam time: 2025-03-10T09:00 or 10/03/2025")->required();
  rec->add_option("--status", a->status, "draft | submitted (default) | accepted | returned")
      ->check(CLI::IsMember({"draft", "submitted", "accepted", "returned"}));
  rec->add_option("--reason", a->reason, "Why the report is returned (required with returned)");
  rec->add_option("--who", a->who, "The person who took the step");
  rec->callback([a, &global] { record(*global.open(), *a); });
  auto* ls = cmd->add_subcommand("list", "Liệt kê các bước đã ghi nhận của một kỳ");
  ls->add_option("--regime", a->regime, "Regime code")->required();
  ls->add_option("--period", a->period, "Period")->required();
  ls->callback([a, &global] { list(*global.open(), *a); });
}

}  // namespace dxmon::cli
