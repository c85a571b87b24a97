#pragma once
// The Store: where the catalogue and the values live. Two backends (SQLite, PostgreSQL) pass one
// conformance suite (tests/store/). Every apply() is one transaction: all of it or nothing.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/regime.h"

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
  ApplyCounts units, successions, indicators, programmes, targets, observations, tasks, task_counts;
  ApplyCounts overrides, regimes, relations;
  int revisions = 0;  // observations whose change was recorded (one revision per changed field)
  ApplyCounts imported_revisions;  // revisions brought by the data (an export): inserted or already there
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
  // value keeps the old one as a Revision with `ctx`: one per changed field (value, flags, as_of,
  // comment, location, provenance). Revisions in `data` (an export) are appended unless stored.
  // Task counts are keyed by TaskCount::key(). Overrides are keyed by programme, target and period
  // (the target must exist; override_faults() must find nothing); regimes by code, checked as
  // save_regime() checks them; relations by relation_key() (their indicators must exist). Throws
  // StoreError and writes nothing on failure.
  virtual ApplyResult apply(const Dataset& data, const ChangeContext& ctx) = 0;

  // Reads. Lists are ordered by code (observations by indicator, unit, period, document).
  virtual std::vector<ReportingUnit> units() = 0;
  virtual std::vector<UnitSuccession> successions() = 0;
  virtual std::vector<Indicator> indicators() = 0;
  virtual std::vector<Programme> programmes() = 0;
  virtual std::vector<Target> targets(const std::string& programme = "") = 0;  // sort_order within a programme
  virtual std::vector<Observation> observations(const ObservationQuery& q = {}) = 0;
  virtual std::vector<Task> tasks(const std::string& programme = "") = 0;
  // Tasks known only as counts, by programme, group, status and day.
  virtual std::vector<TaskCount> task_counts(const std::string& programme = "") = 0;
  virtual std::vector<Revision> revisions(const std::string& observation_key = "") = 0;
  // Manual classes of targets, by programme, target code and period.
  virtual std::vector<Override> overrides(const std::string& programme = "") = 0;
  // What the checks know about indicators (docs/checks.md), by relation, indicator and parts.
  virtual std::vector<IndicatorRelation> relations() = 0;

  // Reporting regimes and the reports sent under them (docs/reporting-rates.md). Kept apart from
  // Dataset: a regime is configuration, a submission is an event with an approval history.
  //
  // Inserts or replaces the regime with its code, in one transaction. Throws StoreError (and writes
  // nothing) when the regime has problems (regime_problems()) or names a unit or an indicator that
  // is not in the catalogue.
  virtual void save_regime(const ReportingRegime& regime) = 0;
  virtual std::vector<ReportingRegime> regimes() = 0;  // ordered by code
  // Appends one step to the history of a unit's report, in one transaction. Recording a step that
  // is already recorded (same regime, unit, period, time and status, same reason and who) does
  // nothing. Throws StoreError, writing nothing, when the regime or unit is unknown, the period
  // does not have the regime's frequency, or the step may not follow the history
  // (submission_step_error(): accepted reports are locked, returns need a reason, no going back in time).
  virtual void record_submission(const Submission& submission) = 0;
  // Every step recorded for a regime and period: by unit code, then in the order recorded.
  virtual std::vector<Submission> submissions(const std::string& regime, const Period& period) = 0;

  // Everything, as one Dataset (for export), revisions included.
  Dataset load_all();
};

// Why `url` names no store dxmon can open, in Vietnamese with the forms it accepts; empty when it
// is "sqlite:PATH", a bare path, or "postgresql://…"/"postgres://…". A word of two or more
// letters before a colon is a scheme ("mysql:foo"): an unknown one is refused, never taken as a
// file name.
std::string store_url_problem(const std::string& url);

// Opens "sqlite:PATH" (or a bare path) or "postgresql://…"/"postgres://…"; runs migrate().
// Throws StoreError when store_url_problem() finds one.
std::unique_ptr<Store> open_store(const std::string& url);

}  // namespace dxmon
