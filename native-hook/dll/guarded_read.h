/* Reading a caller's value that no call has accepted yet (guarded_read.c).
 *
 * A downcall thunk records the in-value of an in/out argument (WSPRecv's *lpFlags,
 * WSPGetSockOpt's *optlen, a select fd_set's count, ...) before it calls the next provider,
 * which overwrites it. The caller's pointer has not been checked by anyone at that point: a
 * provider probes it and answers WSAEFAULT, so a plain read in the tracer would turn the
 * caller's bad pointer into a crash the untraced call never had. A guarded read faults safely
 * instead: a vectored exception handler recognises an access violation at the one instruction
 * of the read and resumes after it with "not read". It recognises nothing else, so every
 * other exception reaches the process's handlers as before. */
#ifndef GUARDED_READ_H
#define GUARDED_READ_H

#include <stdbool.h>
#include <stdint.h>

/* Adds the handler (DLL_PROCESS_ATTACH); false when the system refused it, in which case
 * guarded_read_u32 reads nothing and says so. */
bool guarded_read_install(void);

/* Removes the handler (DLL_PROCESS_DETACH of a FreeLibrary: the handler's code goes away). */
void guarded_read_remove(void);

/* *value = the 4 bytes at p (not NULL) and true; false when they cannot be read (*value
 * untouched). */
bool guarded_read_u32(const void *p, uint32_t *value);

#endif
