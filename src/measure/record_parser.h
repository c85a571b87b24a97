#pragma once
// Turns lines of dossier records (CSV or NDJSON) into compact parsed records, or into rejects with a
// reason. Hand-written field scanning for CSV and simdjson on-demand for NDJSON: this is the hot path.
// A parser works on whole lines of one chunk of a buffer, so several threads can parse several chunks.
#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "measure/agency_table.h"
#include "measure/compact_lines.h"
#include "measure/dossier_record.h"
#include "measure/page_array.h"
#include "measure/procedure_dictionary.h"

namespace dxmon::measure {

enum class RecordFormat { Csv, Ndjson };

struct ParsedRecord {
  DossierState state;  // the procedure already interned by the parsing thread
};

// What the parsers look codes up in: the agencies (only read) and the procedures (interned as they
// come, see procedure_dictionary.h).
struct RecordCatalog {
  const AgencyTable& agencies;
  ProcedureDictionary& procedures;
};

struct Reject {
  std::uint64_t line = 0;      // line number in the file (1-based)
  std::size_t offset = 0;      // where the line starts, relative to the parsed slice
  std::size_t length = 0;      // the line with its newline
  std::string reason;          // Vietnamese
};

// A chunk's records: megabytes, so in huge pages (page_array.h).
using ParsedRecords = std::vector<ParsedRecord, HugePageAllocator<ParsedRecord>>;

struct ParseResult {
  ParsedRecords records;
  std::vector<Reject> rejects;
  std::uint64_t lines = 0;  // lines seen in the slice (including blank ones)
  std::deque<std::string> scratch;  // unescaped values being converted
  ProcedureCache procedures;        // this parsing thread's interned codes (kept across chunks)
  // NDJSON: the accepted lines, without their keys, for the records log; started again and filled by
  // each parse_ndjson when `keep_lines` is set (an ingest, not a replay).
  bool keep_lines = false;
  CompactLines kept;
  // Empties it for the next chunk, keeping the memory (a chunk's records are megabytes).
  void clear() {
    records.clear();
    rejects.clear();
    lines = 0;
    scratch.clear();
  }
};

// Which CSV column holds which field, read from the header line.
struct CsvLayout {
  std::vector<std::optional<Field>> columns;
  // Parses the header; on failure returns nothing and says why (in Vietnamese) in `error`.
  static std::optional<CsvLayout> from_header(std::string_view header_line, std::string& error);
};

// Converts field texts into a record (the rules shared by both formats). False and a reason when bad.
bool convert_fields(const std::array<std::string_view, kFieldCount>& fields, const RecordCatalog& catalog,
                    ProcedureCache& procedures, ParsedRecord& out, std::string& reason);

// Parses the complete lines in [begin, end). `first_line` is the file line number of the first one.
// The buffer must stay readable for 64 bytes after `end` (simdjson's padding; the CSV scanner reads
// 16 bytes at a time).
void parse_csv(const char* begin, const char* end, const CsvLayout& layout, const RecordCatalog& catalog,
               std::uint64_t first_line, ParseResult& out);
void parse_ndjson(const char* begin, const char* end, const RecordCatalog& catalog, std::uint64_t first_line,
                  ParseResult& out);

}  // namespace dxmon::measure
