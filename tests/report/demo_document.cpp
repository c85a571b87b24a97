#include "report/demo_document.h"

#include "core/date.h"
#include "text/number.h"
#include "text/vdate.h"

namespace dxmon::report {
namespace {

const char* kSource2023 = "Báo cáo số 14/BC-BTTTT ngày 16/02/2024";
const char* kSource2022 = "Báo cáo số 14/BC-BTTTT, cột Kết quả 2022";

SummaryLine summary_line(long count, long total, const char* label, const char* share_word) {
  double share = 100.0 * static_cast<double>(count) / static_cast<double>(total);
  return {text::format_count2(count) + "/" + text::format_count2(total), label,
          std::string(share_word) + " " + text::format_percent(share, 0)};
}

Row indicator_row(const char* stt, std::vector<Run> name, const char* r2022, const char* r2023, const char* target) {
  return Row{{Cell{stt}, Cell{std::move(name)}, figure_cell(r2022, r2022[0] == '-' ? "" : kSource2022),
              figure_cell(r2023, kSource2023), Cell{target}}};
}

Row group_row(const char* number, const char* title) {
  Row row{{Cell{std::vector<Run>{bold(number)}}, Cell{std::vector<Run>{bold(title)}}}, RowKind::Group};
  row.cells[1].span = 4;
  return row;
}

}  // namespace

Document demo_document() {
  Document doc;
  FrontMatter& f = doc.front;
  f.issuing_body = "BỘ THÔNG TIN VÀ TRUYỀN THÔNG";
  f.number = "14/BC-BTTTT";
  f.place = "Hà Nội";
  f.date = text::format_date_long(Date{2024, 2, 16});
  f.subject = {"Tình hình thực hiện Quyết định số 942/QĐ-TTg ngày 15/06/2021",
               "của Thủ tướng Chính phủ phê duyệt Chiến lược phát triển",
               "Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021-2025,",
               "định hướng đến năm 2030"};

  Section opening;
  opening.level = 0;
  opening.blocks.push_back(Paragraph{{plain("Thực hiện nhiệm vụ được giao, căn cứ các báo cáo triển khai của các bộ, "
                                            "ngành, địa phương, Bộ Thông tin và Truyền thông xin báo cáo tình hình "
                                            "thực hiện Quyết định số 942/QĐ-TTg năm 2023 như sau:")}});
  doc.sections.push_back(std::move(opening));

  doc.sections.push_back(Section{1, "I.", "KẾT QUẢ ĐẠT ĐƯỢC", {}});

  Section targets{2, "1.", "Kết quả thực hiện các mục tiêu đặt ra", {}};
  targets.blocks.push_back(Paragraph{{plain("Tổng số mục tiêu theo Quyết định số 942/QĐ-TTg gồm "), figure("35", kSource2023),
                                      plain(" mục tiêu (không bao gồm các chỉ tiêu xếp hạng quốc gia). Trong đó:")}});
  targets.blocks.push_back(SummaryCounts{{summary_line(7, 35, "mục tiêu đã hoàn thành", "đạt"),
                                          summary_line(20, 35, "mục tiêu có khả năng hoàn thành cao", "chiếm"),
                                          summary_line(8, 35, "mục tiêu phải nỗ lực tập trung mới hoàn thành đúng hạn",
                                                       "chiếm")}});
  doc.sections.push_back(std::move(targets));

  Section achieved{3, "1.1.", "Nhóm các mục tiêu đã hoàn thành", {}};
  int fn_signed = doc.add_footnote("Trừ văn bản mật theo quy định của pháp luật.");
  int fn_contracts = doc.add_footnote(
      "Theo Sách trắng Thương mại điện tử Việt Nam năm 2023 do Cục Thương mại điện tử và Kinh tế số - "
      "Bộ Công Thương công bố.");
  Table t;
  t.caption = "Bảng 1. Các mục tiêu đã hoàn thành";
  t.columns = {{8, Align::Center}, {50, Align::Justify}, {14, Align::Center}, {14, Align::Center}, {14, Align::Center}};
  t.header.push_back(Row{{"STT", "Chỉ tiêu", "Kết quả 2022", "Kết quả 2023", "Mục tiêu 2025"}});
  t.body.push_back(group_row("1", "Cung cấp dịch vụ chất lượng phục vụ xã hội"));
  t.body.push_back(indicator_row("1.1",
                                 {plain("Tỷ lệ người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến được định "
                                        "danh và xác thực thông suốt, hợp nhất trên tất cả các hệ thống")},
                                 "-", "100%", "100%"));
  t.body.push_back(group_row("2", "Vận hành tối ưu các hoạt động của cơ quan nhà nước"));
  t.body.push_back(indicator_row("2.1",
                                 {plain("Tỷ lệ hoạt động chỉ đạo, điều hành và quản trị nội bộ của cơ quan nhà nước "
                                        "được thực hiện trên nền tảng quản trị tổng thể, thống nhất")},
                                 "-", "100%", "100%"));
  t.body.push_back(indicator_row("2.2",
                                 {plain("Tỷ lệ cơ quan nhà nước cung cấp dịch vụ 24/7, sẵn sàng phục vụ trực tuyến")},
                                 "95%", "100%", "100%"));
  t.body.push_back(indicator_row("2.3",
                                 {plain("Tỷ lệ văn bản trao đổi giữa các cơ quan nhà nước được thực hiện dưới dạng "
                                        "điện tử, được ký số bởi chữ ký số chuyên dùng"),
                                  footnote_mark(fn_signed)},
                                 "90%", "99%", "100%"));
  t.body.push_back(indicator_row("2.4",
                                 {plain("Tỷ lệ cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng phân "
                                        "tích, khai thác dữ liệu và công nghệ số")},
                                 "45%", "59,38%", "≥ 50%"));
  t.body.push_back(group_row("3", "Giải quyết hiệu quả các vấn đề lớn trong phát triển kinh tế - xã hội"));
  Row contracts = indicator_row("3.1", {plain("Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử")}, "33%", "80%", "50%");
  contracts.cells[3].runs.push_back(footnote_mark(fn_contracts));
  contracts.cells[2].source = "Bộ Công Thương, Sách trắng Thương mại điện tử Việt Nam năm 2022";
  t.body.push_back(std::move(contracts));
  t.body.push_back(indicator_row("3.2",
                                 {plain("Tỷ lệ cơ sở khám bệnh, chữa bệnh triển khai tư vấn khám, chữa bệnh từ xa")},
                                 "-", "100%", "100%"));
  t.note = "Ghi chú: “-” là chưa có số liệu.";
  achieved.blocks.push_back(std::move(t));

  Chart chart;
  chart.kind = ChartKind::Bar;
  chart.title = "Biểu đồ 1. Kết quả một số chỉ tiêu năm 2022 và năm 2023";
  chart.category_label = "Chỉ tiêu";
  chart.value_label = "Tỷ lệ (%)";
  chart.categories = {"Dịch vụ 24/7", "Văn bản điện tử", "Tập huấn kỹ năng số", "Hợp đồng điện tử"};
  chart.series = {Series{"Năm 2022", {95, 90, 45, 33}, {"95%", "90%", "45%", "33%"}},
                  Series{"Năm 2023", {100, 99, 59.38, 80}, {"100%", "99%", "59,38%", "80%"}}};
  chart.max_value = 100;
  achieved.blocks.push_back(std::move(chart));
  doc.sections.push_back(std::move(achieved));

  Section tasks{1, "II.", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", {}};
  tasks.blocks.push_back(Paragraph{{plain("Có tổng cộng "), figure("107", "Quyết định số 27/QĐ-UBQGCĐS"),
                                    plain(" nhiệm vụ, trong đó "), figure("42"), plain(" nhiệm vụ đã hoàn thành và "),
                                    figure("02"), plain(" nhiệm vụ đang triển khai. Chi tiết tại "),
                                    italic("Phụ lục"), plain(" kèm theo.")}});
  tasks.blocks.push_back(Paragraph{{plain("Hoàn thành kết nối đến 100% quận, huyện, xã, phường trên toàn quốc.")},
                                   ParagraphStyle::Bullet});
  doc.sections.push_back(std::move(tasks));

  doc.recipients = {"Thủ tướng Chính phủ (để b/c);", "Các Phó Thủ tướng Chính phủ (để b/c);",
                    "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;",
                    "UBND các tỉnh, thành phố trực thuộc Trung ương;", "Bộ trưởng (để b/c);",
                    "Lưu: VT, CĐSQG (CSS)."};
  doc.signature = {"KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Huy Dũng"};

  Appendix app;
  app.title = {"KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP", "TẠI QUYẾT ĐỊNH SỐ 942/QĐ-TTg NGÀY 15/6/2021"};
  app.attached_note = "(Kèm theo Báo cáo số 14/BC-BTTTT ngày 16/02/2024 của Bộ Thông tin và Truyền thông)";
  Section app_tasks{1, "I.", "Các nhiệm vụ, giải pháp do Bộ Thông tin và Truyền thông chủ trì", {}};
  Table at;
  at.caption = "Nhiệm vụ do Bộ TT&TT chủ trì";
  at.columns = {{6, Align::Center}, {38, Align::Justify}, {18, Align::Center}, {38, Align::Justify}};
  at.header.push_back(Row{{"TT", "Nhiệm vụ, giải pháp", "Tiến độ/Thời hạn hoàn thành", "Kết quả đạt được"}});
  at.body.push_back(Row{{"1", "Xây dựng Cổng công nghệ mở (GovTech) của Việt Nam", "Hoàn thành",
                         "Đã hoàn thành tại địa chỉ: tech.gov.vn."}});
  at.body.push_back(Row{{"2", "Xây dựng Cổng dữ liệu quốc gia", "Đang nghiên cứu/2021-2025", "Đang xây dựng."}});
  at.body.push_back(Row{{"3", "Phát triển hạ tầng mạng đáp ứng nhu cầu triển khai Chính phủ số tại Bộ",
                         "Đang thực hiện/2025",
                         "- Hoàn thành kết nối đến 100% quận, huyện, xã, phường.\n- Hoàn thành chuẩn hóa cho "
                         "40 tỉnh (đạt 64%)."}});
  app_tasks.blocks.push_back(std::move(at));
  app.sections.push_back(std::move(app_tasks));
  doc.appendices.push_back(std::move(app));
  return doc;
}

}  // namespace dxmon::report
