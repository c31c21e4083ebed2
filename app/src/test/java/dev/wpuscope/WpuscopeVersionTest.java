package dev.wpuscope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.cli.WpuscopeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WpuscopeVersionTest {

    @Test
    void theVersionIsThePomsWithoutItsQualifier() throws Exception {
        // the app module takes its version from the parent
        Matcher version = Pattern.compile("<parent>[\\s\\S]*?<version>([^<-]+)[^<]*</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        org.junit.jupiter.api.Assertions.assertTrue(version.find(), "app/pom.xml names its parent's version");
        assertEquals(version.group(1), WpuscopeVersion.number());
    }

    @Test
    void theCommandLinePrintsIt() {
        StringWriter out = new StringWriter();
        var cli = WpuscopeCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("--version"));
        assertEquals("wpuscope " + WpuscopeVersion.number(), out.toString().strip());
    }
}
