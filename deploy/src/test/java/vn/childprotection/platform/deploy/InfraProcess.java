package vn.childprotection.platform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker ({@link KafkaBrokerMain}) or the store ({@link MongoStandInMain}) as a child JVM, as {@code ./platform}
 * runs them, so that a test can stop it (SIGTERM) or kill it (SIGKILL) and start it again on the same port and data.
 */
final class InfraProcess {

    private final String name;
    private final Class<?> main;
    private final List<String> arguments;
    private final Path readyFile;
    private final Path log;
    private Process process;

    InfraProcess(String name, Class<?> main, List<String> arguments, Path readyFile, Path log) {
        this.name = name;
        this.main = main;
        this.arguments = List.copyOf(arguments);
        this.readyFile = readyFile;
        this.log = log;
    }

    /** Starts the process and waits until it wrote its ready file. */
    InfraProcess start(Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        command.addAll(List.of("--ready-file", readyFile.toString()));
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(readyFile);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(readyFile)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    /** SIGTERM and wait (the broker's controlled shutdown, the store's clean close); SIGKILL after 30 s. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }
}
