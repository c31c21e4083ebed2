/* Runs every suite of the portable core. Usage: wpt_tests GOLDEN_DIR [LABEL] */
#include <stdio.h>

#include "wpt_test.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: wpt_tests GOLDEN_DIR [LABEL]\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IONBF, 0);
    test_crc32();
    test_encode(argv[1]);
    test_decode(argv[1]);
    test_ring();
    test_record();
    test_flusher();
    test_clock();
    return wpt_test_summary(argc > 2 ? argv[2] : "native");
}
