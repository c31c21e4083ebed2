/* The calling thread's TEB fields the thunks use, read and written in place, without a call:
 * the first TLS_MINIMUM_AVAILABLE TLS slots where TlsGetValue and TlsSetValue keep them
 * (winternl.h's TEB.TlsSlots; without TlsGetValue's clearing of the last error), the last error
 * as GetLastError and SetLastError keep it (= WSAGetLastError), and the thread id as
 * GetCurrentThreadId reads it. The last two lie past winternl.h's documented fields, at the
 * offsets every Windows since NT and Wine keep: ClientId.UniqueThread right after
 * ClientId.UniqueProcess (Reserved1[8]), LastErrorValue right after ProcessEnvironmentBlock. */
#ifndef TEB_H
#define TEB_H

#include <stddef.h>
#include <windows.h>
#include <winternl.h>

#ifdef _WIN64
_Static_assert(offsetof(TEB, ProcessEnvironmentBlock) == 0x60, "x64 TEB layout");
#else
_Static_assert(offsetof(TEB, ProcessEnvironmentBlock) == 0x30, "x86 TEB layout");
#endif

static inline TEB *current_teb(void)
{
    void *teb; /* the TEB's own address, at TIB.Self (NtCurrentTeb's read: its inline form
                * trips GCC 12's -Warray-bounds) */
#ifdef _WIN64
    __asm__("movq %%gs:0x30, %0" : "=r"(teb));
#else
    __asm__("movl %%fs:0x18, %0" : "=r"(teb));
#endif
    return teb;
}

static inline void **tls_slots(void) { return current_teb()->TlsSlots; }

/* TEB.LastErrorValue */
static inline volatile DWORD *teb_last_error(void)
{
    return (volatile DWORD *)((BYTE *)current_teb() + offsetof(TEB, ProcessEnvironmentBlock) +
                              sizeof(PVOID));
}

/* TEB.ClientId.UniqueThread */
static inline DWORD teb_thread_id(void)
{
    return (DWORD)(ULONG_PTR)current_teb()->Reserved1[9];
}

#endif
