// WordprocessingML written as text. The layout follows Nghị định 30/2020/NĐ-CP, Phụ lục I:
// A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt; a borderless
// two-column heading table (issuing body | national title and motto; number | place and date);
// title and subject centred; page numbers centred in the header from page 2 (titlePg with an
// empty first-page header); Nơi nhận and the signature block side by side at the end.
// Tables have single borders and repeat their header rows on each page; cell sources go to a
// "Nguồn:" line under the table (source_note); charts are given as the table of their series (no drawing in DOCX).
#include <cmath>
#include <string>

#include "report/render.h"
#include "report/xml_text.h"
#include "report/zip_bytes.h"

namespace dxmon::report {
namespace {

constexpr int kPageWidth = 11906;   // A4, twips (1/20 pt)
constexpr int kPageHeight = 16838;
constexpr int kMarginTop = 1134;    // 20 mm
constexpr int kMarginBottom = 1134; // 20 mm
constexpr int kMarginLeft = 1701;   // 30 mm
constexpr int kMarginRight = 851;   // 15 mm
constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

struct Font {
  bool bold = false;
  bool italic = false;
  bool underline = false;
  int half_points = 0;  // 0: the style's size
};

std::string rpr(const Font& f) {
  std::string p;
  if (f.bold) p += "<w:b/><w:bCs/>";
  if (f.italic) p += "<w:i/><w:iCs/>";
  if (f.underline) p += "<w:u w:val=\"single\"/>";
  if (f.half_points > 0) {
    std::string s = std::to_string(f.half_points);
    p += "<w:sz w:val=\"" + s + "\"/><w:szCs w:val=\"" + s + "\"/>";
  }
  return p.empty() ? "" : "<w:rPr>" + p + "</w:rPr>";
}

// A run of text; '\n' becomes a line break.
std::string text_run(const std::string& text, const Font& f) {
  std::string out = "<w:r>" + rpr(f);
  std::size_t start = 0;
  while (true) {
    std::size_t nl = text.find('\n', start);
    std::string part = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!part.empty()) out += "<w:t xml:space=\"preserve\">" + xml_escape(part) + "</w:t>";
    if (nl == std::string::npos) break;
    out += "<w:br/>";
    start = nl + 1;
  }
  return out + "</w:r>";
}

std::string footnote_reference(int number) {
  return "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"" +
         std::to_string(number) + "\"/></w:r>";
}

std::string runs_xml(const std::vector<Run>& runs, const Font& base = {}) {
  std::string out;
  for (const Run& r : runs) {
    Font f = base;
    f.bold = f.bold || r.bold;
    f.italic = f.italic || r.italic;
    if (!r.text.empty()) out += text_run(r.text, f);
    if (r.footnote > 0) out += footnote_reference(r.footnote);
  }
  return out;
}

const char* jc(Align a) {
  switch (a) {
    case Align::Left: return "left";
    case Align::Center: return "center";
    case Align::Right: return "right";
    case Align::Justify: return "both";
  }
  return "left";
}

std::string para(const std::string& ppr, const std::string& runs) {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + runs + "</w:p>";
}

std::string style(const char* id) { return std::string("<w:pStyle w:val=\"") + id + "\"/>"; }
std::string centred() { return "<w:jc w:val=\"center\"/>"; }
std::string tight() { return "<w:spacing w:before=\"0\" w:after=\"0\"/>"; }

// A short horizontal rule under a centred heading line: a bottom border on an empty paragraph
// indented so that only `length` twips of the `width` are drawn.
std::string rule(int width, int length) {
  int side = (width - length) / 2;
  return para("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
              "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"" +
                  std::to_string(side) + "\" w:right=\"" + std::to_string(side) + "\"/>",
              "");
}

std::string cell_xml(int width, const std::string& content, int span = 1, const std::string& extra = {}) {
  std::string tcpr = "<w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
  if (span > 1) tcpr += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
  return "<w:tc><w:tcPr>" + tcpr + extra + "</w:tcPr>" + (content.empty() ? para("", "") : content) + "</w:tc>";
}

std::string table_start(const std::vector<int>& widths, bool borders) {
  std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(kTextWidth) +
                    "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>";
  if (borders) {
    out += "<w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
      out += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
    out += "</w:tblBorders>";
  } else {
    out += "<w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
      out += std::string("<w:") + side + " w:val=\"nil\"/>";
    out += "</w:tblBorders>";
  }
  out += "<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
         "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>";
  for (int w : widths) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  return out + "</w:tblGrid>";
}

// Column widths in twips from relative shares of the text width.
std::vector<int> column_widths(const std::vector<Column>& columns) {
  double total = 0;
  for (const Column& c : columns) total += c.width > 0 ? c.width : 0;
  std::vector<int> widths;
  int used = 0;
  for (const Column& c : columns) {
    int w = total > 0 ? static_cast<int>(std::lround(kTextWidth * (c.width > 0 ? c.width : 0) / total))
                      : kTextWidth / static_cast<int>(columns.size());
    widths.push_back(w);
    used += w;
  }
  if (!widths.empty()) widths.back() += kTextWidth - used;  // rounding
  return widths;
}

// Runs cut at each '\n' into lines (a footnote mark stays with the text before it).
std::vector<std::vector<Run>> split_lines(const std::vector<Run>& runs) {
  std::vector<std::vector<Run>> lines(1);
  for (const Run& r : runs) {
    std::size_t start = 0;
    while (true) {
      std::size_t nl = r.text.find('\n', start);
      Run piece = r;
      piece.text = r.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (nl != std::string::npos) piece.footnote = 0;
      if (!piece.text.empty() || piece.footnote > 0) lines.back().push_back(piece);
      if (nl == std::string::npos) break;
      lines.emplace_back();
      start = nl + 1;
    }
  }
  return lines;
}

std::string mark_run(const std::string& mark) {
  return mark.empty() ? "" : "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>" + xml_escape(mark) + "</w:t></w:r>";
}

std::string row_xml(const Row& row, const Table& t, const std::vector<int>& widths, bool header,
                    const std::vector<std::string>* marks) {
  std::string out = "<w:tr><w:trPr><w:cantSplit/>";
  if (header) out += "<w:tblHeader/>";
  out += "</w:trPr>";
  std::size_t col = 0;
  bool group = row.kind == RowKind::Group;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const Cell& c = row.cells[i];
    int span = c.span > 1 ? c.span : 1;
    int width = 0;
    for (int k = 0; k < span && col + static_cast<std::size_t>(k) < widths.size(); ++k)
      width += widths[col + static_cast<std::size_t>(k)];
    Align a = header ? Align::Center
                     : c.align ? *c.align : col < t.columns.size() ? t.columns[col].align : Align::Left;
    if (group && span > 1) a = Align::Left;  // a group title reads from the left
    std::string extra = header ? "<w:vAlign w:val=\"center\"/>" : "";
    if (group) extra += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/>";
    std::string mark = marks && i < marks->size() ? mark_run((*marks)[i]) : "";
    // Each line of a cell is its own paragraph: a justified line ended by a break would be
    // stretched across the cell.
    // A group heading row stays on the page of the row after it (keep-with-next on its paragraphs),
    // so a pillar title is never left alone at the foot of a page.
    std::vector<std::vector<Run>> lines = split_lines(c.runs);
    std::string content;
    for (std::size_t l = 0; l < lines.size(); ++l)
      content += para(style("TableText") + (group ? "<w:keepNext/>" : "") + std::string("<w:jc w:val=\"") + jc(a) + "\"/>",
                      runs_xml(lines[l], Font{header || group, false, false, 0}) + (l + 1 == lines.size() ? mark : ""));
    out += cell_xml(width, content, span, extra);
    col += static_cast<std::size_t>(span);
  }
  // Rows shorter than the grid get empty cells, so Word does not see a ragged table.
  while (col < widths.size()) out += cell_xml(widths[col++], "");
  return out + "</w:tr>";
}

