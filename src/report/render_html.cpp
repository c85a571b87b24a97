// One self-contained HTML page: inline CSS (screen and A4 print), charts drawn as inline SVG by
// chart_svg below, footnotes as a numbered list with links both ways, cell and figure sources as
// title attributes (hover to see where a number comes from) and, for cells, the "Nguồn:" line
// under the table.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "report/render.h"
#include "report/xml_text.h"

namespace dxmon::report {
namespace {

const char* kCss = R"(
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 14pt; line-height: 1.35;
       max-width: 165mm; margin: 2em auto; color: #000; }
.heading { width: 100%; border-collapse: collapse; margin-bottom: 1.5em; }
.heading td { vertical-align: top; text-align: center; padding: 0; border: none; }
.heading .body { width: 38%; }
.heading .parent { font-size: 12.5pt; }
.heading .issuer { font-size: 12.5pt; font-weight: bold; }
.heading .nation { font-size: 12pt; font-weight: bold; white-space: nowrap; }
.heading .motto { font-size: 13pt; font-weight: bold; text-decoration: underline; }
.heading .number { font-size: 13pt; padding-top: 0.6em; }
.heading .date { font-style: italic; padding-top: 0.6em; }
.rule { width: 30%; margin: 0.15em auto 0; border: 0; border-top: 1px solid #000; }
.doc-title { text-align: center; font-weight: bold; margin: 1em 0 0; }
.subject { text-align: center; font-weight: bold; margin: 0; }
.subject-note { text-align: center; font-style: italic; margin: 0; }
h2, h3, h4 { font-size: 14pt; margin: 0.6em 0 0.3em; text-indent: 1cm; }
h3 { font-weight: bold; }
h4 { font-weight: bold; font-style: italic; }
p.body, p.bullet, p.count { text-align: justify; text-indent: 1cm; margin: 0.3em 0; }
p.centered { text-align: center; margin: 0.3em 0; }
table.data { width: 100%; border-collapse: collapse; font-size: 12pt; margin: 0.5em 0; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
table.data th { font-weight: bold; text-align: center; vertical-align: middle; }
table.data thead { display: table-header-group; }
table.data tr.group td { font-weight: bold; background: #f2f2f2; }
.caption { text-align: center; font-weight: bold; margin: 0.6em 0 0.2em; }
.note { font-style: italic; font-size: 12pt; margin: 0.2em 0 0.6em; }
figure.chart { margin: 0.8em 0; text-align: center; }
figure.chart figcaption { font-weight: bold; }
[title] { text-decoration-line: underline; text-decoration-style: dotted; text-decoration-thickness: 1px; }
.closing { width: 100%; border-collapse: collapse; margin-top: 1.2em; }
.closing td { vertical-align: top; border: none; padding: 0; }
.closing .recipients { width: 50%; font-size: 11pt; }
.closing .recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
.closing .recipients p { margin: 0; }
.closing .signature { text-align: center; font-weight: bold; }
.closing .signature .signer { margin-top: 5em; }
.appendix { page-break-before: always; break-before: page; margin-top: 3em; }
.appendix .label, .appendix .title { text-align: center; font-weight: bold; margin: 0; }
.appendix .attached { text-align: center; font-style: italic; margin: 0 0 1em; }
.footnotes { font-size: 11pt; border-top: 1px solid #000; margin-top: 2em; padding-top: 0.3em; }
.footnotes ol { padding-left: 1.5em; margin: 0; }
sup a { text-decoration: none; }
@media print { body { margin: 0; max-width: none; } a { color: #000; } }
)";

std::string esc(const std::string& s) { return xml_escape(s); }

std::string text_with_breaks(const std::string& s) {
  std::string e = esc(s), out;
  for (char c : e) {
    if (c == '\n') out += "<br>";
    else out += c;
  }
  return out;
}

std::string runs_html(const std::vector<Run>& runs) {
  std::string out;
  for (const Run& r : runs) {
    if (!r.text.empty()) {
      std::string t = text_with_breaks(r.text);
      if (r.italic) t = "<em>" + t + "</em>";
      if (r.bold) t = "<strong>" + t + "</strong>";
      if (!r.source.empty()) t = "<span title=\"" + esc("Nguồn: " + r.source) + "\">" + t + "</span>";
      out += t;
    }
    if (r.footnote > 0) {
      std::string n = std::to_string(r.footnote);
      out += "<sup><a href=\"#fn" + n + "\" id=\"fnref" + n + "\">" + n + "</a></sup>";
    }
  }
  return out;
}

const char* align_css(Align a) {
  switch (a) {
    case Align::Left: return "left";
    case Align::Center: return "center";
    case Align::Right: return "right";
    case Align::Justify: return "justify";
  }
  return "left";
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A bar or line chart as SVG. Sizes in SVG user units; the viewBox makes it scale to the page.
std::string chart_svg(const Chart& c) {
  const double width = 640, height = 340, left = 56, right = 16, top = 16, bottom = 86;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  double max = 0;
  for (const Series& s : c.series)
    for (const auto& v : s.values)
      if (v) max = std::max(max, *v);
  if (c.max_value) max = std::max(max, *c.max_value);
  if (max <= 0) max = 1;
  // A round step for five grid lines.
  double raw = max / 5, mag = std::pow(10, std::floor(std::log10(raw))), step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * mag >= raw) { step = m * mag; break; }
  double axis_max = step * std::ceil(max / step);
  auto y_of = [&](double v) { return top + plot_h * (1 - v / axis_max); };
  static const char* colours[] = {"#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6"};

  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                  "\" width=\"100%\" role=\"img\" aria-label=\"" + esc(c.title) +
                  "\" font-family=\"Times New Roman, serif\" font-size=\"12\">\n";
  for (double g = 0; g <= axis_max + step / 2; g += step) {
    double y = y_of(g);
    s += "<line x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(width - right) + "\" y2=\"" + num(y) +
         "\" stroke=\"#d0d0d0\"/>";
    s += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" +
         esc(std::to_string(static_cast<long>(std::lround(g)))) + "</text>\n";
  }
  s += "<line x1=\"" + num(left) + "\" y1=\"" + num(top) + "\" x2=\"" + num(left) + "\" y2=\"" + num(top + plot_h) +
       "\" stroke=\"#000\"/>";
  s += "<line x1=\"" + num(left) + "\" y1=\"" + num(top + plot_h) + "\" x2=\"" + num(width - right) + "\" y2=\"" +
       num(top + plot_h) + "\" stroke=\"#000\"/>\n";
  if (!c.value_label.empty())
    s += "<text transform=\"translate(14 " + num(top + plot_h / 2) + ") rotate(-90)\" text-anchor=\"middle\">" +
         esc(c.value_label) + "</text>\n";

  std::size_t n = std::max<std::size_t>(c.categories.size(), 1), k = std::max<std::size_t>(c.series.size(), 1);
  double slot = plot_w / static_cast<double>(n);
  for (std::size_t i = 0; i < c.categories.size(); ++i)
    s += "<text x=\"" + num(left + slot * (static_cast<double>(i) + 0.5)) + "\" y=\"" + num(top + plot_h + 16) +
         "\" text-anchor=\"middle\">" + esc(c.categories[i]) + "</text>\n";

  for (std::size_t j = 0; j < c.series.size(); ++j) {
    const Series& ser = c.series[j];
    const char* colour = colours[j % 6];
    std::string points;
    for (std::size_t i = 0; i < ser.values.size() && i < c.categories.size(); ++i) {
      if (!ser.values[i]) continue;
      double v = *ser.values[i];
      std::string label = i < ser.labels.size() ? ser.labels[i] : "";
      std::string tip = "<title>" + esc(ser.name + " – " + c.categories[i] + ": " + label) + "</title>";
      if (c.kind == ChartKind::Bar) {
        double bar_w = slot * 0.8 / static_cast<double>(k);
        double x = left + slot * static_cast<double>(i) + slot * 0.1 + bar_w * static_cast<double>(j);
        s += "<rect x=\"" + num(x) + "\" y=\"" + num(y_of(v)) + "\" width=\"" + num(bar_w) + "\" height=\"" +
             num(top + plot_h - y_of(v)) + "\" fill=\"" + colour + "\">" + tip + "</rect>";
        s += "<text x=\"" + num(x + bar_w / 2) + "\" y=\"" + num(y_of(v) - 3) +
             "\" text-anchor=\"middle\" font-size=\"10\">" + esc(label) + "</text>\n";
      } else {
        double x = left + slot * (static_cast<double>(i) + 0.5);
        points += (points.empty() ? "" : " ") + num(x) + "," + num(y_of(v));
        s += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y_of(v)) + "\" r=\"3\" fill=\"" + colour + "\">" + tip +
             "</circle>";
        s += "<text x=\"" + num(x) + "\" y=\"" + num(y_of(v) - 6) + "\" text-anchor=\"middle\" font-size=\"10\">" +
             esc(label) + "</text>\n";
      }
    }
    if (c.kind == ChartKind::Line && !points.empty())
      s += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"/>\n";
    // Legend below the category labels.
    double lx = left + 150 * static_cast<double>(j), ly = height - 28;
    s += "<rect x=\"" + num(lx) + "\" y=\"" + num(ly - 10) + "\" width=\"12\" height=\"12\" fill=\"" + colour + "\"/>";
    s += "<text x=\"" + num(lx + 17) + "\" y=\"" + num(ly) + "\">" + esc(ser.name) + "</text>\n";
  }
  return s + "</svg>";
}

void write_row(std::string& out, const Row& row, const Table& t, bool header, const std::vector<std::string>* marks) {
  out += row.kind == RowKind::Group ? "<tr class=\"group\">" : "<tr>";
  std::size_t col = 0;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const Cell& c = row.cells[i];
    out += header ? "<th" : "<td";
    if (c.span > 1) out += " colspan=\"" + std::to_string(c.span) + "\"";
    if (!header) {
      Align a = c.align ? *c.align : col < t.columns.size() ? t.columns[col].align : Align::Left;
      if (row.kind == RowKind::Group && c.span > 1) a = Align::Left;  // a group title reads from the left
      if (a != Align::Left) out += std::string(" style=\"text-align:") + align_css(a) + "\"";
    }
    if (!c.source.empty()) out += " title=\"" + esc("Nguồn: " + c.source) + "\"";
    out += ">" + runs_html(c.runs);
    if (marks && i < marks->size() && !(*marks)[i].empty()) out += "<sup class=\"src\">" + esc((*marks)[i]) + "</sup>";
    out += header ? "</th>" : "</td>";
    col += static_cast<std::size_t>(std::max(c.span, 1));
  }
  out += "</tr>\n";
}

void write_table(std::string& out, const Table& t) {
  SourceNote sources = source_note(t);
  if (!t.caption.empty()) out += "<p class=\"caption\">" + esc(t.caption) + "</p>\n";
  out += "<table class=\"data\">\n<colgroup>";
  double total = 0;
  for (const Column& c : t.columns) total += c.width;
  for (const Column& c : t.columns) out += "<col style=\"width:" + num(total > 0 ? 100 * c.width / total : 0) + "%\">";
  out += "</colgroup>\n<thead>\n";
  for (const Row& r : t.header) write_row(out, r, t, true, nullptr);
  out += "</thead>\n<tbody>\n";
  for (std::size_t i = 0; i < t.body.size(); ++i) write_row(out, t.body[i], t, false, &sources.marks[i]);
  out += "</tbody>\n</table>\n";
  if (!sources.text.empty()) out += "<p class=\"note\">" + esc(sources.text) + "</p>\n";
  if (!t.note.empty()) out += "<p class=\"note\">" + esc(t.note) + "</p>\n";
}

void write_sections(std::string& out, const std::vector<Section>& sections) {
  for (const Section& s : sections) {
    if (!s.number.empty() || !s.title.empty()) {
      int level = s.level < 1 ? 1 : s.level > 3 ? 3 : s.level;
      std::string tag = "h" + std::to_string(level + 1);
      std::string title = s.number.empty() ? s.title : s.number + " " + s.title;
      out += "<" + tag + ">" + esc(title) + "</" + tag + ">\n";
    }
    for (const Block& b : s.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        switch (p->style) {
          case ParagraphStyle::Body: out += "<p class=\"body\">" + runs_html(p->runs) + "</p>\n"; break;
          case ParagraphStyle::Bullet: out += "<p class=\"bullet\">- " + runs_html(p->runs) + "</p>\n"; break;
          case ParagraphStyle::Centered: out += "<p class=\"centered\">" + runs_html(p->runs) + "</p>\n"; break;
        }
      } else if (const auto* t = std::get_if<Table>(&b)) {
        write_table(out, *t);
      } else if (const auto* sc = std::get_if<SummaryCounts>(&b)) {
        for (std::size_t i = 0; i < sc->lines.size(); ++i) {
          const SummaryLine& l = sc->lines[i];
          out += "<p class=\"count\">- <strong>" + esc(l.count) + "</strong> " + esc(l.label);
          if (!l.share.empty()) out += " (" + esc(l.share) + ")";
          out += i + 1 < sc->lines.size() ? ";</p>\n" : ".</p>\n";
        }
      } else {
        const Chart& c = std::get<Chart>(b);
        out += "<figure class=\"chart\">\n" + chart_svg(c) + "\n<figcaption>" + esc(c.title) + "</figcaption>\n</figure>\n";
      }
    }
  }
}

}  // namespace

std::string render_html(const Document& doc) {
  const FrontMatter& f = doc.front;
  std::string title = f.title;
  for (const std::string& line : f.subject) title += " " + line;
  std::string out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title) +
                    "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";

  out += "<table class=\"heading\">\n<tr><td class=\"body\">";
  if (!f.parent_body.empty()) out += "<div class=\"parent\">" + esc(f.parent_body) + "</div>";
  out += "<div class=\"issuer\">" + esc(f.issuing_body) + "</div><hr class=\"rule\"></td>\n";
  out += "<td><div class=\"nation\">" + std::string(kNationalTitle) + "</div><div class=\"motto\">" + kMotto +
         "</div></td></tr>\n";
  out += "<tr><td class=\"number\">Số: " + esc(f.number) + "</td><td class=\"date\">" + esc(f.place + ", " + f.date) +
         "</td></tr>\n</table>\n";
  out += "<p class=\"doc-title\">" + esc(f.title) + "</p>\n";
  for (const std::string& line : f.subject) out += "<p class=\"subject\">" + esc(line) + "</p>\n";
  if (!f.subject_note.empty()) out += "<p class=\"subject-note\">" + esc(f.subject_note) + "</p>\n";
  out += "<hr class=\"rule\" style=\"width:20%;margin-bottom:1em\">\n";

  write_sections(out, doc.sections);

  const Signature& s = doc.signature;
  out += "<table class=\"closing\"><tr><td class=\"recipients\">";
  if (!doc.recipients.empty()) {
    out += "<p class=\"label\">Nơi nhận:</p>";
    for (const std::string& r : doc.recipients) out += "<p>- " + esc(r) + "</p>";
  }
  out += "</td><td class=\"signature\">";
  if (!s.authority.empty()) out += "<div>" + esc(s.authority) + "</div>";
  if (!s.position.empty()) out += "<div>" + esc(s.position) + "</div>";
  if (!s.signer.empty()) out += "<div class=\"signer\">" + esc(s.signer) + "</div>";
  out += "</td></tr></table>\n";

  for (const Appendix& a : doc.appendices) {
    out += "<section class=\"appendix\">\n<p class=\"label\">" + esc(a.label) + "</p>\n";
    for (const std::string& line : a.title) out += "<p class=\"title\">" + esc(line) + "</p>\n";
    if (!a.attached_note.empty()) out += "<p class=\"attached\">" + esc(a.attached_note) + "</p>\n";
    write_sections(out, a.sections);
    out += "</section>\n";
  }

  if (!doc.footnotes.empty()) {
    out += "<section class=\"footnotes\">\n<ol>\n";
    for (std::size_t i = 0; i < doc.footnotes.size(); ++i) {
      std::string n = std::to_string(i + 1);
      out += "<li id=\"fn" + n + "\">" + runs_html(doc.footnotes[i].runs) + " <a href=\"#fnref" + n +
             "\" aria-label=\"Quay lại\">↩</a></li>\n";
    }
    out += "</ol>\n</section>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace dxmon::report
