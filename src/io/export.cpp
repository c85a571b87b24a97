#include "io/export.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "io/csv.h"
#include "io/json_io.h"
#include "io/row_reader.h"
#include "io/schema.h"
#include "text/number.h"
#include "text/text.h"

namespace dxmon::io {
namespace {

namespace fs = std::filesystem;

// Cells of one row by column name; laid out in the schema's column order.
class RowOut {
 public:
  RowOut& set(std::string_view column, std::string text) {
    cells_[std::string(column)] = Cell{std::move(text), false, ""};
    return *this;
  }
  RowOut& num(std::string_view column, const std::optional<double>& v) {
    if (v) cells_[std::string(column)] = Cell{canonical_number(*v), true, ""};
    return *this;
  }
  RowOut& date(std::string_view column, const std::optional<Date>& d) { return set(column, d ? d->iso() : ""); }
  RowOut& period(std::string_view column, const std::optional<Period>& p) { return set(column, p ? p->id() : ""); }
  RowOut& list(std::string_view column, const std::vector<std::string>& parts) {
    return set(column, text::join(parts, ";"));
  }
  std::vector<Cell> layout(const KindSpec& spec) const {
    std::vector<Cell> out;
    for (const auto& c : spec.columns) {
      auto it = cells_.find(std::string(c.name));
      out.push_back(it == cells_.end() ? Cell{} : it->second);
    }
    return out;
  }

 private:
  std::map<std::string, Cell> cells_;
};

SheetOut sheet_for(Kind k) {
  SheetOut s;
  const KindSpec& spec = spec_of(k);
  s.name = std::string(spec.name);
  for (const auto& c : spec.columns) s.header.emplace_back(c.name);
  return s;
}

// A target item without printed text (entered by other means) is written as its comparator and value.
std::string target_text(const TargetItem& item) {
  if (!item.as_printed.empty() || !item.value) return item.as_printed;
  std::string out = std::string(comparator_symbol(item.comparator)) + " " + text::format_scaled(*item.value);
  if (item.value_max) out = text::format_scaled(*item.value) + " - " + text::format_scaled(*item.value_max);
  return out;
}

void write_text(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("không ghi được tệp \"" + path.string() + "\"");
  out << content;
  if (!out) throw std::runtime_error("không ghi được tệp \"" + path.string() + "\"");
}

}  // namespace

std::optional<ExportFormat> export_format_for(const std::string& path) {
  if (path.empty() || path.back() == '/' || fs::is_directory(path)) return ExportFormat::CsvDirectory;
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".json") return ExportFormat::Json;
  if (ext == ".xlsx") return ExportFormat::Xlsx;
  if (ext.empty()) return ExportFormat::CsvDirectory;
  return std::nullopt;
}

