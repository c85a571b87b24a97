#include "io/xlsx_reader.h"

#include <pugixml.hpp>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <map>
#include <set>

#include "core/date.h"
#include "io/zip_archive.h"

namespace dxmon::io {
namespace {

// Element names without their namespace prefix ("x:sheet" → "sheet"): some writers prefix them.
std::string_view local_name(const pugi::xml_node& n) {
  std::string_view name = n.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (auto c : n.children())
    if (local_name(c) == name) return c;
  return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& n, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (auto c : n.children())
    if (local_name(c) == name) out.push_back(c);
  return out;
}

// All text of <t> elements under `n`, skipping phonetic runs (<rPh>).
void collect_text(const pugi::xml_node& n, std::string& out) {
  for (auto c : n.children()) {
    auto name = local_name(c);
    if (name == "rPh" || name == "phoneticPr") continue;
    if (name == "t") {
      out += c.text().get();
    } else if (c.type() == pugi::node_element) {
      collect_text(c, out);
    }
  }
}

bool parse_xml(pugi::xml_document& doc, const std::string& text) {
  return static_cast<bool>(doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single));
}

struct CellRef {
  std::size_t column = 0;
  int row = 0;
};

std::optional<CellRef> parse_ref(std::string_view ref) {
  std::size_t i = 0;
  std::string letters;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') letters += ref[i++];
  auto col = column_index(letters);
  int row = 0;
  auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (!col || ec != std::errc{} || p != ref.data() + ref.size() || row <= 0) return std::nullopt;
  return CellRef{*col, row};
}

enum class NumberStyle { Plain, Percent, Date };

// Whether a custom number format code shows a percent or a date.
NumberStyle style_of_code(std::string_view code) {
  std::string bare;  // without "quoted text", [colour/locale] sections and \-escapes
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      auto end = code.find('"', i + 1);
      i = end == std::string_view::npos ? code.size() : end;
    } else if (c == '[') {
      auto end = code.find(']', i + 1);
      i = end == std::string_view::npos ? code.size() : end;
    } else if (c == '\\') {
      ++i;
    } else {
      bare += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (bare.find('%') != std::string::npos) return NumberStyle::Percent;
  if (bare.find('y') != std::string::npos || bare.find('d') != std::string::npos) return NumberStyle::Date;
  return NumberStyle::Plain;
}

// The number style of each cell style index (cellXfs order).
std::vector<NumberStyle> read_styles(const std::optional<std::string>& xml) {
  std::vector<NumberStyle> out;
  if (!xml) return out;
  pugi::xml_document doc;
  if (!parse_xml(doc, *xml)) return out;
  auto root = doc.document_element();
  std::map<int, NumberStyle> custom;
  for (auto f : children(child(root, "numFmts"), "numFmt"))
    custom[f.attribute("numFmtId").as_int()] = style_of_code(f.attribute("formatCode").value());
  for (auto xf : children(child(root, "cellXfs"), "xf")) {
    int id = xf.attribute("numFmtId").as_int();
    NumberStyle s = NumberStyle::Plain;
    if (auto it = custom.find(id); it != custom.end()) s = it->second;
    else if (id == 9 || id == 10) s = NumberStyle::Percent;
    else if ((id >= 14 && id <= 17) || id == 22) s = NumberStyle::Date;
    out.push_back(s);
  }
  return out;
}

// Excel keeps numbers in their shortest round-trip form already; integers written as "5.0" or
// "1.502045890E9" by other tools are brought to "5" and "1502045890".
std::string number_text(const std::string& stored) {
  double v = 0;
  auto [p, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), v);
  if (ec != std::errc{} || p != stored.data() + stored.size()) return stored;
  if (std::fabs(v) < 1e15 && v == std::floor(v)) return fmt::format("{}", static_cast<long long>(v));
  return stored;
}

// A percent-formatted cell holds the fraction (0.5841); officials typed and see "58,41%".
std::string percent_text(const std::string& stored) {
  double v = 0;
  auto [p, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), v);
  if (ec != std::errc{} || p != stored.data() + stored.size()) return stored;
  std::string out = fmt::format("{:.10g}", v * 100);
  for (char& c : out)
    if (c == '.') c = ',';
  return out + "%";
}

