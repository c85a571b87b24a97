// LibreOffice opens the DOCX and converts it to PDF: the check that the package is one a real
// word processor accepts. soffice is required (CI installs libreoffice-writer); set
// DXMON_SKIP_LIBREOFFICE=1 to skip on a machine without it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "report/demo_document.h"
#include "report/kinds/report_kinds.h"
#include "report/render.h"
#include "report_test_util.h"
#include "support/builtin_data.h"

namespace dxmon::report {
namespace {

namespace fs = std::filesystem;

bool on_path(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

class LibreOffice : public ::testing::Test {
 protected:
  void SetUp() override {
    if (on_path("soffice")) return;
    const char* skip = std::getenv("DXMON_SKIP_LIBREOFFICE");
    if (skip && std::string(skip) == "1") GTEST_SKIP() << "soffice not on PATH and DXMON_SKIP_LIBREOFFICE=1";
    FAIL() << "soffice (LibreOffice) is not on PATH: install libreoffice-writer, or set DXMON_SKIP_LIBREOFFICE=1";
  }

  // Writes `doc` as <dir>/<name>.docx, converts it with soffice and returns the PDF's path.
  std::string convert(const std::string& dir, const std::string& name, const Document& doc) {
    const std::string docx = dir + "/" + name + ".docx";
    testing::write_file(docx, render_docx(doc));
    // A private profile: a shared one may be locked by a running LibreOffice, and first start-up
    // writes into it.
    const std::string command = "timeout 120 soffice -env:UserInstallation=file://" + dir +
                                "/profile --headless --convert-to pdf --outdir " + dir + " " + docx + " >" + dir +
                                "/soffice.log 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command << "\n" << testing::read_file(dir + "/soffice.log");
    return (fs::path(dir) / (name + ".pdf")).string();
  }
};

TEST_F(LibreOffice, ConvertsTheDemoDocxToPdf) {
  const std::string dir = testing::scratch_dir("libreoffice-demo");
  const std::string pdf = convert(dir, "demo", demo_document());
  ASSERT_TRUE(fs::exists(pdf)) << testing::read_file(dir + "/soffice.log");
  EXPECT_GT(fs::file_size(pdf), 10000u);
  EXPECT_EQ(testing::read_file(pdf).rfind("%PDF-", 0), 0u);
}

// The annual report of seed 000 from the built-in data: the PDF LibreOffice makes of it carries
// the printed summary counts (pdftotext, from poppler-utils, reads them back).
TEST_F(LibreOffice, ConvertsTheAnnualReportOfSeed000) {
  ReportInputs in;
  in.data = dxmon::testing::load_builtin_dataset();
  ReportRequest rq;
  rq.programme = "qd942";
  rq.period = Period::of_year(2023);
  rq.date = Date{2024, 2, 16};
  rq.number = "14/BC-BTTTT";
  rq.signer = "Nguyễn Huy Dũng";  // seed 000's signer
  const std::string dir = testing::scratch_dir("libreoffice-annual");
  const std::string pdf = convert(dir, "annual", find_report_kind("annual")->build(in, rq));
  ASSERT_TRUE(fs::exists(pdf)) << testing::read_file(dir + "/soffice.log");
  ASSERT_TRUE(on_path("pdftotext")) << "pdftotext (poppler-utils) is not on PATH: run scripts/setup.sh";
  ASSERT_EQ(std::system(("pdftotext -layout " + pdf + " " + dir + "/annual.txt").c_str()), 0);
  const std::string text = testing::read_file(dir + "/annual.txt");
  EXPECT_NE(text.find("07/35"), std::string::npos) << text.substr(0, 3000);
  EXPECT_NE(text.find("20/35"), std::string::npos);
  EXPECT_NE(text.find("08/35"), std::string::npos);
  EXPECT_NE(text.find("BÁO CÁO"), std::string::npos);
  EXPECT_NE(text.find("Nguyễn Huy Dũng"), std::string::npos);
  // The STT column is wide enough for its header on one line (it used to wrap as "ST" / "T").
  EXPECT_NE(text.find("STT"), std::string::npos);
  // No page ends with a pillar heading row: group rows are kept with the row after them.
  for (const char* pillar : {"Cung cấp dịch vụ chất lượng phục vụ xã hội", "Vận hành tối ưu các hoạt động",
                             "Giải quyết hiệu quả các vấn đề lớn", "Huy động rộng rãi sự tham gia"}) {
    for (std::size_t page_end = text.find('\f'); page_end != std::string::npos; page_end = text.find('\f', page_end + 1)) {
      std::size_t line_end = text.find_last_not_of(" \n", page_end - 1);
      if (line_end == std::string::npos) continue;
      const std::size_t line_start = text.rfind('\n', line_end);
      const std::string last_line = text.substr(line_start == std::string::npos ? 0 : line_start + 1,
                                                line_end - (line_start == std::string::npos ? 0 : line_start + 1) + 1);
      EXPECT_EQ(last_line.find(pillar), std::string::npos) << "a page ends with: " << last_line;
    }
  }
}

}  // namespace
}  // namespace dxmon::report
