#include "measure/record_parser.h"

#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "measure/hash.h"
#include "measure/ndjson_scan.h"

namespace dxmon::measure {
namespace {

constexpr std::string_view kHint[] = {
    "",  // dossier_id
    " — dùng mã đơn vị trong danh mục, như tinh-01 hoặc bo-tttt",
    "",
    " — dùng toan_trinh, mot_phan hoặc khong_truc_tuyen",
    " — dùng truc_tuyen, truc_tiep hoặc buu_chinh",
    " — dùng tiep_nhan, dang_xu_ly, hoan_thanh, tra_lai hoặc rut",
};

std::string field_name(Field f) { return std::string(kFieldNames[static_cast<std::size_t>(f)]); }

std::string bad_value(Field f, std::string_view v, std::string_view hint) {
  return "giá trị \"" + std::string(v) + "\" không hợp lệ ở cột " + field_name(f) + std::string(hint);
}

std::string bad_time(Field f, std::string_view v) {
  return "thời điểm \"" + std::string(v) + "\" ở cột " + field_name(f) +
         " không đọc được — ghi như 2024-03-15T08:30:00 (giờ Việt Nam) trong khoảng 2000–2049";
}

// 1/0/true/false; empty means false.
bool parse_flag(std::string_view v, bool& out) {
  if (v.empty() || v == "0" || v == "false") {
    out = false;
    return true;
  }
  if (v == "1" || v == "true") {
    out = true;
    return true;
  }
  return false;
}

std::string format_day(std::int64_t days) {
  int y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", d, m, y);
  return buf;
}

}  // namespace

std::optional<CsvLayout> CsvLayout::from_header(std::string_view header, std::string& error) {
  if (header.size() >= 3 && header.substr(0, 3) == "\xEF\xBB\xBF") header.remove_prefix(3);
  while (!header.empty() && (header.back() == '\r' || header.back() == '\n')) header.remove_suffix(1);
  CsvLayout layout;
  std::array<bool, kFieldCount> seen{};
  std::size_t pos = 0;
  while (true) {
    std::size_t comma = header.find(',', pos);
    std::string_view name = header.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    auto f = parse_field_name(name);
    if (!f) {
      error = "dòng 1: cột \"" + std::string(name) + "\" không thuộc lược đồ bản ghi hồ sơ (xem docs/measurement.md)";
      return std::nullopt;
    }
    if (seen[static_cast<std::size_t>(*f)]) {
      error = "dòng 1: cột \"" + std::string(name) + "\" xuất hiện hai lần";
      return std::nullopt;
    }
    seen[static_cast<std::size_t>(*f)] = true;
    layout.columns.push_back(f);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  for (Field req : {Field::DossierId, Field::Agency, Field::Procedure, Field::ServiceLevel, Field::Channel,
                    Field::Status, Field::ReceivedAt, Field::DueAt, Field::UpdatedAt}) {
    if (!seen[static_cast<std::size_t>(req)]) {
      error = "dòng 1: thiếu cột bắt buộc \"" + field_name(req) + "\"";
      return std::nullopt;
    }
  }
  return layout;
}

bool convert_fields(const std::array<std::string_view, kFieldCount>& f, const RecordCatalog& catalog,
                    ProcedureCache& procedures, ParsedRecord& out, std::string& reason) {
  const AgencyTable& agencies = catalog.agencies;
  auto get = [&](Field x) { return f[static_cast<std::size_t>(x)]; };
  for (Field req : {Field::DossierId, Field::Agency, Field::Procedure, Field::ServiceLevel, Field::Channel,
                    Field::Status, Field::ReceivedAt, Field::DueAt, Field::UpdatedAt}) {
    if (get(req).empty()) {
      reason = "thiếu giá trị ở cột " + field_name(req);
      return false;
    }
  }
  int agency = agencies.find(get(Field::Agency));
  if (agency < 0 || !agencies.at(agency).known) {
    reason = "đơn vị \"" + std::string(get(Field::Agency)) + "\" không có trong danh mục" + std::string(kHint[1]);
    return false;
  }
  auto level = parse_service_level(get(Field::ServiceLevel));
  if (!level) {
    reason = bad_value(Field::ServiceLevel, get(Field::ServiceLevel), kHint[3]);
    return false;
  }
  auto channel = parse_channel(get(Field::Channel));
  if (!channel) {
    reason = bad_value(Field::Channel, get(Field::Channel), kHint[4]);
    return false;
  }
  auto status = parse_status(get(Field::Status));
  if (!status) {
    reason = bad_value(Field::Status, get(Field::Status), kHint[5]);
    return false;
  }
  auto received = parse_timestamp(get(Field::ReceivedAt));
  if (!received) {
    reason = bad_time(Field::ReceivedAt, get(Field::ReceivedAt));
    return false;
  }
  auto due = parse_timestamp(get(Field::DueAt));
  if (!due) {
    reason = bad_time(Field::DueAt, get(Field::DueAt));
    return false;
  }
  auto updated = parse_timestamp(get(Field::UpdatedAt));
  if (!updated) {
    reason = bad_time(Field::UpdatedAt, get(Field::UpdatedAt));
    return false;
  }
  const AgencyInfo& info = agencies.at(agency);
  std::int64_t received_day = *received / 86400;
  if (received_day < info.valid_from_day || received_day > info.valid_to_day) {
    reason = "đơn vị \"" + info.code + "\" không có hiệu lực ngày tiếp nhận " + format_day(received_day) +
             " — gửi hồ sơ theo mã đơn vị có hiệu lực ngày đó";
    return false;
  }
  if (*due < *received) {
    reason = "hạn trả (due_at " + std::string(get(Field::DueAt)) + ") trước khi tiếp nhận (received_at " +
             std::string(get(Field::ReceivedAt)) + ")";
    return false;
  }
  std::uint16_t flags = static_cast<std::uint16_t>(static_cast<unsigned>(*level) |
                                                   (static_cast<unsigned>(*channel) << flag::kChannelShift));
  std::uint16_t completed_month = kNoMonth;
  std::string_view completed_text = get(Field::CompletedAt);
  if (*status == DossierStatus::Completed) {
    if (completed_text.empty()) {
      reason = "trạng thái hoan_thanh nhưng thiếu completed_at";
      return false;
    }
    auto completed = parse_timestamp(completed_text);
    if (!completed) {
      reason = bad_time(Field::CompletedAt, completed_text);
      return false;
    }
    if (*completed < *received) {
      reason = "hoàn thành (completed_at " + std::string(completed_text) + ") trước khi tiếp nhận (received_at " +
               std::string(get(Field::ReceivedAt)) + ")";
      return false;
    }
    flags |= flag::kCompleted;
    if (*completed <= *due) flags |= flag::kOnTime;
    completed_month = static_cast<std::uint16_t>(month_index_of_seconds(*completed));
  } else if (!completed_text.empty()) {
    reason = "có completed_at nhưng trạng thái là " + std::string(get(Field::Status)) +
             " — hồ sơ đã xong phải có trạng thái hoan_thanh";
    return false;
  }
  std::string_view fee = get(Field::Fee);
  bool fee_bearing = false;
  if (!fee.empty()) {
    bool dot = false, nonzero = false;
    for (char c : fee) {
      if (c == '.' && !dot) {
        dot = true;
      } else if (c >= '0' && c <= '9') {
        nonzero |= c != '0';
      } else {
        reason = bad_value(Field::Fee, fee, " — ghi số tiền (đồng) bằng chữ số, 0 nếu không thu phí");
        return false;
      }
    }
    fee_bearing = nonzero;
  }
  bool paid = false, dossier_dig = false, result_dig = false;
  for (auto [field, target] : {std::pair{Field::PaidOnline, &paid}, std::pair{Field::DossierDigitised, &dossier_dig},
                               std::pair{Field::ResultDigitised, &result_dig}}) {
    if (!parse_flag(get(field), *target)) {
      reason = bad_value(field, get(field), " — dùng 1 hoặc 0 (true/false)");
      return false;
    }
  }
  if (fee_bearing) flags |= flag::kFeeBearing;
  if (fee_bearing && paid) flags |= flag::kPaidOnline;
  if (dossier_dig) flags |= flag::kDossierDigitised;
  if (result_dig && (flags & flag::kCompleted)) flags |= flag::kResultDigitised;
  std::string_view sat = get(Field::Satisfaction);
  if (!sat.empty()) {
    if (sat.size() != 1 || sat[0] < '1' || sat[0] > '5') {
      reason = bad_value(Field::Satisfaction, sat, " — mức hài lòng là số nguyên từ 1 đến 5, để trống nếu chưa đánh giá");
      return false;
    }
    flags |= static_cast<std::uint16_t>((sat[0] - '0') << flag::kRatingShift);
  }
  std::uint64_t key = hash64(get(Field::DossierId), info.seed);
  out.state.key = key ? key : 1;
  out.state.updated = static_cast<std::uint32_t>(*updated);
  out.state.agency = static_cast<std::uint16_t>(agency);
  out.state.received_month = static_cast<std::uint16_t>(month_index_of_seconds(*received));
  out.state.completed_month = completed_month;
  out.state.flags = flags;
  out.state.procedure = procedures.intern(get(Field::Procedure), catalog.procedures);
  return true;
}

namespace {

// Splits one CSV line with RFC 4180 quotes (slow path; dossier systems rarely quote).
bool split_quoted(std::string_view line, std::vector<std::string_view>& cells, std::deque<std::string>& scratch) {
  cells.clear();
  std::size_t i = 0;
  while (true) {
    if (i < line.size() && line[i] == '"') {
      std::string value;
      ++i;
      while (true) {
        if (i >= line.size()) return false;  // unterminated quote
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            value.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        value.push_back(line[i++]);
      }
      scratch.push_back(std::move(value));
      cells.push_back(scratch.back());
      if (i == line.size()) return true;
      if (line[i] != ',') return false;
      ++i;
    } else {
      std::size_t comma = line.find(',', i);
      if (comma == std::string_view::npos) {
        cells.push_back(line.substr(i));
        return true;
      }
      cells.push_back(line.substr(i, comma - i));
      i = comma + 1;
    }
  }
}

}  // namespace

namespace {

constexpr std::size_t kMaxCells = 64;  // more cells than this are only counted (the line is rejected)

// Finds the cells of the line that starts at `p`: the positions of its commas and of its end
// ('\n' or `end`), 16 bytes at a time. Returns the end of the line; `quoted` when a '"' was seen
// first (the caller then splits the line the slow way). Reads up to 15 bytes past `end`, which the
// caller's padding allows.
const char* scan_line(const char* p, const char* end, std::array<std::string_view, kMaxCells>& cells,
                      std::size_t& count, bool& quoted) {
  count = 0;
  quoted = false;
  const char* field = p;
  auto cell = [&](const char* stop) {
    if (count < kMaxCells) cells[count] = {field, static_cast<std::size_t>(stop - field)};
    ++count;
    field = stop + 1;
  };
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), newline = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
  for (const char* block = p; block < end; block += 16) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(b, comma), _mm_cmpeq_epi8(b, newline)), _mm_cmpeq_epi8(b, quote))));
    while (mask) {
      const char* at = block + __builtin_ctz(mask);
      mask &= mask - 1;
      if (at >= end) break;
      if (*at == ',') {
        cell(at);
      } else if (*at == '\n') {
        cell(at);
        return at;
      } else {
        quoted = true;
        const void* nl = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
        return nl ? static_cast<const char*>(nl) : end;
      }
    }
  }
