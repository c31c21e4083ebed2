#include "export_redirect.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct export_table {
    BYTE *base;
    const IMAGE_EXPORT_DIRECTORY *dir;
    DWORD *functions; /* AddressOfFunctions: RVAs, indexed by ordinal - Base */
    const DWORD *names;
    const WORD *name_ordinals;
    SIZE_T image_size;
} export_table;

static BOOL read_exports(HMODULE module, export_table *t)
{
    BYTE *base = (BYTE *)module;
    const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)base;
    if (dos->e_magic != IMAGE_DOS_SIGNATURE)
        return FALSE;
    const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)(base + dos->e_lfanew);
    const IMAGE_DATA_DIRECTORY *d = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT];
    if (nt->Signature != IMAGE_NT_SIGNATURE || !d->VirtualAddress || !d->Size)
        return FALSE;
    t->base = base;
    t->dir = (const IMAGE_EXPORT_DIRECTORY *)(base + d->VirtualAddress);
    t->functions = (DWORD *)(base + t->dir->AddressOfFunctions);
    t->names = (const DWORD *)(base + t->dir->AddressOfNames);
    t->name_ordinals = (const WORD *)(base + t->dir->AddressOfNameOrdinals);
    t->image_size = nt->OptionalHeader.SizeOfImage;
    return TRUE;
}

/* The AddressOfFunctions slot of a named export, or NULL. */
static DWORD *export_slot(const export_table *t, const char *name)
{
    for (DWORD i = 0; i < t->dir->NumberOfNames; i++)
        if (!strcmp((const char *)(t->base + t->names[i]), name))
            return t->name_ordinals[i] < t->dir->NumberOfFunctions
                       ? &t->functions[t->name_ordinals[i]] : NULL;
    return NULL;
}

#ifdef _WIN64
enum { STUB_SIZE = 16 }; /* jmp qword [rip+0]; dq target; 2 bytes padding */

/* A page for the stubs, within the 4 GiB above the module (RVAs are unsigned 32-bit). */
static BYTE *reachable_page(const export_table *t)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    uintptr_t granularity = si.dwAllocationGranularity, base = (uintptr_t)t->base;
    uintptr_t limit = base + UINT32_MAX - si.dwPageSize;
    uintptr_t at = (base + t->image_size + granularity - 1) & ~(granularity - 1);
    MEMORY_BASIC_INFORMATION m;
    while (at < limit && VirtualQuery((void *)at, &m, sizeof m)) {
        if (m.State == MEM_FREE) {
            BYTE *page = VirtualAlloc((void *)at, si.dwPageSize, MEM_RESERVE | MEM_COMMIT,
                                      PAGE_READWRITE);
            if (page && (uintptr_t)page < limit)
                return page;
            if (page)
                VirtualFree(page, 0, MEM_RELEASE);
        }
        uintptr_t next = (uintptr_t)m.BaseAddress + m.RegionSize;
        at = (next + granularity - 1) & ~(granularity - 1);
    }
    return NULL;
}

/* Writes a jump to target at stub. */
static void write_stub(BYTE *stub, FARPROC target)
{
    static const BYTE jmp_rip[6] = {0xff, 0x25, 0, 0, 0, 0};
    uint64_t address = (uint64_t)(uintptr_t)target;
    memcpy(stub, jmp_rip, sizeof jmp_rip);
    memcpy(stub + sizeof jmp_rip, &address, sizeof address);
}
#endif

/* Where each export of the list must lead, as RVAs from the module's base (x64: through
 * stubs in a page above the module). */
static BOOL target_rvas(const export_table *t, const export_redirect *list, int count,
                        DWORD *rvas, char *error, size_t error_len)
{
#ifdef _WIN64
    BYTE *page = reachable_page(t);
    if (!page || (size_t)count * STUB_SIZE > 4096)
        return snprintf(error, error_len, "no memory for jump stubs within 4 GiB above the "
                                          "module (error %lu)", GetLastError()), FALSE;
    for (int i = 0; i < count; i++) {
        write_stub(page + i * STUB_SIZE, list[i].target);
        rvas[i] = (DWORD)(page + i * STUB_SIZE - t->base);
    }
    DWORD old;
    if (!VirtualProtect(page, 4096, PAGE_EXECUTE_READ, &old))
        return snprintf(error, error_len, "cannot make the jump stubs executable (error %lu)",
                        GetLastError()), FALSE;
    FlushInstructionCache(GetCurrentProcess(), page, 4096);
#else
    (void)error, (void)error_len;
    for (int i = 0; i < count; i++)
        rvas[i] = (DWORD)((uintptr_t)list[i].target - (uintptr_t)t->base); /* modulo 2^32 */
#endif
    return TRUE;
}

BOOL export_redirect_apply(HMODULE module, export_redirect *list, int count, char *error,
                           size_t error_len)
{
    export_table t;
    DWORD rvas[64];
    if (count > (int)(sizeof rvas / sizeof rvas[0]))
        return snprintf(error, error_len, "too many exports to redirect"), FALSE;
    if (!module || !read_exports(module, &t))
        return snprintf(error, error_len, "the module has no readable export table"), FALSE;
    if (!target_rvas(&t, list, count, rvas, error, error_len))
        return FALSE;
    for (int i = 0; i < count; i++) {
        DWORD *slot = export_slot(&t, list[i].name), old;
        if (!slot)
            continue;
        if (!VirtualProtect(slot, sizeof *slot, PAGE_READWRITE, &old))
            return snprintf(error, error_len, "cannot write the export table entry of %s "
                                              "(error %lu)", list[i].name, GetLastError()), FALSE;
        InterlockedExchange((volatile LONG *)slot, (LONG)rvas[i]);
        VirtualProtect(slot, sizeof *slot, old, &old);
        if ((FARPROC)((uintptr_t)t.base + rvas[i]) != GetProcAddress(module, list[i].name))
            return snprintf(error, error_len, "GetProcAddress(%s) does not see the new export "
                                              "table entry", list[i].name), FALSE;
        list[i].redirected = TRUE;
    }
    return TRUE;
}
