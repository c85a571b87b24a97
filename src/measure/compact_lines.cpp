#include "measure/compact_lines.h"

#include <cstring>

namespace dxmon::measure {
namespace {

constexpr char kKeyOrder = '\x1C';
constexpr char kAsReceived = '\x1E';
constexpr char kSeparator = '\x1F';
// A key in a key-order line: a letter from 'a' (the Field's number would put a newline in the line).
constexpr char kFirstKey = 'a';

bool same_order(const KeyOrder& a, const KeyOrder& b) {
  return a.count == b.count && std::memcmp(a.fields.data(), b.fields.data(), a.count * sizeof(Field)) == 0;
}

}  // namespace

void CompactLines::start(std::size_t chunk_bytes) {
  // At most two bytes for each byte of the lines (a blank line kept as it is), and 16 bytes of room
  // for the last value's copy (add_usual): a key order with the line after it is shorter than the line.
  const std::size_t need = kLengthBytes + 2 * chunk_bytes + 64;
  if (buffer_.size() < need) buffer_ = PageArray<char>(need + need / 8);  // chunks vary a little
  size_ = kLengthBytes;
  decoded_ = 0;
  current_ = KeyOrder{};
}

void CompactLines::add_usual(const char* line, std::size_t length, bool newline, const KeyOrder& order,
                             const char* const* value_ends) {
  char* out = buffer_.data() + size_;
  if (!same_order(order, current_)) {
    *out++ = kKeyOrder;
    for (std::size_t k = 0; k < order.count; ++k) *out++ = static_cast<char>(kFirstKey + static_cast<int>(order.fields[k]));
    *out++ = '\n';
    current_ = order;
  }
  const auto& keys = written_keys();
  const char* value = line;  // at the '{' or ',' before the key
  for (std::size_t k = 0; k < order.count; ++k) {
    value += 1 + keys[static_cast<std::size_t>(order.fields[k])].size();
    const auto n = static_cast<std::size_t>(value_ends[k] - value);
    // Values are a few bytes: one 16-byte copy (the line's padding and the buffer's room allow it)
    // instead of a call to memcpy for each.
    if (n <= 16)
      std::memcpy(out, value, 16);
    else
      std::memcpy(out, value, n);
    out += n;
    *out++ = kSeparator;
    value = value_ends[k];
  }
  out[-1] = '\n';
  size_ = static_cast<std::size_t>(out - buffer_.data());
  decoded_ += length + (newline ? 1 : 0);
}

void CompactLines::add_raw(const char* line, std::size_t length) {
  char* out = buffer_.data() + size_;
  *out++ = kAsReceived;
  std::memcpy(out, line, length);
  out += length;
  if (length == 0 || line[length - 1] != '\n') *out++ = '\n';  // the file's last line
  size_ = static_cast<std::size_t>(out - buffer_.data());
  decoded_ += length;
}

std::string_view CompactLines::payload() {
  std::memcpy(buffer_.data(), &decoded_, kLengthBytes);
  return {buffer_.data(), size_};
}

std::size_t decoded_size(std::string_view payload) {
  std::uint64_t n = 0;
  if (payload.size() < sizeof n) return SIZE_MAX;
  std::memcpy(&n, payload.data(), sizeof n);
  return static_cast<std::size_t>(n);
}

bool decode_compact_lines(std::string_view payload, char* out) {
  const std::size_t want = decoded_size(payload);
  if (want == SIZE_MAX) return false;
  const auto& keys = written_keys();
  const char* p = payload.data() + sizeof(std::uint64_t);
  const char* const end = payload.data() + payload.size();
  char* o = out;
  char* const room = out + want + 1;  // the last line's newline, when it had none, is cut off at the end
  KeyOrder order;
  std::size_t template_bytes = 0;  // the bytes a line of `order` adds to its values: {, keys, commas, }, newline
  while (p < end) {
    const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!nl) return false;
    if (*p == kKeyOrder) {
      order.count = static_cast<std::size_t>(nl - p - 1);
      if (order.count == 0 || order.count > kFieldCount) return false;
      template_bytes = 2 + (order.count - 1) + 1;
      for (std::size_t k = 0; k < order.count; ++k) {
        const auto f = static_cast<std::size_t>(static_cast<unsigned char>(p[1 + k]) - kFirstKey);
        if (f >= kFieldCount) return false;
        order.fields[k] = static_cast<Field>(f);
        template_bytes += keys[f].size();
      }
    } else if (*p == kAsReceived) {
      const auto n = static_cast<std::size_t>(nl - p);  // the line and its newline
      if (n > static_cast<std::size_t>(room - o)) return false;
      std::memcpy(o, p + 1, n);
      o += n;
    } else {
      if (order.count == 0) return false;
      const auto values = static_cast<std::size_t>(nl - p) - (order.count - 1);
      if (values > static_cast<std::size_t>(nl - p) || template_bytes + values > static_cast<std::size_t>(room - o))
        return false;
      *o++ = '{';
      const char* v = p;
      for (std::size_t k = 0; k < order.count; ++k) {
        if (k > 0) *o++ = ',';
        const std::string_view key = keys[static_cast<std::size_t>(order.fields[k])];
        std::memcpy(o, key.data(), key.size());
        o += key.size();
        const bool last = k + 1 == order.count;
        const auto* sep = static_cast<const char*>(std::memchr(v, kSeparator, static_cast<std::size_t>(nl - v)));
        if (last == (sep != nullptr)) return false;  // too few values, or too many
        const char* value_end = last ? nl : sep;
        std::memcpy(o, v, static_cast<std::size_t>(value_end - v));
        o += value_end - v;
        v = value_end + 1;
      }
      *o++ = '}';
      *o++ = '\n';
    }
    p = nl + 1;
  }
  const auto made = static_cast<std::size_t>(o - out);
  return made == want || (made == want + 1 && out[want] == '\n');
}

}  // namespace dxmon::measure
