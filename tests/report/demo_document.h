#pragma once
// A test fixture: a document built by hand with every kind of content the model holds (front
// matter, sections, a table with group rows, footnotes, summary counts, a bar chart, Nơi nhận,
// signature, an appendix), its text copied from the 2023 report on Quyết định 942 (seed 000) and
// the 2022 plan report (seed 004). The renderer tests and their golden files use it to test layout
// apart from the store; the reports dxmon writes are built from the store (src/report/kinds/).
#include "report/document.h"

namespace dxmon::report {

Document demo_document();

}  // namespace dxmon::report
