// Streams JSONL records one line at a time: memory does not depend on the number of records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

namespace webhook::detail {

class RecordReader {
 public:
  // "-" reads standard input. `block` is the size of each read: records are ~2 KB, and 64 KiB
  // keeps reads rare (one per ~30 records) while the block still sits in L2 when the records in
  // it are parsed (1 MiB blocks cost more cache misses than they saved in system calls). A
  // longer line grows the buffer to fit.
  explicit RecordReader(const std::filesystem::path& path, std::size_t block = 1 << 16);
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  // The next line, without its end of line (trailing CR and LF removed); false at the end.
  // The view is valid until the next call.
  bool next(std::string_view& line);
  // The 1-based number of the line last returned.
  std::int64_t line_no() const { return line_no_; }

 private:
  // Read more bytes after the unread ones; false at the end of the input.
  bool fill();

  int fd_ = -1;
  bool own_ = false;
  bool eof_ = false;
  std::unique_ptr<char[]> buf_;
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;    // first unread byte
  std::size_t scanned_ = 0;  // bytes from begin_ known to hold no newline
  std::size_t end_ = 0;      // end of the bytes read
  std::int64_t line_no_ = 0;
};

}  // namespace webhook::detail
