// JSON form of the model. Keys are written in the order of the structs (ordered_json), every key
// is always present (empty values included) so that two reports diff line by line.
#include <nlohmann/json.hpp>

#include <stdexcept>

#include "report/render.h"

namespace dxmon::report {
namespace {

using json = nlohmann::ordered_json;

const char* align_name(Align a) {
  switch (a) {
    case Align::Left: return "left";
    case Align::Center: return "center";
    case Align::Right: return "right";
    case Align::Justify: return "justify";
  }
  return "left";
}

Align align_from(const std::string& s) {
  if (s == "left") return Align::Left;
  if (s == "center") return Align::Center;
  if (s == "right") return Align::Right;
  if (s == "justify") return Align::Justify;
  throw std::invalid_argument("unknown alignment \"" + s + "\" (expected left, center, right or justify)");
}

const char* style_name(ParagraphStyle s) {
  switch (s) {
    case ParagraphStyle::Body: return "body";
    case ParagraphStyle::Bullet: return "bullet";
    case ParagraphStyle::Centered: return "centered";
  }
  return "body";
}

ParagraphStyle style_from(const std::string& s) {
  if (s == "body") return ParagraphStyle::Body;
  if (s == "bullet") return ParagraphStyle::Bullet;
  if (s == "centered") return ParagraphStyle::Centered;
  throw std::invalid_argument("unknown paragraph style \"" + s + "\" (expected body, bullet or centered)");
}

json runs_json(const std::vector<Run>& runs) {
  json a = json::array();
  for (const Run& r : runs)
    a.push_back(json{{"text", r.text}, {"bold", r.bold}, {"italic", r.italic}, {"footnote", r.footnote},
                     {"source", r.source}});
  return a;
}

json row_json(const Row& row) {
  json cells = json::array();
  for (const Cell& c : row.cells)
    cells.push_back(json{{"runs", runs_json(c.runs)},
                         {"span", c.span},
                         {"align", c.align ? json(align_name(*c.align)) : json(nullptr)},
                         {"source", c.source}});
  return json{{"kind", row.kind == RowKind::Group ? "group" : "body"}, {"cells", cells}};
}

json block_json(const Block& block) {
  if (const auto* p = std::get_if<Paragraph>(&block))
    return json{{"type", "paragraph"}, {"style", style_name(p->style)}, {"runs", runs_json(p->runs)}};
  if (const auto* t = std::get_if<Table>(&block)) {
    json columns = json::array(), header = json::array(), body = json::array();
    for (const Column& c : t->columns) columns.push_back(json{{"width", c.width}, {"align", align_name(c.align)}});
    for (const Row& r : t->header) header.push_back(row_json(r));
    for (const Row& r : t->body) body.push_back(row_json(r));
    return json{{"type", "table"}, {"caption", t->caption}, {"columns", columns},
                {"header", header}, {"body", body}, {"note", t->note}};
  }
  if (const auto* s = std::get_if<SummaryCounts>(&block)) {
    json lines = json::array();
    for (const SummaryLine& l : s->lines) lines.push_back(json{{"count", l.count}, {"label", l.label}, {"share", l.share}});
    return json{{"type", "summary_counts"}, {"lines", lines}};
  }
  const Chart& c = std::get<Chart>(block);
  json series = json::array();
  for (const Series& s : c.series) {
    json values = json::array();
    for (const auto& v : s.values) values.push_back(v ? json(*v) : json(nullptr));
    series.push_back(json{{"name", s.name}, {"values", values}, {"labels", s.labels}});
  }
  return json{{"type", "chart"},
              {"kind", c.kind == ChartKind::Bar ? "bar" : "line"},
              {"title", c.title},
              {"category_label", c.category_label},
              {"value_label", c.value_label},
              {"categories", c.categories},
              {"series", series},
              {"max_value", c.max_value ? json(*c.max_value) : json(nullptr)}};
}

json sections_json(const std::vector<Section>& sections) {
  json a = json::array();
  for (const Section& s : sections) {
    json blocks = json::array();
    for (const Block& b : s.blocks) blocks.push_back(block_json(b));
    a.push_back(json{{"level", s.level}, {"number", s.number}, {"title", s.title}, {"blocks", blocks}});
  }
  return a;
}

// --- reading back ---------------------------------------------------------------------------

const json& at(const json& j, const char* key, const std::string& where) {
  if (!j.is_object() || !j.contains(key))
    throw std::invalid_argument(where + ": missing key \"" + key + "\"");
  return j.at(key);
}

template <typename T>
T get(const json& j, const char* key, const std::string& where) {
  try {
    return at(j, key, where).get<T>();
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(where + "." + key + ": wrong type (" + e.what() + ")");
  }
}

std::vector<Run> runs_from(const json& a, const std::string& where) {
  std::vector<Run> runs;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::string w = where + "[" + std::to_string(i) + "]";
    const json& r = a[i];
    runs.push_back(Run{get<std::string>(r, "text", w), get<bool>(r, "bold", w), get<bool>(r, "italic", w),
                       get<int>(r, "footnote", w), get<std::string>(r, "source", w)});
  }
  return runs;
}

Row row_from(const json& j, const std::string& where) {
  Row row;
  row.kind = get<std::string>(j, "kind", where) == "group" ? RowKind::Group : RowKind::Body;
  const json& cells = at(j, "cells", where);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string w = where + ".cells[" + std::to_string(i) + "]";
    Cell c{runs_from(at(cells[i], "runs", w), w + ".runs")};
    c.span = get<int>(cells[i], "span", w);
    const json& a = at(cells[i], "align", w);
    if (!a.is_null()) c.align = align_from(a.get<std::string>());
    c.source = get<std::string>(cells[i], "source", w);
    row.cells.push_back(std::move(c));
  }
  return row;
}

