#include "io/zip_archive.h"

#include <zip.h>

#include <stdexcept>

namespace dxmon::io {

ZipReader::ZipReader(const std::string& path) {
  int error = 0;
  zip_ = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!zip_) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, error);
    std::string why = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    throw std::runtime_error("không mở được tệp như một bảng tính XLSX (tệp nén zip): " + why);
  }
}

ZipReader::~ZipReader() {
  if (zip_) zip_discard(static_cast<zip_t*>(zip_));
}

std::optional<std::string> ZipReader::read(const std::string& name) const {
  auto* z = static_cast<zip_t*>(zip_);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name.c_str(), 0, &st) != 0) return std::nullopt;
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  if (!f) throw std::runtime_error("không đọc được phần \"" + name + "\" của tệp XLSX (tệp hỏng)");
  std::string out;
  char buf[65536];
  zip_int64_t got;
  while ((got = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(got));
  zip_fclose(f);
  if (got < 0) throw std::runtime_error("không đọc được phần \"" + name + "\" của tệp XLSX (tệp hỏng)");
  return out;
}

void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!z) throw std::runtime_error("không tạo được tệp \"" + path + "\"");
  // 1 January 2000, 00:00 UTC: a fixed time, so exports are byte-for-byte reproducible.
  constexpr time_t kFixedTime = 946684800;
  for (const auto& [name, content] : entries) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_int64_t idx = src ? zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
    if (idx < 0) {
      if (src) zip_source_free(src);
      zip_discard(z);
      throw std::runtime_error("không ghi được phần \"" + name + "\" vào tệp \"" + path + "\"");
    }
    zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 6);
    zip_file_set_mtime(z, static_cast<zip_uint64_t>(idx), kFixedTime, 0);
  }
  // The buffers must live until zip_close, which does the writing: `entries` outlives it here.
  if (zip_close(z) != 0) {
    std::string why = zip_strerror(z);
    zip_discard(z);
    throw std::runtime_error("không ghi được tệp \"" + path + "\": " + why);
  }
}

}  // namespace dxmon::io
