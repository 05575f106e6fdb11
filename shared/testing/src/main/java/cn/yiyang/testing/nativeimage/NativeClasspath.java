package cn.yiyang.testing.nativeimage;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A function's runtime class path as a native build sees it: the module's own classes and its
 * runtime dependencies (from {@code target/runtime-classpath.txt}, written by the build), never the
 * test-only jars. Lists classes and reads the native-image configuration the jars carry.
 */
public record NativeClasspath(List<Path> entries) {

    public static final Path RUNTIME_CLASSPATH_FILE = Path.of("target", "runtime-classpath.txt");
    private static final String NATIVE_IMAGE_CONFIG = "META-INF/native-image/";
    private static final String RUN_TIME_INIT = "--initialize-at-run-time=";

    /** This module's classes and its runtime dependencies. */
    public static NativeClasspath ofThisModule() {
        try {
            List<Path> entries = new ArrayList<>();
            entries.add(Path.of("target", "classes"));
            String listed = Files.readString(RUNTIME_CLASSPATH_FILE).strip();
            if (!listed.isEmpty()) {
                Arrays.stream(listed.split(File.pathSeparator)).map(Path::of).forEach(entries::add);
            }
            return new NativeClasspath(List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("no " + RUNTIME_CLASSPATH_FILE + ": the module's pom needs maven-dependency-plugin", e);
        }
    }

    /** Binary names of the classes whose resource path passes the filter, e.g. {@code cn/yiyang/}. */
    public Set<String> classNames(Predicate<String> resourcePath) {
        Set<String> names = new LinkedHashSet<>();
        for (String resource : resources()) {
            if (resource.endsWith(".class") && !resource.endsWith("module-info.class")
                    && !resource.endsWith("package-info.class") && resourcePath.test(resource)) {
                names.add(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'));
            }
        }
        return names;
    }

    /** Every resource path on the class path (classes included). */
    public List<String> resources() {
        List<String> all = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(Files::isRegularFile).forEach(f -> all.add(entry.relativize(f).toString().replace(File.separatorChar, '/')));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (entry.toString().endsWith(".jar") && Files.exists(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    jar.stream().filter(e -> !e.isDirectory()).forEach(e -> all.add(e.getName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return all;
    }

    /** The classes and packages that the jars' native-image.properties initialise at run time. */
    public Set<String> initialisedAtRunTime() {
        Set<String> names = new LinkedHashSet<>();
        for (String args : nativeImageArgs()) {
            for (String arg : args.trim().split("\\s+")) {
                if (arg.startsWith(RUN_TIME_INIT)) {
                    names.addAll(Arrays.asList(arg.substring(RUN_TIME_INIT.length()).split(",")));
                }
            }
        }
        names.remove("");
        return names;
    }

    private List<String> nativeImageArgs() {
        List<String> args = new ArrayList<>();
        for (Path entry : entries) {
            forEachNativeImageProperties(entry, in -> {
                Properties p = new Properties();
                p.load(in);
                args.add(p.getProperty("Args", ""));
            });
        }
        return args;
    }

    private interface PropertiesReader {
        void read(InputStream in) throws IOException;
    }

    private static void forEachNativeImageProperties(Path entry, PropertiesReader reader) {
        try {
            if (Files.isDirectory(entry)) {
                Path config = entry.resolve(NATIVE_IMAGE_CONFIG);
                if (Files.isDirectory(config)) {
                    try (Stream<Path> files = Files.walk(config)) {
                        for (Path f : files.filter(f -> f.getFileName().toString().equals("native-image.properties")).toList()) {
                            try (InputStream in = Files.newInputStream(f)) {
                                reader.read(in);
                            }
                        }
                    }
                }
            } else if (entry.toString().endsWith(".jar") && Files.exists(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    for (JarEntry e : jar.stream().filter(e -> e.getName().startsWith(NATIVE_IMAGE_CONFIG)
                            && e.getName().endsWith("/native-image.properties")).toList()) {
                        try (InputStream in = jar.getInputStream(e)) {
                            reader.read(in);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
