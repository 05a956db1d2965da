package io.jobemu.contract.realflink;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobemu.contract.parity.AllowList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** README's parity table and {@link FlinkParityAllowList} name the same entries, with the same reasons. */
class ReadmeShowsTheAllowListTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|.*\\| (.+) \\|$");

    @Test
    void readmeListsEveryEntryAndNoOther() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher rows = ROW.matcher(readme);
        List<String> named = rows.results().map(row -> row.group(1)).collect(Collectors.toList());
        List<AllowList.Entry> entries = FlinkParityAllowList.ENTRIES.entries();
        assertThat(named).containsExactlyElementsOf(entries.stream().map(AllowList.Entry::name).toList());
        for (AllowList.Entry entry : entries) {
            String row = ROW.matcher(readme).results().filter(match -> match.group(1).equals(entry.name()))
                    .findFirst().orElseThrow().group(2);
            assertThat(plain(row)).as(entry.name()).contains(plain(entry.reason()));
            assertThat(row.contains("*Pending emulator fix.*")).as(entry.name()).isEqualTo(entry.pendingFix());
        }
    }

    /** The text without markup or quotes, as README and code write them differently. */
    private static String plain(String text) {
        return text.replace("*Pending emulator fix.* ", "").replaceAll("[`\"]", "");
    }
}
