/* wine_pieces.exe: what each Windows call a traced call makes costs here (under Wine, or on
 * Windows), so the tracer's added cost per call can be told apart: the clock (RDTSC with an
 * invariant TSC, else QueryPerformanceCounter: twice per call), the last error save and
 * restore and the thread id (read in the TEB as the thunks do, beside the API calls), the TLS
 * slot in the TEB, the atomics (call id, sequence number, slot claim) and the flusher's wake-up
 * (SetEvent, once per quarter of the ring). Run by tests/bench_wine.sh; prints "PIECE: N ns
 * per call" lines. */
#include <windows.h>

#include <stdint.h>
#include <stdio.h>
#include <x86intrin.h>

#include "teb.h"

#define CALLS 2000000

static double now_ns(void)
{
    LARGE_INTEGER t, f;
    QueryPerformanceCounter(&t);
    QueryPerformanceFrequency(&f);
    return (double)t.QuadPart * 1e9 / (double)f.QuadPart;
}

static volatile LONG counter;
static volatile LONG64 wide;
static volatile uint64_t sink;
static HANDLE event;
static DWORD slot;

static void qpc(void)
{
    LARGE_INTEGER t;
    QueryPerformanceCounter(&t);
    sink += (uint64_t)t.QuadPart;
}

static void rdtsc(void) { sink += __rdtsc(); }

static void last_error(void) { SetLastError(GetLastError() + 1); }

static void thread_id(void) { sink += GetCurrentThreadId(); }

static void teb_fields(void)
{
    *teb_last_error() += 1;
    sink += teb_thread_id();
}

static void tls_teb(void)
{
    void **slots = tls_slots();
    slots[slot] = (void *)(uintptr_t)(sink + 1);
    sink += (uintptr_t)slots[slot];
}

static void tls_api(void)
{
    TlsSetValue(slot, (void *)(uintptr_t)(sink + 1));
    sink += (uintptr_t)TlsGetValue(slot);
}

/* call id, sequence number, slot claim */
static void atomics(void)
{
    InterlockedIncrement(&counter);
    InterlockedIncrement64(&wide);
    LONG64 seen = wide;
    InterlockedCompareExchange64(&wide, seen + 1, seen);
}

static void set_event(void) { SetEvent(event); }

typedef struct piece {
    const char *name;
    void (*fn)(void);
    unsigned calls_per_event; /* how often a traced call makes it: 2 clock reads per call */
} piece;

int main(void)
{
    event = CreateEventW(NULL, FALSE, FALSE, NULL);
    slot = TlsAlloc();
    if (!event || slot >= TLS_MINIMUM_AVAILABLE) {
        printf("wine_pieces: no event or TLS slot\n");
        return 1;
    }
    static const piece pieces[] = {
        {"QueryPerformanceCounter", qpc, 2},
        {"RDTSC", rdtsc, 2},
        {"GetLastError+SetLastError", last_error, 1},
        {"GetCurrentThreadId", thread_id, 1},
        {"last error + thread id in the TEB", teb_fields, 1},
        {"TLS slot in the TEB (read+write)", tls_teb, 2},
        {"TlsGetValue+TlsSetValue", tls_api, 2},
        {"3 atomics (call id, sequence, claim)", atomics, 1},
        {"SetEvent (flusher wake)", set_event, 0},
    };
    for (size_t i = 0; i < sizeof pieces / sizeof pieces[0]; i++) {
        unsigned calls = pieces[i].fn == set_event ? CALLS / 20 : CALLS;
        double start = now_ns();
        for (unsigned k = 0; k < calls; k++)
            pieces[i].fn();
        double ns = (now_ns() - start) / calls;
        printf("%s: %.1f ns per call (x%u per traced call)\n", pieces[i].name, ns,
               pieces[i].calls_per_event);
    }
    LARGE_INTEGER f;
    QueryPerformanceFrequency(&f);
    printf("QueryPerformanceFrequency: %lld\n", (long long)f.QuadPart);
    return 0;
}
