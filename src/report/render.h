#pragma once
// The five renderers of a report Document. Each is a pure function of the document: the same
// document always gives the same bytes (zip entries carry a fixed timestamp), so the outputs can
// be compared with golden files. Each is implemented in its own file (render_*.cpp).
#include <string>

#include "report/document.h"

namespace dxmon::report {

// WordprocessingML (.docx) laid out after Nghị định 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm,
// Times New Roman 14 pt, national heading table, real footnotes, page numbers from page 2.
std::string render_docx(const Document& doc);
// One self-contained HTML file: inline CSS (with A4 print rules), charts as inline SVG.
std::string render_html(const Document& doc);
// GitHub-flavoured Markdown: pipe tables, footnotes as [^n].
std::string render_markdown(const Document& doc);
// An XLSX workbook with one sheet per table (and per chart, as its table of series).
std::string render_xlsx(const Document& doc);
// The model as JSON (keys in a fixed order, two-space indent) so that reports can be diffed.
std::string render_json(const Document& doc);
// Reads render_json's output back. Throws std::invalid_argument saying which key is wrong.
Document parse_json(const std::string& json);

}  // namespace dxmon::report
