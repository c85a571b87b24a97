// SqlStore::apply(): the upsert with diffing, counting and revisions, written once for both backends.
//
// Inside one transaction, each kind is applied in dependency order (units, successions, indicators,
// programmes, targets, tasks, task counts, observations, imported revisions, overrides of targets,
// reporting regimes, relations between indicators). The rows already stored are read first (catalogues
// whole, observations per indicator in the batch), so an unchanged row costs no write and a
// reference to a missing code is reported in the user's words before the database would refuse it.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "core/override.h"
#include "store/entity_rows.h"
#include "store/sql_regimes.h"
#include "store/sql_store.h"
#include "store/store_clock.h"

namespace dxmon {
namespace {

using rows::RowCodec;

// Where an observation came from, for messages: "(BC-123, dòng 45)".
std::string origin(const Observation& o) {
  std::string out = o.provenance.document;
  if (!o.provenance.location.empty()) out += (out.empty() ? "" : ", ") + o.provenance.location;
  return out.empty() ? "" : " (" + out + ")";
}

// The status history a task has after applying `incoming` to `stored`: history is appended to,
// never rewritten. A replay of the stored history (or a longer one starting with it) appends the
// new tail; otherwise each incoming change not already recorded is appended in order.
std::vector<TaskStatusChange> merged_statuses(const std::vector<TaskStatusChange>& stored,
                                              const std::vector<TaskStatusChange>& incoming) {
  std::vector<TaskStatusChange> out = stored;
  if (incoming.size() >= stored.size() && std::equal(stored.begin(), stored.end(), incoming.begin())) {
    out.insert(out.end(), incoming.begin() + static_cast<std::ptrdiff_t>(stored.size()), incoming.end());
    return out;
  }
  for (const auto& s : incoming)
    if (std::find(stored.begin(), stored.end(), s) == stored.end()) out.push_back(s);
  return out;
}

template <typename E>
std::map<std::string, E> by_key(std::vector<E> list) {
  std::map<std::string, E> out;
  for (auto& e : list) {
    auto key = RowCodec<E>::key(e);
    out.emplace(std::move(key), std::move(e));
  }
  return out;
}

class Applier {
 public:
  Applier(SqlStore& store, const ChangeContext& ctx)
      : store_(store), s_(store.session()), ctx_(ctx), when_(ctx.when.empty() ? store_now_iso() : ctx.when) {}

  ApplyResult run(const Dataset& data) {
    units_ = by_key(store_.units());
    upsert(data.units, units_, result_.units, [](const ReportingUnit& u) {
      require(!u.code.empty(), "đơn vị \"" + u.name + "\" thiếu mã đơn vị");
    });

    auto successions = data.successions.empty() ? std::map<std::string, UnitSuccession>{}
                                                : by_key(store_.successions());
    upsert(data.successions, successions, result_.successions, [this](const UnitSuccession& x) {
      std::string what = "sáp nhập/kế thừa \"" + x.predecessor + "\" → \"" + x.successor + "\"";
      require_unit(x.predecessor, what);
      require_unit(x.successor, what);
    });

    indicators_ = by_key(store_.indicators());
    upsert(data.indicators, indicators_, result_.indicators, [](const Indicator& i) {
      require(!i.code.empty(), "chỉ tiêu \"" + i.name + "\" thiếu mã chỉ tiêu");
    });

    programmes_ = by_key(store_.programmes());
    upsert(data.programmes, programmes_, result_.programmes, [](const Programme& p) {
      require(!p.code.empty(), "chương trình \"" + p.name + "\" thiếu mã chương trình");
    });
    for (const Programme& p : data.programmes)
      if (!p.reported_with.empty()) require_programme(p.reported_with, "chương trình \"" + p.code + "\" (báo cáo cùng)");

    apply_targets(data.targets);
    apply_tasks(data.tasks);
    apply_task_counts(data.task_counts);
    apply_observations(data.observations);
    apply_revisions(data.revisions);
    apply_overrides(data.overrides);
    apply_regimes(data.regimes);
    apply_relations(data.relations);
    return result_;
  }

 private:
  static void require(bool ok, const std::string& message) {
    if (!ok) throw StoreError(message);
  }

