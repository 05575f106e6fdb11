package cn.yiyang.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The cold-start section's tables: each launch's phases, Quarkus' start-up steps, classes by library. */
final class ColdStartTables {

    private ColdStartTables() {
    }

    static String phases(List<ColdStartPhases> launches) {
        StringBuilder md = new StringBuilder("| function | JVM start → main | init: handler made (Quarkus boot) | "
                + "→ first event | first request | JVM uptime at the first answer | classes at main / after init / at the answer |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (ColdStartPhases p : launches) {
            md.append(String.format("| %s | %d ms | %d ms | %d ms | %d ms | %d ms | %,d / %,d / %,d |%n", p.function(),
                    p.milestoneMs().get("main"), p.span("main", "init-done"), p.span("init-done", "first-event"),
                    p.span("first-event", "first-answer"), p.milestoneMs().get("first-answer"),
                    p.milestoneClasses().get("main"), p.milestoneClasses().get("init-done"),
                    p.milestoneClasses().get("first-answer")));
        }
        return md.toString();
    }

    /** Quarkus' own step times (static init and, with SnapStart's full warm-up, the start), summed by group. */
    static String steps(List<ColdStartPhases> launches) {
        Set<String> groups = new LinkedHashSet<>();
        launches.forEach(p -> groups.addAll(p.stepMs().keySet()));
        StringBuilder md = new StringBuilder("| function | ").append(String.join(" | ", groups)).append(" |\n|---|");
        groups.forEach(g -> md.append("---:|"));
        md.append('\n');
        for (ColdStartPhases p : launches) {
            md.append("| ").append(p.function()).append(" |");
            for (String g : groups) {
                md.append(String.format(" %.0f ms |", p.stepMs().getOrDefault(g, 0.0)));
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** Classes loaded per library: in the init + in the first request. */
    static String libraries(List<ColdStartPhases> launches) {
        Set<String> libraries = new LinkedHashSet<>();
        launches.forEach(p -> libraries.addAll(p.classesByLibrary().keySet()));
        StringBuilder md = new StringBuilder("| function | ").append(String.join(" | ", libraries))
                .append(" | total |\n|---|");
        libraries.forEach(l -> md.append("---:|"));
        md.append("---:|\n");
        for (ColdStartPhases p : launches) {
            md.append("| ").append(p.function()).append(" |");
            int[] total = new int[2];
            for (String l : libraries) {
                int[] n = p.classesByLibrary().getOrDefault(l, new int[2]);
                total[0] += n[0];
                total[1] += n[1];
                md.append(cell(n));
            }
            md.append(cell(total)).append('\n');
        }
        return md.toString();
    }

    private static String cell(int[] initAndRequest) {
        return String.format(" %,d + %,d |", initAndRequest[0], initAndRequest[1]);
    }
}
