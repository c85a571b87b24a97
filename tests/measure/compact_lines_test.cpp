// NDJSON lines kept without their keys (compact_lines.h): what the parser keeps comes back byte for
// byte, whatever the lines look like; rejected lines are left out; damage is found; and an ingest's
// records log gives back the file as received.
#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <sstream>

#include "measure/compact_lines.h"
#include "measure/engine.h"
#include "measure/records_log.h"
#include "measure_test_support.h"

namespace dxmon::measure {
namespace {

using testing::builtin_units;
using testing::read_file;

// The lines of `text` that parse_ndjson keeps, restored from their compact form; `compact_size`
// gets the size of that form and `rejects` the reasons of the lines rejected.
std::string round_trip(const std::string& text, std::size_t* compact_size = nullptr,
                       std::vector<std::string>* rejects = nullptr) {
  AgencyTable agencies;
  agencies.set_catalogue(builtin_units(DXMON_DATA_DIR));
  ProcedureDictionary procedures;
  const RecordCatalog catalog{agencies, procedures};
  const std::string padded = text + std::string(64, '\0');  // the parsers' padding
  ParseResult parsed;
  parsed.keep_lines = true;
  parse_ndjson(padded.data(), padded.data() + text.size(), catalog, 1, parsed);
  if (rejects)
    for (const Reject& r : parsed.rejects) rejects->push_back(std::to_string(r.line) + ": " + r.reason);
  const std::string_view payload = parsed.kept.payload();
  if (compact_size) *compact_size = payload.size();
  const std::size_t n = decoded_size(payload);
  EXPECT_NE(n, SIZE_MAX);
  if (n == SIZE_MAX) return {};
  std::string out(n + 1, '\0');
  EXPECT_TRUE(decode_compact_lines(payload, out.data()));
  out.resize(n);
  return out;
}

const std::string kLine =
    R"({"dossier_id":"H24.1","agency":"bo-tc","procedure":"1.001147","service_level":"toan_trinh",)"
    R"("channel":"truc_tuyen","status":"hoan_thanh","received_at":"2024-03-15T13:54:09",)"
    R"("due_at":"2024-03-20T13:54:09","completed_at":"2024-03-16T18:50:36","updated_at":"2024-03-16T18:50:36",)"
    R"("fee":50000,"paid_online":0,"dossier_digitised":1,"result_digitised":0,"satisfaction":5})";

// kLine with the dossier `id` and `what` replaced by `with`.
std::string line(const std::string& id, const std::string& what = "", const std::string& with = "") {
  std::string l = kLine;
  l.replace(l.find("H24.1"), 5, id);
  if (!what.empty()) l.replace(l.find(what), what.size(), with);
  return l;
}

TEST(CompactLines, EveryKindOfLineComesBackAsReceived) {
  const std::string lines[] = {
      line("A1"),
      line("A2", "\"fee\":50000", "\"fee\":null"),                       // null
      line("A3", "\"satisfaction\":5", "\"satisfaction\":\"\""),         // an empty string
      line("A4", "\"fee\":50000", "\"fee\":0"),
      line("A5", "\"paid_online\":0", "\"paid_online\":true"),
      line("A6", "\"procedure\":\"1.001147\"", "\"procedure\":\"1.001147-dịch-vụ\""),  // not ASCII
      line("A7", "\"procedure\":\"1.001147\"", "\"procedure\":\"1.0011\\u0034\""),     // an escape
      line("A8", ",\"channel\"", ", \"channel\""),                       // a space
      "",                                                                 // a blank line
      "   \t",
      line("A9") + "\r",                                                  // CRLF
      // Another key order, then lines of it, then the first order again.
      R"({"agency":"bo-tc","dossier_id":"B1","procedure":"1.001147","service_level":"mot_phan",)"
      R"("channel":"truc_tiep","status":"dang_xu_ly","received_at":"2024-05-01T08:00:00","due_at":"2024-05-10",)"
      R"("completed_at":null,"updated_at":"2024-05-01T08:00:00","fee":null,"paid_online":null,"dossier_digitised":null,)"
      R"("result_digitised":null,"satisfaction":null})",
      R"({"agency":"bo-tc","dossier_id":"B2","procedure":"1.001147","service_level":"mot_phan",)"
      R"("channel":"truc_tiep","status":"dang_xu_ly","received_at":"2024-05-01T08:00:00","due_at":"2024-05-10",)"
      R"("completed_at":null,"updated_at":"2024-05-01T08:00:00","fee":null,"paid_online":null,"dossier_digitised":null,)"
      R"("result_digitised":null,"satisfaction":null})",
      line("C1"),
      // A key written twice (the last value counts) and fewer keys.
      R"({"dossier_id":"D1","dossier_id":"D2","agency":"bo-tc","procedure":"1.001147",)"
      R"("service_level":"toan_trinh","channel":"truc_tuyen","status":"tiep_nhan","received_at":"2024-06-01","due_at":"2024-06-10",)"
      R"("updated_at":"2024-06-01"})",
      R"({"dossier_id":"D3","dossier_id":"D4","agency":"bo-tc","procedure":"1.001147",)"
      R"("service_level":"toan_trinh","channel":"truc_tuyen","status":"tiep_nhan","received_at":"2024-06-01","due_at":"2024-06-10",)"
      R"("updated_at":"2024-06-01"})",
  };
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  for (bool last_newline : {true, false}) {
    const std::string file = last_newline ? text : text + line("Z1");  // the file's last line, no newline
    std::vector<std::string> rejects;
    EXPECT_EQ(round_trip(file, nullptr, &rejects), file) << last_newline;
    EXPECT_EQ(rejects, std::vector<std::string>{});
  }
}

TEST(CompactLines, RejectedLinesAreLeftOut) {
  const std::string good1 = line("G1"), good2 = line("G2");
  const std::string unknown_agency = line("R1", "bo-tc", "khong-co");
  const std::string bad_time = line("R2", "2024-03-15T13:54:09", "15/03/2024");
  const std::string not_json = "{\"dossier_id\":";
  std::vector<std::string> rejects;
  EXPECT_EQ(round_trip(good1 + "\n" + unknown_agency + "\n" + bad_time + "\n" + not_json + "\n" + good2 + "\n",
                       nullptr, &rejects),
            good1 + "\n" + good2 + "\n");
  EXPECT_EQ(rejects.size(), 3u);
}

TEST(CompactLines, GeneratedRecordsKeepLessThanHalfTheirBytes) {
  GeneratorOptions o;
  o.records = 20000;
  o.seed = 7;
  o.ndjson = true;
  std::ostringstream out;
  generate_records(builtin_units(DXMON_DATA_DIR), o, out);
  const std::string text = out.str();
  std::size_t compact = 0;
  EXPECT_EQ(round_trip(text, &compact), text);
  EXPECT_LT(compact, text.size() / 2);
}

TEST(CompactLines, DamageIsFound) {
  const std::string text = line("A1") + "\n" + line("A2") + "\n";
  AgencyTable agencies;
  agencies.set_catalogue(builtin_units(DXMON_DATA_DIR));
  ProcedureDictionary procedures;
  const std::string padded = text + std::string(64, '\0');
  ParseResult parsed;
  parsed.keep_lines = true;
  parse_ndjson(padded.data(), padded.data() + text.size(), {agencies, procedures}, 1, parsed);
  const std::string payload(parsed.kept.payload());
  std::string out(text.size() + 64, '\0');
  ASSERT_TRUE(decode_compact_lines(payload, out.data()));
  auto damaged = [&](std::string p) { return !decode_compact_lines(p, out.data()); };
  std::string p = payload;
  p.erase(p.find('\x1F'), 1);  // a value too few
  EXPECT_TRUE(damaged(p));
  p = payload;
  p.insert(p.rfind('\x1F'), "\x1F");  // a value too many
  EXPECT_TRUE(damaged(p));
  p = payload;
  p.pop_back();  // the last newline lost
  EXPECT_TRUE(damaged(p));
  p = payload;
  p[8] = 'a';  // the key-order line becomes values without a key order
  EXPECT_TRUE(damaged(p));
  p = payload;
  p[0] ^= 1;  // the size of the lines
  EXPECT_TRUE(damaged(p));
  EXPECT_TRUE(damaged("abc"));
}

// An ingest's records log holds the NDJSON file's accepted lines, compact, restored as received.
using CompactLinesInTheLog = testing::MeasureFixture;

TEST_F(CompactLinesInTheLog, AnNdjsonFileComesBackAsReceived) {
  auto file = generate("r.ndjson", 30000, 3, true, 0.01);
  const std::string text = read_file(file);
  std::filesystem::path records = dir_ / "records";
  std::uint64_t rejects = 0;
  {
    MeasurementEngine e(records, units_);
    rejects = e.ingest(file).rejects;
  }
  ASSERT_GT(rejects, 0u);
  RecordsLog log(records);
  auto segment = log.open_segment(1);
  std::string kept;
  PageArray<char> scratch;
  for (std::size_t i = 0; i < segment->block_count(); ++i) kept += segment->lines(i, scratch);
  EXPECT_LT(std::filesystem::file_size(log.segment_path(1)), text.size() / 2);
  // The file's lines less the rejected ones (named in the reject file by their line numbers).
  std::set<std::uint64_t> rejected;
  std::istringstream reasons(read_file(file.string() + ".rejects"));
  for (std::string r; std::getline(reasons, r);) rejected.insert(std::stoull(r.substr(r.find(' ') + 1)));
  ASSERT_EQ(rejected.size(), rejects);
  std::string expected;
  std::istringstream in(text);
  std::uint64_t n = 0;
  for (std::string l; std::getline(in, l);)
    if (!rejected.count(++n)) expected += l + "\n";
  EXPECT_EQ(kept, expected);
}

}  // namespace
}  // namespace dxmon::measure
