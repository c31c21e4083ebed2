package dev.wpuscope.ui;

import dev.wpuscope.ui.UserMessages.UserFacingException;
import java.nio.file.Path;
import java.util.List;

/** "Demo traffic": runs the test host under Wine with the tracer writing a capture the view follows. */
final class DemoTraffic {
    private final Path repositoryRoot;

    DemoTraffic(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
    }

    /** What is missing to run the demo, each with how to get it; empty when it can run. */
    List<String> missing() {
        return List.of("The test host and tracer (wpuhost.exe, wputrace.dll) are not part of this build yet under "
                + repositoryRoot.resolve("native-hook") + ".");
    }

    /** Starts the host; returns the capture file it writes. */
    Path start() throws Exception {
        throw new UserFacingException(String.join("\n", missing()));
    }
}
