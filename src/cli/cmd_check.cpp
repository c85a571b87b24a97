// `dxmon check`: runs every data check (docs/checks.md) over the store and lists the findings.
#include <iostream>
#include <set>

#include "check/run_checks.h"
#include "cli/command.h"
#include "cli/findings_print.h"

namespace dxmon::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> rules;
  std::string fail_on = "never";
  std::string format = "text";
};

int severity_rank(check::Severity s) { return s == check::Severity::Error ? 2 : s == check::Severity::Warning ? 1 : 0; }

}  // namespace

void add_check_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "Kiểm tra số liệu trong kho (run the data checks; see docs/checks.md)");
  cmd->add_option("--rule", args->rules, "Run only these rules (repeatable)")
      ->check(CLI::IsMember(check::rule_ids()));
  cmd->add_option("--fail-on", args->fail_on,
                  "Exit with 65 when a finding is at least this serious: error | warning | never (default)")
      ->check(CLI::IsMember({"error", "warning", "never"}));
  cmd->add_option("--format", args->format, "text (default) | json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([args, &global] {
    auto store = global.open();
    auto findings = run_store_checks(store->load_all());
    if (!args->rules.empty()) {
      std::set<std::string> wanted(args->rules.begin(), args->rules.end());
      std::erase_if(findings, [&](const check::Finding& f) { return !wanted.count(f.rule); });
    }
    if (args->format == "json") {
      print_findings_json(findings, std::cout);
    } else {
      for (const auto& f : findings) print_finding(f, std::cout);
      print_finding_counts(findings, std::cout);
    }
    if (args->fail_on == "never") return;
    const int threshold = args->fail_on == "error" ? 2 : 1;
    for (const auto& f : findings)
      if (severity_rank(f.severity) >= threshold)
        throw CommandFailure(kExitDataError, "kiểm tra số liệu có phát hiện ở mức " + args->fail_on +
                                                 " trở lên (--fail-on " + args->fail_on + ")");
  });
}

}  // namespace dxmon::cli
