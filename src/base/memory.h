// Process-wide memory settings for work that handles many large buffers one after another.
#ifndef BACKSTRIDE_BASE_MEMORY_H_
#define BACKSTRIDE_BASE_MEMORY_H_

namespace backstride {

// Keeps memory freed by one file's decode for the next instead of returning it to the
// system. glibc maps every block above its threshold (at most 32 MiB) afresh and unmaps it
// when freed, so each file's samples were faulted in page by page again: a third of the
// time of a FIT import went to the kernel. Peak memory is unchanged (it is set by the
// largest file); only the repeated mapping goes. Call once, at the start of main.
void KeepFreedMemoryForReuse();

}  // namespace backstride

#endif  // BACKSTRIDE_BASE_MEMORY_H_
