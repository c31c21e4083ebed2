package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceRecord;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * What a followed capture file goes through in the churn tests (issue 12): recorded captures written in
 * chunks that cut records, the file truncated and written again, rotated away with a new file under its
 * name, deleted and created again. After each chunk it waits until the follower shows the upcalls complete
 * so far; before changing the file under the follower it gives the follower time to read the end (the
 * goodbye after the last upcall), so that every report the follower makes is a true one.
 */
public final class CaptureChurn {

    /** The contents the file holds one after the other (each a complete capture with its goodbye). */
    public static final List<String> GENERATIONS = List.of("scenario-all-x64", "crossthread-x64",
            "scenario-all-ifs-x64", "scenario-all-x64");
    /** How the follower must see the file change between the generations. */
    public static final List<FileRestart.Change> CHANGES = List.of(FileRestart.Change.SHRANK,
            FileRestart.Change.REPLACED, FileRestart.Change.REPLACED);

    private static final long CATCH_UP_MILLIS = 20_000;
    private static final long READ_THE_END_MILLIS = 500;

    private final Path file;
    private final IntSupplier upcallsShown;
    private final Random random = new Random(12);
    private int shownBefore;

    /** @param upcallsShown how many upcalls the follower has shown so far (called from this thread) */
    public CaptureChurn(Path file, IntSupplier upcallsShown) {
        this.file = file;
        this.upcallsShown = upcallsShown;
    }

    /** Writes every generation, changing the file between them as {@link #CHANGES} says. */
    public void run() throws Exception {
        write(GENERATIONS.get(0));
        Files.write(file, new byte[0]); // truncated, then written again
        write(GENERATIONS.get(1));
        Files.move(file, file.resolveSibling(file.getFileName() + ".1")); // rotated
        write(GENERATIONS.get(2));
        Files.delete(file); // deleted and created again
        write(GENERATIONS.get(3));
    }

    /** Every upcall of the generations in order, as the whole files give them. */
    public static List<TraceRecord.UpcallEvent> allUpcalls() throws TraceReadException {
        List<TraceRecord.UpcallEvent> all = new ArrayList<>();
        for (String name : GENERATIONS) {
            TraceReader.read(RecordedCaptures.path(name), (record, length) -> {
                if (record instanceof TraceRecord.UpcallEvent upcall) {
                    all.add(upcall);
                }
            });
        }
        return all;
    }

    private void write(String name) throws Exception {
        byte[] bytes = RecordedCaptures.bytes(name);
        List<Long> upcallEnds = new ArrayList<>();
        TraceReader.read(RecordedCaptures.path(name), (record, length) -> {
            if (record instanceof TraceRecord.UpcallEvent) {
                upcallEnds.add(record.offset() + length);
            }
        });
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int written = 0; written < bytes.length; ) {
                int chunk = Math.min(bytes.length - written, 1 + random.nextInt(300));
                out.write(bytes, written, chunk);
                out.flush();
                written += chunk;
                long complete = written;
                awaitShown(shownBefore + (int) upcallEnds.stream().filter(end -> end <= complete).count());
            }
        }
        shownBefore += upcallEnds.size();
        Thread.sleep(READ_THE_END_MILLIS);
    }

    private void awaitShown(int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + CATCH_UP_MILLIS;
        while (upcallsShown.getAsInt() < expected) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the follower shows " + upcallsShown.getAsInt() + " upcalls, not " + expected);
            }
            Thread.sleep(2);
        }
    }
}
