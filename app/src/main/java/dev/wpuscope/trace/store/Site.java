package dev.wpuscope.trace.store;

/** Where a call came from: process, thread, module and return address (rows share these, see {@link SiteTable}). */
record Site(int process, int tid, int module, long callerAddress) {

    boolean is(int process, int tid, int module, long callerAddress) {
        return this.process == process && this.tid == tid && this.module == module
                && this.callerAddress == callerAddress;
    }
}
