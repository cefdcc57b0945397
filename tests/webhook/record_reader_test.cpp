// The records reader: line splitting across read blocks, line endings, growth past the block.
#include "record_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace webhook::detail {
namespace {

namespace fs = std::filesystem;

struct TempFile {
  fs::path path;
  explicit TempFile(const std::string& content) {
    static int n = 0;
    path = fs::temp_directory_path() /
           ("record_reader_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    std::ofstream(path, std::ios::binary) << content;
  }
  ~TempFile() { fs::remove(path); }
};

std::vector<std::string> read_all(const std::string& content, std::size_t block) {
  TempFile file(content);
  RecordReader reader(file.path, block);
  std::vector<std::string> lines;
  std::string_view line;
  while (reader.next(line)) {
    lines.emplace_back(line);
    EXPECT_EQ(reader.line_no(), static_cast<std::int64_t>(lines.size()));
  }
  EXPECT_FALSE(reader.next(line)) << "the end stays the end";
  return lines;
}

TEST(RecordReader, SplitsLinesAtEveryBlockSize) {
  const std::string content = "{\"a\":1}\n\n{\"b\":22}\r\nlast without newline";
  const std::vector<std::string> expected = {"{\"a\":1}", "", "{\"b\":22}", "last without newline"};
  // Block sizes from one byte up to the whole file: every line straddles a boundary somewhere.
  for (std::size_t block = 1; block <= content.size() + 1; ++block)
    EXPECT_EQ(read_all(content, block), expected) << "block " << block;
}

TEST(RecordReader, LineEndingsAndEmptyInput) {
  EXPECT_EQ(read_all("", 8), std::vector<std::string>{});
  EXPECT_EQ(read_all("\n", 8), std::vector<std::string>{""});
  EXPECT_EQ(read_all("x\r\r\n\ny\n", 8), (std::vector<std::string>{"x", "", "y"}));
  EXPECT_EQ(read_all(std::string("a\0b\n", 4), 2),
            std::vector<std::string>{std::string("a\0b", 3)});
}

TEST(RecordReader, LongLinesGrowTheBuffer) {
  const std::string long_line(100'000, 'x');
  EXPECT_EQ(read_all("s\n" + long_line + "\nt\n", 64),
            (std::vector<std::string>{"s", long_line, "t"}));
}

TEST(RecordReader, MissingFileNamesIt) {
  try {
    RecordReader reader("/nonexistent/records.jsonl");
    FAIL();
  } catch (const std::system_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/records.jsonl"), std::string::npos);
  }
}

}  // namespace
}  // namespace webhook::detail
