#pragma once
// The little of libzip that XLSX needs: read named entries of an archive, and build an archive in
// memory with fixed timestamps (so that the same workbook always gives the same bytes).
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dxmon::io {

class ZipReader {
 public:
  // Throws std::runtime_error (Vietnamese message) when the file is not a readable zip archive.
  explicit ZipReader(const std::string& path);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  std::optional<std::string> read(const std::string& name) const;

 private:
  void* zip_ = nullptr;  // zip_t*
};

// Writes `entries` (name, content) to `path` as a deflated zip archive. Throws std::runtime_error.
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace dxmon::io
