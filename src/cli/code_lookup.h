#pragma once
// Codes named on the command line (--programme, --indicator) checked against the store: an unknown
// code ends the command with exit 66 and the closest codes the store has, so a typo is not
// mistaken for an empty result.
#include <string>
#include <vector>

#include "store/store.h"

namespace dxmon::cli {

// Throws CommandFailure(kExitNoInput) unless `code` is among `known`. `what` names the kind of
// code in Vietnamese ("chương trình"), `option` the command-line option ("--programme").
void require_known_code(const std::string& code, const std::vector<std::string>& known, const std::string& what,
                        const std::string& option);

// The two lookups `show` needs; an empty code means "all" and passes.
void require_programme_code(Store& store, const std::string& code);
void require_indicator_code(Store& store, const std::string& code);

}  // namespace dxmon::cli
