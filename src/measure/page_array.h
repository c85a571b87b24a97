#pragma once
// Big buffers in their own anonymous mappings, backed by transparent huge pages where the kernel
// allows it (madvise). The dedup table is hundreds of MiB read at random: with 4 KiB pages every
// probe is a TLB miss and filling a new table takes a page fault per 4 KiB; with 2 MiB pages both
// mostly go away. The memory is page-aligned, as O_DIRECT writes need.
//
// PageArray: a fixed-size array of trivially copyable values, zero-filled by the kernel (all-zero
// bytes must be a valid T).
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <thread>
#include <type_traits>
#include <utility>

namespace dxmon::measure {

// Maps `bytes` (a multiple of the page size) of zeroed memory, on a huge-page boundary and advised
// for huge pages when it is at least one huge page; unmap with unmap_pages(p, bytes).
inline void* map_pages(std::size_t bytes) {
  constexpr std::size_t kHuge = 2u << 20;
  const std::size_t extra = bytes >= kHuge ? kHuge : 0;
  void* m = ::mmap(nullptr, bytes + extra, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) throw std::bad_alloc();
  if (!extra) return m;
  auto* base = static_cast<char*>(m);
  auto* start = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(base) + kHuge - 1) / kHuge * kHuge);
  if (start > base) ::munmap(base, static_cast<std::size_t>(start - base));
  char* end = start + bytes;
  if (base + bytes + extra > end) ::munmap(end, static_cast<std::size_t>(base + bytes + extra - end));
  ::madvise(start, bytes, MADV_HUGEPAGE);
  return start;
}
inline void unmap_pages(void* p, std::size_t bytes) { ::munmap(p, bytes); }

// The size map_pages is asked for to hold `bytes`: whole huge pages from one huge page on.
inline std::size_t page_bytes(std::size_t bytes) {
  constexpr std::size_t kHuge = 2u << 20;
  const std::size_t unit = bytes >= kHuge ? kHuge : 4096;
  return (bytes + unit - 1) / unit * unit;
}

template <typename T>
class PageArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  PageArray() = default;
  explicit PageArray(std::size_t n) : size_(n) {
    if (n == 0) return;
    bytes_ = page_bytes(n * sizeof(T));
    data_ = static_cast<T*>(map_pages(bytes_));
  }
  ~PageArray() { release(); }
  PageArray(const PageArray&) = delete;
  PageArray& operator=(const PageArray&) = delete;
  PageArray(PageArray&& o) noexcept { swap(o); }
  PageArray& operator=(PageArray&& o) noexcept {
    if (this != &o) {
      release();
      swap(o);
    }
    return *this;
  }
  void swap(PageArray& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(bytes_, o.bytes_);
  }

  T* data() { return data_; }
  const T* data() const { return data_; }
  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

 private:
  void release() {
    if (data_) unmap_pages(data_, bytes_);
    data_ = nullptr;
    size_ = bytes_ = 0;
  }
  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t bytes_ = 0;
};

// Faults in a region of map_pages memory on a thread of its own (MADV_POPULATE_WRITE: the data are
// not touched, so the owner may write to the region meanwhile), so that the thread filling a big
// new table does not wait for each fresh page in turn. Waits for that thread when destroyed or
// reassigned: destroy it before the region is unmapped.
class Prefault {
 public:
  Prefault() = default;
  Prefault(void* p, std::size_t bytes)
      : thread_([p, bytes] {
#ifdef MADV_POPULATE_WRITE
          ::madvise(p, bytes, MADV_POPULATE_WRITE);  // a kernel without it just refuses: nothing lost
#endif
        }) {}
  ~Prefault() { wait(); }
  Prefault(Prefault&&) = default;
  Prefault& operator=(Prefault&& o) noexcept {
    wait();
    thread_ = std::move(o.thread_);
    return *this;
  }
  void wait() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
};

// An allocator for std::vector whose buffers of a huge page or more come from map_pages: a parsed
// chunk's records are megabytes, and each 4 KiB page faulted in costs about 10 µs on the virtual
// machines measured (2 MiB pages: one fault for 512 of them).
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < (2u << 20)) return static_cast<T*>(::operator new(bytes));
    return static_cast<T*>(map_pages(page_bytes(bytes)));
  }
  void deallocate(T* p, std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < (2u << 20))
      ::operator delete(p);
    else
      unmap_pages(p, page_bytes(bytes));
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

}  // namespace dxmon::measure