#else
  for (const char* at = p; at < end; ++at) {
    if (*at == ',') {
      cell(at);
    } else if (*at == '\n') {
      cell(at);
      return at;
    } else if (*at == '"') {
      quoted = true;
      const void* nl = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
      return nl ? static_cast<const char*>(nl) : end;
    }
  }
#endif
  cell(end);
  return end;
}

}  // namespace

void parse_csv(const char* begin, const char* end, const CsvLayout& layout, const RecordCatalog& catalog,
               std::uint64_t first_line, ParseResult& out) {
  const std::size_t ncols = layout.columns.size();
  std::array<std::string_view, kMaxCells> cells;
  std::vector<std::string_view> quoted_cells;
  std::array<std::string_view, kFieldCount> fields{};
  std::string reason;
  std::uint64_t line_no = first_line;
  const char* p = begin;
  while (p < end) {
    std::size_t count = 0;
    bool quoted = false;
    const char* line_end = scan_line(p, end, cells, count, quoted);
    const char* next = line_end < end ? line_end + 1 : end;
    std::string_view line(p, static_cast<std::size_t>(line_end - p));
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
      if (!quoted && count <= kMaxCells) cells[count - 1].remove_suffix(1);
    }
    ++out.lines;
    if (!line.empty()) {
      bool ok = true;
      const std::string_view* row = cells.data();
      if (quoted) {
        if (split_quoted(line, quoted_cells, out.scratch)) {
          count = quoted_cells.size();
          row = quoted_cells.data();
        } else {
          ok = false;
          reason = "dấu ngoặc kép không khớp";
        }
      }
      if (ok && count != ncols) {
        ok = false;
        reason = "có " + std::to_string(count) + " cột, tiêu đề có " + std::to_string(ncols) + " cột";
      }
      if (ok) {
        fields.fill({});
        for (std::size_t k = 0; k < ncols; ++k)
          if (layout.columns[k]) fields[static_cast<std::size_t>(*layout.columns[k])] = row[k];
        ParsedRecord rec;
        if (convert_fields(fields, catalog, out.procedures, rec, reason)) {
          out.records.push_back(rec);
        } else {
          ok = false;
        }
      }
      if (!ok)
        out.rejects.push_back({line_no, static_cast<std::size_t>(p - begin), static_cast<std::size_t>(next - p),
                               std::move(reason)});
    }
    ++line_no;
    p = next;
  }
}

void parse_ndjson(const char* begin, const char* end, const RecordCatalog& catalog, std::uint64_t first_line,
                  ParseResult& out) {
  // simdjson 3.0's on-demand API is compiled for one implementation chosen at build time; the
  // AVX2 one lives in ndjson_avx2.cpp and is used when the processor has it.
  static const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
                           __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("abm");
  if (avx2)
    detail::parse_ndjson_avx2(begin, end, catalog, first_line, out);
  else
    detail::parse_ndjson_portable(begin, end, catalog, first_line, out);
}

}  // namespace dxmon::measure
