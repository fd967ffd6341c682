package org.alliancelab.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** core's module descriptor exports every package with classes except {@code internal}. */
class ModuleDescriptorTest {
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void exportsEveryPackageButInternal() throws IOException {
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertEquals("org.alliancelab.meta", d.name());
        Set<String> packages;
        try (Stream<Path> files = Files.walk(CLASSES.resolve("org"))) {
            packages = files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("package-info.class"))
                .map(f -> CLASSES.relativize(f.getParent()).toString().replace('/', '.'))
                .collect(Collectors.toCollection(TreeSet::new));
        }
        packages.remove("org.alliancelab.meta.internal");
        Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(packages, exported);
    }
}
