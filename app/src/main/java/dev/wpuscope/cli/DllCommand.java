package dev.wpuscope.cli;

import dev.wpuscope.platform.ProviderFileCheck.FileStatus;
import dev.wpuscope.platform.ProviderFileDescription;
import dev.wpuscope.platform.ProviderFileDetails;
import dev.wpuscope.platform.TrustCheck;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wpuscope dll <file>...}: a provider DLL's machine, version resource, signer and signature status,
 * e.g. for a DLL a customer sent: the offline checks work anywhere; trust is judged on Windows only.
 */
@Command(name = "dll",
        mixinStandardHelpOptions = true,
        description = "Print a DLL's machine (x86/x64/ARM64), version resource, Authenticode signer and signature"
                + " status: image digest and signer signature checked offline; the chain to a trusted root by"
                + " WinVerifyTrust on Windows only. Exit code 2 when a file is missing or not a PE file.")
final class DllCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DLL (or other PE) files.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TrustCheck trust = FileChecks.trust();
        int exit = 0;
        for (Path file : files) {
            ProviderFileDetails details = ProviderFileDetails.read(new FileStatus(file.toString(),
                    Files.isRegularFile(file)), trust);
            if (details.facts().isEmpty()) {
                spec.commandLine().getErr().println("wpuscope: " + details.problem().orElse(file + ": not read"));
                exit = UserErrorHandler.EXIT_BAD_INPUT;
                continue;
            }
            out.println(file);
            ProviderFilesWriter.writeLines(out, ProviderFileDescription.of(details));
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return exit;
    }
}