// A date-formatted cell holds a serial day count from 1899-12-30 (the 1900 system).
std::string date_text(const std::string& stored) {
  double v = 0;
  auto [p, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), v);
  if (ec != std::errc{} || p != stored.data() + stored.size() || v < 1 || v > 2958465) return stored;
  constexpr long kExcelEpochOffset = 25569;  // days from 1899-12-30 to 1970-01-01
  return Date::from_days_since_epoch(static_cast<long>(std::floor(v)) - kExcelEpochOffset).iso();
}

std::string resolve_target(const std::string& target) {
  if (target.starts_with("/")) return target.substr(1);
  std::string t = target;
  std::string base = "xl/";
  while (t.starts_with("../")) {
    t = t.substr(3);
    base = "";
  }
  return base + t;
}

Problem file_problem(const std::string& file, std::string what, std::string fix) {
  Problem p;
  p.file = file;
  p.what = std::move(what);
  p.fix = std::move(fix);
  return p;
}

Grid read_sheet(const pugi::xml_document& doc, const std::vector<std::string>& shared,
                const std::vector<NumberStyle>& styles, const std::string& file, const std::string& sheet) {
  std::map<int, std::map<std::size_t, Cell>> cells;
  auto root = doc.document_element();
  int next_row = 1;
  for (auto row : children(child(root, "sheetData"), "row")) {
    int r = row.attribute("r").as_int(next_row);
    next_row = r + 1;
    std::size_t next_col = 0;
    for (auto c : children(row, "c")) {
      std::size_t col = next_col;
      if (auto ref = parse_ref(c.attribute("r").value())) col = ref->column;
      next_col = col + 1;
      std::string type = c.attribute("t").value();
      std::string v = child(c, "v").text().get();
      Cell cell;
      cell.column = column_letter(col);
      if (type == "s") {
        std::size_t idx = static_cast<std::size_t>(std::atol(v.c_str()));
        cell.text = idx < shared.size() ? shared[idx] : "";
      } else if (type == "inlineStr") {
        collect_text(child(c, "is"), cell.text);
        cell.text = decode_excel_escapes(cell.text);
      } else if (type == "str" || type == "e") {
        cell.text = decode_excel_escapes(v);
      } else if (type == "b") {
        cell.text = v == "1" ? "yes" : "no";
      } else if (!v.empty()) {  // a number
        std::size_t s = static_cast<std::size_t>(c.attribute("s").as_uint(0));
        NumberStyle style = s < styles.size() ? styles[s] : NumberStyle::Plain;
        if (style == NumberStyle::Percent) {
          cell.text = percent_text(v);
        } else if (style == NumberStyle::Date) {
          cell.text = date_text(v);
        } else {
          cell.text = number_text(v);
          cell.number = true;
        }
      }
      if (!cell.text.empty()) cells[r][col] = std::move(cell);
    }
  }
  // Merged ranges: every cell of the range shows the top-left value.
  for (auto m : children(child(root, "mergeCells"), "mergeCell")) {
    std::string ref = m.attribute("ref").value();
    auto colon = ref.find(':');
    if (colon == std::string::npos) continue;
    auto from = parse_ref(ref.substr(0, colon));
    auto to = parse_ref(ref.substr(colon + 1));
    if (!from || !to) continue;
    auto rit = cells.find(from->row);
    if (rit == cells.end()) continue;
    auto cit = rit->second.find(from->column);
    if (cit == rit->second.end()) continue;
    Cell top_left = cit->second;
    for (int r = from->row; r <= to->row; ++r)
      for (std::size_t col = from->column; col <= to->column; ++col) {
        Cell copy = top_left;
        copy.column = column_letter(col);
        cells[r][col] = std::move(copy);
      }
  }
  Grid grid;
  grid.file = file;
  grid.sheet = sheet;
  for (auto& [r, row_cells] : cells) {
    TableRow row;
    row.row = r;
    std::size_t width = row_cells.empty() ? 0 : row_cells.rbegin()->first + 1;
    row.cells.resize(width);
    for (std::size_t col = 0; col < width; ++col) row.cells[col].column = column_letter(col);
    for (auto& [col, cell] : row_cells) row.cells[col] = std::move(cell);
    if (!row.blank()) grid.rows.push_back(std::move(row));
  }
  return grid;
}

}  // namespace

