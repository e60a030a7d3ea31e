#include "base/memory.h"

#include <cstddef>  // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace backstride {

void KeepFreedMemoryForReuse() {
#if defined(__GLIBC__)
  // Blocks up to 512 MiB come from the heap and are reused; the heap is given back only
  // when more than 512 MiB is free at its top.
  constexpr int kLimit = 512 << 20;
  mallopt(M_MMAP_THRESHOLD, kLimit);
  mallopt(M_TRIM_THRESHOLD, kLimit);
#endif
}

}  // namespace backstride
