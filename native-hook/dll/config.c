#include <stdio.h>
#include <wchar.h>
#include <wctype.h>

#include "tracer.h"

/* A string setting: the environment variable if set, else the registry value, else fallback. */
static void read_string(HKEY key, const WCHAR *value, const WCHAR *env, const WCHAR *fallback,
                        WCHAR *out, DWORD cap)
{
    DWORD n = GetEnvironmentVariableW(env, out, cap);
    if (n > 0 && n < cap)
        return;
    DWORD bytes = cap * sizeof(WCHAR);
    if (key && RegGetValueW(key, NULL, value, RRF_RT_REG_SZ, NULL, out,
                            &bytes) == ERROR_SUCCESS)
        return;
    swprintf(out, cap, L"%ls", fallback);
}

/* A DWORD setting: the environment variable (a number, or true/false) if set, else the registry
 * value, else fallback. */
static DWORD read_dword(HKEY key, const WCHAR *value, const WCHAR *env, DWORD fallback)
{
    WCHAR text[16];
    DWORD n = GetEnvironmentVariableW(env, text, 16);
    if (n > 0 && n < 16) {
        if (_wcsicmp(text, L"false") == 0)
            return 0;
        WCHAR *end;
        unsigned long number = wcstoul(text, &end, 0);
        return *end == L'\0' ? (DWORD)number : 1; /* anything else but 0/false: on */
    }
    DWORD number = fallback, bytes = sizeof number;
    if (key && RegGetValueW(key, NULL, value, RRF_RT_REG_DWORD, NULL, &number, &bytes) !=
                   ERROR_SUCCESS)
        number = fallback;
    return number;
}

/* The functions named in a ';'-separated list (case-insensitive, blanks around names ignored);
 * an empty list names all. Names that name no function are collected in unknown. */
static uint32_t read_functions(const WCHAR *list, WCHAR *unknown, size_t unknown_cap)
{
    uint32_t functions = 0;
    bool any = false;
    unknown[0] = L'\0';
    for (const WCHAR *p = list; *p;) {
        const WCHAR *end = wcschr(p, L';');
        size_t len = end ? (size_t)(end - p) : wcslen(p);
        const WCHAR *item = p;
        p += len + (end ? 1 : 0);
        while (len > 0 && iswspace(*item))
            item++, len--;
        while (len > 0 && iswspace(item[len - 1]))
            len--;
        if (len == 0)
            continue;
        any = true;
        char ascii[32];
        bool is_ascii = len < sizeof ascii;
        for (size_t i = 0; is_ascii && i < len; i++) {
            is_ascii = item[i] < 0x80;
            ascii[i] = (char)item[i];
        }
        unsigned f = is_ascii ? wpt_function_by_name(ascii, len) : WPT_FUNCTION_COUNT;
        if (f < WPT_FUNCTION_COUNT) {
            functions |= 1u << f;
        } else {
            size_t used = wcslen(unknown);
            swprintf(unknown + used, unknown_cap - used, L"%ls'%.*ls'", used ? L", " : L"",
                     (int)len, item);
        }
    }
    return any ? functions : TRACER_ALL_FUNCTIONS;
}

/* Is name in the ';'-separated list (case-insensitive)? */
static bool in_list(const WCHAR *list, const WCHAR *name)
{
    size_t len = wcslen(name);
    for (const WCHAR *p = list; *p;) {
        const WCHAR *end = wcschr(p, L';');
        size_t item = end ? (size_t)(end - p) : wcslen(p);
        if (item == len && _wcsnicmp(p, name, len) == 0)
            return true;
        p += item + (end ? 1 : 0);
    }
    return false;
}

/* Replaces %p (lowercase, not followed by a letter, digit or '_', so that %path% stays a
 * variable) by the pid, then expands %VARIABLES%. */
static void expand_path(const WCHAR *in, WCHAR *out, DWORD cap)
{
    WCHAR with_pid[MAX_PATH];
    size_t o = 0;
    for (const WCHAR *p = in; *p && o + 12 < MAX_PATH; p++) {
        if (p[0] == L'%' && p[1] == L'p' && !iswalnum(p[2]) && p[2] != L'_') {
            o += swprintf(with_pid + o, MAX_PATH - o, L"%lu", GetCurrentProcessId());
            p++;
        } else {
            with_pid[o++] = *p;
        }
    }
    with_pid[o] = L'\0';
    DWORD n = ExpandEnvironmentStringsW(with_pid, out, cap);
    if (n == 0 || n > cap)
        swprintf(out, cap, L"%ls", with_pid);
}

void config_read(tracer_config *cfg)
{
    HKEY key = NULL;
    if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, WPUTRACE_REG_KEY, 0, KEY_READ | KEY_WOW64_64KEY, &key) !=
        ERROR_SUCCESS)
        key = NULL;
    WCHAR sink[16], file[MAX_PATH], include[TRACER_LIST_MAX], exclude[TRACER_LIST_MAX],
        functions[TRACER_LIST_MAX];
    read_string(key, L"Sink", WPUTRACE_ENV_SINK, L"pipe", sink, 16);
    read_string(key, L"Path", WPUTRACE_ENV_FILE, L"%TEMP%\\wpuscope-%p.wputrace", file, MAX_PATH);
    read_string(key, L"PipeName", WPUTRACE_ENV_PIPE, WPUTRACE_DEFAULT_PIPE, cfg->pipe, MAX_PATH);
    read_string(key, L"Include", WPUTRACE_ENV_INCLUDE, L"", include, TRACER_LIST_MAX);
    read_string(key, L"Exclude", WPUTRACE_ENV_EXCLUDE, L"", exclude, TRACER_LIST_MAX);
    read_string(key, L"DowncallFunctions", WPUTRACE_ENV_DOWNCALL_FUNCTIONS, L"", functions,
                TRACER_LIST_MAX);
    cfg->unknown_functions[0] = L'\0';
    cfg->enabled = read_dword(key, L"Enabled", WPUTRACE_ENV_ENABLED, 1) != 0;
    cfg->downcalls = read_dword(key, L"TraceDowncalls", WPUTRACE_ENV_DOWNCALLS, 1) != 0
                         ? read_functions(functions, cfg->unknown_functions,
                                          sizeof cfg->unknown_functions / sizeof(WCHAR))
                         : 0;
    DWORD capture = read_dword(key, L"CaptureBytes", WPUTRACE_ENV_CAPTURE_BYTES, 0);
    cfg->capture_bytes = (uint16_t)(capture < WPT_DATA_MAX ? capture : WPT_DATA_MAX);
    if (key)
        RegCloseKey(key);
    cfg->pipe_sink = _wcsicmp(sink, L"file") != 0;
    expand_path(file, cfg->file, MAX_PATH);

    WCHAR image[MAX_PATH];
    DWORD n = GetModuleFileNameW(NULL, image, MAX_PATH);
    const WCHAR *name = n > 0 && n < MAX_PATH ? image : L"";
    const WCHAR *slash = wcsrchr(name, L'\\');
    name = slash ? slash + 1 : name;
    if ((include[0] && !in_list(include, name)) || in_list(exclude, name))
        cfg->enabled = false;
}
