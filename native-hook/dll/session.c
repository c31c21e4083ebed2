/* The trace session of one load of the tracer: the recorder the thunks push into (static
 * memory, nothing allocated), the flusher thread that runs native-core's flusher over the
 * configured sink, the records that begin every stream (PROCESS_HELLO, MODULE +
 * PROVIDER_LOADED, TRACER_MESSAGE), the clock and the module table that maps return addresses
 * to modules.
 *
 * The clock (core/wpt_clock.h, SPEC.md §2): the TSC when it is invariant, else
 * QueryPerformanceCounter. The TSC's frequency is calibrated against QueryPerformanceCounter
 * between a pair of readings at session_prepare and one before the first stream is written
 * (begin_streams), at least WPT_CLOCK_CALIBRATION_MIN_MS apart; the thread that writes it
 * first waits out the rest of that time, once per load session: the flusher thread, or a
 * thread ending a session that never ran one. No traced call waits for it.
 *
 * Lifecycle (SPEC.md "Load sessions"): session_prepare() at a WSPStartup readies the recorder
 * and queues PROCESS_HELLO, with no thread; session_run() after the first successful WSPStartup
 * starts the flusher thread; session_end() at the last WSPCleanup, or after a WSPStartup that
 * failed while no other startup lives, writes PROCESS_GOODBYE and leaves nothing running, so
 * ws2_32 may FreeLibrary the tracer right after either. The next WSPStartup of the process
 * (the DLL loaded again, or still loaded) begins the next load session.
 *
 * No thread runs code of a freed DLL: the thread that creates the flusher takes the flusher's
 * module reference before CreateThread, and the flusher leaves with FreeLibraryAndExitThread.
 * So DLL_PROCESS_DETACH from a FreeLibrary cannot happen while the flusher exists. session_end
 * waits for an event the thread sets after writing PROCESS_GOODBYE, never for the thread's
 * exit (which needs the loader lock). Without a thread (a failed startup) the calling thread
 * writes the records itself, with bounded writes. At process exit the thread has been killed;
 * if it was idle (not inside the flusher), the detach handler drains the ring and writes
 * PROCESS_GOODBYE itself. */
#include <stdio.h>
#include <string.h>

#include "tracer.h"

#include <tlhelp32.h>

#define RING_CAPACITY WPT_DEFAULT_RING_SLOTS
#define FLUSH_INTERVAL_MS WPT_DEFAULT_FLUSH_INTERVAL_MS
#define STOP_TIMEOUT_MS 5000
#define FLUSH_WAIT_MS 2000
#define MAX_MODULES 64
#define RECORD_BUFFER 8192
#define COMMAND_LINE_MAX 2048 /* UTF-16 units of the command line kept in PROCESS_HELLO */
/* Process environment variable "<pid>:<load sessions so far>": survives the DLL's unload (a
 * child process that inherits it has another pid and starts again at 1). */
#define LOAD_SESSIONS_VARIABLE L"WPUSCOPE_TRACE_LOAD_SESSIONS"


typedef struct module_info {
    HMODULE handle;
    uint32_t size;
    WCHAR path[MAX_PATH];
} module_info;

wpt_recorder tracer_recorder;
static wpt_ring_slot slots[RING_CAPACITY];
static wpt_flusher flusher;
static uint8_t batch[WPT_DEFAULT_BATCH_BYTES];
static uint8_t preamble[65536];
static wpt_session_clock clock;
bool session_clock_tsc;
static wpt_hello hello;               /* encoded with the clock once it is settled */
static WCHAR hello_image[MAX_PATH];
static uint8_t hello_record[RECORD_BUFFER];
static volatile LONG streams_begun; /* set last (a full barrier): all before it is done */
volatile LONG session_state = SESSION_IDLE;
static HANDLE thread_wake, thread_finished, thread_passed;
static volatile LONG stop_requested, flusher_busy, flusher_done, detaching;
static volatile LONG flusher_sleeping; /* the flusher thread waits for its interval or a wake */
static volatile LONG flusher_passes; /* flusher passes completed, for session_flush */
static volatile LONG flush_waiters;  /* threads in session_flush, waiting for passes */
volatile LONG session_call_ids;
static wpt_end_reason end_reason; /* what the flusher thread writes in PROCESS_GOODBYE */
static SRWLOCK modules_lock = SRWLOCK_INIT;
static module_info modules[MAX_MODULES];
static uint32_t module_count;

void session_wake_flusher(void)
{
    if (flusher_sleeping && session_state == SESSION_RUNNING)
        SetEvent(thread_wake);
}

