/* The calling thread's TLS slots, read and written where TlsGetValue and TlsSetValue keep
 * the first TLS_MINIMUM_AVAILABLE of them (winternl.h's TEB.TlsSlots), without their clearing
 * of the last error and without a call. */
#ifndef TLS_SLOTS_H
#define TLS_SLOTS_H

#include <windows.h>
#include <winternl.h>

static inline void **tls_slots(void)
{
    void *teb; /* the TEB's own address, at TIB.Self (NtCurrentTeb's read: its inline form
                * trips GCC 12's -Warray-bounds) */
#ifdef _WIN64
    __asm__("movq %%gs:0x30, %0" : "=r"(teb));
#else
    __asm__("movl %%fs:0x18, %0" : "=r"(teb));
#endif
    return ((TEB *)teb)->TlsSlots;
}

#endif
