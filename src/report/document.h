#pragma once
// The report document model: what an official report says, independent of the file format.
// Builders (the report kinds) fill it from assessment results; the renderers in render.h turn it
// into DOCX, HTML, Markdown, XLSX and JSON. Every text and figure is already formatted the
// Vietnamese way by the builder (text/number.h, text/vdate.h): renderers never reformat numbers or
// dates, they only lay out and escape. The layout follows Nghị định 30/2020/NĐ-CP, Phụ lục I.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace dxmon::report {

// A piece of text with one emphasis. A figure in a sentence is a bold run, and may say where it
// comes from (`source`, shown by HTML as a tooltip and kept in JSON). `footnote` > 0 places the
// reference mark of Document::footnotes[footnote - 1] right after the text. A '\n' in `text` is a
// line break inside the paragraph.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
  int footnote = 0;
  std::string source;
};

Run plain(std::string text);
Run bold(std::string text);
Run italic(std::string text);
Run figure(std::string text, std::string source = {});  // bold, with its source
Run footnote_mark(int number);                           // an empty run that only holds the mark

enum class ParagraphStyle {
  Body,     // justified, first-line indent
  Bullet,   // "- " item as the reports write lists (the dash is rendered, not stored)
  Centered, // a centred line (notes under a title)
};

struct Paragraph {
  std::vector<Run> runs;
  ParagraphStyle style = ParagraphStyle::Body;
};

enum class Align { Left, Center, Right, Justify };

// One table cell. `span` > 1 makes it cover the next columns too (a group row is a row whose
// cells span all columns). `source` names where a figure comes from: DOCX, HTML and Markdown give
// the sources in a "Nguồn:" line under the table (see source_note), HTML also as a title
// attribute on the cell, XLSX in a last "Nguồn" column.
struct Cell {
  std::vector<Run> runs;
  int span = 1;
  std::optional<Align> align;  // overrides the column's alignment
  std::string source;

  Cell() = default;
  Cell(const char* text) : runs{plain(text)} {}          // NOLINT: cells read best as literals
  Cell(std::string text) : runs{plain(std::move(text))} {}  // NOLINT
  Cell(std::vector<Run> r) : runs(std::move(r)) {}           // NOLINT
  std::string text() const;  // the runs' text joined, without footnote marks
};

Cell figure_cell(std::string text, std::string source = {});

struct Column {
  double width = 1;            // relative share of the table width
  Align align = Align::Left;   // body rows; header rows are always centred
};

enum class RowKind {
  Body,
  Group,  // a group heading inside the body ("I | Các chỉ tiêu đã hoàn thành"): bold, shaded
};

struct Row {
  std::vector<Cell> cells;
  RowKind kind = RowKind::Body;
};

struct Table {
  std::string caption;         // optional line above the table ("Bảng 1. …"); also the XLSX sheet name
  std::vector<Column> columns;
  std::vector<Row> header;     // repeated at the top of every page in DOCX
  std::vector<Row> body;
  std::string note;            // optional line below the table (italic), e.g. the data cut-off

  bool has_sources() const;    // any body cell with a source
};

// "- 07/35 mục tiêu đã hoàn thành (đạt 20%);" — the count bold, the share in brackets. Lines end
// with ";" except the last, which ends with "." (the reports' punctuation).
struct SummaryLine {
  std::string count;   // "07/35"
  std::string label;   // "mục tiêu đã hoàn thành"
  std::string share;   // "đạt 20%"; empty: no brackets
};

struct SummaryCounts {
  std::vector<SummaryLine> lines;
};

// A chart as data. HTML draws it as inline SVG; DOCX, Markdown and XLSX give it as a table of
// the series (categories down, series across), with the formatted value labels.
enum class ChartKind { Bar, Line };

struct Series {
  std::string name;                          // legend: "Năm 2022"
  std::vector<std::optional<double>> values; // one per category; nullopt: no data
  std::vector<std::string> labels;           // the same values formatted ("54,34%"); "-" for none
};

