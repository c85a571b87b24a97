// SqlStore's reporting regimes and submissions, written once for both backends. Each write is one
// transaction that first checks, in the user's words, what the database would refuse less clearly.
#include <algorithm>

#include "store/entity_rows.h"
#include "store/sql_regimes.h"
#include "store/sql_store.h"
#include "text/vdate.h"

namespace dxmon {
namespace {

using rows::RowCodec;
using rows::SubmissionRows;

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

bool exists(sql::Session& s, std::string_view table, const std::string& code) {
  return !s.query("SELECT 1 FROM " + std::string(table) + " WHERE code = $1", {sql::Value{code}}).empty();
}

std::optional<ReportingRegime> stored_regime(sql::Session& s, const std::string& code) {
  auto found = s.query(rows::select_sql(RowCodec<ReportingRegime>::spec) + " WHERE code = $1", {sql::Value{code}});
  if (found.empty()) return std::nullopt;
  return RowCodec<ReportingRegime>::decode(found[0]);
}

std::vector<Submission> history(sql::Session& s, const Submission& of) {
  std::vector<Submission> out;
  for (const auto& row : s.query(rows::select_sql(SubmissionRows::spec) +
                                     " WHERE regime = $1 AND unit = $2 AND period_id = $3 ORDER BY seq",
                                 {sql::Value{of.regime}, sql::Value{of.unit}, sql::Value{of.period.id()}}))
    out.push_back(SubmissionRows::decode(row));
  return out;
}

// Runs `body` in one transaction; a failure rolls everything back and says nothing was written.
template <typename Body>
void in_transaction(sql::Session& s, std::string_view doing, Body body) {
  s.begin();
  try {
    body();
    s.commit();
  } catch (const std::exception& e) {
    s.rollback();
    throw StoreError("không " + std::string(doing) + " được: " + e.what() + ". Không có thay đổi nào được ghi.");
  }
}

void require(bool ok, const std::string& message) {
  if (!ok) throw StoreError(message);
}

}  // namespace

namespace regime_rows {

Saved write_regime(sql::Session& s, const ReportingRegime& regime) {
  auto problems = regime_problems(regime);
  std::string joined;
  for (const auto& p : problems) joined += (joined.empty() ? "" : "; ") + p;
  require(problems.empty(), joined);

  const std::string which = "chế độ báo cáo " + quoted(regime.code);
  auto unknown = [&](std::string_view table, const std::string& code, std::string_view kind,
                     std::string_view catalogue) {
    require(exists(s, table, code), which + ": " + std::string(kind) + " " + quoted(code) + " chưa có trong danh mục " +
                                        std::string(catalogue) + " — hãy thêm " + std::string(kind) +
                                        " này (hoặc sửa mã) rồi lưu lại");
  };
  for (const auto& code : regime.units) unknown("units", code, "đơn vị", "đơn vị");
  if (!regime.recipient.empty()) unknown("units", regime.recipient, "đơn vị", "đơn vị");
  for (const auto& code : regime.indicators) unknown("indicators", code, "chỉ tiêu", "chỉ tiêu");

  auto old = stored_regime(s, regime.code);
  if (!old) {
    s.write(rows::insert_sql(RowCodec<ReportingRegime>::spec), RowCodec<ReportingRegime>::encode(regime), which);
    return Saved::Inserted;
  }
  if (*old == regime) return Saved::Unchanged;
  // Reports already sent are for periods of the old frequency: they would no longer fit.
  if (old->frequency != regime.frequency)
    require(s.query("SELECT 1 FROM submissions WHERE regime = $1 LIMIT 1", {sql::Value{regime.code}}).empty(),
            which + ": đã có báo cáo gửi theo tần suất cũ (" + std::string(frequency_label_vi(old->frequency)) +
                "), không đổi được tần suất — hãy tạo chế độ báo cáo mới với mã khác");
  s.write(rows::update_sql(RowCodec<ReportingRegime>::spec), RowCodec<ReportingRegime>::encode(regime), which);
  return Saved::Updated;
}

}  // namespace regime_rows

void SqlStore::save_regime(const ReportingRegime& regime) {
  in_transaction(*session_, "lưu chế độ báo cáo", [&] { regime_rows::write_regime(*session_, regime); });
}

std::vector<ReportingRegime> SqlStore::regimes() {
  std::vector<ReportingRegime> out;
  for (const auto& row : session_->query(rows::select_sql(RowCodec<ReportingRegime>::spec) + " ORDER BY code" +
                                         std::string(session_->dialect().order_collate)))
    out.push_back(RowCodec<ReportingRegime>::decode(row));
  return out;
}

void SqlStore::record_submission(const Submission& step) {
  sql::Session& s = *session_;
  in_transaction(s, "ghi nhận báo cáo", [&] {
    auto regime = stored_regime(s, step.regime);
    require(regime.has_value(), "chế độ báo cáo " + quoted(step.regime) +
                                    " chưa có trong kho — hãy lưu chế độ báo cáo trước (hoặc sửa mã)");
    require(exists(s, "units", step.unit), "đơn vị " + quoted(step.unit) +
                                               " chưa có trong danh mục đơn vị — hãy thêm đơn vị này (hoặc sửa mã)");
    require(step.period.type == regime->frequency,
            "kỳ " + text::period_label(step.period) + " (" + step.period.id() + ") không đúng tần suất của chế độ báo cáo " + quoted(step.regime) +
                " (" + std::string(frequency_label_vi(regime->frequency)) + ") — hãy ghi đúng kỳ báo cáo");

    auto steps = history(s, step);
    if (std::find(steps.begin(), steps.end(), step) != steps.end()) return;  // already recorded
    if (auto error = submission_step_error(steps, step)) throw StoreError(*error);
    s.write(rows::insert_sql(SubmissionRows::spec),
            SubmissionRows::encode(step, static_cast<std::int64_t>(steps.size())),
            "báo cáo của " + quoted(step.unit) + " kỳ " + step.period.id());
  });
}

std::vector<Submission> SqlStore::submissions(const std::string& regime, const Period& period) {
  std::vector<Submission> out;
  for (const auto& row :
       session_->query(rows::select_sql(SubmissionRows::spec) + " WHERE regime = $1 AND period_id = $2 ORDER BY unit" +
                           std::string(session_->dialect().order_collate) + ", seq",
                       {sql::Value{regime}, sql::Value{period.id()}}))
    out.push_back(SubmissionRows::decode(row));
  return out;
}

}  // namespace dxmon
