/* A sample provider's own records of the socket handles it gave out, in a fixed table: the
 * address of a record is the context a non-IFS provider registers with WPUCreateSocketHandle,
 * and the table is where it looks when ws2_32 cannot say (a failed context query). */
#ifndef SAMPLE_RECORDS_H
#define SAMPLE_RECORDS_H

#include <winsock2.h>

#define SAMPLE_MAX_RECORDS 4096

typedef struct sample_record {
    volatile LONG used;
    DWORD magic;
    SOCKET handle;   /* the handle given out (INVALID_SOCKET until it is known) */
    ULONG_PTR value; /* what the provider keeps with it */
} sample_record;

/* A free record holding value, or NULL when the table is full. */
sample_record *sample_record_new(ULONG_PTR value);
void sample_record_free(sample_record *record);
/* Whether context (a value from WPUQuerySocketHandleContext) is the live record of handle. */
sample_record *sample_record_checked(DWORD_PTR context, SOCKET handle);
/* The record of handle from the table itself, or NULL. */
sample_record *sample_record_of(SOCKET handle);

#endif
