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
