#pragma once
// The state shared by the per-kind mappings of one import (private to src/io/map_*.cpp).
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/unit_directory.h"
#include "io/mapping.h"
#include "io/row_reader.h"

namespace dxmon::io {

class Mapping {
 public:
  Mapping(const Catalogue& stored, const Date& today, Problems& problems)
      : stored_(stored), today_(today), problems_(problems) {}

  void units(const BoundTable& t);
  void build_directory();  // after all units tables
  void successions(const BoundTable& t);
  void link_successions();  // after all successions tables: the directory's messages name successors
  void indicators(const BoundTable& t);
  void programmes(const BoundTable& t);
  void finish_programmes();  // after all programmes tables: reported_with names a known programme
  void targets(const BoundTable& t);
  void finish_targets();
  void observations(const BoundTable& t);
  void tasks(const BoundTable& t);
  void task_statuses(const BoundTable& t);
  void finish_tasks();
  void task_counts(const BoundTable& t);
  void overrides(const BoundTable& t);  // after finish_targets()
  void revisions(const BoundTable& t);  // after observations()
  void regimes(const BoundTable& t);
  void relations(const BoundTable& t);

  Dataset take() { return std::move(out_); }

 private:
  // A unit code for `name_or_code` as of `as_of`, or a problem at `column` (with suggestions).
  std::optional<std::string> unit(const RowReader& r, std::string_view column, const std::string& name_or_code,
                                  const Date& as_of, bool require_valid) const;
  std::vector<std::string> unit_list(const RowReader& r, std::string_view column, const Date& as_of) const;
  const Indicator* indicator(const std::string& code) const;
  bool programme_known(const std::string& code) const;
  // Problem when `code` names no indicator/programme known to the store or the import.
  bool require_indicator(const RowReader& r, std::string_view column, const std::string& code) const;
  bool require_programme(const RowReader& r, std::string_view column, const std::string& code) const;
  bool require_target(const RowReader& r, std::string_view column, const std::string& programme,
                      const std::string& code) const;
  // Codes are joined with '|' into keys: they must not hold one.
  void check_code(const RowReader& r, std::string_view column, const std::string& code) const;
  // The stored observation with `key` (of `indicator`), or nullptr; read once per indicator.
  const Observation* stored_observation(const std::string& indicator, const std::string& key) const;
  bool observation_known(const std::string& indicator, const std::string& key) const;
  // Fills the fields whose columns `t` leaves out from the stored observation (formats.md).
  void keep_stored_fields(const BoundTable& t, Observation& o) const;
  // Records `key` as seen at this row; a problem when an earlier row had it.
  bool first_time(std::map<std::string, std::string>& seen, const std::string& key, const RowReader& r,
                  std::string_view column, const std::string& what);

  const Catalogue& stored_;
  Date today_;
  Problems& problems_;
  Dataset out_;
  std::unique_ptr<UnitDirectory> directory_;
  mutable std::map<std::string, std::map<std::string, Observation>> stored_observations_;  // indicator → key → value

  struct PendingParent {
    std::size_t unit;
    const BoundTable* table;
    const TableRow* row;
  };
  std::vector<PendingParent> pending_parents_;
  std::vector<PendingParent> pending_reported_with_;  // programmes (by index) naming another

  std::map<std::string, std::string> seen_units_, seen_successions_, seen_indicators_, seen_programmes_,
      seen_observations_, seen_tasks_, seen_overrides_, seen_regimes_, seen_relations_, seen_task_counts_;

  // Targets are grouped by programme|code across rows; each group remembers where its
  // target-level columns were first given, to point at both rows when they disagree.
  struct TargetGroup {
    Target target;
    std::map<std::string, std::pair<std::string, std::string>> first;  // column → (value, where)
    std::map<std::string, std::string> items;                          // item key → where
  };
  std::map<std::string, std::size_t> target_index_;
  std::vector<TargetGroup> target_groups_;

  struct TaskRow {
    Task task;
    std::optional<TaskStatus> status;
    std::optional<Date> status_date;
  };
  std::vector<TaskRow> task_rows_;
  std::map<std::string, std::vector<TaskStatusChange>> status_history_;  // task → changes in file order
  std::vector<std::string> status_order_;                                // tasks in order of first history row
};

}  // namespace dxmon::io
