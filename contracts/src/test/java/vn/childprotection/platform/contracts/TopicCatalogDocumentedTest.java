package vn.childprotection.platform.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's topic table says what the catalog says: topic, key, the one writer, the readers and the schema. */
class TopicCatalogDocumentedTest {

    private static final Path README = Path.of("..", "README.md");

    @ParameterizedTest
    @EnumSource(TopicCatalog.class)
    void the_readme_topic_table_has_a_row_matching_the_catalog_entry(TopicCatalog entry) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String rowStart = "| `" + entry.topic() + "` | " + entry.key() + " | " + entry.writer() + " | "
                + String.join(", ", entry.readers()) + " |";

        assertThat(readme).contains(rowStart);
        assertThat(readme.lines().filter(line -> line.startsWith(rowStart)).findFirst().orElseThrow())
                .contains("`" + entry.schema() + "`");
        assertThat(TopicCatalogDocumentedTest.class.getClassLoader().getResource(entry.schema())).isNotNull();
    }
}
