#pragma once
// Building a zip archive in memory (DOCX and XLSX are zip packages). Entries are deflated and
// stamped with one fixed time so that the same document always gives the same bytes.
// (io/zip_archive.h writes archives to a path; the renderers return bytes, hence this.)
#include <string>
#include <utility>
#include <vector>

namespace dxmon::report {

// Entries in the given order (the package's [Content_Types].xml first). Throws std::runtime_error.
std::string zip_bytes(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace dxmon::report
