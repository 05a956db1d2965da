package io.jobemu.contract.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.contract.Api;
import io.jobemu.contract.spec.OpenApiSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operation counts the READMEs give are the specs' own. The other checked figures live with the runs that
 * produce them: the parity run's step count in {@code RealFlinkContractTest}, the console example in
 * {@code BrokenServerTest}.
 */
class ReadmeFiguresTest {

    @Test
    void theRootReadmeCountsFlinksOperations() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(count(readme, "\\(specs/flink-rest-v1\\.yaml\\) \\((\\d+) operations\\)"))
                .isEqualTo(operations(Api.FLINK));
    }

    @Test
    void theCheckersReadmeCountsEveryApisOperations() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(count(readme, "- \\*\\*flink\\*\\* \\((\\d+) operations\\)")).isEqualTo(operations(Api.FLINK));
        assertThat(count(readme, "- \\*\\*jobserver\\*\\* \\((\\d+)\\)")).isEqualTo(operations(Api.JOBSERVER));
        assertThat(count(readme, "- \\*\\*streamkap\\*\\* \\((\\d+)\\)")).isEqualTo(operations(Api.STREAMKAP));
    }

    private static int count(String text, String regex) {
        Matcher figure = Pattern.compile(regex).matcher(text);
        assertThat(figure.find()).as("a figure matching " + regex).isTrue();
        return Integer.parseInt(figure.group(1));
    }

    private static int operations(Api api) {
        return OpenApiSpec.fromClasspath(api.specResource()).operations().size();
    }
}
