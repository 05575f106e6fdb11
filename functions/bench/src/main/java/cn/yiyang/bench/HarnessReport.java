package cn.yiyang.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * What a harness run found: figures (speed, memory, throughput beside baselines) and checks (each
 * invariant PASS or FAIL with why), written as one markdown table and a PNG chart of the latencies.
 */
final class HarnessReport {

    record Figure(String section, String what, String value, String baseline) {
    }

    record Check(String section, String invariant, boolean passed, String detail) {
    }

    /** One bar group of the chart: p50 and p99 in ms. */
    record Latency(String label, double p50, double p99) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<Latency> latencies = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    /** Tables a section adds below the figures, each a markdown table under its title. */
    private final List<String> tables = new ArrayList<>();

    synchronized void figure(String section, String what, String value, String baseline) {
        figures.add(new Figure(section, what, value, baseline));
    }

    synchronized void table(String title, String markdownTable) {
        tables.add("### " + title + "\n\n" + markdownTable);
    }

    synchronized void latency(String label, double p50, double p99) {
        latencies.add(new Latency(label, p50, p99));
    }

    /** Runs one invariant check: PASS, or FAIL with what {@link Invariants.Broken} said. */
    synchronized void check(String section, String invariant, Runnable check) {
        try {
            check.run();
            checks.add(new Check(section, invariant, true, ""));
        } catch (Invariants.Broken e) {
            checks.add(new Check(section, invariant, false, e.getMessage()));
        }
    }

    synchronized void sectionFailed(String section, Exception e) {
        checks.add(new Check(section, "the section ran to its end", false, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    synchronized void sectionTook(String section, double seconds) {
        sections.add(String.format("%s %.0f s", section, seconds));
    }

    synchronized boolean allPassed() {
        return checks.stream().allMatch(Check::passed);
    }

    synchronized String markdown(String header) {
        StringBuilder md = new StringBuilder(header).append("\n\n");
        md.append("| section | figure | value | baseline in the same run |\n|---|---|---:|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.section()).append(" | ").append(f.what()).append(" | ").append(f.value()).append(" | ")
                    .append(f.baseline()).append(" |\n");
        }
        for (String table : tables) {
            md.append("\n").append(table);
        }
        md.append("\n| section | invariant | verdict |\n|---|---|---|\n");
        for (Check c : checks) {
            md.append("| ").append(c.section()).append(" | ").append(c.invariant()).append(" | ")
                    .append(c.passed() ? "PASS" : "**FAIL**: " + c.detail().replace("|", "/").replace("\n", " ")).append(" |\n");
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        md.append("\n").append(checks.size() - failed).append(" passed, ").append(failed).append(" failed\n");
        md.append("\nSections: ").append(String.join(", ", sections)).append(".\n");
        return md.toString();
    }

    synchronized void write(Path markdownFile, Path chartFile, String header) throws IOException {
        Files.writeString(markdownFile, markdown(header), StandardCharsets.UTF_8);
        ImageIO.write(chart(), "png", chartFile.toFile());
    }

    /** Horizontal bars: p50 (dark) and p99 (light) per route or path, on one ms scale. */
    private BufferedImage chart() {
        int rowHeight = 34;
        int left = 420;
        int width = 1200;
        int height = 80 + rowHeight * Math.max(1, latencies.size());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Yiyang proof harness: latency per path (ms), p50 dark, p99 light", 20, 28);
        double max = latencies.stream().mapToDouble(Latency::p99).max().orElse(1);
        double scale = (width - left - 140) / Math.max(1, max);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int y = 55;
        for (Latency l : latencies) {
            g.setColor(Color.DARK_GRAY);
            g.drawString(l.label().length() > 60 ? l.label().substring(0, 60) + "…" : l.label(), 20, y + 16);
            g.setColor(new Color(0x9ecae1));
            g.fillRect(left, y + 2, (int) Math.max(1, l.p99() * scale), 22);
            g.setColor(new Color(0x08519c));
            g.fillRect(left, y + 6, (int) Math.max(1, l.p50() * scale), 14);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.1f / %.1f", l.p50(), l.p99()), left + (int) (l.p99() * scale) + 6, y + 18);
            y += rowHeight;
        }
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.GRAY);
        g.drawLine(left, 50, left, height - 10);
        g.dispose();
        return image;
    }
}
