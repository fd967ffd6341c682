package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The golden files this module copies from core (see src/test/resources/golden/README.md) must
 * stay byte-identical to core's, so that the CLI is checked against the same reference values.
 */
class GoldenCopiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"molloy2014.json", "aloe2013.json", "edge_homogeneous.json", "edge_two_studies.json",
        "cohen1981.json", "craft2003_acog.json", "crede2010_grade.json", "synthetic_k300.json"})
    void copyEqualsCoreOriginal(String name) throws IOException {
        // Maven runs the tests in the module directory; core is its sibling.
        Path original = Path.of("..", "core", "src", "test", "resources", "golden", name);
        byte[] copy;
        try (InputStream in = GoldenCopiesTest.class.getResourceAsStream("/golden/" + name)) {
            copy = in.readAllBytes();
        }
        assertEquals(new String(Files.readAllBytes(original)), new String(copy), name);
    }
}
