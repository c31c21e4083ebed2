package dev.wpuscope.trace.model;

/** A stream header (trace format §2). */
public record TraceHeader(
        long streamOffset,
        int major,
        int minor,
        int headerLength,
        long clockFrequency,
        long startFiletime,
        long startTicks,
        int flags) {

    private static final long HUNDRED_NANOS_PER_SECOND = 10_000_000L;

    /** Wall-clock time of a tick value, as FILETIME (100 ns since 1601 UTC). */
    public long filetimeOf(long ticks) {
        return startFiletime + ticksToHundredNanos(ticks - startTicks);
    }

    /**
     * A tick interval in 100 ns units, without overflow for any realistic clock frequency. A frequency that is
     * not positive (a damaged or hostile header) is taken as 10 MHz, so ticks count as 100 ns units. A 10 MHz clock
     * (the QueryPerformanceCounter of current Windows) takes no division: this runs twice for every stored call.
     */
    public long ticksToHundredNanos(long deltaTicks) {
        if (clockFrequency <= 0 || clockFrequency == HUNDRED_NANOS_PER_SECOND) {
            return deltaTicks;
        }
        return deltaTicks / clockFrequency * HUNDRED_NANOS_PER_SECOND
                + deltaTicks % clockFrequency * HUNDRED_NANOS_PER_SECOND / clockFrequency;
    }
}
