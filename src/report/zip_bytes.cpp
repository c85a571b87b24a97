#include "report/zip_bytes.h"

#include <zip.h>

#include <ctime>
#include <stdexcept>

namespace dxmon::report {
namespace {

// 2024-01-01 00:00 local time: any fixed time will do; a zip DOS timestamp cannot be earlier than 1980.
constexpr time_t kFixedTime = 1704067200;

[[noreturn]] void fail(const std::string& what, zip_error_t* err) {
  std::string msg = "cannot build zip archive (" + what + "): " + zip_error_strerror(err);
  zip_error_fini(err);
  throw std::runtime_error(msg);
}

}  // namespace

std::string zip_bytes(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!out) fail("buffer", &err);
  zip_source_keep(out);  // keep the buffer alive after zip_close, to read the archive back
  zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  if (!za) {
    zip_source_free(out);
    fail("open", &err);
  }
  for (const auto& [name, data] : entries) {
    zip_source_t* src = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_int64_t index = src ? zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
    if (index < 0) {
      if (src) zip_source_free(src);
      std::string msg = "cannot add " + name + " to zip archive: " + zip_strerror(za);
      zip_discard(za);
      zip_source_free(out);
      throw std::runtime_error(msg);
    }
    zip_set_file_compression(za, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
    zip_file_set_mtime(za, static_cast<zip_uint64_t>(index), kFixedTime, 0);
  }
  if (zip_close(za) != 0) {
    std::string msg = std::string("cannot write zip archive: ") + zip_strerror(za);
    zip_discard(za);
    zip_source_free(out);
    throw std::runtime_error(msg);
  }
  std::string bytes;
  zip_stat_t st;
  if (zip_source_open(out) == 0) {
    if (zip_source_stat(out, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
      bytes.resize(st.size);
      zip_int64_t got = zip_source_read(out, bytes.data(), st.size);
      if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) bytes.clear();
    }
    zip_source_close(out);
  }
  zip_source_free(out);
  if (bytes.empty()) throw std::runtime_error("cannot read back the zip archive built in memory");
  return bytes;
}

}  // namespace dxmon::report
