package dev.berth.cli.wiring;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a configuration directory could hold a backend block, without parsing it. */
final class BackendScan {
    private BackendScan() {
    }

    static boolean mentionsBackend(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{tf,hcl}")) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && Files.readString(f).contains("backend")) return true;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // Unreadable files are the configuration loader's to report.
            return false;
        }
        return false;
    }
}
