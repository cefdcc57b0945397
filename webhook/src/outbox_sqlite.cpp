#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "webhook/outbox.hpp"

namespace webhook {

std::string_view status_name(DeliveryStatus s) {
  switch (s) {
    case DeliveryStatus::pending:
      return "pending";
    case DeliveryStatus::delivered:
      return "delivered";
    case DeliveryStatus::failed:
      return "failed";
    case DeliveryStatus::invalid:
      return "invalid";
  }
  return "pending";
}

namespace {

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
      throw OutboxError(std::string("outbox: cannot prepare statement: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(stmt_, i, v));
    return *this;
  }
  Statement& bind(int i, std::string_view v) {
    check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
    return *this;
  }
  Statement& bind_blob(int i, std::string_view v) {
    if (v.empty())
      check(sqlite3_bind_null(stmt_, i));
    else
      check(sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
    return *this;
  }
  // true while a row is available
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw OutboxError(std::string("outbox: ") + sqlite3_errmsg(db_));
  }
  void run() {
    step();
    reset();
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw OutboxError(std::string("outbox: ") + sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets a statement however the scope is left.
struct ResetGuard {
  Statement& s;
  ~ResetGuard() { s.reset(); }
};

class SqliteOutbox final : public Outbox {
 public:
  explicit SqliteOutbox(const std::filesystem::path& path) {
    // Create the file ourselves so that it (and the -wal/-shm files SQLite derives from it)
    // is private to the user.
    const int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0)
      throw OutboxError("outbox: cannot open " + path.string() + ": " + std::strerror(errno));
    ::close(fd);
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
      const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw OutboxError("outbox: cannot open " + path.string() + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
    try {
      // One sender owns a state file: the exclusive lock is taken once instead of per
      // transaction (no fcntl calls per commit), and a second sender on the same file fails
      // with "database is locked" instead of interleaving with the first.
      exec("PRAGMA locking_mode=EXCLUSIVE");
      exec("PRAGMA journal_mode=WAL");
      // WAL + NORMAL: a commit survives a process crash (SIGKILL); an OS crash may lose the
      // last commits, which only means re-sending them.
      exec("PRAGMA synchronous=NORMAL");
      exec("PRAGMA temp_store=MEMORY");
      exec(
          "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
          "CREATE TABLE IF NOT EXISTS deliveries("
          "  record INTEGER PRIMARY KEY, status INTEGER NOT NULL, attempts INTEGER NOT NULL,"
          "  next_at INTEGER NOT NULL DEFAULT 0, leased_until INTEGER NOT NULL DEFAULT 0, payload "
          "BLOB);"
          "CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries(next_at) WHERE status = 0;"
          "CREATE INDEX IF NOT EXISTS deliveries_pending ON deliveries(record) WHERE status = 0;");
      upsert_ = std::make_unique<Statement>(db_, upsert_sql(1).c_str());
      upsert_batch_ = std::make_unique<Statement>(db_, upsert_sql(upsert_batch_rows).c_str());
      // Transaction control and the meta update run at every commit: prepared once, and the
      // meta row updated in place (not deleted and reinserted as by INSERT OR REPLACE).
      begin_ = std::make_unique<Statement>(db_, "BEGIN IMMEDIATE");
      commit_ = std::make_unique<Statement>(db_, "COMMIT");
      set_meta_ =
          std::make_unique<Statement>(db_,
                                      "INSERT INTO meta(key, value) VALUES(?1, ?2)"
                                      " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
      get_meta_ = std::make_unique<Statement>(db_, "SELECT value FROM meta WHERE key = ?1");
      trim_ = std::make_unique<Statement>(
          db_, "DELETE FROM deliveries WHERE record < ?1 AND status <> 0");
      status_ = std::make_unique<Statement>(db_, "SELECT status FROM deliveries WHERE record = ?1");
      due_ = std::make_unique<Statement>(
          db_,
          "SELECT record, attempts, next_at, payload FROM deliveries"
          " WHERE status = 0 AND next_at <= ?1 AND leased_until <= ?1 ORDER BY next_at LIMIT ?2");
      lease_ = std::make_unique<Statement>(
          db_, "UPDATE deliveries SET leased_until = ?2 WHERE record = ?1");
      next_due_ = std::make_unique<Statement>(
          db_, "SELECT min(max(next_at, leased_until)) FROM deliveries WHERE status = 0");
      pending_ =
          std::make_unique<Statement>(db_, "SELECT count(*) FROM deliveries WHERE status = 0");
      min_pending_ =
          std::make_unique<Statement>(db_, "SELECT min(record) FROM deliveries WHERE status = 0");
    } catch (...) {
      close();
      throw;
    }
  }
  ~SqliteOutbox() override { close(); }

  RunState open(std::string_view fingerprint, std::string_view new_run_id) override {
    RunState st;
    begin();
    try {
      if (auto run_id = meta("run_id")) {
        const auto stored = meta("fingerprint").value_or("");
        if (stored != fingerprint)
          throw OutboxError(
              "the state file belongs to another request definition (it was changed since the run "
              "started); finish that run with the original definition or use a new --state file");
        st.run_id = *run_id;
        st.results_offset = std::stoll(meta("results_offset").value_or("0"));
        st.watermark = std::stoll(meta("watermark").value_or("0"));
        st.resumed = true;
        exec("UPDATE deliveries SET leased_until = 0 WHERE leased_until <> 0");
      } else {
        st.run_id = std::string(new_run_id);
        put_meta("run_id", st.run_id);
        put_meta("fingerprint", fingerprint);
        put_meta("results_offset", "0");
        put_meta("watermark", "0");
      }
      end();
    } catch (...) {
      rollback();
      throw;
    }
    watermark_ = st.watermark;
    return st;
  }

  std::int64_t commit(std::span<const OutboxUpdate> updates, std::int64_t results_offset,
                      std::int64_t floor) override {
    begin();
    std::int64_t watermark = floor;
    try {
      {
        ResetGuard g{*min_pending_};
        if (min_pending_->step() && !min_pending_->is_null(0))
          watermark = std::min(watermark, min_pending_->int64(0));
      }
      for (const auto& u : updates)
        if (u.status == DeliveryStatus::pending) watermark = std::min(watermark, u.record);
      watermark = std::max(watermark, watermark_);  // never moves back
      // Rows below the new watermark are finished and reported: they need no row at all.
      rows_.clear();
      for (const auto& u : updates)
        if (u.status == DeliveryStatus::pending || u.record >= watermark) rows_.push_back(&u);
      std::size_t done = 0;
      for (; rows_.size() - done >= upsert_batch_rows; done += upsert_batch_rows)
        write_rows(*upsert_batch_, std::span(rows_).subspan(done, upsert_batch_rows));
      for (; done < rows_.size(); ++done) write_rows(*upsert_, std::span(rows_).subspan(done, 1));
      put_meta("results_offset", std::to_string(results_offset));
      if (watermark != watermark_) {
        put_meta("watermark", std::to_string(watermark));
        ResetGuard g{*trim_};
        trim_->bind(1, watermark);
        trim_->step();
      }
      end();
    } catch (...) {
      rollback();
      throw;
    }
    watermark_ = watermark;
    return watermark;
  }

  std::optional<DeliveryStatus> status(std::int64_t record) override {
    ResetGuard g{*status_};
    status_->bind(1, record);
    if (!status_->step()) return std::nullopt;
    return static_cast<DeliveryStatus>(status_->int64(0));
  }

  std::vector<DueDelivery> take_due(TimeMs now, TimeMs lease_until, std::size_t limit) override {
    std::vector<DueDelivery> out;
    begin();
    try {
      {
        ResetGuard g{*due_};
        due_->bind(1, now).bind(2, static_cast<std::int64_t>(limit));
        while (due_->step())
          out.push_back(
              {due_->int64(0), static_cast<int>(due_->int64(1)), due_->int64(2), due_->text(3)});
      }
      for (const auto& d : out) {
        ResetGuard g{*lease_};
        lease_->bind(1, d.record).bind(2, lease_until);
        lease_->step();
      }
      end();
    } catch (...) {
      rollback();
      throw;
    }
    return out;
  }

  std::optional<TimeMs> next_due() override {
    ResetGuard g{*next_due_};
    if (!next_due_->step() || next_due_->is_null(0)) return std::nullopt;
    return next_due_->int64(0);
  }

  std::int64_t pending_count() override {
    ResetGuard g{*pending_};
    pending_->step();
    return pending_->int64(0);
  }

 private:
  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      throw OutboxError("outbox: " + msg);
    }
  }
  // Rows are written `upsert_batch_rows` to a statement: each statement costs about as much
  // as the B-tree work of a row, so the batch writes a row for two thirds of the price.
  static constexpr std::size_t upsert_batch_rows = 16;

  // An insert, or an update of the existing row in place (a third cheaper than INSERT OR
  // REPLACE, which deletes the row and inserts it again under a statement journal). The rows of
  // one statement are applied in order, so a record given twice ends as its last update.
  static std::string upsert_sql(std::size_t rows) {
    std::string sql =
        "INSERT INTO deliveries(record, status, attempts, next_at, leased_until, payload) VALUES";
    for (std::size_t i = 0; i < rows; ++i)
      sql += i == 0 ? "(?, ?, ?, ?, 0, ?)" : ",(?, ?, ?, ?, 0, ?)";
    sql +=
        " ON CONFLICT(record) DO UPDATE SET status = excluded.status,"
        " attempts = excluded.attempts, next_at = excluded.next_at, leased_until = 0,"
        " payload = excluded.payload";
    return sql;
  }

  // One statement of upsert_sql(rows.size()).
  static void write_rows(Statement& upsert, std::span<const OutboxUpdate* const> rows) {
    ResetGuard g{upsert};
    int i = 0;
    for (const OutboxUpdate* u : rows) {
      const std::string_view payload =
          u->status == DeliveryStatus::pending ? std::string_view(u->payload) : std::string_view();
      upsert.bind(i + 1, u->record)
          .bind(i + 2, static_cast<std::int64_t>(u->status))
          .bind(i + 3, std::int64_t{u->attempts})
          .bind(i + 4, u->next_at)
          .bind_blob(i + 5, payload);
      i += 5;
    }
    upsert.step();
  }

  void begin() {
    ResetGuard g{*begin_};
    begin_->step();
  }
  void end() {
    ResetGuard g{*commit_};
    commit_->step();
  }
  void rollback() {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  std::optional<std::string> meta(const char* key) {
    ResetGuard g{*get_meta_};
    get_meta_->bind(1, std::string_view(key));
    if (!get_meta_->step()) return std::nullopt;
    return get_meta_->text(0);
  }
  void put_meta(const char* key, std::string_view value) {
    ResetGuard g{*set_meta_};
    set_meta_->bind(1, std::string_view(key)).bind(2, value);
    set_meta_->step();
  }
  void close() {
    upsert_.reset();
    upsert_batch_.reset();
    begin_.reset();
    commit_.reset();
    set_meta_.reset();
    get_meta_.reset();
    trim_.reset();
    status_.reset();
    due_.reset();
    lease_.reset();
    next_due_.reset();
    pending_.reset();
    min_pending_.reset();
    if (db_) sqlite3_close(db_);
    db_ = nullptr;
  }

  sqlite3* db_ = nullptr;
  std::int64_t watermark_ = 0;
  std::vector<const OutboxUpdate*> rows_;  // the rows of one commit
  std::unique_ptr<Statement> begin_, commit_, upsert_, upsert_batch_, set_meta_, get_meta_, trim_,
      status_, due_, lease_, next_due_, pending_, min_pending_;
};

}  // namespace

std::unique_ptr<Outbox> open_sqlite_outbox(const std::filesystem::path& path) {
  return std::make_unique<SqliteOutbox>(path);
}

}  // namespace webhook
