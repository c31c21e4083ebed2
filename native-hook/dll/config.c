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
    if (key && RegGetValueW(key, NULL, value, RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ, NULL, out,
                            &bytes) == ERROR_SUCCESS)
        return;
    swprintf(out, cap, L"%ls", fallback);
}

static bool read_enabled(HKEY key)
{
    WCHAR text[16];
    DWORD n = GetEnvironmentVariableW(WPUTRACE_ENV_ENABLED, text, 16);
    if (n > 0 && n < 16)
        return wcscmp(text, L"0") != 0 && _wcsicmp(text, L"false") != 0;
    DWORD value = 1, bytes = sizeof value;
    if (key && RegGetValueW(key, NULL, L"Enabled", RRF_RT_REG_DWORD, NULL, &value, &bytes) ==
                   ERROR_SUCCESS)
        return value != 0;
    return true;
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
    WCHAR sink[16], file[MAX_PATH], include[TRACER_LIST_MAX], exclude[TRACER_LIST_MAX];
    read_string(key, L"Sink", WPUTRACE_ENV_SINK, L"pipe", sink, 16);
    read_string(key, L"Path", WPUTRACE_ENV_FILE, L"%TEMP%\\wpuscope-%p.wputrace", file, MAX_PATH);
    read_string(key, L"PipeName", WPUTRACE_ENV_PIPE, WPUTRACE_DEFAULT_PIPE, cfg->pipe, MAX_PATH);
    read_string(key, L"Include", WPUTRACE_ENV_INCLUDE, L"", include, TRACER_LIST_MAX);
    read_string(key, L"Exclude", WPUTRACE_ENV_EXCLUDE, L"", exclude, TRACER_LIST_MAX);
    cfg->enabled = read_enabled(key);
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
