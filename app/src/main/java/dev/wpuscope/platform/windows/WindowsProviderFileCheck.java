package dev.wpuscope.platform.windows;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.platform.ProviderFileDetails;
import dev.wpuscope.platform.TrustCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider DLL checks on the live Windows machine: expands {@code %VARIABLES%} like
 * ExpandEnvironmentStrings (unknown ones stay as they are), resolves a bare file name (no directory) in the
 * system directory as LoadLibrary would, and applies WOW64 file-system redirection: on 64-bit Windows a
 * 32-bit process that loads {@code %SystemRoot%\System32\x.dll} gets {@code SysWOW64\x.dll}, and this
 * JVM (if it is itself 32-bit) must look at {@code Sysnative} to see the 64-bit {@code System32}. The file
 * found is read by the pure PE reader (version, signer, offline signature checks) and judged by WinVerifyTrust.
 */
public final class WindowsProviderFileCheck implements ProviderFileCheck {

    private static final Pattern VARIABLE = Pattern.compile("%([^%]+)%");

    private final Map<String, String> environment;
    private final boolean jvmIs64Bit;
    private final boolean windowsIs64Bit;
    private final Predicate<String> fileExists;
    private final TrustCheck trust;

    /**
     * @param environment    environment variables (names compared case-insensitively, as on Windows)
     * @param jvmIs64Bit     whether the checking process is 64-bit
     * @param windowsIs64Bit whether Windows is 64-bit (has a WOW64 catalog)
     * @param fileExists     whether a regular file exists at a resolved Windows path
     */
    public WindowsProviderFileCheck(Map<String, String> environment, boolean jvmIs64Bit, boolean windowsIs64Bit,
                                    Predicate<String> fileExists) {
        this(environment, jvmIs64Bit, windowsIs64Bit, fileExists, TrustCheck.OFFLINE);
    }

    /**
     * @param trust the trust verdict on a resolved file (WinVerifyTrust on the live machine)
     * @see #WindowsProviderFileCheck(Map, boolean, boolean, Predicate)
     */
    public WindowsProviderFileCheck(Map<String, String> environment, boolean jvmIs64Bit, boolean windowsIs64Bit,
                                    Predicate<String> fileExists, TrustCheck trust) {
        TreeMap<String, String> env = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        env.putAll(environment);
        this.environment = env;
        this.jvmIs64Bit = jvmIs64Bit;
        this.windowsIs64Bit = windowsIs64Bit;
        this.fileExists = fileExists;
        this.trust = trust;
    }

    /** The check for this process on this machine. */
    public static WindowsProviderFileCheck forThisProcess() {
        Map<String, String> env = System.getenv();
        boolean jvm64 = "64".equals(System.getProperty("sun.arch.data.model"));
        boolean windows64 = jvm64 || env.keySet().stream().anyMatch("PROCESSOR_ARCHITEW6432"::equalsIgnoreCase);
        return new WindowsProviderFileCheck(env, jvm64, windows64, p -> Files.isRegularFile(Path.of(p)),
                new WindowsTrustCheck());
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public FileStatus check(String storedPath, Bitness catalog) {
        String resolved = resolve(storedPath, catalog);
        return new FileStatus(resolved, fileExists.test(resolved));
    }

    /** The file's version and signature, read by the PE reader, with WinVerifyTrust's verdict. */
    @Override
    public ProviderFileDetails details(String storedPath, Bitness catalog) {
        return ProviderFileDetails.read(check(storedPath, catalog), trust);
    }

    /** The path this process must look at to see the file a process of {@code catalog}'s bitness loads. */
    String resolve(String storedPath, Bitness catalog) {
        String path = expand(storedPath.trim()).replace('/', '\\');
        String systemRoot = environment.getOrDefault("SystemRoot", environment.getOrDefault("windir", "C:\\Windows"));
        String system32 = systemRoot + "\\System32\\";
        if (path.indexOf('\\') < 0) {
            path = system32 + path;
        }
        if (!path.toLowerCase(Locale.ROOT).startsWith(system32.toLowerCase(Locale.ROOT))) {
            return path;
        }
        String rest = path.substring(system32.length());
        if (catalog == Bitness.X86 && windowsIs64Bit) {
            return systemRoot + "\\SysWOW64\\" + rest;
        }
        if (catalog == Bitness.X64 && !jvmIs64Bit) {
            return systemRoot + "\\Sysnative\\" + rest;
        }
        return path;
    }

    private String expand(String path) {
        Matcher m = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