static uint32_t image_size(HMODULE m)
{
    const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)m;
    const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)((const BYTE *)m + dos->e_lfanew);
    return nt->OptionalHeader.SizeOfImage;
}

/* Module id of address; fills *out when given. The lock is only tried while detaching (the
 * killed flusher thread may have held it). */
static uint32_t module_lookup(const void *address, wpt_module *out)
{
    HMODULE m = NULL;
    if (!address || !GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                                            GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                                        (LPCWSTR)address, &m))
        return 0;
    if (!detaching)
        AcquireSRWLockExclusive(&modules_lock);
    else if (!TryAcquireSRWLockExclusive(&modules_lock))
        return 0;
    uint32_t id = 0;
    for (uint32_t i = 0; i < module_count && !id; i++)
        if (modules[i].handle == m)
            id = i + 1;
    if (!id && module_count < MAX_MODULES) {
        module_info *info = &modules[module_count];
        DWORD n = GetModuleFileNameW(m, info->path, MAX_PATH);
        info->path[n < MAX_PATH ? n : MAX_PATH - 1] = L'\0';
        info->handle = m;
        info->size = image_size(m);
        id = ++module_count;
    }
    if (id && out) {
        const module_info *info = &modules[id - 1];
        *out = (wpt_module){id, (uint64_t)(uintptr_t)info->handle, info->size,
                            {(const uint16_t *)info->path, wcslen(info->path)}};
    }
    ReleaseSRWLockExclusive(&modules_lock);
    return id;
}

static uint32_t resolve(void *ctx, uint64_t address, wpt_module *module)
{
    (void)ctx;
    return module_lookup((const void *)(uintptr_t)address, module);
}

uint32_t session_module_id(const void *address) { return module_lookup(address, NULL); }

static void add_preamble(const uint8_t *record, size_t len)
{
    if (len && !wpt_flusher_add_preamble(&flusher, record, len))
        OutputDebugStringW(L"wputrace: preamble memory full, record not kept\n");
}

static wpt_utf16 utf16(const WCHAR *text, size_t max)
{
    size_t len = wcslen(text);
    return (wpt_utf16){(const uint16_t *)text, len < max ? len : max};
}

static uint32_t parent_pid(void)
{
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    PROCESSENTRY32W entry = {.dwSize = sizeof entry};
    uint32_t parent = 0;
    for (BOOL more = snap != INVALID_HANDLE_VALUE && Process32FirstW(snap, &entry); more;
         more = Process32NextW(snap, &entry))
        if (entry.th32ProcessID == GetCurrentProcessId())
            parent = entry.th32ParentProcessID;
    if (snap != INVALID_HANDLE_VALUE)
        CloseHandle(snap);
    return parent;
}

static uint64_t process_start_filetime(void)
{
    FILETIME created, exited, kernel, user;
    if (!GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user))
        return 0;
    return (uint64_t)created.dwHighDateTime << 32 | created.dwLowDateTime;
}

/* 1 for the first load session of this process, then 2, 3, ... */
static uint32_t next_load_session(void)
{
    WCHAR text[32];
    unsigned long pid = 0, sessions = 0;
    DWORD n = GetEnvironmentVariableW(LOAD_SESSIONS_VARIABLE, text, 32);
    if (n == 0 || n >= 32 || swscanf(text, L"%lu:%lu", &pid, &sessions) != 2 ||
        pid != GetCurrentProcessId())
        sessions = 0;
    swprintf(text, 32, L"%lu:%lu", GetCurrentProcessId(), sessions + 1);
    SetEnvironmentVariableW(LOAD_SESSIONS_VARIABLE, text);
    return (uint32_t)sessions + 1;
}

static void prepare_hello(void)
{
    DWORD n = GetModuleFileNameW(NULL, hello_image, MAX_PATH);
    hello_image[n < MAX_PATH ? n : 0] = L'\0';
    hello = (wpt_hello){parent_pid(), sizeof(void *) * 8, WPT_TRACER_VERSION, clock.info,
                        utf16(hello_image, MAX_PATH), utf16(GetCommandLineW(), COMMAND_LINE_MAX),
                        process_start_filetime(), next_load_session()};
}

static uint64_t qpc_now(void *ctx)
{
    (void)ctx;
    LARGE_INTEGER now;
    QueryPerformanceCounter(&now);
    return (uint64_t)now.QuadPart;
}

/* Settles the clock (waiting out the calibration when the session is younger than
 * WPT_CLOCK_CALIBRATION_MIN_MS) and hands the flusher what begins every stream: before any
 * stream is written. Tried again at the next pass when the clocks did not calibrate. */
