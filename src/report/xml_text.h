#pragma once
// Escaping text for XML and HTML, shared by the DOCX, XLSX and HTML renderers.
#include <string>
#include <string_view>

namespace dxmon::report {

// &, <, > and both quotes escaped; characters XML 1.0 cannot hold (controls other than tab and
// newline) dropped, since they can only come from bad input and would make Word refuse the file.
std::string xml_escape(std::string_view s);

// Number of Unicode code points in UTF-8 text (sheet-name limits count characters, not bytes).
std::size_t utf8_length(std::string_view s);
// The first `n` code points of UTF-8 text.
std::string utf8_prefix(std::string_view s, std::size_t n);

}  // namespace dxmon::report
