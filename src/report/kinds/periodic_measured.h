#pragma once
// The measured service indicators in the periodic report: when the store holds observations that
// dxmon computed from dossier records (provenance "measurement", the dvc.* indicators of
// src/measure/service_indicators.h), the report gives them for the nation with the same-period
// comparison, a chart of the online intake month by month, and in an appendix the ministries and
// provinces ranked (src/assess/ranking.h).
#include <string>

#include "core/dataset.h"
#include "report/document.h"

namespace dxmon::report {

// The indicator the agencies are ranked by and the chart shows: the share of dossiers received
// online (QĐ 766/QĐ-TTg, online service index).
inline constexpr const char* kRankingIndicator = "dvc.ho_so_truc_tuyen";

// Whether `data` holds measured national observations of `period`.
bool has_measured(const Dataset& data, const Period& period);

// Appends the level-1 section numbered `number` ("II.") and the appendix. `table_no` is the
// number of the next "Bảng n." caption and is advanced.
void add_measured_section(Document& doc, const Dataset& data, const Period& period, const std::string& number,
                          int& table_no);

}  // namespace dxmon::report
