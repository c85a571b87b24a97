#pragma once
// Work running beside the calling thread, one piece at a time: start() waits for the previous piece
// first (so pieces keep their order, e.g. the blocks of the records log), finish() waits for the
// last one; an error in a piece is rethrown by the next start() or by finish(). The destructor
// waits too (and drops an error nobody asked for), so no piece outlives what it uses when an
// exception unwinds.
#include <exception>
#include <functional>
#include <thread>
#include <utility>

namespace dxmon::measure {

class BackgroundTask {
 public:
  BackgroundTask() = default;
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;
  ~BackgroundTask() { wait(); }
  void start(std::function<void()> work) {
    finish();
    thread_ = std::thread([this, work = std::move(work)] {
      try {
        work();
      } catch (...) {
        error_ = std::current_exception();
      }
    });
  }
  void finish() {
    wait();
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }
  // Waits without rethrowing.
  void wait() noexcept {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
  std::exception_ptr error_;
};

}  // namespace dxmon::measure
