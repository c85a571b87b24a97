// indicator_relations rows → IndicatorRelation entities: what the checks know about indicators
// (docs/checks.md). The row is read by core's relation_from_cells(), its indicators must exist.
#include "core/indicator_relation.h"
#include "io/mapping_context.h"

namespace dxmon::io {

void Mapping::relations(const BoundTable& t) {
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    RelationFault fault;
    auto relation = relation_from_cells(r.text("relation"), r.text("indicator"), r.text("parts"), r.text("group"),
                                        r.text("source"), fault);
    if (!relation) {
      r.problem(fault.field, fault.what, fault.fix);
      continue;
    }
    bool known = require_indicator(r, "indicator", relation->indicator);
    for (const auto& part : relation->parts) known = require_indicator(r, "parts", part) && known;
    if (known && first_time(seen_relations_, relation_key(*relation), r, "indicator",
                            "quan hệ " + std::string(relation_kind_id(relation->kind)) + " của chỉ tiêu \"" +
                                relation->indicator + "\""))
      out_.relations.push_back(std::move(*relation));
  }
}

}  // namespace dxmon::io
