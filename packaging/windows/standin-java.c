/* A stand-in java.exe / javaw.exe for the launcher checks (windows/verify-zip.sh, under Wine): answers
 * "-version" like the Java it was built as (-DJAVA_VERSION="11.0.22"), otherwise prints each argument it was
 * given as [arg], one a line, to stdout and to the file %WPUSCOPE_STANDIN_LOG% when that is set (javaw has no
 * console), and exits with 7 so that the checks see the launcher pass the exit code on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef JAVA_VM /* a 32-bit Java's says "Server VM" or "Client VM" */
#define JAVA_VM "64-Bit Server VM"
#endif
#ifndef JAVA_VERSION
#define JAVA_VERSION "17.0.9"
#endif

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "-version") == 0) {
        fprintf(stderr, "openjdk version \"%s\" 2024-01-16\nOpenJDK Runtime Environment (build %s+7)\n"
                        "OpenJDK " JAVA_VM " (build %s+7, mixed mode)\n", JAVA_VERSION, JAVA_VERSION, JAVA_VERSION);
        return 0;
    }
    const char *log_path = getenv("WPUSCOPE_STANDIN_LOG");
    FILE *log = log_path ? fopen(log_path, "w") : NULL;
    for (int i = 1; i < argc; i++) {
        printf("[%s]\n", argv[i]);
        if (log) fprintf(log, "[%s]\n", argv[i]);
    }
    if (log) fclose(log);
    return 7;
}
