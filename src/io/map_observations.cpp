// observations rows → Observation entities.
//
// Two forms of table are read. A table written by a person has the value as printed ("58,41%",
// "7,2-7,8%", "-"): the number is parsed the Vietnamese way, as_printed defaults to the cell, and
// a blank or "-" value with no numerator, denominator or fact means no data. A table written by
// `dxmon export` has the value_max column (formats.md: export only), and then every number column
// is canonical ("58.41", decimal point) and as_printed and flags are taken as written, so that a
// round trip gives back exactly what was exported.
#include "io/enum_choices.h"
#include "io/mapping_context.h"
#include "text/number.h"
#include "text/text.h"

namespace dxmon::io {

const Observation* Mapping::stored_observation(const std::string& indicator, const std::string& key) const {
  auto [it, fresh] = stored_observations_.try_emplace(indicator);
  if (fresh && stored_.observations_of)
    for (auto& o : stored_.observations_of(indicator)) {
      std::string k = o.key();
      it->second.emplace(std::move(k), std::move(o));
    }
  auto found = it->second.find(key);
  return found == it->second.end() ? nullptr : &found->second;
}

// A file may leave out the optional columns that qualify a value: a correction of the value alone
// is indicator, unit, period, document and value. The columns it leaves out keep what the store
// holds; a column present with a blank cell clears the field (provenance: back to "import").
// Flags: estimate, forecast and preliminary are kept; no_data follows the value cell of the row.
void Mapping::keep_stored_fields(const BoundTable& t, Observation& o) const {
  if (t.has("as_of") && t.has("location") && t.has("provenance") && t.has("comment") && t.has("flags")) return;
  const Observation* s = stored_observation(o.indicator, o.key());
  if (!s) return;
  if (!t.has("as_of")) o.as_of = s->as_of;
  if (!t.has("location")) o.provenance.location = s->provenance.location;
  if (!t.has("provenance")) o.provenance.kind = s->provenance.kind;
  if (!t.has("comment")) o.comment = s->comment;
  if (!t.has("flags")) {
    const bool no_data = o.flags.no_data;
    o.flags = s->flags;
    o.flags.no_data = no_data;
  }
}

void Mapping::observations(const BoundTable& t) {
  const bool canonical = t.has("value_max");
  for (const auto& row : t.table->rows) {
    RowReader r(t, row, problems_);
    Observation o;
    o.indicator = r.required("indicator");
    const Indicator* ind = require_indicator(r, "indicator", o.indicator) ? indicator(o.indicator) : nullptr;
    r.required("period");
    auto period = r.period("period");
    o.provenance.document = r.required("document");
    check_code(r, "document", o.provenance.document);

    std::string unit_cell = r.text("unit");
    std::optional<std::string> unit_code;
    if (unit_cell.empty()) {
      unit_code = std::string(kNationalUnit);
    } else if (period) {
      // A value is recorded for the unit as it was at the end of the period.
      unit_code = unit(r, "unit", unit_cell, period->last_day(), true);
    } else {
      unit_code = unit(r, "unit", unit_cell, today_, false);
    }

    std::string value_cell = r.text("value");
    bool no_data_cell = false;
    if (auto v = r.number("value", canonical)) {
      if (v->no_data) {
        no_data_cell = true;
      } else {
        o.value = v->value;
        o.value_max = v->value_max;
      }
    }
    if (canonical)
      if (auto vm = r.number("value_max", true); vm && !vm->no_data) o.value_max = vm->value;
    if (auto n = r.number("numerator", canonical); n && !n->no_data) o.numerator = n->value;
    if (auto d = r.number("denominator", canonical); d && !d->no_data) o.denominator = d->value;
    o.fact = r.yes_no("fact");

    for (const auto& word : r.list("flags")) {
      if (auto flag = flag_named(word)) {
        o.flags.*flag = true;
      } else {
        r.problem("flags", "\"" + word + "\" không phải là cờ số liệu",
                  "hãy dùng estimate, forecast, preliminary, no_data (ước tính, dự báo, sơ bộ, không có số liệu), cách nhau bằng dấu ;");
      }
    }
    o.as_printed = r.text("as_printed");
    if (!canonical) {
      if (o.as_printed.empty()) o.as_printed = value_cell;
      bool nothing = !o.value && !o.numerator && !o.denominator && !o.fact;
      if (nothing && (value_cell.empty() || no_data_cell)) o.flags.no_data = true;
    }
    o.provenance.location = r.text("location");
    if (auto p = r.choice("provenance", provenance_choices(), "nguồn gốc số liệu")) o.provenance.kind = *p;
    o.as_of = r.date("as_of");
    o.comment = r.text("comment");

    // Checks of the numbers themselves.
    if (o.numerator && o.denominator && *o.numerator > *o.denominator)
      r.problem("numerator",
                "tử số " + text::format_number(*o.numerator) + " lớn hơn mẫu số " + text::format_number(*o.denominator),
                "hãy kiểm tra lại: tử số là số đạt, mẫu số là tổng số (tử số không thể lớn hơn mẫu số)");
    if (o.denominator && *o.denominator < 0)
      r.problem("denominator", "mẫu số âm", "hãy ghi tổng số (số không âm)");
    if (ind && ind->unit == "%") {
      for (auto [v, column] : {std::pair{o.value, "value"}, std::pair{o.value_max, canonical ? "value_max" : "value"}}) {
        if (v && (*v < 0 || *v > 100)) {
          r.problem(column,
                    "tỷ lệ " + text::format_percent(*v) + " nằm ngoài khoảng 0–100% (chỉ tiêu \"" + o.indicator +
                        "\" tính bằng %)",
                    "hãy kiểm tra lại số liệu: tỷ lệ phải từ 0% đến 100%");
          break;
        }
      }
    }

    if (o.indicator.empty() || !ind || !period || !unit_code || o.provenance.document.empty()) continue;
    o.unit = *unit_code;
    o.period = *period;
    keep_stored_fields(t, o);
    if (first_time(seen_observations_, o.key(), r, "indicator",
                   "kết quả của chỉ tiêu \"" + o.indicator + "\", đơn vị \"" + o.unit + "\", kỳ " + o.period.id() +
                       ", văn bản \"" + o.provenance.document + "\""))
      out_.observations.push_back(std::move(o));
  }
}

}  // namespace dxmon::io
