#pragma once
// Observations (kết quả thực hiện): indicator × unit × period → value, with provenance.
#include <optional>
#include <string>
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
  // Whether two observations say the same thing (ignoring provenance location and comment).
  bool same_value(const Observation& other) const;
};

// One kept revision of an observation: values are never overwritten silently.
struct Revision {
  std::string observation_key;
  std::string changed_at;  // ISO timestamp
  std::string changed_by;
  std::string old_value;   // as_printed / value before
  std::string new_value;
  std::string reason;
  bool operator==(const Revision&) const = default;
};

std::string_view provenance_kind_id(ProvenanceKind k);  // "report", "submission", "measurement", "import"
std::optional<ProvenanceKind> parse_provenance_kind(std::string_view id);
// "estimate;forecast" ⇄ flags
std::string flags_to_string(const ObservationFlags& f);
std::optional<ObservationFlags> parse_flags(std::string_view text);

}  // namespace dxmon
