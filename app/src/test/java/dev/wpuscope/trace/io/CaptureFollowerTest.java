package dev.wpuscope.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.TraceRecord;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a capture while it grows, half records at a time. */
class CaptureFollowerTest {

    private static final byte[] BASIC = GoldenFiles.bytes("basic");
    /** A capture with another header (start time) than basic's, and longer. */
    private static final byte[] OTHER = RecordedCaptures.bytes("scenario-all-x64");

    @TempDir
    Path dir;

    @Test
    void growingFileGivesEveryRecordOnceWithHalfRecordsWaitingForTheirRest() throws Exception {
        Path file = dir.resolve("live.wputrace");
        DecodeLog log = new DecodeLog();
        List<CaptureFollower.Batch> batches = new ArrayList<>();
        List<Long> boundaries = DecodeLog.decode(BASIC).recordOffsets();
        try (CaptureFollower follower = new CaptureFollower(file, log, batches::add)) {
            assertNull(follower.poll(), "no file yet");
            int written = 0;
            for (long boundary : boundaries.subList(1, boundaries.size())) {
                int middle = (int) (written + boundary) / 2;
                append(file, written, middle);
                follower.poll();
                append(file, middle, (int) boundary);
                follower.poll();
                written = (int) boundary;
                assertEquals(boundaries.indexOf(boundary), log.records.size(), "complete records at " + boundary);
            }
            append(file, written, BASIC.length);
            assertEquals(BASIC.length - written, follower.poll().toOffset() - written);
            assertNull(follower.poll(), "nothing new");
            follower.finish();
        }
        assertEquals(DecodeLog.decode(BASIC).summary(), log.summary());
        assertEquals(BASIC.length, batches.get(batches.size() - 1).toOffset());
        assertEquals(boundaries.size(), batches.stream().mapToInt(CaptureFollower.Batch::records).sum());
        assertTrue(log.truncated.isEmpty());
    }

    @Test
    void aOneTwoCaptureFollowedInPiecesGivesWhatTheWholeFileGives() throws Exception {
        byte[] spi = GoldenFiles.bytes("spi");
        Path file = dir.resolve("spi.wputrace");
        DecodeLog log = new DecodeLog();
        try (CaptureFollower follower = new CaptureFollower(file, log, batch -> { })) {
            for (int at = 0; at < spi.length; at += 37) {
                append(file, spi, at, Math.min(spi.length, at + 37));
                follower.poll();
            }
            follower.finish();
        }
        assertEquals(DecodeLog.decode(spi).summary(), log.summary());
        assertEquals(RecordText.of(DecodeLog.decode(spi).records), RecordText.of(log.records));
    }

    @Test
    void finishReportsACaptureLeftCutInARecord() throws Exception {
        Path file = dir.resolve("cut.wputrace");
        append(file, 0, BASIC.length - 5);
        DecodeLog log = new DecodeLog();
        try (CaptureFollower follower = new CaptureFollower(file, log, b -> { })) {
            follower.poll();
            assertTrue(log.truncated.isEmpty(), "still waiting for the rest");
            follower.finish();
        }
        assertEquals(1, log.truncated.size());
    }

    @Test
    void backgroundThreadDeliversBatchesUntilClosed() throws Exception {
        Path file = dir.resolve("bg.wputrace");
        BlockingQueue<CaptureFollower.Batch> batches = new ArrayBlockingQueue<>(100);
        List<TraceRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (CaptureFollower follower = new CaptureFollower(file, (r, l) -> records.add(r), batches::add)) {
            follower.start(Duration.ofMillis(5));
            append(file, 0, 1000);
            int seen = 0;
            while (seen < 1000) {
                seen = (int) batches.poll(30, TimeUnit.SECONDS).toOffset();
            }
            append(file, 1000, BASIC.length);
            while (seen < BASIC.length) {
                seen = (int) batches.poll(30, TimeUnit.SECONDS).toOffset();
            }
        }
        assertEquals(DecodeLog.decode(BASIC).records.size(), records.size());
    }

    @Test
    void notACaptureStopsFollowingWithTheError() throws Exception {
        Path file = dir.resolve("text.wputrace");
        Files.writeString(file, "this is not a capture");
        try (CaptureFollower follower = new CaptureFollower(file, new DecodeLog(), b -> { })) {
            TraceReadException e = org.junit.jupiter.api.Assertions.assertThrows(TraceReadException.class, follower::poll);
            assertEquals(file + ": not a wpuscope capture (no WPUTRACE header)", e.getMessage());
        }
    }

    @Test
    void truncatedRewrittenReplacedAndRotatedFilesAreReadAgainFromTheirStart() throws Exception {
        Path file = dir.resolve("churn.wputrace");
        int records = DecodeLog.decode(BASIC).records.size();
        DecodeLog log = new DecodeLog();
        try (CaptureFollower follower = new CaptureFollower(file, log, b -> { })) {
            append(file, 0, BASIC.length);
            follower.poll();
            Files.write(file, new byte[0]); // truncated to 0, then the tracer writes a new capture
            follower.poll();
            append(file, 0, BASIC.length);
            follower.poll();
            assertEquals(List.of(new FileRestart(FileRestart.Change.SHRANK, BASIC.length, 0)), log.restarts);
            assertEquals(2 * records, log.records.size());

            Files.write(file, OTHER); // rewritten in place, longer than before by the next poll
            follower.poll();
            assertEquals(new FileRestart(FileRestart.Change.REWRITTEN, BASIC.length, OTHER.length), log.restarts.get(1));
            assertEquals(2 * records + DecodeLog.decode(OTHER).records.size(), log.records.size());

            Files.move(file, dir.resolve("churn.1.wputrace")); // rotated: a new file under the name
            append(file, 0, 200);
            follower.poll();
            append(file, 200, BASIC.length);
            follower.poll();
            Files.delete(file); // deleted and created again
            assertNull(follower.poll(), "waits for the name to lead to a file again");
            append(file, 0, BASIC.length);
            follower.poll();
            follower.finish();
        }
        assertEquals(4, log.restarts.size(), log.restarts.toString());
        assertEquals(4 * records + DecodeLog.decode(OTHER).records.size(), log.records.size());
        assertTrue(log.damage.isEmpty() && log.truncated.isEmpty(), log.summary());
    }

    @Test
    void aRecordCutByATruncationIsATruncatedTailOfTheOldContent() throws Exception {
        Path file = dir.resolve("cut.wputrace");
        append(file, 0, BASIC.length - 5);
        DecodeLog log = new DecodeLog();
        try (CaptureFollower follower = new CaptureFollower(file, log, b -> { })) {
            follower.poll();
            Files.write(file, new byte[0]);
            follower.poll();
            append(file, 0, BASIC.length);
            follower.poll();
            follower.finish();
        }
        assertEquals(1, log.truncated.size());
        assertEquals(1, log.restarts.size());
        assertTrue(log.damage.isEmpty());
    }

    private static void append(Path file, int from, int to) throws Exception {
        append(file, BASIC, from, to);
    }

    private static void append(Path file, byte[] data, int from, int to) throws Exception {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(data, from, to - from);
        }
    }
}