  // The checks below build their message only when they fail: they run for every row of a batch
  // (tens of thousands of measured observations after an ingest). `what` is the entity's
  // description, or a function that gives it.
  static std::string described(const std::string& what) { return what; }
  template <typename F>
  static std::string described(const F& what) {
    return what();
  }

  // `code` names an entry of `catalogue`, the catalogue of `noun` ("đơn vị", "chỉ tiêu", …).
  template <typename Catalogue, typename What>
  static void require_listed(const Catalogue& catalogue, std::string_view noun, const std::string& code,
                             const What& what) {
    if (!catalogue.contains(code))
      throw StoreError(described(what) + ": " + std::string(noun) + " \"" + code + "\" chưa có trong danh mục " +
                       std::string(noun) + " — hãy thêm " + std::string(noun) + " này (hoặc sửa mã) rồi nhập lại");
  }
  template <typename What>
  void require_unit(const std::string& code, const What& what) const {
    require_listed(units_, "đơn vị", code, what);
  }
  template <typename What>
  void require_indicator(const std::string& code, const What& what) const {
    require_listed(indicators_, "chỉ tiêu", code, what);
  }
  template <typename What>
  void require_programme(const std::string& code, const What& what) const {
    require_listed(programmes_, "chương trình", code, what);
  }

  // NaN and infinities are not values (and SQLite would silently store NaN as NULL).
  template <typename What>
  static void require_finite(std::initializer_list<std::optional<double>> numbers, const What& what) {
    for (const auto& n : numbers)
      if (n && !std::isfinite(*n))
        throw StoreError(described(what) + ": giá trị số không hợp lệ (NaN hoặc vô cực) — hãy sửa ô số liệu");
  }

  // Runs one write; a database refusal is reported with the entity it was about.
  void write(const std::string& sql, const sql::Row& params, const std::string& what) { s_.write(sql, params, what); }

  template <typename E, typename Check, typename OnUpdate>
  void upsert(const std::vector<E>& incoming, std::map<std::string, E>& stored, ApplyCounts& counts,
              Check check, OnUpdate on_update) {
    using Codec = RowCodec<E>;
    const std::string insert = rows::insert_sql(Codec::spec), update = rows::update_sql(Codec::spec);
    for (const E& e : incoming) {
      check(e);
      std::string key = Codec::key(e);
      auto it = stored.find(key);
      if (it == stored.end()) {
        write(insert, Codec::encode(e), "\"" + key + "\"");
        stored.emplace(key, e);
        ++counts.inserted;
      } else if (it->second == e) {
        ++counts.unchanged;
      } else {
        write(update, Codec::encode(e), "\"" + key + "\"");
        on_update(it->second, e);
        it->second = e;
        ++counts.updated;
      }
    }
  }

  template <typename E, typename Check>
  void upsert(const std::vector<E>& incoming, std::map<std::string, E>& stored, ApplyCounts& counts, Check check) {
    upsert(incoming, stored, counts, check, [](const E&, const E&) {});
  }

  void apply_targets(const std::vector<Target>& incoming) {
    if (incoming.empty()) return;
    auto stored = by_key(store_.targets());
    for (const Target& t : incoming) {
      std::string key = RowCodec<Target>::key(t);
      std::string what = "mục tiêu \"" + t.code + "\" của chương trình \"" + t.programme + "\"";
      require(!t.code.empty(), "mục tiêu \"" + t.label + "\" của chương trình \"" + t.programme + "\" thiếu mã");
      require_programme(t.programme, what);
      for (const auto& item : t.items) {
        require_indicator(item.indicator, what);
        require_finite({item.value, item.value_max}, what);
      }

      auto it = stored.find(key);
      if (it != stored.end() && it->second == t) {
        ++result_.targets.unchanged;
        continue;
      }
      if (it == stored.end()) {
        write(rows::insert_sql(RowCodec<Target>::spec), RowCodec<Target>::encode(t), what);
        ++result_.targets.inserted;
      } else {
        write(rows::update_sql(RowCodec<Target>::spec), RowCodec<Target>::encode(t), what);
        write(rows::delete_children_sql(rows::TargetItemRows::spec, 2), {t.programme, t.code}, what);
        ++result_.targets.updated;
      }
      for (std::size_t i = 0; i < t.items.size(); ++i)
        write(rows::insert_sql(rows::TargetItemRows::spec), rows::TargetItemRows::encode(t, i), what);
      stored[key] = t;
    }
  }

