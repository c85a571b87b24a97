#include "report/document.h"

#include <algorithm>

namespace dxmon::report {

Run plain(std::string text) { return Run{std::move(text), false, false, 0, {}}; }
Run bold(std::string text) { return Run{std::move(text), true, false, 0, {}}; }
Run italic(std::string text) { return Run{std::move(text), false, true, 0, {}}; }
Run figure(std::string text, std::string source) { return Run{std::move(text), true, false, 0, std::move(source)}; }
Run footnote_mark(int number) {
  Run r;
  r.footnote = number;
  return r;
}

std::string Cell::text() const {
  std::string out;
  for (const Run& r : runs) out += r.text;
  return out;
}

Cell figure_cell(std::string text, std::string source) {
  Cell c{std::move(text)};
  c.source = std::move(source);
  return c;
}

bool Table::has_sources() const {
  return std::any_of(body.begin(), body.end(), [](const Row& row) {
    return std::any_of(row.cells.begin(), row.cells.end(), [](const Cell& c) { return !c.source.empty(); });
  });
}

int Document::add_footnote(std::vector<Run> runs) {
  footnotes.push_back(Footnote{std::move(runs)});
  return static_cast<int>(footnotes.size());
}

std::string row_sources(const Row& row) {
  std::vector<std::string> seen;
  for (const Cell& c : row.cells)
    if (!c.source.empty() && std::find(seen.begin(), seen.end(), c.source) == seen.end()) seen.push_back(c.source);
  std::string out;
  for (const std::string& s : seen) out += (out.empty() ? "" : "; ") + s;
  return out;
}

}  // namespace dxmon::report

namespace dxmon::report {

Table chart_as_table(const Chart& c) {
  Table t;
  t.caption = c.title;
  t.columns.push_back(Column{40, Align::Left});
  Row head{{Cell{c.category_label}}};
  double share = 60.0 / static_cast<double>(std::max<std::size_t>(c.series.size(), 1));
  for (const Series& s : c.series) {
    t.columns.push_back(Column{share, Align::Center});
    head.cells.push_back(Cell{s.name});
  }
  t.header.push_back(std::move(head));
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    Row row{{Cell{c.categories[i]}}};
    for (const Series& s : c.series) row.cells.push_back(Cell{i < s.labels.size() ? s.labels[i] : "-"});
    t.body.push_back(std::move(row));
  }
  return t;
}

}  // namespace dxmon::report

namespace dxmon::report {

SourceNote source_note(const Table& t) {
  SourceNote note;
  note.marks.resize(t.body.size());
  struct Place { std::size_t row, cell; };
  std::size_t ncols = t.columns.size();
  std::vector<std::vector<Place>> by_column(ncols);
  std::vector<std::vector<std::string>> sources(ncols);  // distinct, in order of appearance
  for (std::size_t r = 0; r < t.body.size(); ++r) {
    note.marks[r].resize(t.body[r].cells.size());
    std::size_t col = 0;
    for (std::size_t c = 0; c < t.body[r].cells.size(); ++c) {
      const Cell& cell = t.body[r].cells[c];
      if (!cell.source.empty() && col < ncols) {
        by_column[col].push_back({r, c});
        if (std::find(sources[col].begin(), sources[col].end(), cell.source) == sources[col].end())
          sources[col].push_back(cell.source);
      }
      col += static_cast<std::size_t>(std::max(cell.span, 1));
    }
  }
  auto header_name = [&](std::size_t col) {
    if (!t.header.empty()) {
      std::size_t at = 0;
      for (const Cell& c : t.header.back().cells) {
        if (at == col) return c.text();
        at += static_cast<std::size_t>(std::max(c.span, 1));
      }
    }
    return "cột " + std::to_string(col + 1);
  };
  std::vector<std::pair<std::string, std::vector<std::string>>> whole;  // source → columns
  std::vector<std::string> lettered;
  for (std::size_t col = 0; col < ncols; ++col) {
    if (sources[col].size() == 1) {
      auto it = std::find_if(whole.begin(), whole.end(), [&](const auto& w) { return w.first == sources[col][0]; });
      if (it == whole.end()) whole.push_back({sources[col][0], {header_name(col)}});
      else it->second.push_back(header_name(col));
    } else {
      for (const Place& p : by_column[col]) {
        const std::string& src = t.body[p.row].cells[p.cell].source;
        auto it = std::find(lettered.begin(), lettered.end(), src);
        if (it == lettered.end()) it = lettered.insert(lettered.end(), src);
        std::size_t k = static_cast<std::size_t>(it - lettered.begin());
        // a…z, then aa, ab…: more than 26 sources in one table is unlikely but must not break.
        std::string mark = k < 26 ? std::string(1, static_cast<char>('a' + k))
                                  : std::string(1, static_cast<char>('a' + k / 26 - 1)) + static_cast<char>('a' + k % 26);
        note.marks[p.row][p.cell] = mark;
      }
    }
  }
  std::vector<std::string> parts;
  for (const auto& [src, columns] : whole) {
    std::string names;
    for (const std::string& n : columns) names += (names.empty() ? "" : ", ") + n;
    parts.push_back(names + ": " + src);
  }
  for (std::size_t k = 0; k < lettered.size(); ++k) {
    std::string mark;
    for (std::size_t r = 0; r < note.marks.size() && mark.empty(); ++r)
      for (std::size_t c = 0; c < note.marks[r].size(); ++c)
        if (!note.marks[r][c].empty() && t.body[r].cells[c].source == lettered[k]) {
          mark = note.marks[r][c];
          break;
        }
    parts.push_back("(" + mark + ") " + lettered[k]);
  }
  if (parts.empty()) return note;
  note.text = "Nguồn: ";
  for (std::size_t i = 0; i < parts.size(); ++i) note.text += (i ? "; " : "") + parts[i];
  note.text += ".";
  return note;
}

}  // namespace dxmon::report
