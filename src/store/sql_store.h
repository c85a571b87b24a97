#pragma once
// The one implementation of Store over an SQL session: migrations, apply() with its diffing,
// counting and revisions, and the reads. The SQLite and PostgreSQL backends differ only in the
// sql::Session they hand it (store/sqlite/, store/postgres/).
#include <memory>

#include "store/sql_session.h"
#include "store/store.h"

namespace dxmon {

// One connection: use a SqlStore from one thread at a time (each `dxmon serve` worker opens its own).
class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<sql::Session> session);

  void migrate() override;
  int schema_version() override;

  ApplyResult apply(const Dataset& data, const ChangeContext& ctx) override;

  std::vector<ReportingUnit> units() override;
  std::vector<UnitSuccession> successions() override;
  std::vector<Indicator> indicators() override;
  std::vector<Programme> programmes() override;
  std::vector<Target> targets(const std::string& programme = "") override;
  // The period filter matches that exact period (a year does not match its quarters).
  std::vector<Observation> observations(const ObservationQuery& q = {}) override;
  std::vector<Task> tasks(const std::string& programme = "") override;
  std::vector<TaskCount> task_counts(const std::string& programme = "") override;
  std::vector<Revision> revisions(const std::string& observation_key = "") override;
  std::vector<Override> overrides(const std::string& programme = "") override;
  std::vector<IndicatorRelation> relations() override;

  void save_regime(const ReportingRegime& regime) override;
  std::vector<ReportingRegime> regimes() override;
  void record_submission(const Submission& submission) override;
  std::vector<Submission> submissions(const std::string& regime, const Period& period) override;

  sql::Session& session() { return *session_; }

 private:
  std::unique_ptr<sql::Session> session_;
};

}  // namespace dxmon
