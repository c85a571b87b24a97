#include "cli/code_lookup.h"

#include <algorithm>

#include "cli/command.h"
#include "text/text.h"

namespace dxmon::cli {

void require_known_code(const std::string& code, const std::vector<std::string>& known, const std::string& what,
                        const std::string& option) {
  if (std::find(known.begin(), known.end(), code) != known.end()) return;
  std::string message = option + ": không có " + what + " mã \"" + code + "\" trong kho dữ liệu";
  auto close = text::closest(code, known, 3);
  if (!close.empty()) message += " — có phải là: " + text::join(close, ", ") + "?";
  else message += " — kho dữ liệu chưa có " + what + " nào; hãy chạy: dxmon init --builtin, hoặc nhập dữ liệu";
  throw CommandFailure(kExitNoInput, message);
}

void require_programme_code(Store& store, const std::string& code) {
  if (code.empty()) return;
  std::vector<std::string> known;
  for (const auto& p : store.programmes()) known.push_back(p.code);
  require_known_code(code, known, "chương trình", "--programme");
}

void require_indicator_code(Store& store, const std::string& code) {
  if (code.empty()) return;
  std::vector<std::string> known;
  for (const auto& i : store.indicators()) known.push_back(i.code);
  require_known_code(code, known, "chỉ tiêu", "--indicator");
}

}  // namespace dxmon::cli
