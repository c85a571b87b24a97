#pragma once
// CSV as RFC 4180 says (with the usual leniencies): UTF-8 with or without a BOM, comma separated,
// fields quoted with '"' when they hold commas, quotes or line breaks, CRLF or LF line ends.
#include <string>
#include <string_view>
#include <vector>

#include "io/problem.h"
#include "io/table.h"

namespace dxmon::io {

// Reads `text` into a grid; each row carries the line its record starts on. Blank lines are
// dropped. Malformed input (an unterminated quote, a character after a closing quote, invalid
// UTF-8) is added to `problems` with its line.
Grid read_csv(std::string_view text, const std::string& file, Problems& problems);

// One CSV record, quoted where needed, ending in "\r\n" (RFC 4180).
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace dxmon::io