Block block_from(const json& j, const std::string& where) {
  std::string type = get<std::string>(j, "type", where);
  if (type == "paragraph")
    return Paragraph{runs_from(at(j, "runs", where), where + ".runs"), style_from(get<std::string>(j, "style", where))};
  if (type == "table") {
    Table t;
    t.caption = get<std::string>(j, "caption", where);
    for (const json& c : at(j, "columns", where))
      t.columns.push_back(Column{get<double>(c, "width", where), align_from(get<std::string>(c, "align", where))});
    const json& header = at(j, "header", where);
    for (std::size_t i = 0; i < header.size(); ++i)
      t.header.push_back(row_from(header[i], where + ".header[" + std::to_string(i) + "]"));
    const json& body = at(j, "body", where);
    for (std::size_t i = 0; i < body.size(); ++i)
      t.body.push_back(row_from(body[i], where + ".body[" + std::to_string(i) + "]"));
    t.note = get<std::string>(j, "note", where);
    return t;
  }
  if (type == "summary_counts") {
    SummaryCounts s;
    for (const json& l : at(j, "lines", where))
      s.lines.push_back({get<std::string>(l, "count", where), get<std::string>(l, "label", where),
                         get<std::string>(l, "share", where)});
    return s;
  }
  if (type == "chart") {
    Chart c;
    c.kind = get<std::string>(j, "kind", where) == "line" ? ChartKind::Line : ChartKind::Bar;
    c.title = get<std::string>(j, "title", where);
    c.category_label = get<std::string>(j, "category_label", where);
    c.value_label = get<std::string>(j, "value_label", where);
    c.categories = get<std::vector<std::string>>(j, "categories", where);
    for (const json& s : at(j, "series", where)) {
      Series series{get<std::string>(s, "name", where), {}, get<std::vector<std::string>>(s, "labels", where)};
      for (const json& v : at(s, "values", where))
        series.values.push_back(v.is_null() ? std::nullopt : std::optional<double>(v.get<double>()));
      c.series.push_back(std::move(series));
    }
    const json& m = at(j, "max_value", where);
    if (!m.is_null()) c.max_value = m.get<double>();
    return c;
  }
  throw std::invalid_argument(where + ": unknown block type \"" + type +
                              "\" (expected paragraph, table, summary_counts or chart)");
}

