// LibreOffice opens the DOCX and converts it to PDF: the check that the package is one a real
// word processor accepts. soffice is required (CI installs libreoffice-writer); set
// DXMON_SKIP_LIBREOFFICE=1 to skip on a machine without it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "report/demo_document.h"
#include "report/render.h"
#include "report_test_util.h"

namespace dxmon::report {
namespace {

namespace fs = std::filesystem;

bool on_path(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

TEST(LibreOffice, ConvertsTheDemoDocxToPdf) {
  if (!on_path("soffice")) {
    const char* skip = std::getenv("DXMON_SKIP_LIBREOFFICE");
    if (skip && std::string(skip) == "1") GTEST_SKIP() << "soffice not on PATH and DXMON_SKIP_LIBREOFFICE=1";
    FAIL() << "soffice (LibreOffice) is not on PATH: install libreoffice-writer, or set DXMON_SKIP_LIBREOFFICE=1";
  }
  std::string dir = testing::scratch_dir("libreoffice");
  std::string docx = dir + "/demo.docx";
  testing::write_file(docx, render_docx(demo_document()));
  // A private profile: a shared one may be locked by a running LibreOffice, and first start-up
  // writes into it.
  std::string command = "timeout 120 soffice -env:UserInstallation=file://" + dir +
                        "/profile --headless --convert-to pdf --outdir " + dir + " " + docx + " >" + dir +
                        "/soffice.log 2>&1";
  int rc = std::system(command.c_str());
  EXPECT_EQ(rc, 0) << command << "\n" << testing::read_file(dir + "/soffice.log");
  fs::path pdf = fs::path(dir) / "demo.pdf";
  ASSERT_TRUE(fs::exists(pdf)) << testing::read_file(dir + "/soffice.log");
  EXPECT_GT(fs::file_size(pdf), 10000u);
  EXPECT_EQ(testing::read_file(pdf.string()).rfind("%PDF-", 0), 0u);
}

}  // namespace
}  // namespace dxmon::report
