/* Redirects named exports of a loaded module to other functions by rewriting its export
 * address table: every import resolved afterwards (modules loaded later, by anyone, and delay
 * loads) and every GetProcAddress then gets the new function. Imports already bound keep the
 * old one. On x64 an export is a 32-bit RVA from the module's base, so each target is reached
 * through a small jump stub placed within 4 GiB above the module; on x86 every address is
 * reachable modulo 2^32. */
#ifndef EXPORT_REDIRECT_H
#define EXPORT_REDIRECT_H

#include <windows.h>

typedef struct export_redirect {
    const char *name; /* the export's name */
    FARPROC target;   /* the function that answers for it */
    BOOL redirected;  /* out: the module exports it, and GetProcAddress now leads to target */
} export_redirect;

/* Redirects every export of the list that module has (a name it does not export is left out:
 * redirected stays FALSE). Returns FALSE, with the reason in error, when the module's export
 * table cannot be read or written, no stub can be placed, or GetProcAddress does not answer
 * with the new target (the entries before the failed one stay redirected). */
BOOL export_redirect_apply(HMODULE module, export_redirect *list, int count, char *error,
                           size_t error_len);

#endif