static void begin_streams(void)
{
    if (streams_begun)
        return;
    DWORD wait = wpt_clock_calibration_wait_ms(clock.start, qpc_now(NULL),
                                               clock.reference_frequency);
    if (clock.tsc && wait > 0)
        Sleep(wait);
    if (!wpt_clock_settle(&clock, wpt_clock_pair_read(qpc_now, NULL)))
        return;
    hello.clock = clock.info;
    size_t n = wpt_encode_hello(hello_record, sizeof hello_record, GetCurrentProcessId(), &hello);
    wpt_flusher_begin_streams(&flusher, &clock.info, hello_record, n);
    InterlockedExchange(&streams_begun, 1);
}

/* Drains what is left, writes PROCESS_GOODBYE and releases the sink. */
static void finish(wpt_end_reason reason)
{
    begin_streams();
    wpt_flusher_finish(&flusher, session_now(), reason);
    flusher.cfg.sink.disconnect(flusher.cfg.sink.ctx);
}

/* self: the reference on wputrace.dll that session_run took for this thread. */
static DWORD WINAPI flusher_main(void *self)
{
    size_t popped = 0;
    while (!stop_requested) {
        if (popped >= WPT_FLUSHER_BUSY_EVENTS) {
            SwitchToThread(); /* events keep coming: the next pass at once */
        } else {
            InterlockedExchange(&flusher_sleeping, 1);
            WaitForSingleObject(thread_wake, FLUSH_INTERVAL_MS);
            InterlockedExchange(&flusher_sleeping, 0);
        }
        if (!stop_requested) /* (not busy: a thread killed in it leaves detach nothing half
                              * done, and detach would begin the streams itself) */
            begin_streams();
        InterlockedExchange(&flusher_busy, 1);
        popped = stop_requested ? 0 : wpt_flusher_run(&flusher, session_now());
        InterlockedExchange(&flusher_busy, 0);
        InterlockedIncrement(&flusher_passes);
        if (flush_waiters > 0) /* (a SetEvent per pass is a wineserver call under Wine) */
            SetEvent(thread_passed);
    }
    InterlockedExchange(&flusher_busy, 1);
    finish(end_reason);
    InterlockedExchange(&flusher_done, 1);
    InterlockedExchange(&flusher_busy, 0);
    SetEvent(thread_finished);
    FreeLibraryAndExitThread((HMODULE)self, 0);
    return 0;
}

static wpt_status prepare(const tracer_config *cfg)
{
    LARGE_INTEGER freq;
    FILETIME now;
    QueryPerformanceFrequency(&freq);
    session_clock_tsc = wpt_clock_tsc_invariant(); /* the same in every session */
    GetSystemTimeAsFileTime(&now);
    wpt_clock_start(&clock, session_clock_tsc, wpt_clock_pair_read(qpc_now, NULL),
                    (uint64_t)freq.QuadPart,
                    (uint64_t)now.dwHighDateTime << 32 | now.dwLowDateTime);
    streams_begun = 0;
    wpt_flusher_config fc = {0};
    fc.recorder = &tracer_recorder;
    if (cfg->pipe_sink)
        sink_pipe_init(&fc.sink, cfg->pipe);
    else
        sink_file_init(&fc.sink, cfg->file);
    fc.resolve = resolve;
    fc.pid = GetCurrentProcessId();
    fc.batch = batch;
    fc.batch_capacity = sizeof batch;
    fc.preamble = preamble;
    fc.preamble_capacity = sizeof preamble;
    stop_requested = flusher_done = session_call_ids = 0;
    AcquireSRWLockExclusive(&modules_lock); /* modules of an earlier load session may be gone */
    module_count = 0;
    ReleaseSRWLockExclusive(&modules_lock);
    if (!wpt_recorder_init(&tracer_recorder, slots, RING_CAPACITY) ||
        !wpt_flusher_init(&flusher, &fc))
        return WPT_STATUS_INTERNAL;
    prepare_hello();
    return WPT_STATUS_OK;
}

wpt_status session_prepare(const tracer_config *cfg)
{
    for (;;) {
        LONG seen = InterlockedCompareExchange(&session_state, SESSION_STARTING, SESSION_IDLE);
        if (seen == SESSION_IDLE) {
            wpt_status status = prepare(cfg);
            InterlockedExchange(&session_state,
                                status == WPT_STATUS_OK ? SESSION_PREPARED : SESSION_IDLE);
            return status;
        }
        if (seen == SESSION_PREPARED || seen == SESSION_RUNNING)
            return WPT_STATUS_OK;
        SwitchToThread(); /* STARTING or STOPPING: another thread is about to finish */
    }
}