  void apply_tasks(const std::vector<Task>& incoming) {
    if (incoming.empty()) return;
    auto stored = by_key(store_.tasks());
    for (const Task& t : incoming) {
      std::string what = "nhiệm vụ \"" + t.code + "\"";
      require(!t.code.empty(), "nhiệm vụ \"" + t.name + "\" thiếu mã nhiệm vụ");
      require_programme(t.programme, what);

      auto it = stored.find(t.code);
      if (it == stored.end()) {
        write(rows::insert_sql(RowCodec<Task>::spec), RowCodec<Task>::encode(t), what);
        append_statuses(t.code, 0, t.statuses, what);
        stored.emplace(t.code, t);
        ++result_.tasks.inserted;
        continue;
      }
      Task& old = it->second;
      Task next = t;
      next.statuses = merged_statuses(old.statuses, t.statuses);
      if (next == old) {
        ++result_.tasks.unchanged;
        continue;
      }
      Task old_row = old, next_row = next;
      old_row.statuses.clear();
      next_row.statuses.clear();
      if (!(old_row == next_row)) write(rows::update_sql(RowCodec<Task>::spec), RowCodec<Task>::encode(next), what);
      std::vector<TaskStatusChange> added(next.statuses.begin() + static_cast<std::ptrdiff_t>(old.statuses.size()),
                                          next.statuses.end());
      append_statuses(t.code, old.statuses.size(), added, what);
      old = std::move(next);
      ++result_.tasks.updated;
    }
  }

  void append_statuses(const std::string& task, std::size_t first_seq, const std::vector<TaskStatusChange>& added,
                       const std::string& what) {
    for (std::size_t i = 0; i < added.size(); ++i)
      write(rows::insert_sql(rows::TaskStatusRows::spec), rows::TaskStatusRows::encode(task, first_seq + i, added[i]),
            what);
  }

  void apply_observations(const std::vector<Observation>& incoming) {
    std::map<std::string, Observation> stored;
    std::set<std::string> loaded;  // indicators whose stored observations are in `stored`
    for (const Observation& o : incoming) {
      auto what = [&o] { return "kết quả \"" + o.key() + "\"" + origin(o); };
      require_indicator(o.indicator, what);
      require_unit(o.unit, what);
      require_finite({o.value, o.value_max, o.numerator, o.denominator}, what);
      if (loaded.insert(o.indicator).second) {
        ObservationQuery q;
        q.indicator = o.indicator;
        for (auto& old : store_.observations(q)) {
          auto key = old.key();
          stored.emplace(std::move(key), std::move(old));
        }
      }
    }
    const std::string insert_revision = rows::insert_sql(RowCodec<Revision>::spec);
    upsert(incoming, stored, result_.observations, [](const Observation&) {},
           [this, &insert_revision](const Observation& old, const Observation& next) {
             // One revision per changed field, so that the history says what changed.
             auto changes = observation_changes(old, next);
             for (const FieldChange& c : changes) {
               Revision r{next.key(), when_, ctx_.who, c.field, c.old_text, c.new_text, ctx_.why};
               write(insert_revision, RowCodec<Revision>::encode(r),
                     "lịch sử sửa đổi của \"" + r.observation_key + "\"");
             }
             if (!changes.empty()) ++result_.revisions;
           });
  }

