/* Hooks the providers' imports of WPUCompleteOverlappedRequest by rewriting their import
 * address tables: for every DLL a module imports from, the slots that hold that DLL's
 * WPUCompleteOverlappedRequest (by name or by ordinal: the comparison is by address) are
 * pointed at the tracer's thunk. Providers further down a stacked chain are loaded by the
 * layer above them, not by the tracer, so once the next provider has started every loaded
 * module that imports it is hooked too. Such a module may be unloaded by its layer while
 * hooked: a slot is put back only while the module it was found in is still the one loaded
 * at its address and the slot still holds the thunk. Setup and teardown only; never on an
 * upcall path. */
#include "tracer.h"

#define PSAPI_VERSION 2 /* EnumProcessModules is kernel32's K32EnumProcessModules (Windows 7+) */
#include <psapi.h>

#define MAX_HOOKED 64
#define MAX_MODULES 1024

typedef struct hooked_slot {
    void **slot;
    void *original;
    void *thunk;
    HMODULE module; /* the module the slot is in */
} hooked_slot;

static SRWLOCK lock = SRWLOCK_INIT;
static hooked_slot hooked[MAX_HOOKED];
static int hooked_count;

static bool write_slot(void **slot, void *value)
{
    DWORD old;
    if (!VirtualProtect(slot, sizeof *slot, PAGE_READWRITE, &old))
        return false;
    InterlockedExchangePointer(slot, value);
    VirtualProtect(slot, sizeof *slot, old, &old);
    return true;
}

static const IMAGE_IMPORT_DESCRIPTOR *imports(HMODULE module)
{
    const BYTE *base = (const BYTE *)module;
    const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)base;
    if (dos->e_magic != IMAGE_DOS_SIGNATURE)
        return NULL;
    const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)(base + dos->e_lfanew);
    if (nt->Signature != IMAGE_NT_SIGNATURE ||
        nt->OptionalHeader.Magic != IMAGE_NT_OPTIONAL_HDR_MAGIC)
        return NULL;
    const IMAGE_DATA_DIRECTORY *dir =
        &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
    return dir->VirtualAddress ? (const IMAGE_IMPORT_DESCRIPTOR *)(base + dir->VirtualAddress)
                               : NULL;
}

/* Is the slot's module still the one loaded at its address? (Reading an unloaded module's
 * slot would crash; writing one that another module now occupies would corrupt it.) */
static bool still_loaded(const hooked_slot *h)
{
    HMODULE at = NULL;
    return GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                                  GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                              (LPCWSTR)(void *)h->slot, &at) &&
           at == h->module;
}

static void restore(const hooked_slot *h)
{
    if (still_loaded(h) && *h->slot == h->thunk)
        write_slot(h->slot, h->original);
}

/* Hooks the slots of one import descriptor; returns slots hooked or -1. */
static int hook_descriptor(BYTE *base, const IMAGE_IMPORT_DESCRIPTOR *desc)
{
    HMODULE from = GetModuleHandleA((const char *)(base + desc->Name));
    void *target = from ? (void *)GetProcAddress(from, "WPUCompleteOverlappedRequest") : NULL;
    if (!target)
        return 0;
    int count = 0;
    for (void **slot = (void **)(base + desc->FirstThunk); *slot; slot++) {
        if (*slot != target)
            continue;
        void *thunk = (void *)thunks_complete_overlapped((LPWPUCOMPLETEOVERLAPPEDREQUEST)target);
        if (!thunk || hooked_count == MAX_HOOKED || !write_slot(slot, thunk))
            return -1;
        hooked[hooked_count++] = (hooked_slot){slot, target, thunk, (HMODULE)base};
        count++;
    }
    return count;
}

static int hook_module_locked(HMODULE module)
{
    const IMAGE_IMPORT_DESCRIPTOR *desc = imports(module);
    int total = 0;
    for (; desc && desc->Name && total >= 0; desc++) {
        int n = hook_descriptor((BYTE *)module, desc);
        total = n < 0 ? -1 : total + n;
    }
    return total;
}

int iat_hook_module(HMODULE module)
{
    AcquireSRWLockExclusive(&lock);
    int total = hook_module_locked(module);
    ReleaseSRWLockExclusive(&lock);
    return total;
}

int iat_hook_loaded_modules(HMODULE self)
{
    HMODULE modules[MAX_MODULES];
    DWORD bytes = 0;
    if (!EnumProcessModules(GetCurrentProcess(), modules, sizeof modules, &bytes))
        return -1;
    DWORD count = bytes / sizeof modules[0];
    if (count > MAX_MODULES)
        count = MAX_MODULES;
    int total = 0;
    AcquireSRWLockExclusive(&lock);
    for (DWORD i = 0; i < count && total >= 0; i++) {
        int n = modules[i] == self ? 0 : hook_module_locked(modules[i]);
        total = n < 0 ? -1 : total + n;
    }
    ReleaseSRWLockExclusive(&lock);
    return total;
}

void iat_unhook_module(HMODULE module)
{
    AcquireSRWLockExclusive(&lock);
    int kept = 0;
    for (int i = 0; i < hooked_count; i++) {
        if (hooked[i].module == module)
            restore(&hooked[i]);
        else
            hooked[kept++] = hooked[i];
    }
    hooked_count = kept;
    ReleaseSRWLockExclusive(&lock);
}

void iat_unhook_all(void)
{
    AcquireSRWLockExclusive(&lock);
    for (int i = 0; i < hooked_count; i++)
        restore(&hooked[i]);
    hooked_count = 0;
    ReleaseSRWLockExclusive(&lock);
}