bool session_run(void)
{
    if (session_state != SESSION_PREPARED)
        return session_state == SESSION_RUNNING;
    if (!thread_wake)
        thread_wake = CreateEventW(NULL, FALSE, FALSE, NULL);
    if (!thread_finished)
        thread_finished = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!thread_passed)
        thread_passed = CreateEventW(NULL, FALSE, FALSE, NULL);
    HMODULE self = NULL; /* the thread's reference, taken before the thread exists */
    if (!thread_wake || !thread_finished || !thread_passed ||
        !GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS,
                            (LPCWSTR)(void *)flusher_main, &self))
        return false;
    ResetEvent(thread_finished);
    HANDLE thread = CreateThread(NULL, 0, flusher_main, self, 0, NULL);
    if (!thread) {
        FreeLibrary(self);
        return false;
    }
    /* Ahead of the traced threads when it has work (it runs only as long as events come), so
     * a busy process does not starve the ring's only consumer (README "Drops"). */
    SetThreadPriority(thread, THREAD_PRIORITY_ABOVE_NORMAL);
    CloseHandle(thread);
    InterlockedExchange(&session_state, SESSION_RUNNING);
    return true;
}

void session_provider_loaded(const wpt_provider_loaded *loaded, const void *module_address)
{
    if (!session_active())
        return;
    uint8_t record[RECORD_BUFFER];
    wpt_provider_loaded copy = *loaded;
    wpt_module module = {0};
    copy.next_module_id = module_address ? module_lookup(module_address, &module) : 0;
    if (copy.next_module_id)
        add_preamble(record, wpt_encode_module(record, sizeof record, GetCurrentProcessId(),
                                               &module));
    add_preamble(record, wpt_encode_provider_loaded(record, sizeof record, GetCurrentProcessId(),
                                                    &copy));
}

void session_message(wpt_severity severity, wpt_status status, const WCHAR *text)
{
    if (!session_active())
        return;
    uint8_t record[RECORD_BUFFER];
    add_preamble(record, wpt_encode_message(record, sizeof record, GetCurrentProcessId(),
                                            session_now(), severity, status,
                                            utf16(text, 1024)));
}

void session_flush(void)
{
    if (session_state != SESSION_RUNNING)
        return;
    /* A pass under way may have started before the last events: wait for the one after it. */
    InterlockedIncrement(&flush_waiters);
    LONG wanted = flusher_passes + 2;
    ULONGLONG deadline = GetTickCount64() + FLUSH_WAIT_MS;
    while (session_state == SESSION_RUNNING && flusher_passes - wanted < 0 &&
           GetTickCount64() < deadline) {
        SetEvent(thread_wake);
        WaitForSingleObject(thread_passed, FLUSH_INTERVAL_MS);
    }
    InterlockedDecrement(&flush_waiters);
}

void session_end(wpt_end_reason reason)
{
    LONG was = InterlockedCompareExchange(&session_state, SESSION_STOPPING, SESSION_PREPARED);
    if (was == SESSION_PREPARED) { /* no thread: this thread writes the rest */
        sink_set_final();
        finish(reason);
        InterlockedExchange(&session_state, SESSION_IDLE);
        return;
    }
    if (was != SESSION_RUNNING ||
        InterlockedCompareExchange(&session_state, SESSION_STOPPING, SESSION_RUNNING) !=
            SESSION_RUNNING)
        return;
    end_reason = reason;
    sink_set_final();
    InterlockedExchange(&stop_requested, 1);
    SetEvent(thread_wake);
    /* A thread that did not finish in time keeps the session STOPPING: never restarted. */
    if (WaitForSingleObject(thread_finished, STOP_TIMEOUT_MS) == WAIT_OBJECT_0)
        InterlockedExchange(&session_state, SESSION_IDLE);
}

void session_detach(bool process_exit)
{
    InterlockedExchange(&detaching, 1);
    sink_set_final();
    /* The thread holds a module reference, so a FreeLibrary detach means there is none; at
     * process exit it was killed: drain here unless it died inside the flusher. */
    bool thread_idle = session_state == SESSION_RUNNING && !flusher_done && !flusher_busy;
    if (session_state == SESSION_PREPARED || (process_exit && thread_idle))
        finish(process_exit ? WPT_END_PROCESS_EXIT : WPT_END_UNLOADED);
    if (process_exit)
        return;
    if (thread_wake)
        CloseHandle(thread_wake);
    if (thread_finished)
        CloseHandle(thread_finished);
    if (thread_passed)
        CloseHandle(thread_passed);
    thread_wake = thread_finished = thread_passed = NULL;
    sink_release();
}