  // Revisions brought by an import (an export of another store): appended unless the same
  // revision is already stored, so that re-importing an export adds nothing. Each must be about
  // an observation the store holds once this import is applied.
  void apply_revisions(const std::vector<Revision>& incoming) {
    if (incoming.empty()) return;
    std::map<std::string, std::vector<Revision>> stored;
    std::set<std::string> known;
    for (auto& r : store_.revisions()) stored[r.observation_key].push_back(std::move(r));
    for (const Revision& r : incoming) {
      const std::string what = "lịch sử sửa đổi của \"" + r.observation_key + "\"";
      if (!known.contains(r.observation_key)) {
        sql::Row parts;
        for (auto& part : observation_key_parts(r.observation_key)) parts.emplace_back(std::move(part));
        require(parts.size() == 4 &&
                    !s_.query("SELECT 1 FROM observations WHERE indicator = $1 AND unit = $2 AND period_id = $3 "
                              "AND document = $4",
                              parts)
                         .empty(),
                what + ": không có giá trị này trong kho dữ liệu — hãy nhập giá trị (observations) cùng lúc");
        known.insert(r.observation_key);
      }
      auto& list = stored[r.observation_key];
      if (std::find(list.begin(), list.end(), r) != list.end()) {
        ++result_.imported_revisions.unchanged;
        continue;
      }
      write(rows::insert_sql(RowCodec<Revision>::spec), RowCodec<Revision>::encode(r), what);
      list.push_back(r);
      ++result_.imported_revisions.inserted;
    }
  }

  void apply_task_counts(const std::vector<TaskCount>& incoming) {
    if (incoming.empty()) return;
    auto stored = by_key(store_.task_counts());
    upsert(incoming, stored, result_.task_counts, [this](const TaskCount& c) {
      const std::string what = "số nhiệm vụ \"" + c.key() + "\"";
      require_programme(c.programme, what);
      require(c.count >= 0, what + ": số nhiệm vụ âm — hãy ghi một số không âm");
    });
  }

  // The targets are read after apply_targets(): an override may name a target of the same import.
  void apply_overrides(const std::vector<Override>& incoming) {
    if (incoming.empty()) return;
    std::set<std::string> targets;
    for (const auto& row : s_.query("SELECT programme, code FROM targets"))
      targets.insert(sql::text(row[0]) + "|" + sql::text(row[1]));
    auto stored = by_key(store_.overrides());
    upsert(incoming, stored, result_.overrides, [&](const Override& o) {
      std::string what = "điều chỉnh phân loại " + override_subject_vi(o);
      for (const auto& f : override_faults(o)) require(false, what + ": " + f.what + " — " + f.fix);
      require_programme(o.programme, what);
      require(targets.contains(o.programme + "|" + o.target),
              what + ": chương trình không có mục tiêu mã \"" + o.target +
                  "\" — hãy sửa mã mục tiêu, hoặc nhập mục tiêu này cùng lúc");
    });
  }

  // A relation's indicators must be in the catalogue (stored or in the same dataset).
  void apply_relations(const std::vector<IndicatorRelation>& incoming) {
    if (incoming.empty()) return;
    auto stored = by_key(store_.relations());
    upsert(incoming, stored, result_.relations, [this](const IndicatorRelation& r) {
      const std::string what = "quan hệ " + std::string(relation_kind_id(r.kind)) + " của chỉ tiêu \"" + r.indicator + "\"";
      require_indicator(r.indicator, what);
      for (const auto& part : r.parts) require_indicator(part, what);
    });
  }

  // The same checks and writes as save_regime().
  void apply_regimes(const std::vector<ReportingRegime>& incoming) {
    for (const auto& r : incoming) {
      switch (regime_rows::write_regime(s_, r)) {
        case regime_rows::Saved::Inserted: ++result_.regimes.inserted; break;
        case regime_rows::Saved::Updated: ++result_.regimes.updated; break;
        case regime_rows::Saved::Unchanged: ++result_.regimes.unchanged; break;
      }
    }
  }

  SqlStore& store_;
  sql::Session& s_;
  const ChangeContext& ctx_;
  std::string when_;
  ApplyResult result_;
  std::map<std::string, ReportingUnit> units_;
  std::map<std::string, Indicator> indicators_;
  std::map<std::string, Programme> programmes_;
};

}  // namespace

ApplyResult SqlStore::apply(const Dataset& data, const ChangeContext& ctx) {
  session_->begin();
  try {
    ApplyResult result = Applier(*this, ctx).run(data);
    session_->commit();
    return result;
  } catch (const std::exception& e) {
    session_->rollback();
    throw StoreError(std::string("không ghi được vào kho dữ liệu: ") + e.what() +
                     ". Không có thay đổi nào được ghi.");
  }
}

}  // namespace dxmon