std::string table_xml(const Table& t) {
  std::string out;
  if (!t.caption.empty())
    out += para(style("BodyText") + "<w:keepNext/><w:ind w:firstLine=\"0\"/>" + centred(),
                text_run(t.caption, Font{true}));
  if (t.columns.empty()) return out;
  SourceNote sources = source_note(t);
  std::vector<int> widths = column_widths(t.columns);
  out += table_start(widths, true);
  for (const Row& r : t.header) out += row_xml(r, t, widths, true, nullptr);
  for (std::size_t i = 0; i < t.body.size(); ++i) out += row_xml(t.body[i], t, widths, false, &sources.marks[i]);
  out += "</w:tbl>";
  // A paragraph after every table: Word needs one before a section end, and it spaces the page.
  const std::string after = "<w:jc w:val=\"both\"/><w:spacing w:before=\"40\" w:after=\"120\"/>";
  if (!sources.text.empty()) out += para(style("TableText") + after, text_run(sources.text, Font{false, true}));
  if (!t.note.empty()) out += para(style("TableText") + after, text_run(t.note, Font{false, true}));
  if (sources.text.empty() && t.note.empty()) out += para(tight(), "");
  return out;
}

std::string sections_xml(const std::vector<Section>& sections) {
  std::string out;
  for (const Section& s : sections) {
    if (!s.number.empty() || !s.title.empty()) {
      int level = s.level < 1 ? 1 : s.level > 3 ? 3 : s.level;
      std::string id = "Heading" + std::to_string(level);
      std::string title = s.number.empty() ? s.title : s.number + " " + s.title;
      out += para(style(id.c_str()), text_run(title, {}));
    }
    for (const Block& b : s.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        if (p->style == ParagraphStyle::Bullet) out += para(style("BodyText"), text_run("- ", {}) + runs_xml(p->runs));
        else if (p->style == ParagraphStyle::Centered)
          out += para(style("BodyText") + "<w:ind w:firstLine=\"0\"/>" + centred(), runs_xml(p->runs));
        else out += para(style("BodyText"), runs_xml(p->runs));
      } else if (const auto* t = std::get_if<Table>(&b)) {
        out += table_xml(*t);
      } else if (const auto* sc = std::get_if<SummaryCounts>(&b)) {
        for (std::size_t i = 0; i < sc->lines.size(); ++i) {
          const SummaryLine& l = sc->lines[i];
          std::string rest = " " + l.label + (l.share.empty() ? "" : " (" + l.share + ")") +
                             (i + 1 < sc->lines.size() ? ";" : ".");
          out += para(style("BodyText"), text_run("- ", {}) + text_run(l.count, Font{true}) + text_run(rest, {}));
        }
      } else {
        out += table_xml(chart_as_table(std::get<Chart>(b)));
      }
    }
  }
  return out;
}

