#pragma once
// Writing one reporting regime, shared by SqlStore::save_regime() (its own transaction) and
// SqlStore::apply() (a regime among the rows of a Dataset): the same checks and messages both ways.
#include "core/regime.h"
#include "store/sql_session.h"

namespace dxmon::regime_rows {

enum class Saved { Inserted, Updated, Unchanged };

// Inside the caller's transaction: refuses (StoreError, in Vietnamese) a regime with
// regime_problems(), with a unit, recipient or indicator not in the catalogue, or whose frequency
// would change under reports already sent; otherwise inserts or replaces it.
Saved write_regime(sql::Session& s, const ReportingRegime& regime);

}  // namespace dxmon::regime_rows
