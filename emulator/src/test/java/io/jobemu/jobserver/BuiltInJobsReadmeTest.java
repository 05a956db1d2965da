package io.jobemu.jobserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.jobserver.behaviours.BehaviourRegistry;
import io.jobemu.jobserver.behaviours.JobProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every class README's table of built-in jobs names is built in and loads into the contexts of its row. */
class BuiltInJobsReadmeTest {

    private static final String TABLE_HEADER = "| context factory | built-in job classes";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theReadmeTableNamesBuiltInClassesWithTheirContextFactories() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../README.md"));
        int header = lines.indexOf(lines.stream().filter(line -> line.startsWith(TABLE_HEADER)).findFirst()
                .orElseThrow());
        BehaviourRegistry registry = new BehaviourRegistry(Duration.ZERO);
        int checked = 0;
        for (String row : lines.subList(header + 2, lines.size())) {
            if (!row.startsWith("|")) {
                break;
            }
            String[] cells = row.split("\\|");
            List<String> factories = codes(cells[1]);
            String[] groups = cells[2].replaceAll("\\([^)]*\\)", "").split(";");
            for (int i = 0; i < factories.size(); i++) {
                String factory = factories.get(i);
                String group = groups.length == factories.size() ? groups[i] : cells[2];
                String packagePrefix = factory.startsWith("python.") ? "example_jobs." : "spark.jobserver.";
                for (String name : codes(group.replaceAll("\\([^)]*\\)", ""))) {
                    JobProgram program = registry.find(packagePrefix + name).orElseThrow(() ->
                            new AssertionError(name + " is not built in"));
                    assertThat(program.load(qualified(factory))).as(name + " in " + factory)
                            .isInstanceOf(JobProgram.Loading.Loaded.class);
                    checked++;
                }
            }
        }
        assertThat(checked).as("classes in the table").isEqualTo(36);
    }

    private static String qualified(String factory) {
        return factory.startsWith("python.") ? "spark.jobserver." + factory : "spark.jobserver.context." + factory;
    }

    private static List<String> codes(String text) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(text);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }
}
