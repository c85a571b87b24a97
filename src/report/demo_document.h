#pragma once
// A demonstration report with every kind of content the model holds (front matter, sections,
// a table with group rows, footnotes, summary counts, a bar chart, Nơi nhận, signature,
// an appendix), its figures taken from the 2023 report on Quyết định 942 (seed 000) and the 2022
// plan report (seed 004). Used by the renderer tests and golden files, and as a layout preview.
#include "report/document.h"

namespace dxmon::report {

Document demo_document();

}  // namespace dxmon::report