std::string heading_block(const FrontMatter& f) {
  int left = kTextWidth * 38 / 100, right = kTextWidth - left;
  std::string body;
  if (!f.parent_body.empty()) body += para(centred() + tight(), text_run(f.parent_body, Font{false, false, false, 26}));
  body += para(centred() + tight(), text_run(f.issuing_body, Font{true, false, false, 26}));
  body += rule(left, left / 3);
  std::string nation = para(centred() + tight(), text_run(kNationalTitle, Font{true, false, false, 24})) +
                       para(centred() + tight(), text_run(kMotto, Font{true, false, true, 26}));
  std::string out = table_start({left, right}, false);
  out += "<w:tr>" + cell_xml(left, body) + cell_xml(right, nation) + "</w:tr>";
  out += "<w:tr>" +
         cell_xml(left, para(centred() + "<w:spacing w:before=\"120\" w:after=\"0\"/>",
                             text_run("Số: " + f.number, Font{false, false, false, 26}))) +
         cell_xml(right, para(centred() + "<w:spacing w:before=\"120\" w:after=\"0\"/>",
                              text_run(f.place + ", " + f.date, Font{false, true, false, 28}))) +
         "</w:tr></w:tbl>";
  out += para("<w:spacing w:before=\"240\" w:after=\"0\"/>" + centred(), text_run(f.title, Font{true}));
  std::string subject;
  for (std::size_t i = 0; i < f.subject.size(); ++i) subject += (i ? "\n" : "") + f.subject[i];
  if (!subject.empty()) out += para(centred() + tight(), text_run(subject, Font{true}));
  if (!f.subject_note.empty()) out += para(centred() + tight(), text_run(f.subject_note, Font{false, true}));
  out += rule(kTextWidth, kTextWidth / 5);
  return out;
}

std::string closing_block(const Document& doc) {
  int half = kTextWidth / 2;
  std::string left;
  if (!doc.recipients.empty()) {
    left += para(tight(), text_run("Nơi nhận:", Font{true, true, false, 24}));
    for (const std::string& r : doc.recipients) left += para(tight(), text_run("- " + r, Font{false, false, false, 22}));
  }
  const Signature& s = doc.signature;
  std::string right;
  if (!s.authority.empty()) right += para(centred() + tight(), text_run(s.authority, Font{true}));
  if (!s.position.empty()) right += para(centred() + tight(), text_run(s.position, Font{true}));
  for (int i = 0; i < 4; ++i) right += para(tight(), "");  // room for the signature and seal
  if (!s.signer.empty()) right += para(centred() + tight(), text_run(s.signer, Font{true}));
  return para(tight(), "") + table_start({half, kTextWidth - half}, false) + "<w:tr><w:trPr><w:cantSplit/></w:trPr>" +
         cell_xml(half, left) + cell_xml(kTextWidth - half, right) + "</w:tr></w:tbl>";
}

std::string appendix_xml(const Appendix& a) {
  std::string out = para(tight(), "<w:r><w:br w:type=\"page\"/></w:r>");
  out += para(centred() + tight(), text_run(a.label, Font{true}));
  for (const std::string& line : a.title) out += para(centred() + tight(), text_run(line, Font{true}));
  if (!a.attached_note.empty()) out += para(centred() + tight(), text_run(a.attached_note, Font{false, true}));
  out += rule(kTextWidth, kTextWidth / 5);
  return out + sections_xml(a.sections);
}

