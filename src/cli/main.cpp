// dxmon: the monitoring and reporting system of the national digital-transformation programme.
#include <cstdlib>
#include <iostream>

#include "cli/command.h"
#include "cli/data_dir.h"

namespace dxmon::cli {

std::unique_ptr<Store> GlobalOptions::open() const {
  // A store dxmon cannot have (mysql:…) is a wrong command line, not an unavailable store.
  if (std::string problem = store_url_problem(db); !problem.empty())
    throw CommandFailure(kExitUsage, "--db (hoặc DXMON_DB): " + problem);
  try {
    return open_store(db);
  } catch (const std::exception& e) {
    throw CommandFailure(kExitUnavailable, "không mở được kho dữ liệu " + db + ": " + e.what());
  }
}

}  // namespace dxmon::cli

int main(int argc, char** argv) {
  using namespace dxmon::cli;
  CLI::App app{"dxmon — theo dõi, đánh giá và báo cáo chuyển đổi số quốc gia\n"
               "(monitoring and reporting of the national digital-transformation programme)"};
  app.require_subcommand(1);
  GlobalOptions global;
  const char* env_db = std::getenv("DXMON_DB");
  global.db = env_db ? env_db : "sqlite:dxmon.db";
  global.data_dir = default_data_dir(std::getenv("DXMON_DATA_DIR"));
  app.add_option("--db", global.db, "Store: sqlite:PATH or postgresql://… (env DXMON_DB)")
      ->capture_default_str();
  app.add_option("--data-dir", global.data_dir,
                 "Folder of the built-in data (env DXMON_DATA_DIR; default: data/ next to or above the executable)")
      ->capture_default_str();

  add_init_command(app, global);
  add_import_command(app, global);
  add_export_command(app, global);
  add_show_command(app, global);
  add_ingest_command(app, global);
  add_rebuild_command(app, global);
  add_generate_command(app, global);
  add_check_command(app, global);
  add_report_command(app, global);
  add_rank_command(app, global);
  add_submission_command(app, global);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const CommandFailure& e) {
    std::cerr << "dxmon: " << e.what() << '\n';
    return e.exit_code;
  } catch (const dxmon::StoreError& e) {
    std::cerr << "dxmon: lỗi kho dữ liệu: " << e.what() << '\n';
    return kExitUnavailable;
  } catch (const std::exception& e) {
    std::cerr << "dxmon: lỗi nội bộ: " << e.what() << '\n';
    return kExitInternal;
  }
  return kExitOk;
}
