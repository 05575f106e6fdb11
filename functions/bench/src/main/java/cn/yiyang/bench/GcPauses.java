package cn.yiyang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The child JVM's stop-the-world GC pauses from its unified GC log ({@code -Xlog:gc:file=…}), counted
 * between two marks: a pause stops the Lambda's thread and the event loop alike, so it lands whole in
 * the answer that was under way, the tail more than the median.
 */
record GcPauses(int count, double totalMillis, double maxMillis) {

    private static final Pattern PAUSE = Pattern.compile("Pause (?:Young|Full).* ([0-9.]+)ms$");

    /** The JVM option that writes the log this reads. */
    static String logOption(Path log) {
        return "-Xlog:gc:file=" + log;
    }

    /** Lines written so far: the mark to count from. */
    static int mark(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).size() : 0;
    }

    /** The pauses logged after the mark. */
    static GcPauses since(Path log, int mark) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        int count = 0;
        double total = 0;
        double max = 0;
        for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
            Matcher pause = PAUSE.matcher(line.strip());
            if (pause.find()) {
                double millis = Double.parseDouble(pause.group(1));
                count++;
                total += millis;
                max = Math.max(max, millis);
            }
        }
        return new GcPauses(count, total, max);
    }
}
