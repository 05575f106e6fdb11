package cn.yiyang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Every ID number and phone the tests hand out, appended to {@code target/test-pii/issued.txt},
 * so the log scan can look for exactly these values in everything the suite logged.
 */
public final class IssuedPii {

    public static final Path FILE = Path.of("target", "test-pii", "issued.txt");

    private IssuedPii() {
    }

    public static synchronized String remember(String value) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return value;
    }

    public static List<String> all() {
        try {
            return Files.exists(FILE) ? Files.readAllLines(FILE, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
