package dev.wpuscope.trace.model;

/**
 * Which load session of which process a 1.1 PROCESS_HELLO begins (trace format §4): ws2_32 unloads the
 * providers at the last WSACleanup and loads them again at the next use, and each time the tracer starts
 * again it says hello with the same process start time and the next number.
 *
 * @param processStartFiletime when the process was created (FILETIME); with the pid it identifies the process
 * @param number               1 for the first time the tracer started in the process, 2 for the next, ...
 */
public record LoadSession(long processStartFiletime, int number) {
}
