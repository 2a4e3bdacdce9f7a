package dev.marketplace.billing.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationListTest {

    @Test
    void listNamesEveryMigrationScriptInOrder() throws IOException, URISyntaxException {
        List<String> listed;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/billing.list")) {
            assertNotNull(in, "billing.list missing");
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
        URL folder = getClass().getResource("/db/migration/billing");
        assertNotNull(folder, "migration folder missing");
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            onDisk = files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".sql"))
                    .sorted().toList();
        }
        assertEquals(onDisk, listed);
        for (String name : listed) {
            assertNotNull(getClass().getResource("/db/migration/billing/" + name), name);
        }
    }
}
