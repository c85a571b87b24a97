#pragma once
// The derived state of the measurement engine: the latest state of every dossier (dedup table) and
// the counters the indicators are computed from. Everything here can be recomputed from the records
// log; counters are never persisted, they are recomputed from the dossier states on load.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "measure/agency_table.h"
#include "measure/dossier_record.h"
#include "measure/dossier_table.h"
#include "measure/flat_map.h"
#include "measure/hash.h"
#include "measure/page_array.h"
#include "measure/procedure_dictionary.h"
#include "measure/record_parser.h"

namespace dxmon::measure {

// Counters per agency × month. Intake counters are attributed to the month the dossier was received,
// completion counters (from kCompleted on) to the month it was completed.
enum Counter : int {
  kReceived,           // hồ sơ tiếp nhận
  kOnlineChannel,      // received online (any service level)
  kOnlineLevel,        // of procedures that offer an online service (toàn trình or một phần)
  kOnlineLevelOnline,  // … and received online
  kFeeBearing,         // with a fee or charge
  kPaidOnline,         // fee-bearing and paid online
  kDossierDigitised,   // dossier digitised
  kCompleted,          // completed in the month
  kOnTime,             // completed no later than due
  kResultDigitised,    // completed with a digitised result
  kRated,              // completed and rated
  kRatingSum,          // sum of ratings (1–5)
  kSatisfied,          // rated 4 or 5
  kCounterCount
};

// Per agency × procedure × received month: what "services with dossiers" indicators need.
struct ProcedureCell {
  std::uint32_t dossiers = 0;
  std::uint32_t online_level = 0;         // dossiers whose procedure offers an online service
  std::uint32_t full_online = 0;          // … at level toàn trình
  std::uint32_t partial_online = 0;       // … at level một phần
  std::uint32_t online_level_online = 0;  // online-level dossiers received online
};

// What applying records did.
struct ApplyTally {
  std::uint64_t new_dossiers = 0;
  std::uint64_t replaced = 0;  // a newer (or equally new, later arrived) state replaced an older one
  std::uint64_t stale = 0;     // older than the state already held: ignored
};

class MeasurementState {
 public:
  MeasurementState();

  AgencyTable& agencies() { return agencies_; }
  const AgencyTable& agencies() const { return agencies_; }
  const ProcedureDictionary& procedures() const { return procedures_; }
  ProcedureDictionary& procedures() { return procedures_; }
  const DossierTable& dossiers() const { return dossiers_; }

  // Applies records in arrival order: latest updated_at wins, ties go to the later arrival.
  void apply(ParsedRecords& records, ApplyTally& tally);
  // Applies one stored state (snapshot load).
  void restore(const DossierState& s);
  // Sizes the tables once for a big file of about `records` more records (they grow by doubling
  // otherwise): the dedup table for all of them, the procedure cells for one per eight records (the
  // generated year has one per ten: 1,0 M cells for 10 M records). Grown by doubling under the file,
  // the cells' rehashes and fresh pages took a third of the applying thread's time (CSV, 10 M
  // records: apply 1,3–1,5 s → 0,93–1,0 s). Data with fewer cells get a table up to 32 bytes per
  // eight records bigger than they need.
  void reserve_more(std::size_t records) {
    dossiers_.reserve_more(records);
    cells_.reserve(cells_.size() + records / 8);
  }
  // Call after adding agencies (catalogue, snapshot): sizes the counters.
  void sync_agencies() { ensure_agency_capacity(); }

  const std::int64_t* counters(int agency, int month) const {
    return &counters_[(static_cast<std::size_t>(agency) * kMonthCount + static_cast<std::size_t>(month)) *
                      kCounterCount];
  }
  const FlatMap64<ProcedureCell>& cells() const { return cells_; }
  static std::uint64_t cell_key(std::uint32_t agency, std::uint32_t procedure, std::uint32_t month) {
    return (static_cast<std::uint64_t>(agency) << 48) | (static_cast<std::uint64_t>(procedure) << 16) | month;
  }

  // Agency × month pairs whose counters changed since the last clear_touched().
  const std::vector<std::uint8_t>& touched() const { return touched_; }
  bool is_touched(int agency, int month) const {
    return touched_[static_cast<std::size_t>(agency) * kMonthCount + static_cast<std::size_t>(month)] != 0;
  }
  void touch_all();
  void clear_touched();

  // Content hashes of the files ingested (a file already ingested changes nothing), and their
  // probes (size and first bytes, see InputFile::probe): a file whose probe is not here cannot have
  // been ingested, so only a file whose probe is here is hashed whole before its ingest.
  std::unordered_map<std::uint64_t, std::uint32_t>& ingested() { return ingested_; }  // hash → segment
  const std::unordered_map<std::uint64_t, std::uint32_t>& ingested() const { return ingested_; }
  std::unordered_set<std::uint64_t>& probes() { return probes_; }
  const std::unordered_set<std::uint64_t>& probes() const { return probes_; }

  // Snapshot: the state's memory written as is (tables included, and the touched marks: what was not
  // yet published when it was taken); loading reads the tables straight into place
  // (measurement_snapshot.cpp). read_snapshot returns false (and leaves the state as it was) when the
  // file is missing or fails its checksum.
  void write_snapshot(const std::string& path, std::uint32_t last_segment) const;
  bool read_snapshot(const std::string& path, std::uint32_t& last_segment);

  // A digest of everything the indicators depend on, keyed by agency and procedure codes rather than
  // indices: equal for two states that hold the same dossiers, whatever order they arrived in.
  std::uint64_t fingerprint() const;

 private:
  void ensure_agency_capacity();
  // A dossier's contribution to the counters and cells, in three parts: intake (its received
  // month's counters), completion (its completed month's counters) and its procedure cell.
  void contribute(const DossierState& s, int sign);
  void add_intake(const DossierState& s, int sign);
  void add_completion(const DossierState& s, int sign);
  void add_cell(const DossierState& s, int sign);
  // `held` takes the newer state `incoming`, the counters and cells following.
  void replace(DossierState& held, const DossierState& incoming);
  void mark(int agency, int month) {
    touched_[static_cast<std::size_t>(agency) * kMonthCount + static_cast<std::size_t>(month)] = 1;
  }

  AgencyTable agencies_;
  ProcedureDictionary procedures_;
  DossierTable dossiers_;
  std::vector<std::int64_t> counters_;  // [agency][month][counter]
  std::vector<std::uint8_t> touched_;   // [agency][month]
  FlatMap64<ProcedureCell> cells_;
  std::unordered_map<std::uint64_t, std::uint32_t> ingested_;
  std::unordered_set<std::uint64_t> probes_;
  std::size_t agency_capacity_ = 0;
};

}  // namespace dxmon::measure
