#pragma once
// Observations (kết quả thực hiện): indicator × unit × period → value, with provenance.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/period.h"

namespace dxmon {

enum class ProvenanceKind {
  Report,       // transcribed from a published report (seed file and line)
  Submission,   // submitted by an agency (upload, form, API)
  Measurement,  // computed by dxmon from dossier records
  Import,       // imported from a file of unknown origin
};

struct Provenance {
  ProvenanceKind kind = ProvenanceKind::Import;
  std::string document;  // report number, file name, submission id: part of the observation key
  std::string location;  // line(s), sheet/row, …
  bool operator==(const Provenance&) const = default;
};

// Flags a value carries (số liệu ước tính / dự báo / sơ bộ; không có số liệu).
struct ObservationFlags {
  bool estimate = false;
  bool forecast = false;
  bool preliminary = false;
  bool no_data = false;
  bool operator==(const ObservationFlags&) const = default;
};

struct Observation {
  std::string indicator;             // indicator code
  std::string unit;                  // unit code; kNationalUnit for national figures
  Period period;
  std::optional<double> value;       // the value (a share in percent for "%" indicators)
  std::optional<double> value_max;   // upper end of a range ("7,2-7,8%")
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::optional<bool> fact;          // yes/no fact for agency-share indicators
  std::string as_printed;            // the cell as written in the source ("58,41%", "-")
  ObservationFlags flags;
  Provenance provenance;
  std::optional<Date> as_of;         // date the value refers to or was published
  std::string comment;
  bool operator==(const Observation&) const = default;

  // The key: one value per indicator, unit, period and source document.
  std::string key() const;
};

// A key() split back into indicator, unit, period id and document ('|' occurs in none of them);
// fewer or more than four parts when `key` is not an observation key.
std::vector<std::string> observation_key_parts(std::string_view key);

// One kept revision of an observation: values are never overwritten silently. A change of several
// fields is one revision per field, with the same time, author and reason.
struct Revision {
  std::string observation_key;
  std::string changed_at;  // ISO timestamp
  std::string changed_by;
  std::string field = "value";  // what changed: a kRevisionFields id
  std::string old_value;   // the field before, as text (the value as printed; flags as ids; ISO dates)
  std::string new_value;
  std::string reason;
  bool operator==(const Revision&) const = default;
};

// The fields a revision can be about, by the names of the import columns they come from: "value"
// (as printed, the numbers or the fact), "flags", "as_of", "comment", "location", "provenance".
inline constexpr std::string_view kRevisionFields[] = {"value", "flags", "as_of", "comment", "location", "provenance"};
std::string_view revision_field_label_vi(std::string_view field);  // "giá trị", "cờ số liệu", …

// A field that differs between two versions of an observation, as a revision records it.
struct FieldChange {
  std::string field;
  std::string old_text;
  std::string new_text;
};
// What changed from `old` to `next`, one entry per field, in kRevisionFields order; empty when
// they say the same thing. The value is its printed form ("58,41%"); when the printed forms are
// equal and the numbers are not, the numbers ("58,41 → 58,5").
std::vector<FieldChange> observation_changes(const Observation& old, const Observation& next);
// The remark the source printed as a footnote to the value, from a comment that transcribes it
// ("Chú thích ¹: Số liệu theo dự báo của Bộ Công Thương." → "Số liệu theo dự báo của Bộ Công
// Thương."); "" for other comments, which are the transcriber's and stay in the data.
std::string printed_footnote(const Observation& o);

// The value of an observation as a revision records it: as printed, else the number(s) the way
// the reports write them ("2,75 nghìn tỷ", "7,2-7,8", "11.923/13.506"), else the fact (có/không).
std::string observation_value_text(const Observation& o);

std::string_view provenance_kind_id(ProvenanceKind k);  // "report", "submission", "measurement", "import"
std::optional<ProvenanceKind> parse_provenance_kind(std::string_view id);
// "estimate;forecast" ⇄ flags
std::string flags_to_string(const ObservationFlags& f);
std::optional<ObservationFlags> parse_flags(std::string_view text);

}  // namespace dxmon
