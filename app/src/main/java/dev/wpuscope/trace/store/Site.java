package dev.wpuscope.trace.store;

/** Where a call came from: process, thread, module and return address (rows share these). */
record Site(int process, int tid, int module, long callerAddress) {
}
