/* Hooks a lower provider's import of WPUCompleteOverlappedRequest by rewriting its import
 * address table: for every DLL the module imports from, the slots that hold that DLL's
 * WPUCompleteOverlappedRequest (by name or by ordinal: the comparison is by address) are
 * pointed at the tracer's thunk. Setup and teardown only; never on an upcall path. */
#include "tracer.h"

#define MAX_HOOKED 64

typedef struct hooked_slot {
    void **slot;
    void *original;
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
        hooked[hooked_count++] = (hooked_slot){slot, target};
        count++;
    }
    return count;
}

int iat_hook_module(HMODULE module)
{
    const IMAGE_IMPORT_DESCRIPTOR *desc = imports(module);
    int total = 0;
    AcquireSRWLockExclusive(&lock);
    for (; desc && desc->Name && total >= 0; desc++) {
        int n = hook_descriptor((BYTE *)module, desc);
        total = n < 0 ? -1 : total + n;
    }
    ReleaseSRWLockExclusive(&lock);
    return total;
}

void iat_unhook_module(HMODULE module)
{
    const BYTE *base = (const BYTE *)module;
    const IMAGE_NT_HEADERS *nt =
        (const IMAGE_NT_HEADERS *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
    const BYTE *end = base + nt->OptionalHeader.SizeOfImage;
    AcquireSRWLockExclusive(&lock);
    int kept = 0;
    for (int i = 0; i < hooked_count; i++) {
        const BYTE *at = (const BYTE *)hooked[i].slot;
        if (at >= base && at < end)
            write_slot(hooked[i].slot, hooked[i].original);
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
        write_slot(hooked[i].slot, hooked[i].original);
    hooked_count = 0;
    ReleaseSRWLockExclusive(&lock);
}
