// The document's tables as an XLSX workbook: one sheet per table (sections and appendices, in
// order) and one per chart (its table of series). Written here rather than with io/xlsx_writer.h
// because a report sheet needs what that writer does not do: bytes instead of a path, percent and
// decimal number formats, merged group rows, column widths, several header rows and a frozen header.
// A cell becomes a number only when its text is exactly how text/number.h writes that number
// ("58,41%" → 0.5841 shown as 0.00%; "1.502.045.890" → 1502045890), so "1.1" (an STT) and "07/35"
// stay text.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>

#include "io/table.h"
#include "io/xlsx_reader.h"
#include "report/render.h"
#include "report/xml_text.h"
#include "report/zip_bytes.h"
#include "text/number.h"

namespace dxmon::report {
namespace {

constexpr int kMaxDecimals = 6;
// Cell formats (cellXfs indices).
constexpr int kText = 0, kHeader = 1, kGroup = 2, kNumber0 = 3, kPercent0 = kNumber0 + kMaxDecimals + 1;

struct SheetData {
  std::string name;
  Table table;
};

struct NumberCell {
  double value;
  int style;
};

std::optional<NumberCell> as_number(const std::string& text) {
  auto n = text::try_parse_number(text);
  if (!n || n->no_data || n->value_max || n->bound != text::Bound::None || !n->qualifier.empty()) return std::nullopt;
  std::size_t comma = text.find(',');
  int decimals = 0;
  if (comma != std::string::npos) {
    std::size_t end = comma + 1;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    decimals = static_cast<int>(end - comma - 1);
  }
  if (decimals > kMaxDecimals) return std::nullopt;
  std::string again = n->percent ? text::format_percent(n->value, decimals) : text::format_number(n->value, decimals);
  if (again != text) return std::nullopt;
  if (n->percent) return NumberCell{n->value / 100, kPercent0 + decimals};
  return NumberCell{n->value, kNumber0 + decimals};
}

std::string ascii_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Excel's rules: 1–31 characters, none of []:*?/\, not starting or ending with an apostrophe,
// unique without regard to case.
std::string sheet_name(const std::string& wanted, std::size_t index, std::set<std::string>& used) {
  std::string clean;
  for (char c : wanted) clean += std::string("[]:*?/\\").find(c) != std::string::npos ? '-' : c;
  while (!clean.empty() && (clean.front() == '\'' || clean.front() == ' ')) clean.erase(0, 1);
  if (clean.empty()) clean = "Bảng " + std::to_string(index);
  std::string name = utf8_prefix(clean, 31);
  for (int n = 2; used.count(ascii_lower(name)) || name.back() == '\'' || name.back() == ' '; ++n) {
    std::string suffix = " (" + std::to_string(n) + ")";
    std::string base = utf8_prefix(clean, 31 - utf8_length(suffix));
    while (!base.empty() && (base.back() == ' ' || base.back() == '\'')) base.pop_back();
    name = base + suffix;
  }
  used.insert(ascii_lower(name));
  return name;
}


void collect(const std::vector<Section>& sections, std::vector<SheetData>& sheets) {
  for (const Section& s : sections)
    for (const Block& b : s.blocks) {
      if (const auto* t = std::get_if<Table>(&b)) sheets.push_back({t->caption, *t});
      else if (const auto* c = std::get_if<Chart>(&b)) sheets.push_back({c->title, chart_as_table(*c)});
    }
}

std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

void text_cell(std::string& out, const std::string& ref, const std::string& text, int style) {
  out += "<c r=\"" + ref + "\"";
  if (style) out += " s=\"" + std::to_string(style) + "\"";
  out += " t=\"inlineStr\"><is><t xml:space=\"preserve\">" + xml_escape(io::encode_excel_escapes(text)) +
         "</t></is></c>";
}

std::string worksheet(const Table& t) {
  bool with_source = t.has_sources();
  std::size_t ncols = t.columns.size() + (with_source ? 1 : 0);
  std::string data, merges;
  int merge_count = 0;
  int r = 0;
  auto write_row = [&](const Row& row, bool header) {
    ++r;
    std::string n = std::to_string(r);
    data += "<row r=\"" + n + "\">";
    std::size_t col = 0;
    for (const Cell& c : row.cells) {
      std::string ref = io::column_letter(col) + n;
      std::string text = c.text();
      int style = header ? kHeader : row.kind == RowKind::Group ? kGroup : kText;
      auto number = header || row.kind == RowKind::Group ? std::nullopt : as_number(text);
      if (number) data += "<c r=\"" + ref + "\" s=\"" + std::to_string(number->style) + "\"><v>" + num(number->value) + "</v></c>";
      else if (!text.empty()) text_cell(data, ref, text, style);
      int span = std::max(c.span, 1);
      if (span > 1) {
        merges += "<mergeCell ref=\"" + ref + ":" + io::column_letter(col + static_cast<std::size_t>(span) - 1) + n + "\"/>";
        ++merge_count;
      }
      col += static_cast<std::size_t>(span);
    }
    if (with_source) {
      std::string ref = io::column_letter(ncols - 1) + n;
      std::string sources = header ? "Nguồn" : row_sources(row);
      if (!sources.empty()) text_cell(data, ref, sources, header ? kHeader : kText);
    }
    data += "</row>";
  };
  for (const Row& row : t.header) write_row(row, true);
  for (const Row& row : t.body) write_row(row, false);

  double total = 0;
  for (const Column& c : t.columns) total += c.width;
  std::string cols = "<cols>";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    double chars = total > 0 ? std::clamp(110 * t.columns[i].width / total, 6.0, 80.0) : 15;
    cols += "<col min=\"" + std::to_string(i + 1) + "\" max=\"" + std::to_string(i + 1) + "\" width=\"" + num(chars) +
            "\" customWidth=\"1\"/>";
  }
  if (with_source) cols += "<col min=\"" + std::to_string(ncols) + "\" max=\"" + std::to_string(ncols) + "\" width=\"40\" customWidth=\"1\"/>";
  cols += "</cols>";
  if (t.columns.empty()) cols.clear();