struct Chart {
  ChartKind kind = ChartKind::Bar;
  std::string title;                         // "Biểu đồ 1. …"
  std::string category_label;                // the first column of the table form: "Chỉ tiêu"
  std::string value_label;                   // axis title: "Tỷ lệ (%)"
  std::vector<std::string> categories;
  std::vector<Series> series;
  std::optional<double> max_value;           // axis maximum (100 for shares); default: the data's
};

using Block = std::variant<Paragraph, Table, SummaryCounts, Chart>;

// A numbered section, kept flat: "I." level 1, "1." level 2, "1.1." level 3. An empty number and
// title give no heading (the opening paragraphs before "I.").
struct Section {
  int level = 1;
  std::string number;  // "I.", "1.", "1.1."
  std::string title;   // as printed; level 1 titles are written upper case by the builder
  std::vector<Block> blocks;
};

struct FrontMatter {
  std::string parent_body;        // "ỦY BAN QUỐC GIA VỀ CHUYỂN ĐỔI SỐ"; empty when none
  std::string issuing_body;       // "BỘ THÔNG TIN VÀ TRUYỀN THÔNG" (upper case, as printed)
  std::string number;             // "14/BC-BTTTT"; rendered "Số: 14/BC-BTTTT"
  std::string place;              // "Hà Nội"
  std::string date;               // "ngày 16 tháng 02 năm 2024" (text::format_date_long)
  std::string title = "BÁO CÁO";
  std::vector<std::string> subject;  // the trích yếu, one entry per printed line, bold
  std::string subject_note;       // "(Phục vụ Hội nghị …)", italic; empty when none
};

struct Footnote {
  std::vector<Run> runs;
};

// "Phụ lục" after the signature, on its own page, with its own sections and tables.
struct Appendix {
  std::string label = "Phụ lục";       // "Phụ lục", "Phụ lục 3"
  std::vector<std::string> title;      // upper-case lines, bold
  std::string attached_note;           // "(Kèm theo Báo cáo số 19/BC-BTTTT ngày 16/02/2024 của …)"
  std::vector<Section> sections;
};

struct Signature {
  std::string authority;   // "KT. BỘ TRƯỞNG"; empty when the head signs
  std::string position;    // "THỨ TRƯỞNG"
  std::string signer;      // "Nguyễn Huy Dũng"
};

struct Document {
  FrontMatter front;
  std::vector<Section> sections;
  std::vector<Footnote> footnotes;      // numbered 1.. in this order
  std::vector<std::string> recipients;  // Nơi nhận, each item as printed without its dash
                                        // ("Thủ tướng Chính phủ (để b/c);", "Lưu: VT, CĐSQG.")
  Signature signature;
  std::vector<Appendix> appendices;

  // Adds a footnote and returns its number for Run::footnote. Builders add footnotes in the order
  // their marks appear, so that the numbers read 1, 2, 3 down the page in every format.
  int add_footnote(std::vector<Run> runs);
  int add_footnote(std::string text) { return add_footnote({plain(std::move(text))}); }
};

// The full national heading, fixed by the decree.
inline constexpr const char* kNationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
inline constexpr const char* kMotto = "Độc lập - Tự do - Hạnh phúc";

// A chart as the table of its series (categories down, series across, the formatted labels): how
// DOCX, Markdown and XLSX give a chart.
Table chart_as_table(const Chart& chart);

// The distinct, non-empty sources of a row's cells joined with "; " (the XLSX "Nguồn" column).
std::string row_sources(const Row& row);

// The "Nguồn:" line under a table. A column whose cells all come from one source is named once by
// its header ("Kết quả 2022, Kết quả 2023: Báo cáo số 14/BC-BTTTT"); in a column with several
// sources each cell gets a letter mark ("a"), explained in the line ("(a) Bộ Công Thương").
// Official tables stay uncluttered and every figure still says where it comes from.
struct SourceNote {
  std::string text;                             // "Nguồn: …."; empty when no cell has a source
  std::vector<std::vector<std::string>> marks;  // [body row][cell]: "a", "b"… or ""
};
SourceNote source_note(const Table& table);

}  // namespace dxmon::report
