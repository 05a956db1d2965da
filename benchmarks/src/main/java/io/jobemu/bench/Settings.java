package io.jobemu.bench;

import java.nio.file.Path;

/**
 * Where things are and how much to measure. {@code quick} shrinks every count and duration for a trial run of the
 * harness; its numbers are not the published ones.
 */
record Settings(Path repo, Path emulatorJar, Path wiremockJar, Path flinkClasspath, Path benchClasses, Path jobJar,
                Path work, Path results, boolean quick) {

    static Settings fromArgs(String[] args) {
        Path repo = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
        boolean quick = args.length > 1 && args[1].equals("--quick");
        Path target = repo.resolve("benchmarks/target");
        return new Settings(repo, repo.resolve("emulator/target/emulator.jar"),
                target.resolve("lib/wiremock-standalone.jar"), target.resolve("flink-classpath.txt"),
                target.resolve("classes"), target.resolve("bench-job.jar"), target.resolve("bench-work"),
                repo.resolve("benchmarks/results/RESULTS.md"), quick);
    }

    Settings withEmulatorJar(Path jar) {
        return new Settings(repo, jar, wiremockJar, flinkClasspath, benchClasses, jobJar, work, results, quick);
    }

    /** {@code full} in a real run, {@code trial} with --quick. */
    int count(int full, int trial) {
        return quick ? trial : full;
    }
}
