package dev.wpuscope.catalog.pe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wpuscope.catalog.binary.WsaProtocolInfoLayoutHeaderTest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signs PE files with osslsigncode and a throwaway self-signed certificate that openssl makes in a
 * temporary directory. Tests using it are skipped with a message when either tool is missing (setup.sh
 * installs both).
 */
final class TestSigner {
    static final String SUBJECT = "/CN=wpuscope test signer/O=wpuscope tests";

    private final Path dir;
    private final Path key;
    private final Path certificate;

    private TestSigner(Path dir, Path key, Path certificate) {
        this.dir = dir;
        this.key = key;
        this.certificate = certificate;
    }

    /**
     * A signer with a new key and certificate in {@code dir}.
     *
     * @param keyAlgorithm openssl's -newkey argument, e.g. "rsa:2048" or "ec" (with {@code keyOptions})
     */
    static TestSigner create(Path dir, String keyAlgorithm, String... keyOptions) throws Exception {
        assumeTrue(WsaProtocolInfoLayoutHeaderTest.onPath("osslsigncode"), "osslsigncode is not installed (Debian package osslsigncode;"
                + " ./setup.sh installs it); skipping the signed-file tests");
        assumeTrue(WsaProtocolInfoLayoutHeaderTest.onPath("openssl"), "openssl is not installed; skipping the signed-file tests");
        Path key = dir.resolve("key.pem");
        Path certificate = dir.resolve("cert.pem");
        List<String> command = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", keyAlgorithm));
        command.addAll(List.of(keyOptions));
        command.addAll(List.of("-nodes", "-keyout", key.toString(), "-out", certificate.toString(), "-days", "30",
                "-subj", SUBJECT));
        run(dir, command);
        return new TestSigner(dir, key, certificate);
    }

    /** Signs {@code input} with the image digest {@code digest} ("sha256", "sha1", ...) into a new file. */
    Path sign(Path input, String digest, String name) throws Exception {
        Path output = dir.resolve(name);
        run(dir, List.of("osslsigncode", "sign", "-certs", certificate.toString(), "-key", key.toString(),
                "-h", digest, "-in", input.toAbsolutePath().toString(), "-out", output.toString()));
        return output;
    }

    X509Certificate certificate() throws Exception {
        try (InputStream in = Files.newInputStream(certificate)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("tool.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
                    + Files.readString(log));
        }
    }
}