std::string document_xml(const Document& doc) {
  std::string body = heading_block(doc.front) + sections_xml(doc.sections) + closing_block(doc);
  for (const Appendix& a : doc.appendices) body += appendix_xml(a);
  std::string sect = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
                     "<w:headerReference w:type=\"first\" r:id=\"rId5\"/>"
                     "<w:pgSz w:w=\"" + std::to_string(kPageWidth) + "\" w:h=\"" + std::to_string(kPageHeight) +
                     "\"/><w:pgMar w:top=\"" + std::to_string(kMarginTop) + "\" w:right=\"" +
                     std::to_string(kMarginRight) + "\" w:bottom=\"" + std::to_string(kMarginBottom) +
                     "\" w:left=\"" + std::to_string(kMarginLeft) +
                     "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>";
  return std::string(kXmlDecl) + "<w:document xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR + "\"><w:body>" + body + para("", "") +
         sect + "</w:body></w:document>";
}

std::string footnotes_xml(const Document& doc) {
  std::string out = std::string(kXmlDecl) + "<w:footnotes xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR + "\">" +
                    "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr>" + tight() +
                    "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
                    "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr>" + tight() +
                    "</w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>";
  for (std::size_t i = 0; i < doc.footnotes.size(); ++i)
    out += "<w:footnote w:id=\"" + std::to_string(i + 1) + "\">" +
           para(style("FootnoteText"),
                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>" +
                    text_run(" ", {}) + runs_xml(doc.footnotes[i].runs)) +
           "</w:footnote>";
  return out + "</w:footnotes>";
}

std::string header_xml(bool page_number) {
  std::string runs;
  if (page_number)
    runs = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
           "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  return std::string(kXmlDecl) + "<w:hdr xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR + "\">" +
         para(centred() + tight(), runs) + "</w:hdr>";
}

std::string styles_xml() {
  return std::string(kXmlDecl) + "<w:styles xmlns:w=\"" + kW + "\">" +
         R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" )"
         R"(w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/>)"
         R"(<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>)"
         R"(<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>)"
         R"(</w:docDefaults>)"
         R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>)"
         R"(<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>)"
         R"(<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>)"
         R"(<w:pPr><w:spacing w:before="120" w:after="0" w:line="288" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>)"
         R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/>)"
         R"(<w:pPr><w:keepNext/><w:spacing w:before="240"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>)"
         R"(<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/>)"
         R"(<w:pPr><w:keepNext/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>)"
         R"(<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/>)"
         R"(<w:pPr><w:keepNext/><w:jc w:val="left"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>)"
         R"(<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>)"
         R"(<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>)"
         R"(<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>)"
         R"(<w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>)"
         R"(<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>)"
         R"(<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>)"
         "</w:styles>";
}

std::string settings_xml() {
  return std::string(kXmlDecl) + "<w:settings xmlns:w=\"" + kW + "\">" +
         R"(<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>)"
         R"(<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>)"
         R"(<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>)"
         "</w:settings>";
}

std::string content_types_xml() {
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  return std::string(kXmlDecl) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"" + wml + "document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" ContentType=\"" + wml + "styles+xml\"/>"
         "<Override PartName=\"/word/settings.xml\" ContentType=\"" + wml + "settings+xml\"/>"
         "<Override PartName=\"/word/footnotes.xml\" ContentType=\"" + wml + "footnotes+xml\"/>"
         "<Override PartName=\"/word/header1.xml\" ContentType=\"" + wml + "header+xml\"/>"
         "<Override PartName=\"/word/header2.xml\" ContentType=\"" + wml + "header+xml\"/>"
         "</Types>";
}

std::string package_rels_xml() {
  return std::string(kXmlDecl) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
}

std::string document_rels_xml() {
  const std::string base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  auto rel = [&](const char* id, const char* type, const char* target) {
    return std::string("<Relationship Id=\"") + id + "\" Type=\"" + base + type + "\" Target=\"" + target + "\"/>";
  };
  return std::string(kXmlDecl) + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
         rel("rId1", "styles", "styles.xml") + rel("rId2", "settings", "settings.xml") +
         rel("rId3", "footnotes", "footnotes.xml") + rel("rId4", "header", "header1.xml") +
         rel("rId5", "header", "header2.xml") + "</Relationships>";
}

}  // namespace

std::string render_docx(const Document& doc) {
  return zip_bytes({{"[Content_Types].xml", content_types_xml()},
                    {"_rels/.rels", package_rels_xml()},
                    {"word/document.xml", document_xml(doc)},
                    {"word/_rels/document.xml.rels", document_rels_xml()},
                    {"word/styles.xml", styles_xml()},
                    {"word/settings.xml", settings_xml()},
                    {"word/footnotes.xml", footnotes_xml(doc)},
                    {"word/header1.xml", header_xml(true)},
                    {"word/header2.xml", header_xml(false)}});
}

}  // namespace dxmon::report