std::vector<Section> sections_from(const json& a, const std::string& where) {
  std::vector<Section> out;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::string w = where + "[" + std::to_string(i) + "]";
    Section s{get<int>(a[i], "level", w), get<std::string>(a[i], "number", w), get<std::string>(a[i], "title", w), {}};
    const json& blocks = at(a[i], "blocks", w);
    for (std::size_t b = 0; b < blocks.size(); ++b)
      s.blocks.push_back(block_from(blocks[b], w + ".blocks[" + std::to_string(b) + "]"));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::string render_json(const Document& doc) {
  const FrontMatter& f = doc.front;
  json front{{"parent_body", f.parent_body}, {"issuing_body", f.issuing_body}, {"number", f.number},
             {"place", f.place},             {"date", f.date},                 {"title", f.title},
             {"subject", f.subject},         {"subject_note", f.subject_note}};
  json footnotes = json::array();
  for (std::size_t i = 0; i < doc.footnotes.size(); ++i)
    footnotes.push_back(json{{"number", i + 1}, {"runs", runs_json(doc.footnotes[i].runs)}});
  json appendices = json::array();
  for (const Appendix& a : doc.appendices)
    appendices.push_back(json{{"label", a.label}, {"title", a.title}, {"attached_note", a.attached_note},
                              {"sections", sections_json(a.sections)}});
  json out{{"front", front},
           {"sections", sections_json(doc.sections)},
           {"footnotes", footnotes},
           {"recipients", doc.recipients},
           {"signature", json{{"authority", doc.signature.authority},
                              {"position", doc.signature.position},
                              {"signer", doc.signature.signer}}},
           {"appendices", appendices}};
  return out.dump(2) + "\n";
}

Document parse_json(const std::string& text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::invalid_argument(std::string("report JSON is not valid JSON: ") + e.what());
  }
  Document doc;
  const json& f = at(j, "front", "document");
  doc.front = FrontMatter{get<std::string>(f, "parent_body", "front"),  get<std::string>(f, "issuing_body", "front"),
                          get<std::string>(f, "number", "front"),       get<std::string>(f, "place", "front"),
                          get<std::string>(f, "date", "front"),         get<std::string>(f, "title", "front"),
                          get<std::vector<std::string>>(f, "subject", "front"),
                          get<std::string>(f, "subject_note", "front")};
  doc.sections = sections_from(at(j, "sections", "document"), "sections");
  const json& fns = at(j, "footnotes", "document");
  for (std::size_t i = 0; i < fns.size(); ++i)
    doc.footnotes.push_back(Footnote{runs_from(at(fns[i], "runs", "footnotes"), "footnotes[" + std::to_string(i) + "]")});
  doc.recipients = get<std::vector<std::string>>(j, "recipients", "document");
  const json& s = at(j, "signature", "document");
  doc.signature = {get<std::string>(s, "authority", "signature"), get<std::string>(s, "position", "signature"),
                   get<std::string>(s, "signer", "signature")};
  const json& apps = at(j, "appendices", "document");
  for (std::size_t i = 0; i < apps.size(); ++i) {
    std::string w = "appendices[" + std::to_string(i) + "]";
    doc.appendices.push_back(Appendix{get<std::string>(apps[i], "label", w),
                                      get<std::vector<std::string>>(apps[i], "title", w),
                                      get<std::string>(apps[i], "attached_note", w),
                                      sections_from(at(apps[i], "sections", w), w + ".sections")});
  }
  return doc;
}

}  // namespace dxmon::report
