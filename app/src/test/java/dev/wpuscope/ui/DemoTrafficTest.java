package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo traffic with a fake host (a shell script) in place of wpuhost.exe under Wine. */
class DemoTrafficTest {
    @TempDir
    Path dir;
    private DemoTraffic demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.stop();
        }
    }

    private DemoTraffic demoRunning(String script) throws Exception {
        Path host = dir.resolve("host.sh");
        Files.writeString(host, "#!/bin/sh\n" + script + "\n");
        demo = new DemoTraffic(dir, Map.of(), dir.resolve("demos"), List.of("/bin/sh", host.toString()));
        assertEquals(List.of(), demo.missing());
        return demo;
    }

    private String failureOf(DemoTraffic started, Duration timeout) throws Exception {
        CompletableFuture<String> message = new CompletableFuture<>();
        Path capture = started.start();
        started.watchForFailure(capture, timeout, message::complete);
        return message.get(60, TimeUnit.SECONDS);
    }

    @Test
    void aHostThatExitsWithAnErrorIsReportedWithItsLastOutputLines() throws Exception {
        String message = failureOf(demoRunning(
                "for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do echo line $i; done\n"
                        + "echo 'err:module:import_dll Library wputrace.dll not found' >&2\nexit 3"), Duration.ofMinutes(5));
        assertTrue(message.startsWith("The test host exited with code 3 before writing a capture."), message);
        assertTrue(message.endsWith("line 14\nerr:module:import_dll Library wputrace.dll not found"), message);
        assertFalse(message.contains("line 3\n"), "only the last " + DemoTraffic.OUTPUT_LINES + " lines: " + message);
    }

    @Test
    void aHostThatWritesNoCaptureInTimeIsStoppedAndReported() throws Exception {
        DemoTraffic started = demoRunning("echo waiting for nothing\nexec sleep 600");
        String message = failureOf(started, Duration.ofMillis(300));
        assertTrue(message.startsWith("The test host wrote no capture within 0 s, so it was stopped"), message);
        assertTrue(message.endsWith("waiting for nothing"), message);
        for (int i = 0; i < 100 && started.isRunning(); i++) {
            Thread.sleep(50);
        }
        assertFalse(started.isRunning());
    }

    @Test
    void aHostThatWritesItsCaptureIsNotReported() throws Exception {
        DemoTraffic started = demoRunning("printf WPUTRACE > \"$WPUSCOPE_TRACE_FILE\"\nexit 0");
        CompletableFuture<String> message = new CompletableFuture<>();
        Path capture = started.start();
        started.watchForFailure(capture, Duration.ofMillis(200), message::complete);
        for (int i = 0; i < 100 && started.isRunning(); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(400);
        assertFalse(message.isDone(), () -> message.join());
        assertEquals("WPUTRACE", Files.readString(capture));
    }

    @Test
    void aNewDemoDeletesTheCapturesOfEarlierDemos() throws Exception {
        DemoTraffic started = demoRunning("printf x > \"$WPUSCOPE_TRACE_FILE\"");
        Path first = started.start();
        started.stop();
        Path second = started.start();
        assertFalse(Files.exists(first.getParent()), "the first demo's directory is gone");
        assertTrue(Files.isDirectory(second.getParent()));
        assertEquals(dir.resolve("demos"), second.getParent().getParent());
    }

    @Test
    void demoCapturesGoToAPerUserDirectory() {
        Path root = DemoTraffic.userDemoRoot();
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")), root.getParent());
        assertTrue(root.getFileName().toString().startsWith("wpuscope-demo-"));
    }
}
