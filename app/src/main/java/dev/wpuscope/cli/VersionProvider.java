package dev.wpuscope.cli;

import dev.wpuscope.WpuscopeVersion;
import picocli.CommandLine;

/** {@code wpuscope --version}: the build's version from the pom. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {WpuscopeVersion.text()};
    }
}
