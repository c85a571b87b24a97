#pragma once
// Readers of a report Document shared by the report-kind tests: sections by number or title,
// blocks of one type, paragraph text, tables by caption, rows by their text.
#include <string>
#include <variant>
#include <vector>

#include "report/document.h"

namespace dxmon::report::testing {

inline const Section* section_numbered(const std::vector<Section>& sections, const std::string& number) {
  for (const Section& s : sections)
    if (s.number == number) return &s;
  return nullptr;
}

inline const Section* section_titled(const std::vector<Section>& sections, const std::string& title) {
  for (const Section& s : sections)
    if (s.title == title) return &s;
  return nullptr;
}

template <class T>
std::vector<const T*> blocks(const Section& s) {
  std::vector<const T*> out;
  for (const Block& b : s.blocks)
    if (const T* x = std::get_if<T>(&b)) out.push_back(x);
  return out;
}

inline std::string text_of(const Paragraph& p) {
  std::string out;
  for (const Run& r : p.runs) out += r.text;
  return out;
}

// The section's paragraphs, one line each.
inline std::string all_text(const Section& s) {
  std::string out;
  for (const Paragraph* p : blocks<Paragraph>(s)) out += text_of(*p) + "\n";
  return out;
}

inline std::string all_text(const std::vector<Section>& sections) {
  std::string out;
  for (const Section& s : sections) out += all_text(s);
  return out;
}

// The first table, in the body or an appendix, whose caption contains `caption_part`.
inline const Table* table_with_caption(const Document& doc, const std::string& caption_part) {
  auto scan = [&](const std::vector<Section>& sections) -> const Table* {
    for (const Section& s : sections)
      for (const Table* t : blocks<Table>(s))
        if (t->caption.find(caption_part) != std::string::npos) return t;
    return nullptr;
  };
  if (const Table* t = scan(doc.sections)) return t;
  for (const auto& a : doc.appendices)
    if (const Table* t = scan(a.sections)) return t;
  return nullptr;
}

// The body row with a cell containing `text`.
inline const Row* row_saying(const Table& t, const std::string& text) {
  for (const Row& r : t.body)
    for (const Cell& c : r.cells)
      if (c.text().find(text) != std::string::npos) return &r;
  return nullptr;
}

}  // namespace dxmon::report::testing
