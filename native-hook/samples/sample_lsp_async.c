/* The layered sample LSP's WSPAsyncSelect, done the way a non-IFS LSP must: the provider below
 * posts its messages with its own socket handles, which the application never saw, so the LSP
 * registers the lower socket for a window of its own (a message-only window on a thread of its
 * own, started at the first registration, never inside WSPStartup) and posts each message on
 * to the application's window with its own handle (WPUPostMessage). */
#include "sample_lsp.h"

#define LSP_MESSAGE (WM_USER + 0x51)
#define MAX_REGISTRATIONS 64

typedef struct registration {
    SOCKET lower, own;
    HWND hwnd;
    UINT msg;
} registration;

static registration registrations[MAX_REGISTRATIONS];
static SRWLOCK lock = SRWLOCK_INIT;
static HANDLE thread;
static DWORD thread_id;
static HWND window;

static const WCHAR *class_name(void)
{
    return SAMPLE_LSP_INSTANCE == 1 ? L"sample_lsp-async" : L"sample_lsp2-async";
}

static HINSTANCE own_module(void)
{
    HMODULE module = NULL;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                           GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (LPCWSTR)(void *)class_name, &module);
    return module;
}

static LRESULT CALLBACK translate(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    if (msg != LSP_MESSAGE)
        return DefWindowProcW(hwnd, msg, wparam, lparam);
    registration found = {INVALID_SOCKET, INVALID_SOCKET, NULL, 0};
    AcquireSRWLockShared(&lock);
    for (int i = 0; i < MAX_REGISTRATIONS; i++)
        if (registrations[i].hwnd && registrations[i].lower == (SOCKET)wparam)
            found = registrations[i];
    ReleaseSRWLockShared(&lock);
    if (found.hwnd) /* else: the socket was closed or its registration cancelled meanwhile */
        lsp_up.lpWPUPostMessage(found.hwnd, found.msg, found.own, lparam);
    return 0;
}

static DWORD WINAPI window_thread(void *ready)
{
    WNDCLASSW wc = {0};
    wc.lpfnWndProc = translate;
    wc.hInstance = own_module();
    wc.lpszClassName = class_name();
    if (RegisterClassW(&wc))
        window = CreateWindowExW(0, wc.lpszClassName, L"", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
                                 wc.hInstance, NULL);
    SetEvent(ready);
    MSG msg;
    while (window && GetMessageW(&msg, NULL, 0, 0) > 0)
        DispatchMessageW(&msg);
    if (window)
        DestroyWindow(window);
    UnregisterClassW(wc.lpszClassName, wc.hInstance);
    return 0;
}

/* Starts the window thread once; FALSE when it has no window. */
static BOOL started(void)
{
    if (thread)
        return window != NULL;
    HANDLE ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    thread = ready ? CreateThread(NULL, 0, window_thread, ready, 0, &thread_id) : NULL;
    if (thread)
        WaitForSingleObject(ready, INFINITE);
    if (ready)
        CloseHandle(ready);
    return window != NULL;
}

/* Keeps (or with hwnd NULL removes) the registration of own over lower. */
static BOOL remember(SOCKET own, SOCKET lower, HWND hwnd, UINT msg)
{
    int slot = -1;
    AcquireSRWLockExclusive(&lock);
    for (int i = 0; i < MAX_REGISTRATIONS; i++)
        if (registrations[i].hwnd && registrations[i].own == own)
            registrations[i].hwnd = NULL;
    for (int i = 0; i < MAX_REGISTRATIONS && hwnd && slot < 0; i++)
        if (!registrations[i].hwnd)
            slot = i;
    if (slot >= 0)
        registrations[slot] = (registration){lower, own, hwnd, msg};
    ReleaseSRWLockExclusive(&lock);
    return !hwnd || slot >= 0;
}

int lsp_register_async_select(SOCKET own, SOCKET lower, HWND hwnd, UINT msg, long events,
                              LPINT err)
{
    if (!started() || !remember(own, lower, events ? hwnd : NULL, msg))
        return *err = WSAENOBUFS, SOCKET_ERROR;
    return lsp_lower.lpWSPAsyncSelect(lower, events ? window : NULL, LSP_MESSAGE, events, err);
}

void lsp_async_forget(SOCKET own) { remember(own, INVALID_SOCKET, NULL, 0); }

void lsp_async_stop(void)
{
    if (!thread)
        return;
    PostThreadMessageW(thread_id, WM_QUIT, 0, 0);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    thread = NULL;
    window = NULL;
}
