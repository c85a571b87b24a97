#pragma once
// NDJSON records kept in the records log without their keys. A dossier system writes every line with
// the same keys in the same order, and the keys are more than half of each line (about 210 of 367
// bytes of a generated record): writing them 10 million times made the disk the bound of a big NDJSON
// ingest (docs/measurement.md). The parser, which has found every value of the usual line anyway
// (scan_usual_line), hands the lines to CompactLines; the log stores what it makes, and
// decode_compact_lines gives back the lines byte for byte.
//
// The encoded text is lines, each ending with '\n':
//   0x1C k1 k2 … kn   the key order of the lines that follow (each k a Field, as 'a' + its number);
//   0x1E bytes        a line kept as it is (any other line: spaces, escapes, a blank line…);
//   v1 0x1F v2 … vn   a line of the current key order: its values as written (quotes included),
//                     restored as {"k1":v1,"k2":v2,…,"kn":vn}.
// A usual line holds no control character (flat_json.h), so a line that starts with a value can be
// told from the others and no value holds the separator. The encoded text is preceded by the length
// of the lines it stands for (8 bytes), which also tells whether the last line had its newline.
#include <cstdint>
#include <string_view>

#include "measure/flat_json.h"
#include "measure/page_array.h"

namespace dxmon::measure {

class CompactLines {
 public:
  // Starts a new block for the lines of a chunk of `chunk_bytes`, keeping the memory.
  void start(std::size_t chunk_bytes);
  // A usual line at `line` (`length` bytes without its newline; `newline`: whether one follows) of
  // the keys `order`, the value of the k-th key ending at `value_ends[k]` (as scan_usual_line found
  // them). Reads up to 16 bytes past each value (the line's padding).
  void add_usual(const char* line, std::size_t length, bool newline, const KeyOrder& order,
                 const char* const* value_ends);
  // Any other line, with its newline if it has one.
  void add_raw(const char* line, std::size_t length);
  // The block: the 8-byte length, then the encoded lines.
  std::string_view payload();
  // The memory holding payload(), page-aligned: a writer may take it and give another back.
  PageArray<char>& buffer() { return buffer_; }
  bool empty() const { return size_ == kLengthBytes; }

 private:
  static constexpr std::size_t kLengthBytes = 8;
  PageArray<char> buffer_;
  std::size_t size_ = kLengthBytes;
  std::uint64_t decoded_ = 0;  // bytes of the lines as received
  KeyOrder current_;           // the key order of the last template line
};

// The size of the lines a compact payload stands for, or SIZE_MAX when it is too short to say.
std::size_t decoded_size(std::string_view payload);
// Writes the lines a compact payload stands for to `out`, which has room for decoded_size(payload) + 1
// bytes (the last line's newline is written, then left out when the file's last line had none).
// False when the payload does not decode to exactly that size: the block's checksum has passed, so
// that would be a bug, and it must not be hidden.
bool decode_compact_lines(std::string_view payload, char* out);

}  // namespace dxmon::measure
