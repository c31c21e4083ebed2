package dev.wpuscope.bench;

import dev.wpuscope.trace.io.CallView;
import dev.wpuscope.trace.io.CallViewListener;
import dev.wpuscope.trace.io.DowncallView;
import dev.wpuscope.trace.io.UpcallView;
import dev.wpuscope.trace.model.TraceRecord;

/**
 * A listener that reads every field of every call the decoder passes as a view (and adds them up, so that no
 * read can be left out by the compiler): decoding measured with nothing left undone, without a store behind it.
 */
final class FieldSum implements CallViewListener {

    long sum;

    @Override
    public void onUpcall(UpcallView upcall, int length) {
        sum += common(upcall) + upcall.upcallNumber() + upcall.callerModuleId() + upcall.callerAddress()
                + upcall.upcallFlags() + upcall.parentCallIdOrZero() + length;
    }

    @Override
    public void onDowncall(DowncallView downcall, int length) {
        sum += common(downcall) + downcall.functionNumber() + downcall.callId() + downcall.servedEntryId()
                + downcall.socket() + downcall.callFlags() + downcall.parentCallIdOrZero() + downcall.data().length
                + length;
    }

    @Override
    public void onRecord(TraceRecord record, int length) {
        sum += length;
    }

    private static long common(CallView call) {
        long s = call.offset() + call.pid() + call.sequence() + call.tid() + call.startTicks() + call.durationTicks()
                + call.result() + call.error() + call.text().length();
        for (int i = 0, n = call.argCount(); i < n; i++) {
            s += call.arg(i);
        }
        return s;
    }
}
