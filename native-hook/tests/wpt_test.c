#include "wpt_test.h"

#include <stdlib.h>
#include <string.h>

unsigned long wpt_tests_passed, wpt_tests_failed;

bool wpt_check(bool ok, const char *file, int line, const char *what)
{
    if (ok) {
        wpt_tests_passed++;
    } else {
        wpt_tests_failed++;
        printf("FAIL %s:%d: %s\n", file, line, what);
        fflush(stdout);
    }
    return ok;
}

bool wpt_check_u64(uint64_t actual, uint64_t expected, const char *file, int line,
                   const char *what)
{
    bool ok = wpt_check(actual == expected, file, line, what);
    if (!ok)
        printf("     actual %" PRIu64 ", expected %" PRIu64 "\n", actual, expected);
    return ok;
}

int wpt_test_summary(const char *label)
{
    printf("%s: %lu passed, %lu failed\n", label, wpt_tests_passed, wpt_tests_failed);
    fflush(stdout);
    return wpt_tests_failed == 0 ? 0 : 1;
}

uint8_t *wpt_test_read_file(const char *dir, const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL;
    *len = 0;
    if (f != NULL && fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        data = size >= 0 ? malloc((size_t)size + 1) : NULL;
        if (data != NULL && fseek(f, 0, SEEK_SET) == 0)
            *len = fread(data, 1, (size_t)size, f);
    }
    if (f != NULL)
        fclose(f);
    if (!wpt_check(data != NULL, __FILE__, __LINE__, path)) {
        free(data);
        return NULL;
    }
    return data;
}

void event_upcall(wpt_event *ev, wpt_upcall upcall, uint32_t tid, uint64_t caller_address,
                  uint64_t start_ticks)
{
    memset(&ev->head, 0, sizeof ev->head);
    ev->kind = WPT_EVENT_UPCALL;
    ev->function = (uint16_t)upcall;
    ev->tid = tid;
    ev->caller_address = caller_address;
    ev->start_ticks = start_ticks;
}

void event_downcall(wpt_event *ev, wpt_function function, uint32_t tid, uint32_t call_id,
                    uint32_t parent_call_id, uint32_t served_entry_id, uint64_t start_ticks)
{
    event_upcall(ev, (wpt_upcall)0, tid, 0, start_ticks);
    ev->kind = WPT_EVENT_DOWNCALL;
    ev->function = (uint16_t)function;
    ev->call_id = call_id;
    ev->parent_call_id = parent_call_id;
    ev->served_entry_id = served_entry_id;
}

void event_arg(wpt_event *ev, uint64_t value)
{
    if (ev->arg_count < WPT_MAX_ARGS)
        ev->args[ev->arg_count++] = value;
    else
        wpt_check(false, __FILE__, __LINE__, "an event has at most WPT_MAX_ARGS args");
}

bool event_push(wpt_recorder *rec, wpt_event *ev, uint64_t end_ticks, int64_t result,
                int32_t error)
{
    wpt_ring_room claim;
    if (!wpt_record_claim(rec, ev->text_len, ev->data_len, &claim))
        return false;
    ev->sequence = claim.head->sequence;
    ev->duration_ticks = end_ticks - ev->start_ticks;
    ev->result = result;
    ev->error = error;
    *claim.head = ev->head;
    size_t text_bytes = (size_t)ev->text_len * sizeof ev->text[0];
    wpt_ring_write(&claim, 0, ev->text, text_bytes);
    wpt_ring_write(&claim, text_bytes, ev->data, ev->data_len);
    wpt_record_publish(&claim);
    return true;
}
