#pragma once
// The Store: where the catalogue and the values live. Two backends (SQLite, PostgreSQL) pass one
// conformance suite (tests/store/). Every apply() is one transaction: all of it or nothing.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace dxmon {

// Who makes a change and why: recorded on every revision.
struct ChangeContext {
  std::string who = "dxmon";
  std::string why;
  std::string when;  // ISO timestamp; empty means now
};

// What an apply() did, per kind of entity.
struct ApplyCounts {
  int inserted = 0;
  int updated = 0;
  int unchanged = 0;
  bool operator==(const ApplyCounts&) const = default;
};

struct ApplyResult {
  ApplyCounts units, successions, indicators, programmes, targets, observations, tasks;
  int revisions = 0;  // observation revisions recorded
  bool changed_anything() const;
};

// Filters for reading observations; empty fields match everything.
struct ObservationQuery {
  std::string indicator;
  std::string unit;
  std::optional<Period> period;
  std::string document;
};

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Store {
 public:
  virtual ~Store() = default;

  // Brings the schema to the newest migration; safe to call on every open.
  virtual void migrate() = 0;
  virtual int schema_version() = 0;

  // Upserts everything in `data` in one transaction. Entities are keyed by code (observations by
  // Observation::key()); an identical row is left alone (counted unchanged). A changed observation
  // value keeps the old one as a Revision with `ctx`. Throws StoreError and writes nothing on failure.
  virtual ApplyResult apply(const Dataset& data, const ChangeContext& ctx) = 0;

  // Reads. Lists are ordered by code (observations by indicator, unit, period, document).
  virtual std::vector<ReportingUnit> units() = 0;
  virtual std::vector<UnitSuccession> successions() = 0;
  virtual std::vector<Indicator> indicators() = 0;
  virtual std::vector<Programme> programmes() = 0;
  virtual std::vector<Target> targets(const std::string& programme = "") = 0;  // sort_order within a programme
  virtual std::vector<Observation> observations(const ObservationQuery& q = {}) = 0;
  virtual std::vector<Task> tasks(const std::string& programme = "") = 0;
  virtual std::vector<Revision> revisions(const std::string& observation_key = "") = 0;

  // Everything, as one Dataset (for export).
  Dataset load_all();
};

// Opens "sqlite:PATH" (or a bare path) or "postgresql://…"/"postgres://…"; runs migrate().
std::unique_ptr<Store> open_store(const std::string& url);

}  // namespace dxmon
