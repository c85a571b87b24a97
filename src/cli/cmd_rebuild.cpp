// `dxmon rebuild`: recomputes the measurement state from the records log and rewrites every measured
// observation. The result must equal what incremental ingests produced (tests/measure/).
#include <iostream>

#include "cli/command.h"
#include "cli/records_location.h"
#include "text/number.h"

namespace dxmon::cli {

std::unique_ptr<measure::MeasurementEngine> open_engine(const GlobalOptions& global, Store& store,
                                                        const std::string& records_dir) {
  std::filesystem::path dir = records_dir.empty() ? measure::MeasurementEngine::records_dir_for(global.db)
                                                  : std::filesystem::path(records_dir);
  if (dir.empty())
    throw CommandFailure(kExitUsage, "kho PostgreSQL: hãy chỉ định thư mục nhật ký bản ghi bằng --records DIR");
  try {
    auto engine = std::make_unique<measure::MeasurementEngine>(dir, store.units());
    if (engine->recovery().removed_segments)
      std::cerr << "dxmon: đã bỏ " << engine->recovery().removed_segments
                << " lần tiếp nhận dở dang (bị ngắt trước khi xác nhận) trong " << dir.string() << "\n";
    return engine;
  } catch (const measure::LogError& e) {
    throw CommandFailure(kExitDataError, e.what());
  }
}

namespace {

void run_rebuild(const GlobalOptions& global, const std::string& records) {
  auto store = global.open();
  auto engine = open_engine(global, *store, records);
  engine->rebuild();
  ChangeContext ctx;
  ctx.who = "dxmon rebuild";
  ctx.why = "tính lại từ nhật ký bản ghi hồ sơ";
  ApplyResult r = engine->publish(*store, ctx, true);
  engine->save_snapshot();
  std::cout << "Đã tính lại từ " << text::format_count(engine->log().segments().size()) << " lần tiếp nhận: "
            << text::format_count(engine->state().dossiers().size()) << " hồ sơ; "
            << text::format_count(r.observations.inserted) << " giá trị mới, "
            << text::format_count(r.observations.updated) << " cập nhật, "
            << text::format_count(r.observations.unchanged) << " không đổi\n";
}

}  // namespace

void add_rebuild_command(CLI::App& app, GlobalOptions& global) {
  auto records = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("rebuild", "Tính lại các chỉ tiêu đo tự động từ nhật ký bản ghi hồ sơ");
  cmd->add_option("--records", *records, "Thư mục nhật ký bản ghi (mặc định: DB.records bên cạnh tệp SQLite)");
  cmd->callback([&global, records] { run_rebuild(global, *records); });
}

}  // namespace dxmon::cli
