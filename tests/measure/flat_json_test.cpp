// The NDJSON fast path: it reads the usual flat lines exactly as simdjson would, and declines every
// line it cannot read that way (the full parser then accepts or rejects it with its reason).
#include <gtest/gtest.h>

#include <string>

#include "measure/flat_json.h"

namespace dxmon::measure {
namespace {

using Fields = std::array<std::string_view, kFieldCount>;

// Scans `line` the way the parser does: with 64 bytes of padding after it, fields reset first.
struct Scan {
  std::string buffer;
  Fields fields{};
  bool ok = false;
  Scan(const std::string& line, KeyOrder& order) : buffer(line + std::string(64, '\0')) {
    ok = scan_flat_object(buffer.data(), buffer.data() + line.size(), fields, order);
  }
  std::string_view operator[](Field f) const { return fields[static_cast<std::size_t>(f)]; }
};

const std::string kUsual =
    R"({"dossier_id":"H24.1","agency":"tinh-01","procedure":"1.001147","service_level":"toan_trinh",)"
    R"("channel":"truc_tuyen","status":"hoan_thanh","received_at":"2024-03-15T13:54:09",)"
    R"("due_at":"2024-03-20T13:54:09","completed_at":"2024-03-16T18:50:36","updated_at":"2024-03-16T18:50:36",)"
    R"("fee":50000,"paid_online":true,"dossier_digitised":1,"result_digitised":0,"satisfaction":null})";

TEST(FlatJson, TheUsualLineGivesEveryValueAsWritten) {
  KeyOrder order;
  Scan s(kUsual, order);
  ASSERT_TRUE(s.ok);
  EXPECT_EQ(s[Field::DossierId], "H24.1");
  EXPECT_EQ(s[Field::Agency], "tinh-01");
  EXPECT_EQ(s[Field::CompletedAt], "2024-03-16T18:50:36");
  EXPECT_EQ(s[Field::Fee], "50000");
  EXPECT_EQ(s[Field::PaidOnline], "true");
  EXPECT_EQ(s[Field::ResultDigitised], "0");
  EXPECT_TRUE(s[Field::Satisfaction].empty());  // null
  EXPECT_EQ(order.count, kFieldCount);
  // The next line in the same order is read along the remembered keys, with other values.
  std::string next = kUsual;
  next.replace(next.find("H24.1"), 5, "H24.2");
  Scan t(next, order);
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(t[Field::DossierId], "H24.2");
  EXPECT_EQ(t[Field::Fee], "50000");
}

TEST(FlatJson, SpacesOtherKeyOrdersAndRepeatedKeysAreRead) {
  KeyOrder order;
  Scan first(kUsual, order);
  ASSERT_TRUE(first.ok);
  Scan spaced(R"( { "agency" : "tinh-01" , "dossier_id":"X 1","fee": 0 ,"agency":"bo-tc" } )", order);
  ASSERT_TRUE(spaced.ok);
  EXPECT_EQ(spaced[Field::DossierId], "X 1");
  EXPECT_EQ(spaced[Field::Agency], "bo-tc");  // the last value of a repeated key, as simdjson's loop gives
  EXPECT_EQ(spaced[Field::Fee], "0");
  EXPECT_EQ(order.count, 4u);
  Scan crlf(kUsual + "\r", order);
  EXPECT_TRUE(crlf.ok);
  Scan empty("{}", order);
  EXPECT_TRUE(empty.ok);
}

TEST(FlatJson, EverythingElseIsLeftToTheFullParser) {
  const std::string declined[] = {
      R"({"dossier_id":"H\"1","agency":"tinh-01"})",           // an escape
      R"({"dossier_id":"Hồ sơ","agency":"tinh-01"})",          // non-ASCII (UTF-8 is validated there)
      "{\"dossier_id\":\"a\tb\"}",                              // a control character in a string
      R"({"dossier_id":"H1","nguoi_nop":"x"})",                 // an unknown key: its reason names it
      R"({"dossier_id":"H1","fee":{"amount":1}})",              // a nested object
      R"({"dossier_id":"H1","fee":[1]})",                       // an array
      R"({"dossier_id":"H1",})",                                // a trailing comma
      R"({"dossier_id":"H1"} x)",                               // something after the object
      R"({"dossier_id":"H1")",                                  // unclosed
      R"({"dossier_id":"H1","fee":012})",                       // not a JSON number
      R"({"dossier_id":"H1","fee":1.})",
      R"({"dossier_id":"H1","paid_online":True})",
      R"({"dossier_id":H1})",
      R"(["H1"])",
      R"({"dossier_id" "H1"})",
  };
  for (const auto& line : declined) {
    KeyOrder order;
    EXPECT_FALSE(Scan(line, order).ok) << line;
  }
  // Numbers JSON allows are read as written.
  KeyOrder order;
  Scan numbers(R"({"fee":-1.5e+3,"satisfaction":5})", order);
  ASSERT_TRUE(numbers.ok);
  EXPECT_EQ(numbers[Field::Fee], "-1.5e+3");
}

