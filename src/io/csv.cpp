#include "io/csv.h"

#include "text/text.h"

namespace dxmon::io {
namespace {

Problem csv_problem(const std::string& file, int line, std::size_t column, std::string what, std::string fix) {
  Problem p;
  p.file = file;
  p.row = line;
  p.column = column_letter(column);
  p.what = std::move(what);
  p.fix = std::move(fix);
  return p;
}

}  // namespace

Grid read_csv(std::string_view text, const std::string& file, Problems& problems) {
  Grid grid;
  grid.file = file;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  int line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    TableRow row;
    row.row = line;
    bool end_of_record = false;
    while (!end_of_record) {
      Cell cell;
      cell.column = column_letter(row.cells.size());
      if (i < n && text[i] == '"') {
        const int quote_line = line;
        ++i;
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              cell.text += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          // Quoted CRLF is kept as the line break it stands for.
          if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {
            ++i;
            continue;
          }
          cell.text += c;
          ++i;
        }
        if (!closed) {
          problems.push_back(csv_problem(file, quote_line, row.cells.size(),
                                         "dấu ngoặc kép mở ở đây không được đóng đến hết tệp",
                                         "hãy thêm dấu \" đóng ô, hoặc lưu lại tệp bằng Excel/LibreOffice dạng CSV UTF-8"));
          return grid;
        }
        // After a closing quote only a separator or a line end may follow.
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          problems.push_back(csv_problem(file, line, row.cells.size(),
                                         "có ký tự sau dấu ngoặc kép đóng ô",
                                         "trong ô có dấu ngoặc kép, hãy viết nó hai lần (\"\") và đặt cả ô trong ngoặc kép"));
          while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') cell.text += text[i++];
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') cell.text += text[i++];
      }
      row.cells.push_back(std::move(cell));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') ++i;
      ++line;
      end_of_record = true;
    }
    bool utf8_ok = true;
    for (const auto& c : row.cells) {
      if (!text::is_valid_utf8(c.text)) {
        problems.push_back(csv_problem(file, row.row, static_cast<std::size_t>(&c - row.cells.data()),
                                       "ô có ký tự không phải UTF-8",
                                       "hãy lưu tệp với bảng mã UTF-8 (trong Excel: \"CSV UTF-8\")"));
        utf8_ok = false;
      }
    }
    if (utf8_ok && !row.blank()) grid.rows.push_back(std::move(row));
  }
  return grid;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    bool quote = f.find_first_of(",\"\r\n") != std::string::npos ||
                 (!f.empty() && (f.front() == ' ' || f.back() == ' '));
    if (!quote) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

}  // namespace dxmon::io
