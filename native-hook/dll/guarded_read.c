/* Guarded reads (guarded_read.h): a leaf routine in assembly whose one load may fault, and a
 * vectored exception handler that sends an access violation at that load to the routine's
 * "cannot read" exit. The routine keeps no stack frame, so resuming at another instruction of
 * it is all the recovery there is. */
#include <windows.h>

#include "guarded_read.h"

/* int guarded_load_u32(const void *p, uint32_t *value): 1 after *value = *(uint32_t *)p,
 * 0 when the load faulted. */
#if defined(__x86_64__)
__asm__(".text\n"
        ".p2align 4\n"
        "wpt_guarded_load_u32:\n"          /* Microsoft x64: p in rcx, value in rdx */
        "wpt_guarded_load_u32_load:\n"
        "    movl (%rcx), %eax\n"
        "    movl %eax, (%rdx)\n"
        "    movl $1, %eax\n"
        "    ret\n"
        "wpt_guarded_load_u32_fault:\n"
        "    xorl %eax, %eax\n"
        "    ret\n");
#define INSTRUCTION_POINTER(context) ((context)->Rip)
#elif defined(__i386__)
__asm__(".text\n"
        ".p2align 4\n"
        "wpt_guarded_load_u32:\n"          /* cdecl: p at 4(%esp), value at 8(%esp) */
        "    movl 4(%esp), %ecx\n"
        "wpt_guarded_load_u32_load:\n"
        "    movl (%ecx), %eax\n"
        "    movl 8(%esp), %edx\n"
        "    movl %eax, (%edx)\n"
        "    movl $1, %eax\n"
        "    ret\n"
        "wpt_guarded_load_u32_fault:\n"
        "    xorl %eax, %eax\n"
        "    ret\n");
#define INSTRUCTION_POINTER(context) ((context)->Eip)
#else
#error "guarded reads need x86-64 or i386"
#endif

int guarded_load_u32(const void *p, uint32_t *value) __asm__("wpt_guarded_load_u32");
extern const char guarded_load_at[] __asm__("wpt_guarded_load_u32_load");
extern const char guarded_fault_exit[] __asm__("wpt_guarded_load_u32_fault");

static PVOID handler;

static LONG CALLBACK on_exception(PEXCEPTION_POINTERS e)
{
    DWORD code = e->ExceptionRecord->ExceptionCode;
    if ((code != EXCEPTION_ACCESS_VIOLATION && code != EXCEPTION_IN_PAGE_ERROR) ||
        INSTRUCTION_POINTER(e->ContextRecord) != (ULONG_PTR)guarded_load_at)
        return EXCEPTION_CONTINUE_SEARCH;
    INSTRUCTION_POINTER(e->ContextRecord) = (ULONG_PTR)guarded_fault_exit;
    return EXCEPTION_CONTINUE_EXECUTION;
}

bool guarded_read_install(void)
{
    handler = AddVectoredExceptionHandler(1, on_exception);
    return handler != NULL;
}

void guarded_read_remove(void)
{
    if (handler)
        RemoveVectoredExceptionHandler(handler);
    handler = NULL;
}

bool guarded_read_u32(const void *p, uint32_t *value)
{
    return handler && guarded_load_u32(p, value);
}
