#include "cli/import_summary.h"

#include <filesystem>

#include "cli/command.h"
#include "text/number.h"

namespace dxmon::cli {
namespace {

void print_counts(std::ostream& out, const char* label, const ApplyCounts& c) {
  if (c.inserted == 0 && c.updated == 0 && c.unchanged == 0) return;
  out << "  " << label << ": " << text::format_number(c.inserted) << " thêm mới, " << text::format_number(c.updated)
      << " cập nhật, " << text::format_number(c.unchanged) << " không đổi\n";
}

}  // namespace

int print_import_report(const io::ImportReport& report, bool dry_run, std::ostream& out, std::ostream& err) {
  for (const auto& t : report.tables) {
    out << "Đã đọc " << std::filesystem::path(t.file).filename().string();
    if (!t.sheet.empty()) out << " [" << t.sheet << "]";
    out << ": " << text::format_number(t.rows) << " dòng " << t.kind << "\n";
  }
  if (!report.ok()) {
    err << "Tệp bị từ chối: " << text::format_count(report.problems.size())
        << " lỗi. Không có dữ liệu nào được ghi.\n";
    for (const auto& p : report.problems) err << "  " << p.to_string() << "\n";
    return kExitDataError;
  }
  if (dry_run || !report.applied) {
    out << "Kiểm tra xong, không có lỗi (--dry-run: không ghi gì vào kho dữ liệu).\n";
    return kExitOk;
  }
  const ApplyResult& r = *report.applied;
  out << (r.changed_anything() ? "Đã ghi vào kho dữ liệu:\n" : "Không có gì thay đổi (dữ liệu đã có sẵn):\n");
  print_counts(out, "đơn vị", r.units);
  print_counts(out, "sáp nhập", r.successions);
  print_counts(out, "chỉ tiêu", r.indicators);
  print_counts(out, "chương trình, kế hoạch", r.programmes);
  print_counts(out, "mục tiêu", r.targets);
  print_counts(out, "nhiệm vụ", r.tasks);
  print_counts(out, "số nhiệm vụ theo báo cáo", r.task_counts);
  print_counts(out, "giá trị", r.observations);
  print_counts(out, "điều chỉnh phân loại", r.overrides);
  print_counts(out, "chế độ báo cáo", r.regimes);
  print_counts(out, "quan hệ giữa các chỉ tiêu", r.relations);
  if (r.revisions > 0) out << "  " << r.revisions << " giá trị được sửa, giá trị cũ được lưu lại\n";
  print_counts(out, "dòng lịch sử sửa đổi", r.imported_revisions);
  return kExitOk;
}

}  // namespace dxmon::cli
