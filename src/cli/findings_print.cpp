#include "cli/findings_print.h"

#include <iostream>

#include <map>
#include <nlohmann/json.hpp>

#include "check/import_scope.h"
#include "check/run_checks.h"
#include "cli/command.h"
#include "text/number.h"

namespace dxmon::cli {

void print_finding(const check::Finding& f, std::ostream& out) {
  out << check::severity_label_vi(f.severity) << " [" << f.rule << "] " << f.message << "\n";
  for (const auto& v : f.values) {
    out << "    - " << v.role << ": "
        << (!v.as_printed.empty() ? v.as_printed : v.value ? text::format_number(*v.value) : std::string("-"));
    if (!v.document.empty()) out << " — " << v.document;
    if (!v.location.empty()) out << ", " << v.location;
    out << "\n";
  }
}

void print_finding_counts(const std::vector<check::Finding>& findings, std::ostream& out) {
  if (findings.empty()) {
    out << "Kiểm tra số liệu: không phát hiện vấn đề nào.\n";
    return;
  }
  std::map<check::Severity, int> counts;
  for (const auto& f : findings) ++counts[f.severity];
  out << "Kiểm tra số liệu:";
  const char* sep = " ";
  for (auto s : {check::Severity::Error, check::Severity::Warning, check::Severity::Info}) {
    if (!counts[s]) continue;
    std::string label(check::severity_label_vi(s));
    label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    out << sep << counts[s] << " " << label;
    sep = ", ";
  }
  out << ".\n";
}

void print_findings_json(const std::vector<check::Finding>& findings, std::ostream& out) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& f : findings) {
    nlohmann::ordered_json j;
    j["rule"] = f.rule;
    j["severity"] = check::severity_id(f.severity);
    j["message"] = f.message;
    j["indicators"] = f.indicators;
    j["unit"] = f.unit;
    j["period"] = f.period ? f.period->id() : "";
    j["target"] = f.target;
    j["task"] = f.task;
    auto& values = j["values"] = nlohmann::ordered_json::array();
    for (const auto& v : f.values) {
      nlohmann::ordered_json jv;
      jv["role"] = v.role;
      jv["indicator"] = v.indicator;
      jv["unit"] = v.unit;
      jv["period"] = v.period ? v.period->id() : "";
      jv["value"] = v.value ? nlohmann::ordered_json(*v.value) : nlohmann::ordered_json(nullptr);
      jv["as_printed"] = v.as_printed;
      jv["document"] = v.document;
      jv["location"] = v.location;
      values.push_back(std::move(jv));
    }
    array.push_back(std::move(j));
  }
  out << array.dump(2) << "\n";
}

std::vector<check::Finding> run_store_checks(const Dataset& data) {
  if (data.relations.empty() && !data.observations.empty())
    std::cerr << "Lưu ý: kho dữ liệu chưa có quan hệ giữa các chỉ tiêu nên chưa kiểm tra được tổng các phần, số "
                 "liệu trùng, số lũy kế và mẫu số theo nhóm đơn vị — hãy nhập tệp quan hệ: dxmon import "
                 "data/indicator_relations.csv (hoặc chạy lại dxmon init --builtin).\n";
  check::CheckOptions options;
  options.relations = data.relations;
  return check::run_checks(data, options);
}

void report_measured_checks(const std::vector<Indicator>& indicators, std::vector<Observation> written,
                            std::ostream& out) {
  Dataset data;
  data.indicators = indicators;
  data.observations = std::move(written);
  check::CheckOptions options;
  options.rules = {"share_bounds", "share_consistency"};
  const auto findings = check::run_checks(data, options);
  print_finding_counts(findings, out);
  for (const auto& f : findings) print_finding(f, out);
}

void report_import_checks(Store& store, const Dataset& incoming, bool dry_run, std::ostream& out) {
  Dataset after = dry_run ? check::overlay(store.load_all(), incoming) : store.load_all();
  auto all = run_store_checks(after);
  auto own = check::findings_involving(all, incoming);
  print_finding_counts(own, out);
  for (const auto& f : own) print_finding(f, out);
  if (all.size() > own.size())
    out << "Ngoài ra còn " << all.size() - own.size()
        << " phát hiện về dữ liệu đã có trong kho (xem: dxmon check).\n";
}

}  // namespace dxmon::cli
