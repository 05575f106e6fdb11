package cn.yiyang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every log file a module's tests wrote and reports each line holding personal data: any
 * ID number or phone the tests issued ({@link IssuedPii}), and any 18-character string with a
 * valid GB 11643 check digit.
 */
public final class LogLeakScan {

    /** Where Quarkus tests write their log files ({@code quarkus.log}, then rotated copies). */
    public static final Path LOG_DIRECTORY = Path.of("target");
    private static final String LOG_FILE_PREFIX = "quarkus.log";
    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");

    private LogLeakScan() {
    }

    public record Result(int files, long lines, List<String> leaks) {
    }

    public static Result scan(Path directory, List<String> issued) {
        Set<String> secrets = new HashSet<>(issued);
        List<String> leaks = new ArrayList<>();
        int files = 0;
        long lines = 0;
        try (Stream<Path> paths = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
            for (Path file : paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith(LOG_FILE_PREFIX)).sorted().toList()) {
                files++;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    lines++;
                    String leak = leakIn(line, secrets);
                    if (leak != null && leaks.size() < 20) {
                        leaks.add(file.getFileName() + ": " + leak);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(files, lines, leaks);
    }

    /** Null when the line is clean; otherwise which kind of value leaked (never the value itself). */
    static String leakIn(String line, Set<String> secrets) {
        for (String secret : secrets) {
            if (!secret.isEmpty() && line.contains(secret)) {
                return "an issued " + (secret.length() == 18 ? "ID number" : "phone") + " at column " + line.indexOf(secret);
            }
        }
        Matcher m = ID_LIKE.matcher(line);
        while (m.find()) {
            String candidate = m.group().toUpperCase();
            if (TestPeople.checkDigit(candidate.substring(0, 17)) == candidate.charAt(17)) {
                return "a checksum-valid ID number at column " + m.start();
            }
        }
        return null;
    }
}
