package io.jobemu.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobemu.core.faults.PathGlob;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fault path globs: their meaning, their bounds, and a match cost that no glob can blow up. */
class PathGlobTest {

    @Test
    void aSingleStarStaysWithinASegmentAndADoubleStarCrossesThem() {
        PathGlob status = PathGlob.compile("/jobs/*/status");
        PathGlob anyJob = PathGlob.compile("/jobs/**");

        assertThat(status.matches("/jobs/abc/status")).isTrue();
        assertThat(status.matches("/jobs//status")).isTrue();
        assertThat(status.matches("/jobs/a/b/status")).isFalse();
        assertThat(status.matches("/jobs/abc/statusx")).isFalse();
        assertThat(anyJob.matches("/jobs/")).isTrue();
        assertThat(anyJob.matches("/jobs/a/b/c")).isTrue();
        assertThat(anyJob.matches("/jars/a")).isFalse();
        assertThat(PathGlob.compile("/**").matches("/")).isTrue();
        assertThat(PathGlob.compile("/a.b").matches("/axb")).isFalse();
        assertThat(PathGlob.compile("/*/**/x").matches("/a/x")).isFalse();
        assertThat(PathGlob.compile("/*/**/x").matches("/a//x")).isTrue();
    }

    @Test
    void matchesWhatTheEquivalentRegexMatchesOnRandomGlobsAndPaths() {
        Random random = new Random(42);
        String alphabet = "ab/";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder glob = new StringBuilder("/");
            StringBuilder regex = new StringBuilder("/");
            boolean afterWildcard = false;
            for (int i = random.nextInt(8); i > 0; i--) {
                // stars written next to each other read as one wildcard, so wildcards alternate with literals
                int kind = afterWildcard ? 2 + random.nextInt(3) : random.nextInt(5);
                afterWildcard = kind < 2;
                switch (kind) {
                    case 0 -> {
                        glob.append('*');
                        regex.append("[^/]*");
                    }
                    case 1 -> {
                        glob.append("**");
                        regex.append(".*");
                    }
                    default -> {
                        char c = alphabet.charAt(random.nextInt(alphabet.length()));
                        glob.append(c);
                        regex.append(Pattern.quote(String.valueOf(c)));
                    }
                }
            }
            StringBuilder path = new StringBuilder("/");
            for (int i = random.nextInt(10); i > 0; i--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(PathGlob.compile(glob.toString()).matches(path.toString()))
                    .as(glob + " against " + path)
                    .isEqualTo(Pattern.matches(regex.toString(), path));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aGlobThatWouldMakeARegexBacktrackMatchesInLinearTime() {
        PathGlob glob = PathGlob.compile("/**a**a**a**a**a**a**a**a**a**a**b");
        String longPath = "/" + "a".repeat(100_000);

        for (int i = 0; i < 100; i++) {
            assertThat(glob.matches(longPath)).isFalse();
        }
        assertThat(glob.matches(longPath + "b")).isTrue();
        assertThat(PathGlob.compile("/" + "*a".repeat(250)).matches(longPath)).isTrue();
    }

    @Test
    void aGlobTooLongOrWithThreeStarsInARowIsRefused() {
        assertThatThrownBy(() -> PathGlob.compile("/" + "a".repeat(PathGlob.MAX_LENGTH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path glob must be at most 512 characters, got 513");
        assertThatThrownBy(() -> PathGlob.compile("/jobs/***"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path glob \"/jobs/***\" has 3 * in a row: use * within a segment or ** across segments");
        assertThat(PathGlob.compile("/" + "a".repeat(PathGlob.MAX_LENGTH - 1)).matches("/" + "a".repeat(511)))
                .isTrue();
    }
}