  std::string header_rows = std::to_string(t.header.size());
  std::string view = t.header.empty() ? "<sheetView workbookViewId=\"0\"/>"
                                      : "<sheetView workbookViewId=\"0\"><pane ySplit=\"" + header_rows +
                                            "\" topLeftCell=\"A" + std::to_string(t.header.size() + 1) +
                                            "\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView>";
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    "<sheetViews>" + view + "</sheetViews>" + cols + "<sheetData>" + data + "</sheetData>";
  if (merge_count) out += "<mergeCells count=\"" + std::to_string(merge_count) + "\">" + merges + "</mergeCells>";
  return out + "</worksheet>";
}

std::string styles_xml() {
  std::string fmts;
  for (int d = 0; d <= kMaxDecimals; ++d) {
    std::string frac = d ? "." + std::string(static_cast<std::size_t>(d), '0') : "";
    fmts += "<numFmt numFmtId=\"" + std::to_string(164 + d) + "\" formatCode=\"#,##0" + frac + "\"/>";
  }
  for (int d = 0; d <= kMaxDecimals; ++d) {
    std::string frac = d ? "." + std::string(static_cast<std::size_t>(d), '0') : "";
    fmts += "<numFmt numFmtId=\"" + std::to_string(164 + kMaxDecimals + 1 + d) + "\" formatCode=\"0" + frac + "%\"/>";
  }
  const std::string top = "<alignment vertical=\"top\" wrapText=\"1\"/>";
  std::string xfs = "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\">" + top + "</xf>"
                    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
                    "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
                    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">" + top + "</xf>";
  for (int k = 0; k < 2 * (kMaxDecimals + 1); ++k)
    xfs += "<xf numFmtId=\"" + std::to_string(164 + k) +
           "\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
           "<alignment horizontal=\"center\" vertical=\"top\"/></xf>";
  int count = 3 + 2 * (kMaxDecimals + 1);
  std::string thin = "<left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/>";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<numFmts count=\"" + std::to_string(2 * (kMaxDecimals + 1)) + "\">" + fmts + "</numFmts>"
         "<fonts count=\"2\"><font><sz val=\"12\"/><name val=\"Times New Roman\"/></font>"
         "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/></font></fonts>"
         "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
         "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFF2F2F2\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
         "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>" + thin + "</border></borders>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
         "<cellXfs count=\"" + std::to_string(count) + "\">" + xfs + "</cellXfs>"
         "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
         "</styleSheet>";
}

}  // namespace

std::string render_xlsx(const Document& doc) {
  std::vector<SheetData> sheets;
  collect(doc.sections, sheets);
  for (const Appendix& a : doc.appendices) collect(a.sections, sheets);
  if (sheets.empty()) {
    // A workbook needs a sheet: give the report's title when it has no table.
    Table t;
    t.columns = {Column{}};
    t.header.push_back(Row{{Cell{doc.front.title}}});
    for (const std::string& line : doc.front.subject) t.body.push_back(Row{{Cell{line}}});
    sheets.push_back({doc.front.title, t});
  }
  std::set<std::string> used;
  for (std::size_t i = 0; i < sheets.size(); ++i) sheets[i].name = sheet_name(sheets[i].name, i + 1, used);

  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  const std::string sml = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string types = decl + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                             "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                             "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                             "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + sml + "sheet.main+xml\"/>"
                             "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + sml + "styles+xml\"/>";
  std::string book = decl + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>";
  std::string book_rels = decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::vector<std::pair<std::string, std::string>> entries;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    types += "<Override PartName=\"/xl/worksheets/sheet" + n + ".xml\" ContentType=\"" + sml + "worksheet+xml\"/>";
    book += "<sheet name=\"" + xml_escape(sheets[i].name) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    book_rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel + "worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
  }
  book_rels += "<Relationship Id=\"rId" + std::to_string(sheets.size() + 1) + "\" Type=\"" + rel +
               "styles\" Target=\"styles.xml\"/></Relationships>";
  entries.emplace_back("[Content_Types].xml", types + "</Types>");
  entries.emplace_back("_rels/.rels", decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                             "<Relationship Id=\"rId1\" Type=\"" + rel +
                                             "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  entries.emplace_back("xl/workbook.xml", book + "</sheets></workbook>");
  entries.emplace_back("xl/_rels/workbook.xml.rels", book_rels);
  entries.emplace_back("xl/styles.xml", styles_xml());
  for (std::size_t i = 0; i < sheets.size(); ++i)
    entries.emplace_back("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml", worksheet(sheets[i].table));
  return zip_bytes(entries);
}

}  // namespace dxmon::report
