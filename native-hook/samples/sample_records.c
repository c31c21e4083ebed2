#include "sample_records.h"

#define RECORD_MAGIC 0x534f434bu /* 'SOCK' */

static sample_record records[SAMPLE_MAX_RECORDS];

sample_record *sample_record_new(ULONG_PTR value)
{
    for (int i = 0; i < SAMPLE_MAX_RECORDS; i++)
        if (InterlockedCompareExchange(&records[i].used, 1, 0) == 0) {
            records[i].magic = RECORD_MAGIC;
            records[i].handle = INVALID_SOCKET;
            records[i].value = value;
            return &records[i];
        }
    return NULL;
}

void sample_record_free(sample_record *record)
{
    record->magic = 0;
    InterlockedExchange(&record->used, 0);
}

sample_record *sample_record_checked(DWORD_PTR context, SOCKET handle)
{
    sample_record *r = (sample_record *)context;
    BOOL ours = r >= records && r < records + SAMPLE_MAX_RECORDS;
    return ours && r->used && r->magic == RECORD_MAGIC && r->handle == handle ? r : NULL;
}

sample_record *sample_record_of(SOCKET handle)
{
    for (int i = 0; i < SAMPLE_MAX_RECORDS; i++)
        if (records[i].used && records[i].magic == RECORD_MAGIC && records[i].handle == handle)
            return &records[i];
    return NULL;
}
