#include "io/json_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "text/text.h"

namespace dxmon::io {
namespace {

using json = nlohmann::ordered_json;

Problem json_problem(const std::string& file, const std::string& sheet, int row, std::string field, std::string what,
                     std::string fix) {
  Problem p;
  p.file = file;
  p.sheet = sheet;
  p.row = row;
  p.field = std::move(field);
  p.what = std::move(what);
  p.fix = std::move(fix);
  return p;
}

std::string number_text(const json& v) {
  if (v.is_number_integer()) return v.dump();
  double d = v.get<double>();
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}

// One JSON value as cell text; false when the value has a shape no column can hold.
bool cell_of(const json& v, Cell& cell) {
  switch (v.type()) {
    case json::value_t::null: return true;
    case json::value_t::string: cell.text = v.get<std::string>(); return true;
    case json::value_t::boolean: cell.text = v.get<bool>() ? "yes" : "no"; return true;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      cell.text = number_text(v);
      cell.number = true;
      return true;
    case json::value_t::array: {
      std::vector<std::string> parts;
      for (const auto& item : v) {
        Cell part;
        if (item.is_array() || item.is_object() || !cell_of(item, part)) return false;
        parts.push_back(part.text);
      }
      cell.text = text::join(parts, ";");
      return true;
    }
    default: return false;
  }
}

Table table_of(const json& array, const std::string& file, const std::string& key, Kind kind, Problems& problems) {
  Table t;
  t.file = file;
  t.sheet = key;
  t.kind = std::string(kind_name(kind));
  std::vector<std::string> columns;
  for (const auto& obj : array)
    if (obj.is_object())
      for (const auto& [k, v] : obj.items())
        if (std::find(columns.begin(), columns.end(), k) == columns.end()) columns.push_back(k);
  for (const auto& c : columns) t.header.push_back(Cell{c, false, ""});
  int index = 0;
  for (const auto& obj : array) {
    ++index;
    if (!obj.is_object()) {
      problems.push_back(json_problem(file, key, index, "", "phần tử không phải là một đối tượng {…}",
                                      "mỗi dòng phải là một đối tượng JSON với tên cột làm khóa"));
      continue;
    }
    TableRow row;
    row.row = index;
    row.cells.resize(columns.size());
    for (const auto& [k, v] : obj.items()) {
      auto pos = static_cast<std::size_t>(std::find(columns.begin(), columns.end(), k) - columns.begin());
      if (!cell_of(v, row.cells[pos]))
        problems.push_back(json_problem(file, key, index, k, "giá trị có dạng không dùng được: " + v.dump(),
                                        "hãy ghi chuỗi, số, true/false, null hoặc danh sách chuỗi"));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

std::vector<Table> read_json(std::string_view text, const std::string& file, std::optional<Kind> bare_array_kind,
                             Problems& problems) {
  std::vector<Table> out;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // nlohmann reports the byte offset; the line is what a person can find.
    std::size_t at = std::min<std::size_t>(e.byte, text.size());
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    Problem p = json_problem(file, "", line, "", "tệp JSON sai cú pháp gần đây",
                             "hãy kiểm tra dấu phẩy, ngoặc và dấu ngoặc kép (chi tiết: " + std::string(e.what()) + ")");
    problems.push_back(std::move(p));
    return out;
  }
  if (doc.is_array()) {
    if (!bare_array_kind) {
      problems.push_back(json_problem(file, "", 0, "", "tệp JSON là một danh sách nhưng không biết đó là loại dữ liệu nào",
                                      "hãy đặt tên tệp bắt đầu bằng loại dữ liệu (ví dụ observations.json), "
                                      "dùng --kind, hoặc viết dạng {\"observations\": […]}"));
      return out;
    }
    out.push_back(table_of(doc, file, std::string(kind_name(*bare_array_kind)), *bare_array_kind, problems));
    return out;
  }
  if (!doc.is_object()) {
    problems.push_back(json_problem(file, "", 0, "", "tệp JSON phải là một đối tượng {\"loại dữ liệu\": […]}",
                                    "hãy viết dạng {\"units\": [{\"code\": …}]}"));
    return out;
  }
  for (const auto& [key, value] : doc.items()) {
    auto kind = kind_from_name(key);
    if (!kind || text::fold(key) != text::fold(kind_name(*kind))) {
      // Only exact kind names are keys (an alias could hide a typo like "unit").
      std::vector<std::string> names;
      for (const auto& s : kinds()) names.emplace_back(s.name);
      problems.push_back(json_problem(file, key, 0, "", "\"" + key + "\" không phải là loại dữ liệu",
                                      "hãy dùng một trong: " + text::join(names, ", ")));
      continue;
    }
    if (!value.is_array()) {
      problems.push_back(json_problem(file, key, 0, "", "giá trị của \"" + key + "\" phải là một danh sách […]",
                                      "hãy viết \"" + key + "\": [{…}, {…}]"));
      continue;
    }
    if (value.empty()) continue;  // an empty list: nothing of that kind (an export of a store without revisions)
    out.push_back(table_of(value, file, key, *kind, problems));
  }
  return out;
}

std::string write_json(const std::vector<SheetOut>& tables) {
  json doc = json::object();
  for (const auto& t : tables) {
    auto kind = kind_from_name(t.name);
    json array = json::array();
    for (const auto& row : t.rows) {
      json obj = json::object();
      for (std::size_t i = 0; i < t.header.size() && i < row.size(); ++i) {
        const Cell& c = row[i];
        const ColumnSpec* col = kind ? column_for_header(spec_of(*kind), t.header[i]) : nullptr;
        // value_max is kept even when empty: its presence marks the export (canonical) form.
        bool keep_empty = t.header[i] == "value_max";
        if (c.text.empty()) {
          if (keep_empty) obj[t.header[i]] = nullptr;
          continue;
        }
        if (col && col->type == ColumnType::List) {
          json list = json::array();
          for (auto& part : text::split_list(c.text)) list.push_back(part);
          obj[t.header[i]] = std::move(list);
        } else if (c.number) {
          double d = 0;
          std::from_chars(c.text.data(), c.text.data() + c.text.size(), d);
          if (c.text.find_first_of(".eE") == std::string::npos && std::fabs(d) < 9e15)
            obj[t.header[i]] = static_cast<long long>(d);
          else
            obj[t.header[i]] = d;
        } else {
          obj[t.header[i]] = c.text;
        }
      }
      array.push_back(std::move(obj));
    }
    doc[t.name] = std::move(array);
  }
  return doc.dump(2, ' ', false) + "\n";
}

}  // namespace dxmon::io
