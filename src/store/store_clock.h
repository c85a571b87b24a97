#pragma once
// The time stamps the store writes (migrations applied, revisions made): UTC, ISO 8601, to the
// second ("2024-05-01T10:00:00Z"), so both backends store the same text.
#include <string>

namespace dxmon {

std::string store_now_iso();

}  // namespace dxmon
