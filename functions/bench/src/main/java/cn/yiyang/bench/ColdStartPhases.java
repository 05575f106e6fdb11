package cn.yiyang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one launch's time to its first answer goes: the milestones {@link LambdaJavaRuntime} prints
 * (JVM uptime and classes loaded at main, when the handler is made, at the first event and at its
 * answer), Quarkus' own start-up step times ({@code -Dquarkus.debug.print-startup-times=true}) summed
 * by what they start, and the classes loaded ({@code -Xlog:class+load}) by library, in the init and in the
 * first request. Read from an extra launch made for it: its logging slows it, so its times are not the
 * measured cold start, but its class counts are exact and its shares show where the time goes.
 */
record ColdStartPhases(String function, Map<String, Long> milestoneMs, Map<String, Long> milestoneClasses,
                       Map<String, Double> stepMs, Map<String, int[]> classesByLibrary) {

    /** The JVM options of the launch that reports its phases, its class loads logged to {@code classLog}. */
    static List<String> jvmArgs(Path classLog) {
        return List.of("-D" + LambdaJavaRuntime.PHASES_PROPERTY + "=true", "-Dquarkus.debug.print-startup-times=true",
                "-Xlog:class+load=info:file=" + classLog + ":uptime");
    }

    static final List<String> MILESTONES = List.of("main", "init-done", "first-event", "first-answer");
    /** Quarkus' start-up steps, by the first of these words their recorder's name contains. */
    private static final Map<String, String> STEP_GROUPS = groups(
            "hibernate", "Hibernate ORM/Reactive",
            "reactive.pg", "PostgreSQL pool",
            "reactive.datasource", "PostgreSQL pool",
            "datasource", "PostgreSQL pool",
            "jwt", "SmallRye JWT",
            "vertx", "Vert.x/Netty",
            "netty", "Vert.x/Netty",
            "lifecycle", "startup beans (StartupEvent)",
            "preload", "class preloading (SnapStart)",
            "arc", "CDI (ArC)");
    static final String OTHER_STEPS = "other Quarkus steps";
    /** Libraries by package prefix, in order: the first match names a class's library. */
    private static final Map<String, String> LIBRARIES = groups(
            "org.hibernate.", "Hibernate",
            "io.vertx.sqlclient", "PostgreSQL client",
            "io.vertx.pgclient", "PostgreSQL client",
            "io.vertx.mutiny.sqlclient", "PostgreSQL client",
            "io.vertx.mutiny.pgclient", "PostgreSQL client",
            "io.quarkus.reactive", "PostgreSQL client",
            "io.vertx.", "Vert.x/Netty",
            "io.netty.", "Vert.x/Netty",
            "software.amazon.", "AWS SDK",
            "org.jose4j.", "JWT",
            "io.smallrye.jwt.", "JWT",
            "io.quarkus.smallrye.jwt.", "JWT",
            "com.fasterxml.", "Jackson",
            "cn.yiyang.", "Yiyang",
            "io.quarkus.", "Quarkus/CDI/config",
            "io.smallrye.", "Quarkus/CDI/config",
            "org.jboss.", "Quarkus/CDI/config",
            "java.", "JDK",
            "javax.", "JDK",
            "jdk.", "JDK",
            "sun.", "JDK",
            "com.sun.", "JDK");
    static final String OTHER_LIBRARY = "other";
    private static final Pattern STEP = Pattern.compile("Build step (\\S+) completed in: (\\d+)ms");
    private static final Pattern CLASS_LOAD = Pattern.compile("^\\[(\\d+\\.\\d+)s\\](?:\\[[^\\]]*\\])* (\\S+) source:");

    static ColdStartPhases read(String function, Path childLog, Path classLog) throws IOException {
        Map<String, Long> ms = new LinkedHashMap<>();
        Map<String, Long> classes = new LinkedHashMap<>();
        Map<String, Double> steps = new LinkedHashMap<>();
        for (String line : Files.readAllLines(childLog)) {
            if (line.startsWith(LambdaJavaRuntime.PHASE_PREFIX)) {
                String[] parts = line.substring(LambdaJavaRuntime.PHASE_PREFIX.length()).trim().split(" ");
                ms.put(parts[0], Long.parseLong(parts[1]));
                classes.put(parts[0], Long.parseLong(parts[2]));
                continue;
            }
            Matcher step = STEP.matcher(line);
            if (step.find()) {
                steps.merge(stepGroup(step.group(1)), Double.parseDouble(step.group(2)), Double::sum);
            }
        }
        if (!ms.keySet().containsAll(MILESTONES)) {
            throw new IllegalStateException("the phases launch printed " + ms.keySet() + ", not all of " + MILESTONES
                    + "; see " + childLog);
        }
        return new ColdStartPhases(function, ms, classes, steps, librariesLoaded(classLog, ms.get("init-done")));
    }

    /** Per library: classes loaded up to the end of the init, and after it up to the first answer. */
    private static Map<String, int[]> librariesLoaded(Path classLog, long initDoneMs) throws IOException {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(classLog)) {
            Matcher load = CLASS_LOAD.matcher(line);
            if (load.find()) {
                boolean inInit = Double.parseDouble(load.group(1)) * 1000 <= initDoneMs;
                counts.computeIfAbsent(library(load.group(2)), k -> new int[2])[inInit ? 0 : 1]++;
            }
        }
        return counts;
    }

    long span(String from, String to) {
        return milestoneMs.get(to) - milestoneMs.get(from);
    }

    long classesBetween(String from, String to) {
        return milestoneClasses.get(to) - milestoneClasses.get(from);
    }

    static String stepGroup(String stepName) {
        String lower = stepName.toLowerCase(java.util.Locale.ROOT);
        return STEP_GROUPS.entrySet().stream().filter(e -> lower.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(OTHER_STEPS);
    }

    static String library(String className) {
        return LIBRARIES.entrySet().stream().filter(e -> className.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(OTHER_LIBRARY);
    }

    private static Map<String, String> groups(String... keysAndNames) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            groups.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return groups;
    }
}
