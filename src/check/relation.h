#pragma once
// The relations between indicators the checks use (parts and totals, the same quantity, running
// totals, unit groups) are catalogue data: core/indicator_relation.h, stored and imported like the
// other kinds. The check rules name them in their own namespace.
#include "core/indicator_relation.h"

namespace dxmon::check {

using dxmon::IndicatorRelation;
using dxmon::parse_relation_kind;
using dxmon::parse_unit_selection;
using dxmon::relation_from_cells;
using dxmon::relation_kind_id;
using dxmon::RelationFault;
using dxmon::RelationKind;
using dxmon::UnitSelection;

}  // namespace dxmon::check
