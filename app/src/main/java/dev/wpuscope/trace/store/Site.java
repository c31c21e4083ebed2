package dev.wpuscope.trace.store;

/** Where a call came from: process, thread, module and return address (rows share these). */
record Site(int process, int tid, int module, long callerAddress) {

    // Written out: interning a site is on the hot path of every append.
    @Override
    public boolean equals(Object o) {
        return o instanceof Site s && s.process == process && s.tid == tid && s.module == module
                && s.callerAddress == callerAddress;
    }

    @Override
    public int hashCode() {
        int h = process * 31 + tid;
        h = h * 31 + module;
        return h * 31 + Long.hashCode(callerAddress);
    }
}
