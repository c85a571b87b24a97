#include "io/import.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/columns.h"
#include "io/csv.h"
#include "io/json_io.h"
#include "io/schema.h"
#include "io/xlsx_reader.h"
#include "text/text.h"

namespace dxmon::io {
namespace {

namespace fs = std::filesystem;

Problem file_problem(const std::string& file, std::string what, std::string fix) {
  Problem p;
  p.file = file;
  p.what = std::move(what);
  p.fix = std::move(fix);
  return p;
}

std::string kind_names() {
  std::vector<std::string> names;
  for (const auto& s : kinds()) names.emplace_back(s.name);
  return text::join(names, ", ");
}

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::optional<std::string> read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The tables of one file, with their kind set.
std::vector<Table> read_file(const std::string& path, const std::optional<Kind>& forced, const std::string& sheet,
                             Problems& problems) {
  std::vector<Table> out;
  fs::path p(path);
  std::string file = p.filename().string();
  std::string ext = lower_extension(p);
  std::optional<Kind> from_name = kind_from_name(p.stem().string());
  std::optional<Kind> file_kind = forced ? forced : from_name;
  const std::string kind_fix = "hãy đặt tên tệp bắt đầu bằng loại dữ liệu (" + kind_names() + "), hoặc dùng --kind";

  if (!fs::exists(path)) {
    problems.push_back(file_problem(file, "không tìm thấy tệp \"" + path + "\"", "hãy kiểm tra đường dẫn"));
    return out;
  }
  if (ext == ".csv" || ext == ".txt") {
    auto content = read_whole(path);
    if (!content) {
      problems.push_back(file_problem(file, "không đọc được tệp", "hãy kiểm tra quyền đọc tệp"));
      return out;
    }
    if (!file_kind) {
      problems.push_back(file_problem(file, "không biết tệp chứa loại dữ liệu nào", kind_fix));
      return out;
    }
    Grid grid = read_csv(*content, file, problems);
    if (auto t = table_from_grid(grid, *file_kind, problems)) out.push_back(std::move(*t));
    return out;
  }
  if (ext == ".json") {
    auto content = read_whole(path);
    if (!content) {
      problems.push_back(file_problem(file, "không đọc được tệp", "hãy kiểm tra quyền đọc tệp"));
      return out;
    }
    for (auto& t : read_json(*content, file, file_kind, problems))
      if (!forced || kind_from_name(t.kind) == forced) out.push_back(std::move(t));
    return out;
  }
  if (ext == ".xlsx" || ext == ".xlsm") {
    auto grids = read_xlsx(path, file, problems);
    if (grids.empty()) return out;
    std::vector<std::string> sheet_names;
    for (const auto& g : grids) sheet_names.push_back("\"" + g.sheet + "\"");
    auto take = [&](const Grid& g, Kind k) {
      if (auto t = table_from_grid(g, k, problems)) out.push_back(std::move(*t));
    };
    if (!sheet.empty()) {
      for (const auto& g : grids) {
        if (g.sheet != sheet && text::fold(g.sheet) != text::fold(sheet)) continue;
        auto k = forced ? forced : kind_from_name(g.sheet);
        if (!k) k = from_name;
        if (!k) problems.push_back(file_problem(file, "không biết trang tính \"" + g.sheet + "\" chứa loại dữ liệu nào", kind_fix));
        else take(g, *k);
        return out;
      }
      problems.push_back(file_problem(file, "không có trang tính \"" + sheet + "\"",
                                      "các trang tính của tệp là: " + text::join(sheet_names, ", ")));
      return out;
    }
    if (forced) {
      const Grid* chosen = &grids.front();
      for (const auto& g : grids)
        if (kind_from_name(g.sheet) == forced) {
          chosen = &g;
          break;
        }
      take(*chosen, *forced);
      return out;
    }
    bool any = false;
    for (const auto& g : grids) {
      if (auto k = kind_from_name(g.sheet)) {
        take(g, *k);
        any = true;
      }
    }
    if (!any) {
      if (from_name) take(grids.front(), *from_name);
      else
        problems.push_back(file_problem(file, "không có trang tính nào mang tên một loại dữ liệu (các trang: " +
                                                  text::join(sheet_names, ", ") + ")",
                                        "hãy đặt tên trang tính theo loại dữ liệu (" + kind_names() +
                                            "), hoặc dùng --kind hay --sheet"));
    }
    return out;
  }
  problems.push_back(file_problem(file, "không đọc được loại tệp \"" + ext + "\"", "hãy dùng tệp .csv, .xlsx hoặc .json"));
  return out;
}

}  // namespace

Date today_in_vietnam() {
  using namespace std::chrono;
  auto now = system_clock::now() + hours(7);
  long days = static_cast<long>(duration_cast<hours>(now.time_since_epoch()).count() / 24);
  return Date::from_days_since_epoch(days);
}

ImportReport read_files(const std::vector<std::string>& paths, const ImportOptions& options, const Catalogue& catalogue) {
  ImportReport report;
  std::optional<Kind> forced;
  if (!options.kind.empty()) {
    forced = kind_from_name(options.kind);
    if (!forced || text::fold(options.kind) != text::fold(kind_name(*forced))) {
      report.problems.push_back(file_problem("--kind", "\"" + options.kind + "\" không phải là loại dữ liệu",
                                             "hãy dùng một trong: " + kind_names()));
      return report;
    }
  }
  std::vector<Table> tables;
  for (const auto& path : paths)
    for (auto& t : read_file(path, forced, options.sheet, report.problems)) tables.push_back(std::move(t));
  for (const auto& t : tables) report.tables.push_back({t.file, t.sheet, t.kind, static_cast<int>(t.rows.size())});
  report.data = map_tables(tables, catalogue, options.today.value_or(today_in_vietnam()), report.problems);
  return report;
}

ImportReport import_files(Store& store, const std::vector<std::string>& paths, const ImportOptions& options) {
  Catalogue catalogue;
  catalogue.units = store.units();
  catalogue.indicators = store.indicators();
  catalogue.programmes = store.programmes();
  catalogue.tasks = store.tasks();
  catalogue.targets = store.targets();
  catalogue.successions = store.successions();
  catalogue.observations_of = [&store](const std::string& indicator) {
    ObservationQuery q;
    q.indicator = indicator;
    return store.observations(q);
  };
  ImportReport report = read_files(paths, options, catalogue);
  if (!report.ok() || options.dry_run) return report;
  try {
    report.applied = store.apply(report.data, options.context);
  } catch (const StoreError& e) {
    // The store refused the whole transaction: nothing was written.
    report.problems.push_back(file_problem(paths.size() == 1 ? fs::path(paths.front()).filename().string() : "",
                                           e.what(), "hãy sửa dữ liệu theo thông báo rồi nhập lại"));
  }
  return report;
}

}  // namespace dxmon::io
