/* Checks dll/guarded_read.c as the tracer uses it, under Wine (wine_downcalls.py): readable
 * values are read; NULL-page, reserved, no-access and freed memory say "cannot read" without
 * crashing; an access violation anywhere else still reaches the process's own handler; after
 * removal nothing is read. Prints one line per check and "guarded_read: N passed, M failed". */
#include <stdio.h>
#include <windows.h>

#include "guarded_read.h"

static int passed, failed;
static volatile LONG foreign_seen;

static void check(BOOL ok, const char *what)
{
    printf("%s %s\n", ok ? "PASS" : "FAIL", what);
    if (ok)
        passed++;
    else
        failed++;
}

static BOOL unreadable(const void *p)
{
    uint32_t v = 0xA5A5A5A5u;
    return !guarded_read_u32(p, &v) && v == 0xA5A5A5A5u;
}

/* The process's own handler, added before the tracer's: it must still see its exceptions. */
static LONG CALLBACK process_handler(PEXCEPTION_POINTERS e)
{
    if (e->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION)
        return EXCEPTION_CONTINUE_SEARCH;
    InterlockedIncrement(&foreign_seen);
    return EXCEPTION_CONTINUE_EXECUTION; /* a raised exception: RaiseException returns */
}

int main(void)
{
    PVOID own = AddVectoredExceptionHandler(0, process_handler);
    check(guarded_read_install(), "the handler is installed");

    uint32_t value = 0x12345678u, got = 0;
    check(guarded_read_u32(&value, &got) && got == 0x12345678u, "a readable value is read");
    check(unreadable((const void *)(ULONG_PTR)0x10), "the NULL page cannot be read");

    SYSTEM_INFO si;
    GetSystemInfo(&si);
    char *reserved = VirtualAlloc(NULL, si.dwPageSize, MEM_RESERVE, PAGE_NOACCESS);
    check(reserved && unreadable(reserved), "reserved, uncommitted memory cannot be read");
    char *no_access = VirtualAlloc(NULL, si.dwPageSize, MEM_COMMIT | MEM_RESERVE, PAGE_NOACCESS);
    check(no_access && unreadable(no_access), "PAGE_NOACCESS memory cannot be read");
    char *freed = VirtualAlloc(NULL, si.dwPageSize, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    *(uint32_t *)(freed + si.dwPageSize - 4) = 7;
    check(guarded_read_u32(freed + si.dwPageSize - 4, &got) && got == 7,
          "the last 4 bytes of a page are read");
    VirtualFree(freed, 0, MEM_RELEASE);
    check(unreadable(freed), "freed memory cannot be read");

    RaiseException(EXCEPTION_ACCESS_VIOLATION, 0, 0, NULL);
    check(foreign_seen == 1, "an access violation elsewhere reaches the process's handler");

    guarded_read_remove();
    check(!guarded_read_u32(&value, &got), "after removal nothing is read");

    RemoveVectoredExceptionHandler(own);
    printf("guarded_read: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
