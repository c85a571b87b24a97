#include "io/schema.h"

#include <cctype>

#include "text/text.h"

namespace dxmon::io {
namespace {

using T = ColumnType;

std::vector<KindSpec> make_kinds() {
  return {
      {Kind::Units, "units", {"đơn vị"},
       {{"code", {"mã"}, true},
        {"name", {"tên"}, true},
        {"kind", {"loại"}, true},
        {"short_names", {}, false, T::List},
        {"aliases", {}, false, T::List},
        {"parent", {}},
        {"official_code", {}},
        {"valid_from", {}},
        {"valid_to", {}},
        {"source", {}}}},
      {Kind::Successions, "successions", {"sáp nhập", "hợp nhất"},
       {{"predecessor", {}, true},
        {"successor", {}, true},
        {"date", {}, true},
        {"kind", {"loại"}},
        {"functions", {"chức năng"}},
        {"source", {}}}},
      {Kind::Indicators, "indicators", {"chỉ tiêu"},
       {{"code", {"mã"}, true},
        {"name", {"tên chỉ tiêu"}, true},
        {"unit", {"đơn vị tính"}},
        {"direction", {}},
        {"pillar", {}},
        {"kind", {}},
        {"aggregation", {}},
        {"lead_agency", {"cơ quan chủ trì"}},
        {"co_agencies", {"cơ quan phối hợp"}, false, T::List},
        {"unit_group", {}},
        {"definition", {}},
        {"definition_source", {}},
        {"source", {}}}},
      {Kind::Programmes, "programmes", {"chương trình", "kế hoạch"},
       {{"code", {}, true},
        {"name", {}, true},
        {"kind", {}},
        {"document", {}},
        {"issued", {}},
        {"lead_agency", {}},
        {"reported_with", {"báo cáo cùng"}},
        {"source", {}}}},
      {Kind::Targets, "targets", {"mục tiêu"},
       {{"programme", {}, true},
        {"code", {"mã"}, true},
        {"printed_no", {"stt"}},
        {"label", {}},
        {"heading", {}},
        {"printed_group", {}},
        {"deadline", {}},
        {"sort_order", {}, false, T::Number},
        {"indicator", {}, true},
        {"item_label", {}},
        {"target", {"mục tiêu"}, true},
        {"scope", {}},
        {"source", {}}}},
      {Kind::Observations, "observations", {"kết quả thực hiện", "kết quả"},
       {{"indicator", {"chỉ tiêu"}, true},
        {"unit", {"đơn vị"}},
        {"period", {"kỳ"}, true},
        {"value", {"giá trị", "kết quả"}, false, T::Number},
        {"value_max", {}, false, T::Number},
        {"as_printed", {}},
        {"numerator", {}, false, T::Number},
        {"denominator", {}, false, T::Number},
        {"fact", {}},
        {"flags", {}, false, T::List},
        {"document", {}, true},
        {"location", {}},
        {"provenance", {}},
        {"as_of", {}},
        {"comment", {}}}},
      {Kind::Tasks, "tasks", {"nhiệm vụ"},
       {{"code", {}, true},
        {"programme", {}, true},
        {"name", {}, true},
        {"lead_agency", {}},
        {"co_agencies", {}, false, T::List},
        {"deadline", {}},
        {"deadline_as_printed", {}},
        {"progress_as_printed", {}},
        {"result", {}},
        {"status", {}},
        {"status_date", {}},
        {"source", {}}}},
      {Kind::TaskStatuses, "task_statuses", {"lịch sử trạng thái"},
       {{"task", {}, true}, {"status", {}, true}, {"date", {}}, {"source", {}}}},
      // Tasks known only as counts: blank group = all lead units, blank status = the total.
      {Kind::TaskCounts, "task_counts", {"số nhiệm vụ"},
       {{"programme", {"chương trình"}, true},
        {"group", {"nhóm"}},
        {"status", {"trạng thái"}},
        {"count", {"số nhiệm vụ", "số lượng"}, true, T::Number},
        {"as_printed", {}},
        {"as_of", {"ngày"}},
        {"document", {"văn bản"}},
        {"source", {"nguồn"}}}},
      // who and why are required columns; a blank cell there is refused by override_faults().
      {Kind::Overrides, "overrides", {"điều chỉnh phân loại"},
       {{"programme", {"chương trình"}, true},
        {"target", {"mục tiêu", "mã mục tiêu"}, true},
        {"period", {"kỳ đánh giá", "kỳ"}, true},
        {"group", {"nhóm"}, true},
        {"fine", {"mức chi tiết"}},
        {"who", {"người quyết định"}, true},
        {"when", {"ngày quyết định"}},
        {"why", {"lý do"}, true},
        {"source", {"nguồn"}}}},
      {Kind::Regimes, "regimes", {"chế độ báo cáo"},
       {{"code", {"mã"}, true},
        {"name", {"tên"}, true},
        {"legal_basis", {"căn cứ"}},
        {"recipient", {"nơi nhận"}},
        {"unit_group", {"nhóm đơn vị"}},
        {"units", {"đơn vị báo cáo"}, false, T::List},
        {"indicators", {"chỉ tiêu"}, false, T::List},
        {"frequency", {"tần suất"}, true},
        {"cutoff", {"chốt số liệu"}},
        {"deadline", {"thời hạn"}},
        {"source", {"nguồn"}}}},
      // docs/checks.md: what the checks know of indicators (parts and totals, running totals, …).
      {Kind::Relations, "indicator_relations", {"quan hệ chỉ tiêu", "quan hệ giữa các chỉ tiêu"},
       {{"relation", {"quan hệ"}, true},
        {"indicator", {"chỉ tiêu"}, true},
        {"parts", {"các phần"}, false, T::List},
        {"group", {"nhóm đơn vị"}},
        {"source", {"nguồn"}}}},
      // The history of changed values, as `dxmon export` writes it: appended on import.
      {Kind::Revisions, "revisions", {"lịch sử sửa đổi"},
       {{"indicator", {"chỉ tiêu"}, true},
        {"unit", {"đơn vị"}},
        {"period", {"kỳ"}, true},
        {"document", {}, true},
        {"field", {"trường"}},
        {"changed_at", {"lúc sửa"}, true},
        {"changed_by", {"người sửa"}, true},
        {"old_value", {"giá trị cũ"}},
        {"new_value", {"giá trị mới"}},
        {"reason", {"lý do"}}}},
  };
}

}  // namespace

const std::vector<KindSpec>& kinds() {
  static const std::vector<KindSpec> all = make_kinds();
  return all;
}

const KindSpec& spec_of(Kind k) {
  for (const auto& s : kinds())
    if (s.kind == k) return s;
  return kinds().front();
}

std::string_view kind_name(Kind k) { return spec_of(k).name; }

std::optional<Kind> kind_from_name(std::string_view name) {
  std::string folded = text::fold(name);
  std::optional<Kind> best;
  std::size_t best_len = 0;
  auto consider = [&](Kind k, std::string_view candidate) {
    std::string key = text::fold(candidate);
    if (key.empty() || !folded.starts_with(key)) return;
    // "tasks" must not match "task_statuses": the name must end or continue with a separator/digit.
    if (folded.size() > key.size()) {
      char next = folded[key.size()];
      if (std::isalpha(static_cast<unsigned char>(next))) return;
    }
    if (key.size() > best_len) {
      best = k;
      best_len = key.size();
    }
  };
  for (const auto& s : kinds()) {
    consider(s.kind, s.name);
    for (auto a : s.aliases) consider(s.kind, a);
  }
  return best;
}

const ColumnSpec* column_for_header(const KindSpec& spec, std::string_view header) {
  std::string key = text::fold(header);
  if (key.empty()) return nullptr;
  for (const auto& c : spec.columns) {
    if (text::fold(c.name) == key) return &c;
    for (auto a : c.aliases)
      if (text::fold(a) == key) return &c;
  }
  return nullptr;
}

}  // namespace dxmon::io
