#include "io/xlsx_writer.h"

#include <pugixml.hpp>

#include <sstream>

#include "io/xlsx_reader.h"
#include "io/zip_archive.h"

namespace dxmon::io {
namespace {

constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string to_xml(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

pugi::xml_document new_doc() {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  return doc;
}

std::string content_types(std::size_t sheets) {
  auto doc = new_doc();
  auto types = doc.append_child("Types");
  types.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
  auto def = [&](const char* ext, const char* type) {
    auto d = types.append_child("Default");
    d.append_attribute("Extension") = ext;
    d.append_attribute("ContentType") = type;
  };
  def("rels", "application/vnd.openxmlformats-package.relationships+xml");
  def("xml", "application/xml");
  auto over = [&](const std::string& part, const char* type) {
    auto o = types.append_child("Override");
    o.append_attribute("PartName") = part.c_str();
    o.append_attribute("ContentType") = type;
  };
  over("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
  over("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
  for (std::size_t i = 1; i <= sheets; ++i)
    over("/xl/worksheets/sheet" + std::to_string(i) + ".xml",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
  return to_xml(doc);
}

std::string package_rels() {
  auto doc = new_doc();
  auto rels = doc.append_child("Relationships");
  rels.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
  auto r = rels.append_child("Relationship");
  r.append_attribute("Id") = "rId1";
  r.append_attribute("Type") = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
  r.append_attribute("Target") = "xl/workbook.xml";
  return to_xml(doc);
}

std::string workbook(const std::vector<SheetOut>& sheets) {
  auto doc = new_doc();
  auto wb = doc.append_child("workbook");
  wb.append_attribute("xmlns") = kMainNs;
  wb.append_attribute("xmlns:r") = kRelNs;
  auto list = wb.append_child("sheets");
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    auto s = list.append_child("sheet");
    s.append_attribute("name") = sheets[i].name.c_str();
    s.append_attribute("sheetId") = static_cast<unsigned>(i + 1);
    s.append_attribute("r:id") = ("rId" + std::to_string(i + 1)).c_str();
  }
  return to_xml(doc);
}

std::string workbook_rels(std::size_t sheets) {
  auto doc = new_doc();
  auto rels = doc.append_child("Relationships");
  rels.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
  auto add = [&](const std::string& id, const char* type, const std::string& target) {
    auto r = rels.append_child("Relationship");
    r.append_attribute("Id") = id.c_str();
    r.append_attribute("Type") = type;
    r.append_attribute("Target") = target.c_str();
  };
  for (std::size_t i = 1; i <= sheets; ++i)
    add("rId" + std::to_string(i), "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
        "worksheets/sheet" + std::to_string(i) + ".xml");
  add("rId" + std::to_string(sheets + 1), "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
      "styles.xml");
  return to_xml(doc);
}

// Two cell formats: 0 the default, 1 bold (the header row).
std::string styles() {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
         R"(<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>)"
         R"(<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>)"
         R"(<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>)"
         R"(<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>)"
         R"(<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>)"
         R"(<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>)"
         R"(<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>)"
         R"(<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>)"
         R"(</styleSheet>)";
}

void text_cell(pugi::xml_node row, const std::string& ref, const std::string& text, bool bold) {
  auto c = row.append_child("c");
  c.append_attribute("r") = ref.c_str();
  if (bold) c.append_attribute("s") = 1;
  c.append_attribute("t") = "inlineStr";
  auto t = c.append_child("is").append_child("t");
  if (!text.empty() && (text.front() == ' ' || text.back() == ' ' || text.find('\n') != std::string::npos))
    t.append_attribute("xml:space") = "preserve";
  t.text() = encode_excel_escapes(text).c_str();
}

std::string worksheet(const SheetOut& sheet) {
  auto doc = new_doc();
  auto ws = doc.append_child("worksheet");
  ws.append_attribute("xmlns") = kMainNs;
  ws.append_attribute("xmlns:r") = kRelNs;
  auto data = ws.append_child("sheetData");
  auto header = data.append_child("row");
  header.append_attribute("r") = 1;
  for (std::size_t i = 0; i < sheet.header.size(); ++i) text_cell(header, column_letter(i) + "1", sheet.header[i], true);
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    auto row = data.append_child("row");
    std::string n = std::to_string(r + 2);
    row.append_attribute("r") = n.c_str();
    for (std::size_t i = 0; i < sheet.rows[r].size(); ++i) {
      const Cell& cell = sheet.rows[r][i];
      if (cell.text.empty()) continue;
      std::string ref = column_letter(i) + n;
      if (cell.number) {
        auto c = row.append_child("c");
        c.append_attribute("r") = ref.c_str();
        c.append_child("v").text() = cell.text.c_str();
      } else {
        text_cell(row, ref, cell.text, false);
      }
    }
  }
  return to_xml(doc);
}

}  // namespace

void write_xlsx(const std::string& path, const std::vector<SheetOut>& sheets) {
  std::vector<std::pair<std::string, std::string>> entries;
  entries.emplace_back("[Content_Types].xml", content_types(sheets.size()));
  entries.emplace_back("_rels/.rels", package_rels());
  entries.emplace_back("xl/workbook.xml", workbook(sheets));
  entries.emplace_back("xl/_rels/workbook.xml.rels", workbook_rels(sheets.size()));
  entries.emplace_back("xl/styles.xml", styles());
  for (std::size_t i = 0; i < sheets.size(); ++i)
    entries.emplace_back("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml", worksheet(sheets[i]));
  write_zip(path, entries);
}

}  // namespace dxmon::io
