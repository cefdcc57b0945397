#include "record_reader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace webhook::detail {

RecordReader::RecordReader(const std::filesystem::path& path, std::size_t block)
    : buf_(std::make_unique_for_overwrite<char[]>(block)), capacity_(block) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
    return;
  }
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0)
    throw std::system_error(errno, std::generic_category(), "cannot read records " + path.string());
  own_ = true;
}

RecordReader::~RecordReader() {
  if (own_) ::close(fd_);
}

bool RecordReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // move the partial line to the front
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {  // a line longer than the buffer
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity_ * 2);
    std::memcpy(bigger.get(), buf_.get(), end_);
    buf_ = std::move(bigger);
    capacity_ *= 2;
  }
  while (true) {
    const ssize_t n = ::read(fd_, buf_.get() + end_, capacity_ - end_);
    if (n > 0) {
      end_ += static_cast<std::size_t>(n);
      return true;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "reading records");
  }
}

bool RecordReader::next(std::string_view& line) {
  const char* newline = nullptr;
  while (true) {
    const char* from = buf_.get() + begin_ + scanned_;
    newline = static_cast<const char*>(std::memchr(from, '\n', end_ - begin_ - scanned_));
    if (newline) break;
    scanned_ = end_ - begin_;
    if (!fill()) break;
  }
  if (!newline && begin_ == end_) return false;
  const char* start = buf_.get() + begin_;
  std::size_t len = newline ? static_cast<std::size_t>(newline - start) : end_ - begin_;
  begin_ += newline ? len + 1 : len;
  scanned_ = 0;
  while (len > 0 && (start[len - 1] == '\n' || start[len - 1] == '\r')) --len;
  line = std::string_view(start, len);
  ++line_no_;
  return true;
}

}  // namespace webhook::detail
