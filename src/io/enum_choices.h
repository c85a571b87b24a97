#pragma once
// The words a cell may hold for each enum: the format's id first (what export writes and what
// messages suggest), then the Vietnamese words officials use.
#include <string_view>
#include <utility>
#include <vector>

#include "core/dataset.h"
#include "text/number.h"

namespace dxmon::io {

template <typename E>
using Choices = std::vector<std::pair<E, std::vector<std::string_view>>>;

const Choices<UnitKind>& unit_kind_choices();
const Choices<UnitGroup>& unit_group_choices();
const Choices<SuccessionKind>& succession_kind_choices();
const Choices<Direction>& direction_choices();
const Choices<IndicatorKind>& indicator_kind_choices();
const Choices<Aggregation>& aggregation_choices();
const Choices<ProgrammeKind>& programme_kind_choices();
const Choices<ProvenanceKind>& provenance_choices();
const Choices<TaskStatus>& task_status_choices();
const Choices<ReportGroup>& report_group_choices();
const Choices<ProgressClass>& progress_class_choices();
const Choices<PeriodType>& frequency_choices();  // the regime frequencies (no Day)
const Choices<CutoffRule>& cutoff_choices();

// The flag a word names ("estimate", "ước tính", …): a pointer to the member, or nullptr.
bool ObservationFlags::*flag_named(std::string_view word);

// The comparator a parsed target states ("≥ 80%" → AtLeast); nullopt when it states none.
std::optional<Comparator> comparator_of(text::Bound b);

}  // namespace dxmon::io
