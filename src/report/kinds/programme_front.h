#pragma once
// What the two programme reports (annual, plan) share around their tables: the programme asked
// for, how its act is cited in titles and sentences, and unit names as the catalogue writes them.
// The heading, Nơi nhận and signature themselves come from report_front.h, like every report's.
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/period.h"

namespace dxmon::report {

// The programme `code` of `data`. Throws std::invalid_argument in Vietnamese, naming the
// programmes the data holds, when it is missing (or when no code was given).
const Programme& require_programme(const Dataset& data, const std::string& code);

// The year of a period that must be a whole year (annual and plan reports judge targets by
// year). Throws std::invalid_argument naming `kind_vi` ("báo cáo năm") otherwise.
int require_year(const Period& period, std::string_view kind_vi);

// "Quyết định số 942/QĐ-TTg ngày 15/06/2021": the programme's act as reports cite it. Empty when
// the programme has no act of its own (a set of meeting conclusions).
std::string programme_act(const Programme& p);
// How a sentence names the programme: "Quyết định số 942/QĐ-TTg", or its name without an act.
std::string programme_reference(const Programme& p);

// Breaks a title into printed lines of at most `width` letters, at spaces (the trích yếu and the
// appendix title are centred on several short lines, as the seeds print them).
std::vector<std::string> title_lines(const std::string& text, std::size_t width = 62);
// Upper case for a title line, leaving document numbers as they are written: "942/QĐ-TTg" keeps
// its lower-case g (a word holding a digit or '/' is a number, not a word).
std::string upper_title(const std::string& text);

const ReportingUnit* find_unit(const Dataset& data, std::string_view code);
// The catalogue name of unit `code`; the text itself when the catalogue lacks it (a name the
// import could not resolve stays as written); "" for "".
std::string unit_name(const Dataset& data, std::string_view code);
// The form a list of many units uses: the first short name ("Quảng Ngãi" for "Tỉnh Quảng Ngãi",
// as seed 004 line 56 lists provinces), else the name.
std::string unit_short_name(const Dataset& data, std::string_view code);
// Provinces and centrally-run cities (địa phương) as against ministries and other bodies.
bool is_province(const Dataset& data, std::string_view code);

}  // namespace dxmon::report
