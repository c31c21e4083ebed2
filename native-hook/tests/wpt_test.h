/* A tiny test harness: CHECK macros count passed and failed checks; a failed check prints
 * where and why. wpt_test_summary() prints "LABEL: N passed, M failed" as the last line. */
#ifndef WPT_TEST_H
#define WPT_TEST_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "wpt_record.h"

extern unsigned long wpt_tests_passed, wpt_tests_failed;

bool wpt_check(bool ok, const char *file, int line, const char *what);
bool wpt_check_u64(uint64_t actual, uint64_t expected, const char *file, int line,
                   const char *what);

#define CHECK(cond) wpt_check((cond), __FILE__, __LINE__, #cond)
#define CHECK_EQ(actual, expected)                                                            \
    wpt_check_u64((uint64_t)(actual), (uint64_t)(expected), __FILE__, __LINE__,               \
                  #actual " == " #expected)

/* Prints the summary line; returns the process exit status. */
int wpt_test_summary(const char *label);

/* The suites; golden_dir is resources/trace-format/golden. */
void test_crc32(void);
void test_encode(const char *golden_dir);
void test_decode(const char *golden_dir);
void test_ring(void);
void test_record(void);
void test_flusher(void);
void test_clock(void);

/* Whole events for the encoder, ring and flusher tests: an upcall or a downcall with no args,
 * text, data or flags and result 0; an argument appended; the event pushed into the recorder
 * (duration = end_ticks - start_ticks, result, error; text and data as long as they are) the
 * way a thunk writes one. event_push returns false when it was dropped (or the recorder is
 * closed). */
void event_upcall(wpt_event *ev, wpt_upcall upcall, uint32_t tid, uint64_t caller_address,
                  uint64_t start_ticks);
void event_downcall(wpt_event *ev, wpt_function function, uint32_t tid, uint32_t call_id,
                    uint32_t parent_call_id, uint32_t served_entry_id, uint64_t start_ticks);
void event_arg(wpt_event *ev, uint64_t value);
bool event_push(wpt_recorder *rec, wpt_event *ev, uint64_t end_ticks, int64_t result,
                int32_t error);

/* Reads a whole file (test helper); NULL and a failed check when it cannot. */
uint8_t *wpt_test_read_file(const char *dir, const char *name, size_t *len);

#endif
