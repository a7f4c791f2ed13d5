package vn.childprotection.platform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file that exists while a main is ready to serve: written (atomically) once started, deleted when stopping.
 * {@code ./platform} reads it as the health of the infrastructure processes.
 */
record ReadyFile(Path path) {

    static ReadyFile of(String path) {
        return path == null || path.isBlank() ? null : new ReadyFile(Path.of(path).toAbsolutePath());
    }

    void write(String content) {
        try {
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, content + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort: ./platform also checks the process and the port
        }
    }
}