// The usual line after the first: read in one pass by scan_usual_line along the remembered key order,
// and by its portable build (what a processor without AVX2 runs), which must read it the same.
struct Usual {
  std::string buffer;
  Fields fields{};
  const char* end = nullptr;  // what scan_usual_line returned
  std::size_t line_end = 0;   // where it is in `buffer`
  // `text` may hold several lines; the one at `at` is read.
  Usual(const std::string& text, const KeyOrder& order, std::size_t at = 0) : buffer(text + std::string(64, '\0')) {
    end = scan_usual_line(buffer.data() + at, buffer.data() + text.size(), fields, order, value_ends);
    if (end) line_end = static_cast<std::size_t>(end - buffer.data());
    Fields portable_fields{};
    const char* portable_ends[kFieldCount];
    EXPECT_EQ(scan_usual_line_portable(buffer.data() + at, buffer.data() + text.size(), portable_fields, order,
                                       portable_ends),
              end);
    if (end) {
      EXPECT_EQ(portable_fields, fields);
      // Each value ends where the next key's comma, or the closing brace, is.
      for (std::size_t k = 0; k < order.count; ++k) {
        EXPECT_EQ(portable_ends[k], value_ends[k]) << k;
        EXPECT_EQ(*value_ends[k], k + 1 < order.count ? ',' : '}') << k;
      }
      EXPECT_EQ(value_ends[order.count - 1] + 1, end);
    }
  }
  const char* value_ends[kFieldCount] = {};
  std::string_view operator[](Field f) const { return fields[static_cast<std::size_t>(f)]; }
};

TEST(FlatJson, TheUsualLineIsFoundAndReadInOnePass) {
  KeyOrder order;
  ASSERT_TRUE(Scan(kUsual, order).ok);
  std::string second = kUsual;
  second.replace(second.find("H24.1"), 5, "H24.20");
  second.replace(second.find("null"), 4, "4");
  second.replace(second.find("50000"), 5, "-0.5E-2");
  const std::string two = kUsual + "\n" + second + "\n";
  Usual a(two, order);
  ASSERT_TRUE(a.end);
  EXPECT_EQ(a.line_end, kUsual.size());  // at its newline
  EXPECT_EQ(a[Field::DossierId], "H24.1");
  EXPECT_EQ(a[Field::UpdatedAt], "2024-03-16T18:50:36");
  EXPECT_EQ(a[Field::PaidOnline], "true");
  EXPECT_TRUE(a[Field::Satisfaction].empty());
  Usual b(two, order, kUsual.size() + 1);
  ASSERT_TRUE(b.end);
  EXPECT_EQ(b.line_end, two.size() - 1);
  EXPECT_EQ(b[Field::DossierId], "H24.20");
  EXPECT_EQ(b[Field::Satisfaction], "4");
  EXPECT_EQ(b[Field::Fee], "-0.5E-2");
  // The file's last line without a newline ends where the content ends.
  Usual last(kUsual, order);
  ASSERT_TRUE(last.end);
  EXPECT_EQ(last.line_end, kUsual.size());
}

TEST(FlatJson, AnythingButTheUsualLineIsLeftToTheGeneralPath) {
  KeyOrder order;
  ASSERT_TRUE(Scan(kUsual, order).ok);
  auto changed = [](std::string from, std::string to) {
    std::string line = kUsual;
    line.replace(line.find(from), from.size(), to);
    return line;
  };
  const std::string declined[] = {
      changed("H24.1", "H24\\\"1"),                         // an escape
      changed("H24.1", "Hồ sơ"),                              // non-ASCII
      changed("H24.1", "H\t1"),                              // a control character
      changed("\"agency\":", "\"agency\" :"),                // a space
      changed("\"agency\":\"tinh-01\",", ""),                 // a key missing
      changed("\"agency\"", "\"agencY\""),                    // another key
      changed("\"dossier_id\":\"H24.1\",\"agency\":\"tinh-01\"",  // another order
              "\"agency\":\"tinh-01\",\"dossier_id\":\"H24.1\""),
      changed("50000", "012"),                                // not a JSON number
      changed("50000", "1."),
      changed("50000", "1e"),
      changed("50000", "\"50000"),                            // a string left open
      changed("true", "True"),
      changed("null", "nul"),
      changed("null", "{}"),
      kUsual + " ",                                           // something after the object
      kUsual + "\r",                                          // CRLF: the general path trims it
      kUsual.substr(0, kUsual.size() - 1),                    // unclosed
      "{}",
      changed("H24.1", std::string(1100, 'x')),               // longer than the usual line may be
  };
  for (const auto& line : declined) {
    Usual u(line + "\n" + kUsual, order);
    EXPECT_FALSE(u.end) << line;
  }
  // Each of them still reads the same through scan_flat_object as before, or goes to simdjson.
  KeyOrder fresh;
  EXPECT_TRUE(Scan(changed("\"agency\":", "\"agency\" :"), fresh).ok);
  EXPECT_TRUE(Scan(kUsual + "\r", fresh).ok);
  EXPECT_TRUE(Scan(changed("H24.1", std::string(1100, 'x')), fresh).ok);
  EXPECT_FALSE(Scan(changed("50000", "012"), fresh).ok);
}

TEST(FlatJson, EveryFieldNameIsFoundAndNothingElse) {
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    auto f = parse_field_name(kFieldNames[i]);
    ASSERT_TRUE(f) << kFieldNames[i];
    EXPECT_EQ(static_cast<std::size_t>(*f), i);
  }
  for (std::string_view other : {"", "dossier", "agencyx", "Agency", "dossier_iD", "fee ", "satisfactio"})
    EXPECT_FALSE(parse_field_name(other)) << other;
}

}  // namespace
}  // namespace dxmon::measure
