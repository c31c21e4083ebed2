/* wpuhost's scenario table and how one scenario is run and judged (host_scenarios.h). */
#include <stdio.h>
#include <string.h>

#include "host_scenarios.h"
#include "host_spi.h"
#include "host_upcalls.h"

const scenario host_scenarios[] = {
    {"lifecycle", NEEDS_NON_IFS, DRIVE_LIFECYCLE,
     "WSPSocket + WSPCloseSocket: WPUCreateSocketHandle, WPUQuerySocketHandleContext, "
     "WPUCloseSocketHandle"},
    {"ifs", NEEDS_IFS, DRIVE_LIFECYCLE,
     "WSPSocket + WSPCloseSocket of an IFS provider: WPUModifyIFSHandle"},
    {"asyncselect", NEEDS_ANY, DRIVE_SAMPLE,
     "WPUPostMessage of FD_WRITE, FD_READ and FD_CLOSE (with WSAECONNRESET)"},
    {"blocking", NEEDS_ANY, DRIVE_SAMPLE, "WPUQueryBlockingCallback, then calls the callback"},
    {"events", NEEDS_ANY, DRIVE_SAMPLE,
     "WPUCreateEvent, WPUSetEvent, WPUResetEvent, WPUCloseEvent"},
    {"apc", NEEDS_ANY, DRIVE_SAMPLE,
     "WPUOpenCurrentThread, WPUQueueApc, alertable wait delivers it, WPUCloseThread"},
    {"overlapped", NEEDS_NON_IFS, DRIVE_SAMPLE,
     "WPUCompleteOverlappedRequest (imported from the host, hooked by the tracer)"},
    {"fdisset", NEEDS_ANY, DRIVE_SAMPLE, "WPUFDIsSet on a member and a non-member"},
    {"providerpath", NEEDS_ANY, DRIVE_SAMPLE,
     "WPUGetProviderPath: buffer too small, known provider, unknown provider"},
    {"misuse", NEEDS_NON_IFS, DRIVE_SAMPLE,
     "double WPUCloseSocketHandle, context query of an unknown handle, leaked handle and event"},
    {"crossthread", NEEDS_ANY, DRIVE_SAMPLE,
     "thread B sets an event after thread A's close returned; two threads close one event"},
    {"spi", NEEDS_ANY, DRIVE_SPI,
     "the SPI through the chain: connect/accept, data, names, options, ioctls, select, "
     "async-select messages, event select, overlapped completions, errors, every proc-table entry"},
    {"spi-misuse", NEEDS_NON_IFS, DRIVE_SPI_MISUSE,
     "a WSPCloseSocket without WPUCloseSocketHandle, an async-select registration never "
     "answered, an overlapped request never completed, a call on a closed socket"},
    {"stress", NEEDS_ANY, DRIVE_SAMPLE,
     "--threads threads each making --iterations rounds of upcalls"},
    {"bench", NEEDS_ANY, DRIVE_SAMPLE, "time per upcall (WPUFDIsSet) over --iterations calls"},
};
const int host_scenario_count = (int)(sizeof host_scenarios / sizeof host_scenarios[0]);

BOOL host_scenario_in_all(const scenario *s)
{
    return strcmp(s->name, "stress") != 0 && strcmp(s->name, "bench") != 0;
}

int host_find_scenario(const char *name)
{
    for (int i = 0; i < host_scenario_count; i++)
        if (!strcmp(host_scenarios[i].name, name))
            return i;
    return -1;
}

/* WSPSocket + WSPCloseSocket through the proc table, as an application's socket()/closesocket(). */
static BOOL run_socket_lifecycle(chain *c, BOOL ifs, char *report, size_t len)
{
    WSAPROTOCOL_INFOW info = c->catalog.entries[c->catalog.served_index].info;
    int err = 0;
    if (!c->procs.lpWSPSocket || !c->procs.lpWSPCloseSocket)
        return snprintf(report, len, "the proc table has no WSPSocket/WSPCloseSocket"), FALSE;
    SOCKET s = c->procs.lpWSPSocket(info.iAddressFamily, info.iSocketType, info.iProtocol, &info,
                                    0, 0, &err);
    if (s == INVALID_SOCKET)
        return snprintf(report, len, "WSPSocket failed with error %d", err), FALSE;
    int rc = c->procs.lpWSPCloseSocket(s, &err);
    if (ifs)
        host_forget_ifs_handle(s);
    snprintf(report, len, "WSPSocket returned 0x%llx, WSPCloseSocket returned %d (error %d)",
             (unsigned long long)s, rc, rc ? err : 0);
    return rc == 0;
}