std::string decode_excel_escapes(const std::string& s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned code = 0;
      auto [p, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, code, 16);
      if (ec == std::errc{} && p == s.data() + i + 6) {
        if (code < 0x80) {
          out += static_cast<char>(code);
        } else if (code < 0x800) {
          out += static_cast<char>(0xC0 | (code >> 6));
          out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (code >> 12));
          out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (code & 0x3F));
        }
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string encode_excel_escapes(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool looks_escaped = c == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
                         std::isxdigit(static_cast<unsigned char>(s[i + 2])) &&
                         std::isxdigit(static_cast<unsigned char>(s[i + 3])) &&
                         std::isxdigit(static_cast<unsigned char>(s[i + 4])) &&
                         std::isxdigit(static_cast<unsigned char>(s[i + 5]));
    if ((c < 0x20 && c != '\t' && c != '\n') || looks_escaped) {
      out += fmt::format("_x{:04X}_", static_cast<unsigned>(c));
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<Grid> read_xlsx(const std::string& path, const std::string& file, Problems& problems) {
  std::vector<Grid> grids;
  const std::string damaged_fix = "hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx";
  try {
    ZipReader zip(path);
    auto workbook_xml = zip.read("xl/workbook.xml");
    if (!workbook_xml) {
      problems.push_back(file_problem(file, "tệp không phải là bảng tính XLSX (thiếu xl/workbook.xml)", damaged_fix));
      return grids;
    }
    pugi::xml_document workbook, rels;
    if (!parse_xml(workbook, *workbook_xml)) {
      problems.push_back(file_problem(file, "tệp XLSX bị hỏng (xl/workbook.xml không đọc được)", damaged_fix));
      return grids;
    }
    std::map<std::string, std::string> targets;
    if (auto rels_xml = zip.read("xl/_rels/workbook.xml.rels"); rels_xml && parse_xml(rels, *rels_xml))
      for (auto r : children(rels.document_element(), "Relationship"))
        targets[r.attribute("Id").value()] = resolve_target(r.attribute("Target").value());

    std::vector<std::string> shared;
    if (auto sst_xml = zip.read("xl/sharedStrings.xml")) {
      pugi::xml_document sst;
      if (!parse_xml(sst, *sst_xml)) {
        problems.push_back(file_problem(file, "tệp XLSX bị hỏng (xl/sharedStrings.xml không đọc được)", damaged_fix));
        return grids;
      }
      for (auto si : children(sst.document_element(), "si")) {
        std::string text;
        collect_text(si, text);
        shared.push_back(decode_excel_escapes(text));
      }
    }
    auto styles = read_styles(zip.read("xl/styles.xml"));

    for (auto sheet : children(child(workbook.document_element(), "sheets"), "sheet")) {
      std::string name = sheet.attribute("name").value();
      std::string rid;
      for (auto a : sheet.attributes()) {
        std::string_view an = a.name();
        if (an == "id" || an.ends_with(":id")) rid = a.value();
      }
      auto it = targets.find(rid);
      std::string part = it != targets.end() ? it->second : "";
      auto xml = part.empty() ? std::nullopt : zip.read(part);
      pugi::xml_document doc;
      if (!xml || !parse_xml(doc, *xml)) {
        Problem p = file_problem(file, "trang tính \"" + name + "\" bị hỏng hoặc thiếu trong tệp", damaged_fix);
        p.sheet = name;
        problems.push_back(std::move(p));
        continue;
      }
      grids.push_back(read_sheet(doc, shared, styles, file, name));
    }
  } catch (const std::exception& e) {
    problems.push_back(file_problem(file, e.what(), damaged_fix));
  }
  return grids;
}

}  // namespace dxmon::io
