// GitHub-flavoured Markdown. The heading block is written as plain lines (Markdown has no
// two-column layout); tables are pipe tables, where a spanning cell is written in its first column
// and the columns it covers are left empty; cell sources go to a "Nguồn:" line under the table; charts are
// written as the table of their series; footnotes use [^n].
#include <string>

#include "report/render.h"

namespace dxmon::report {
namespace {

// Characters that would start emphasis, links, HTML or a table cell boundary.
std::string md_escape(const std::string& s, bool in_table) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': case '*': case '_': case '`': case '[': case ']': case '<': case '>':
        out += '\\';
        out += c;
        break;
      case '|':
        out += in_table ? "\\|" : "|";
        break;
      case '\n':
        out += in_table ? "<br>" : "  \n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string md_runs(const std::vector<Run>& runs, bool in_table) {
  std::string out;
  for (const Run& r : runs) {
    if (!r.text.empty()) {
      std::string t = md_escape(r.text, in_table);
      // Emphasis markers must hug the text: move surrounding spaces outside them.
      std::size_t lead = t.find_first_not_of(' ');
      if (lead == std::string::npos) {
        out += t;
      } else {
        std::size_t trail = t.find_last_not_of(' ');
        std::string mark = std::string(r.bold ? "**" : "") + (r.italic ? "_" : "");
        std::string close(mark.rbegin(), mark.rend());
        out += t.substr(0, lead) + mark + t.substr(lead, trail - lead + 1) + close + t.substr(trail + 1);
      }
    }
    if (r.footnote > 0) out += "[^" + std::to_string(r.footnote) + "]";
  }
  return out;
}

std::string table_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& c : cells) out += " " + c + " |";
  return out + "\n";
}

std::vector<std::string> row_cells(const Row& row, std::size_t columns, const std::vector<std::string>* marks) {
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const Cell& c = row.cells[i];
    std::string text = md_runs(c.runs, true);
    if (row.kind == RowKind::Group && !text.empty() && text.rfind("**", 0) != 0) text = "**" + text + "**";
    if (marks && i < marks->size() && !(*marks)[i].empty()) text += "<sup>" + (*marks)[i] + "</sup>";
    cells.push_back(text);
    for (int k = 1; k < c.span; ++k) cells.emplace_back();
  }
  cells.resize(columns);
  return cells;
}

std::string delimiter(const std::vector<Column>& columns) {
  std::vector<std::string> cells;
  for (const Column& c : columns)
    cells.push_back(c.align == Align::Center ? ":---:" : c.align == Align::Right ? "---:" : "---");
  return table_row(cells);
}

void write_table(std::string& out, const Table& t) {
  SourceNote sources = source_note(t);
  std::size_t n = t.columns.size();
  if (!t.caption.empty()) out += "**" + md_escape(t.caption, false) + "**\n\n";
  // GFM needs exactly one header row: extra header rows become bold body rows.
  std::vector<std::string> head = t.header.empty() ? std::vector<std::string>(n) : row_cells(t.header[0], n, nullptr);
  out += table_row(head);
  out += delimiter(t.columns);
  for (std::size_t i = 1; i < t.header.size(); ++i) {
    auto cells = row_cells(t.header[i], n, nullptr);
    for (auto& c : cells)
      if (!c.empty()) c = "**" + c + "**";
    out += table_row(cells);
  }
  for (std::size_t i = 0; i < t.body.size(); ++i) out += table_row(row_cells(t.body[i], n, &sources.marks[i]));
  out += "\n";
  if (!sources.text.empty()) out += "_" + md_escape(sources.text, false) + "_\n\n";
  if (!t.note.empty()) out += "_" + md_escape(t.note, false) + "_\n\n";
}

void write_sections(std::string& out, const std::vector<Section>& sections) {
  for (const Section& s : sections) {
    if (!s.number.empty() || !s.title.empty()) {
      int level = s.level < 1 ? 1 : s.level > 4 ? 4 : s.level;
      std::string title = s.number.empty() ? s.title : s.number + " " + s.title;
      out += std::string(static_cast<std::size_t>(level + 1), '#') + " " + md_escape(title, false) + "\n\n";
    }
    for (const Block& b : s.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        std::string text = md_runs(p->runs, false);
        if (p->style == ParagraphStyle::Bullet) out += "- " + text + "\n\n";
        else if (p->style == ParagraphStyle::Centered) out += "<p align=\"center\">" + text + "</p>\n\n";
        else out += text + "\n\n";
      } else if (const auto* t = std::get_if<Table>(&b)) {
        write_table(out, *t);
      } else if (const auto* sc = std::get_if<SummaryCounts>(&b)) {
        for (std::size_t i = 0; i < sc->lines.size(); ++i) {
          const SummaryLine& l = sc->lines[i];
          out += "- **" + md_escape(l.count, false) + "** " + md_escape(l.label, false);
          if (!l.share.empty()) out += " (" + md_escape(l.share, false) + ")";
          out += i + 1 < sc->lines.size() ? ";\n" : ".\n";
        }
        out += "\n";
      } else {
        write_table(out, chart_as_table(std::get<Chart>(b)));
      }
    }
  }
}

}  // namespace

std::string render_markdown(const Document& doc) {
  const FrontMatter& f = doc.front;
  std::string out;
  if (!f.parent_body.empty()) out += md_escape(f.parent_body, false) + "  \n";
  out += "**" + md_escape(f.issuing_body, false) + "**  \n";
  out += "Số: " + md_escape(f.number, false) + "\n\n";
  out += "**" + std::string(kNationalTitle) + "**  \n";
  out += "**" + std::string(kMotto) + "**\n\n";
  out += "_" + md_escape(f.place + ", " + f.date, false) + "_\n\n";
  out += "# " + md_escape(f.title, false) + "\n\n";
  if (!f.subject.empty()) {
    out += "**";
    for (std::size_t i = 0; i < f.subject.size(); ++i) out += (i ? " " : "") + md_escape(f.subject[i], false);
    out += "**\n\n";
  }
  if (!f.subject_note.empty()) out += "_" + md_escape(f.subject_note, false) + "_\n\n";

  write_sections(out, doc.sections);

  if (!doc.recipients.empty()) {
    out += "**_Nơi nhận:_**\n\n";
    for (const std::string& r : doc.recipients) out += "- " + md_escape(r, false) + "\n";
    out += "\n";
  }
  const Signature& s = doc.signature;
  for (const std::string* line : {&s.authority, &s.position, &s.signer})
    if (!line->empty()) out += "**" + md_escape(*line, false) + "**  \n";
  if (!s.authority.empty() || !s.position.empty() || !s.signer.empty()) out += "\n";

  for (const Appendix& a : doc.appendices) {
    out += "---\n\n## " + md_escape(a.label, false) + "\n\n";
    if (!a.title.empty()) {
      out += "**";
      for (std::size_t i = 0; i < a.title.size(); ++i) out += (i ? " " : "") + md_escape(a.title[i], false);
      out += "**\n\n";
    }
    if (!a.attached_note.empty()) out += "_" + md_escape(a.attached_note, false) + "_\n\n";
    write_sections(out, a.sections);
  }

  for (std::size_t i = 0; i < doc.footnotes.size(); ++i)
    out += "[^" + std::to_string(i + 1) + "]: " + md_runs(doc.footnotes[i].runs, false) + "\n";
  return out;
}

}  // namespace dxmon::report
