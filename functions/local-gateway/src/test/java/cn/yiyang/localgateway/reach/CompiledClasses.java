package cn.yiyang.localgateway.reach;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The bytes of our compiled classes, as the test's class path holds them. */
final class CompiledClasses {

    private static final String OURS = "cn/yiyang/";

    private CompiledClasses() {
    }

    /** Every main class under {@code cn/yiyang} on the class path: test classes and test jars left out. */
    static List<byte[]> mainClasses(ClassLoader loader) {
        List<byte[]> classes = new ArrayList<>();
        try {
            for (URL root : Collections.list(loader.getResources(OURS.substring(0, OURS.length() - 1)))) {
                if (root.getProtocol().equals("jar")) {
                    Path jar = Path.of(((JarURLConnection) root.openConnection()).getJarFileURL().toURI());
                    if (!jar.getFileName().toString().endsWith("-tests.jar")) {
                        readJar(jar, classes);
                    }
                } else if (root.getProtocol().equals("file") && !root.getPath().contains("test-classes")) {
                    readDirectory(Path.of(root.toURI()), classes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    /** The class files of exactly these classes (their lambdas' bodies are methods inside them). */
    static List<byte[]> of(Class<?>... types) {
        List<byte[]> classes = new ArrayList<>();
        for (Class<?> type : types) {
            try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1)
                    + ".class")) {
                classes.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classes;
    }

    private static void readJar(Path path, List<byte[]> classes) throws IOException {
        try (JarFile jar = new JarFile(path.toFile())) {
            for (var entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith(OURS) && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.add(in.readAllBytes());
                    }
                }
            }
        }
    }

    private static void readDirectory(Path root, List<byte[]> classes) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes.add(Files.readAllBytes(file));
            }
        }
    }
}