/* Whether every provider closed the sockets it created during a scenario (per catalog entry
 * id passed to WPUCreateSocketHandle / WPUModifyIFSHandle); names those that did not. */
static BOOL every_provider_closed(const host_catalog *cat, const host_counters *b,
                                  const host_counters *a, char *why, size_t len)
{
    BOOL balanced = TRUE;
    size_t used = 0;
    for (int i = 0; i < a->entry_count; i++) {
        host_entry_books before = host_entry_books_of(b, a->entries[i].entry_id);
        LONG created = a->entries[i].created - before.created;
        LONG closed = a->entries[i].closed - before.closed;
        if (created == closed)
            continue;
        char provider[200];
        host_catalog_describe(cat, a->entries[i].entry_id, provider, sizeof provider);
        if (used < len)
            used += (size_t)snprintf(why + used, len - used, " [%s created %ld socket(s), "
                                     "closed %ld]", provider, created, closed);
        balanced = FALSE;
    }
    return balanced;
}

/* What the host's own books must show after a scenario (before/after counters); why names
 * the providers whose sockets do not add up. */
static BOOL host_books_agree(const host_catalog *cat, const char *name, host_counters b,
                             host_counters a, char *why, size_t len)
{
    if (strcmp(name, "misuse") && strcmp(name, "spi-misuse") && strcmp(name, "stress") &&
        !every_provider_closed(cat, &b, &a, why, len))
        return FALSE;
    if (!strcmp(name, "lifecycle"))
        return a.sockets_created > b.sockets_created;
    if (!strcmp(name, "ifs"))
        return a.ifs_handles == b.ifs_handles + 1;
    if (!strcmp(name, "asyncselect"))
        return a.messages_received == b.messages_received + 3;
    if (!strcmp(name, "blocking"))
        return a.blocking_callbacks == b.blocking_callbacks + 1;
    if (!strcmp(name, "events"))
        return a.events_created == b.events_created + 1 && a.events_closed == b.events_closed + 1;
    if (!strcmp(name, "apc"))
        return a.apcs_queued == b.apcs_queued + 1 && a.threads_closed == b.threads_closed + 1;
    if (!strcmp(name, "overlapped"))
        return a.overlapped_completions == b.overlapped_completions + 1;
    if (!strcmp(name, "spi-misuse")) /* one base socket not given back to ws2_32 */
        return a.sockets_created - b.sockets_created == a.sockets_closed - b.sockets_closed + 1;
    if (!strcmp(name, "misuse"))
        return a.socket_close_errors == b.socket_close_errors + 1 &&
               a.context_query_errors == b.context_query_errors + 1;
    return TRUE;
}

int host_run_scenario(chain *c, BOOL ifs, const scenario *s, const sample_env *env)
{
    char report[1024] = "";
    if ((s->need == NEEDS_IFS && !ifs) || (s->need == NEEDS_NON_IFS && ifs)) {
        printf("scenario %-12s NOT APPLICABLE (needs a%s provider)\n", s->name,
               s->need == NEEDS_IFS ? "n IFS (--ifs)" : " non-IFS");
        return -1;
    }
    if (s->drive == DRIVE_SAMPLE && !c->run) {
        printf("scenario %-12s NOT APPLICABLE (the provider exports no %s)\n", s->name,
               SAMPLE_RUN_EXPORT);
        return -1;
    }
    host_counters before = host_get_counters();
    BOOL ok;
    if (s->drive == DRIVE_LIFECYCLE) {
        ok = run_socket_lifecycle(c, ifs, report, sizeof report);
    } else if (s->drive != DRIVE_SAMPLE) {
        spi_session t = spi_session_of(&c->procs, &c->catalog, ifs, env);
        ok = s->drive == DRIVE_SPI ? spi_run(&t) : spi_run_misuse(&t);
        snprintf(report, sizeof report, "%d checks, %d failed", t.checks, t.failures);
    } else {
        int rc = c->run(s->name, env, report, sizeof report);
        if (rc == SAMPLE_NOT_APPLICABLE) {
            printf("scenario %-12s NOT APPLICABLE (%s)\n", s->name, report);
            return -1;
        }
        ok = rc == SAMPLE_OK;
    }
    host_pump_messages();
    host_counters after = host_get_counters();
    char why[600] = "";
    BOOL books = host_books_agree(&c->catalog, s->name, before, after, why, sizeof why);
    printf("scenario %-12s %s: %s%s%s\n", s->name, ok && books ? "PASSED" : "FAILED", report,
           books ? "" : " [the host's books disagree]", why);
    host_print_messages(stdout);
    return ok && books;
}