std::vector<SheetOut> export_tables(const Dataset& d) {
  std::vector<SheetOut> out;
  auto add = [&](Kind k, auto&& fill) {
    SheetOut s = sheet_for(k);
    const KindSpec& spec = spec_of(k);
    fill([&](const RowOut& r) { s.rows.push_back(r.layout(spec)); });
    out.push_back(std::move(s));
  };
  add(Kind::Units, [&](auto emit) {
    for (const auto& u : d.units)
      emit(RowOut()
               .set("code", u.code)
               .set("name", u.name)
               .set("kind", std::string(unit_kind_id(u.kind)))
               .list("short_names", u.short_names)
               .list("aliases", u.aliases)
               .set("parent", u.parent)
               .set("official_code", u.official_code)
               .date("valid_from", u.valid_from)
               .date("valid_to", u.valid_to)
               .set("source", u.source));
  });
  add(Kind::Successions, [&](auto emit) {
    for (const auto& s : d.successions)
      emit(RowOut()
               .set("predecessor", s.predecessor)
               .set("successor", s.successor)
               .set("date", s.date.iso())
               .set("kind", std::string(succession_kind_id(s.kind)))
               .set("functions", s.functions)
               .set("source", s.source));
  });
  add(Kind::Indicators, [&](auto emit) {
    for (const auto& i : d.indicators)
      emit(RowOut()
               .set("code", i.code)
               .set("name", i.name)
               .set("unit", i.unit)
               .set("direction", std::string(direction_id(i.direction)))
               .set("pillar", i.pillar)
               .set("kind", std::string(indicator_kind_id(i.kind)))
               .set("aggregation", std::string(aggregation_id(i.aggregation)))
               .set("lead_agency", i.lead_agency)
               .list("co_agencies", i.co_agencies)
               .set("unit_group", i.unit_group ? std::string(unit_group_id(*i.unit_group)) : "")
               .set("definition", i.definition)
               .set("definition_source", i.definition_source)
               .set("source", i.source));
  });
  add(Kind::Programmes, [&](auto emit) {
    for (const auto& p : d.programmes)
      emit(RowOut()
               .set("code", p.code)
               .set("name", p.name)
               .set("kind", std::string(programme_kind_id(p.kind)))
               .set("document", p.document)
               .date("issued", p.issued)
               .set("lead_agency", p.lead_agency)
               .set("reported_with", p.reported_with)
               .set("source", p.source));
  });
  add(Kind::Targets, [&](auto emit) {
    for (const auto& t : d.targets)
      for (const auto& item : t.items)
        emit(RowOut()
                 .set("programme", t.programme)
                 .set("code", t.code)
                 .set("printed_no", t.printed_no)
                 .set("label", t.label)
                 .set("heading", t.heading)
                 .set("printed_group", t.printed_group)
                 .period("deadline", t.deadline)
                 .num("sort_order", static_cast<double>(t.sort_order))
                 .set("indicator", item.indicator)
                 .set("item_label", item.label)
                 .set("target", target_text(item))
                 .set("scope", item.scope ? std::string(unit_group_id(*item.scope)) : "")
                 .set("source", t.source));
  });
  add(Kind::Observations, [&](auto emit) {
    for (const auto& o : d.observations)
      emit(RowOut()
               .set("indicator", o.indicator)
               .set("unit", o.unit)
               .set("period", o.period.id())
               .num("value", o.value)
               .num("value_max", o.value_max)
               .set("as_printed", o.as_printed)
               .num("numerator", o.numerator)
               .num("denominator", o.denominator)
               .set("fact", o.fact ? (*o.fact ? "yes" : "no") : "")
               .set("flags", flags_to_string(o.flags))
               .set("document", o.provenance.document)
               .set("location", o.provenance.location)
               .set("provenance", std::string(provenance_kind_id(o.provenance.kind)))
               .date("as_of", o.as_of)
               .set("comment", o.comment));
  });
  add(Kind::Tasks, [&](auto emit) {
    for (const auto& t : d.tasks) {
      auto current = t.current_status();
      emit(RowOut()
               .set("code", t.code)
               .set("programme", t.programme)
               .set("name", t.name)
               .set("lead_agency", t.lead_agency)
               .list("co_agencies", t.co_agencies)
               .period("deadline", t.deadline)
               .set("deadline_as_printed", t.deadline_as_printed)
               .set("progress_as_printed", t.progress_as_printed)
               .set("result", t.result)
               .set("status", current ? std::string(task_status_id(*current)) : "")
               .date("status_date", t.statuses.empty() ? std::nullopt : t.statuses.back().date)
               .set("source", t.source));
    }
  });
  add(Kind::TaskStatuses, [&](auto emit) {
    for (const auto& t : d.tasks)
      for (const auto& s : t.statuses)
        emit(RowOut()
                 .set("task", t.code)
                 .set("status", std::string(task_status_id(s.status)))
                 .date("date", s.date)
                 .set("source", s.source));
  });
  add(Kind::TaskCounts, [&](auto emit) {
    for (const auto& c : d.task_counts)
      emit(RowOut()
               .set("programme", c.programme)
               .set("group", c.group ? std::string(unit_group_id(*c.group)) : "")
               .set("status", c.status ? std::string(task_status_id(*c.status)) : "")
               .num("count", static_cast<double>(c.count))
               .set("as_printed", c.as_printed)
               .date("as_of", c.as_of)
               .set("document", c.document)
               .set("source", c.source));
  });
  add(Kind::Overrides, [&](auto emit) {
    for (const auto& o : d.overrides)
      emit(RowOut()
               .set("programme", o.programme)
               .set("target", o.target)
               .set("period", o.period.id())
               .set("group", std::string(report_group_id(o.group)))
               .set("fine", o.fine ? std::string(progress_class_id(*o.fine)) : "")
               .set("who", o.who)
               .date("when", o.when)
               .set("why", o.why)
               .set("source", o.source));
  });
  add(Kind::Regimes, [&](auto emit) {
    for (const auto& g : d.regimes)
      emit(RowOut()
               .set("code", g.code)
               .set("name", g.name)
               .set("legal_basis", g.legal_basis)
               .set("recipient", g.recipient)
               .set("unit_group", g.unit_group ? std::string(unit_group_id(*g.unit_group)) : "")
               .list("units", g.units)
               .list("indicators", g.indicators)
               .set("frequency", std::string(frequency_id(g.frequency)))
               .set("cutoff", std::string(cutoff_rule_id(g.cutoff)))
               .set("deadline", g.deadline.id())
               .set("source", g.source));
  });
  add(Kind::Relations, [&](auto emit) {
    for (const auto& r : d.relations)
      emit(RowOut()
               .set("relation", std::string(relation_kind_id(r.kind)))
               .set("indicator", r.indicator)
               .list("parts", r.parts)
               .set("group", unit_selection_id(r.group))
               .set("source", r.source));
  });
  add(Kind::Revisions, [&](auto emit) {
    for (const auto& r : d.revisions) {
      std::vector<std::string> part = observation_key_parts(r.observation_key);
      part.resize(4);
      emit(RowOut()
               .set("indicator", part[0])
               .set("unit", part[1])
               .set("period", part[2])
               .set("document", part[3])
               .set("field", r.field)
               .set("changed_at", r.changed_at)
               .set("changed_by", r.changed_by)
               .set("old_value", r.old_value)
               .set("new_value", r.new_value)
               .set("reason", r.reason));
    }
  });
  return out;
}

std::vector<std::string> export_dataset(const Dataset& data, const std::string& path, ExportFormat format) {
  auto tables = export_tables(data);
  if (format == ExportFormat::Json) {
    write_text(path, write_json(tables));
    return {path};
  }
  if (format == ExportFormat::Xlsx) {
    write_xlsx(path, tables);
    return {path};
  }
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) throw std::runtime_error("không tạo được thư mục \"" + path + "\": " + ec.message());
  std::vector<std::string> written;
  for (const auto& t : tables) {
    std::string content = csv_record(t.header);
    for (const auto& row : t.rows) {
      std::vector<std::string> fields;
      for (const auto& c : row) fields.push_back(c.text);
      content += csv_record(fields);
    }
    fs::path file = fs::path(path) / (t.name + ".csv");
    write_text(file, content);
    written.push_back(file.string());
  }
  return written;
}

}  // namespace dxmon::io
