package cn.yiyang.localgateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's layering, over the compiled classes of every module (the local gateway holds them
 * all): shared code never reaches up into a function, and services and stores never see the raw
 * request path — only a function's entry classes (its {@code *Api} binding and {@code *Lambda}) and
 * the compositions (local gateway, harness) touch the gateway.
 */
class LayeringTest {

    private static final Pattern SHARED = Pattern.compile("cn/yiyang/(kernel|gateway|stores|cards|embedded|testing)/.*");
    private static final Pattern FUNCTION_REFERENCE =
            Pattern.compile("cn/yiyang/(residents|meals|bookings|timebank|funds|identity|localgateway|bench)/");
    private static final Pattern BELOW_THE_GATEWAY =
            Pattern.compile("cn/yiyang/(kernel|stores|cards|residents|meals|bookings|timebank|funds|identity)/.*");
    private static final Pattern ENTRY_CLASS = Pattern.compile(".*/[A-Za-z]+(Api|Lambda)(\\$.*)?\\.class");
    private static final String GATEWAY = "cn/yiyang/gateway/";
    private static final Pattern CARDS = Pattern.compile("cn/yiyang/cards/.*");
    private static final Pattern STORES_REFERENCE = Pattern.compile("cn/yiyang/(stores|postgres)/[A-Za-z0-9_/$]+");
    /** What the published cards may use of the stores: the table declaration and the item helpers, nothing else. */
    private static final java.util.Set<String> CARDS_MAY_USE = java.util.Set.of(
            "cn/yiyang/stores/dynamo/DynamoTable", "cn/yiyang/stores/dynamo/DynamoTables",
            "cn/yiyang/stores/dynamo/DynamoStore",
            // a card's key handed to one batch read beside the caller's own items (DynamoStore.getAll's reader)
            "cn/yiyang/stores/dynamo/BatchRead", "cn/yiyang/stores/dynamo/BatchRead$Key");
    @Test
    void sharedCode_neverReferencesAFunction() {
        Map<String, String> classes = compiledClasses();
        List<String> offenders = new ArrayList<>();
        classes.forEach((name, text) -> {
            if (SHARED.matcher(name).matches() && FUNCTION_REFERENCE.matcher(text).find()) {
                offenders.add(name);
            }
        });

        assertThat(classes).hasSizeGreaterThan(300);
        assertThat(offenders).isEmpty();
    }

    @Test
    void servicesAndStores_neverReferenceTheGateway_onlyEntryClassesDo() {
        Map<String, String> classes = compiledClasses();
        List<String> offenders = new ArrayList<>();
        classes.forEach((name, text) -> {
            if (BELOW_THE_GATEWAY.matcher(name).matches() && !ENTRY_CLASS.matcher(name).matches() && text.contains(GATEWAY)) {
                offenders.add(name);
            }
        });

        assertThat(offenders).isEmpty();
    }

    @Test
    void publishedCards_useOfTheStoresOnlyTheTableDeclaration() {
        Map<String, String> classes = compiledClasses();
        List<String> offenders = new ArrayList<>();
        classes.forEach((name, text) -> {
            if (CARDS.matcher(name).matches()) {
                java.util.regex.Matcher reference = STORES_REFERENCE.matcher(text);
                while (reference.find()) {
                    if (!CARDS_MAY_USE.contains(reference.group())) {
                        offenders.add(name + " -> " + reference.group());
                    }
                }
            }
        });

        assertThat(classes.keySet()).anyMatch(name -> CARDS.matcher(name).matches());
        assertThat(offenders).isEmpty();
    }

    /** Every main class under cn/yiyang on the class path (test classes excluded), as its constant pool's text. */
    private static Map<String, String> compiledClasses() {
        Map<String, String> classes = new TreeMap<>();
        try {
            for (URL root : Collections.list(LayeringTest.class.getClassLoader().getResources("cn/yiyang"))) {
                if (root.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    if (connection.getJarFileURL().getPath().contains("-tests.jar")) {
                        continue;
                    }
                    try (JarFile jar = new JarFile(Path.of(connection.getJarFileURL().toURI()).toFile())) {
                        jar.stream().filter(e -> e.getName().startsWith("cn/yiyang/") && e.getName().endsWith(".class"))
                                .forEach(e -> classes.put(e.getName(), read(jar, e)));
                    }
                } else if (root.getProtocol().equals("file") && !root.getPath().contains("test-classes")) {
                    Path dir = Path.of(root.toURI()).getParent().getParent();
                    try (Stream<Path> files = Files.walk(dir.resolve("cn/yiyang"))) {
                        files.filter(f -> f.toString().endsWith(".class")).forEach(f -> classes.put(
                                dir.relativize(f).toString().replace('\\', '/'), read(f)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    private static String read(JarFile jar, java.util.jar.JarEntry entry) {
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
