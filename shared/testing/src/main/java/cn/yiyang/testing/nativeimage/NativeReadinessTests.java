package cn.yiyang.testing.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.util.GlobUtil;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked in the normal build about a function's native executable, without a native
 * toolchain. Every function module runs it as {@code NativeReadinessTest extends NativeReadinessTests}
 * over its runtime class path ({@code target/runtime-classpath.txt}, written by maven-dependency-plugin).
 */
public abstract class NativeReadinessTests {

    /** Fewer classes than this means the scan looked at the wrong class path. */
    static final int CLASSES_SCANNED_MIN = 1_000;
    static final String SDK_RESOURCES = "software/amazon/awssdk/";
    static final String MAX_HEAP_ARG = "-R:MaxHeapSize=";

    private final NativeClasspath classpath = NativeClasspath.ofThisModule();

    static boolean projectOrSdkClass(String resource) {
        return (resource.startsWith(JsonTypeScan.PROJECT_PREFIX) || resource.startsWith(SDK_RESOURCES))
                && !resource.contains("/nativeimage/");
    }

    @Test
    void noClassInitialisedAtBuildTime_holdsRandomnessASocketOrAThread() {
        Set<String> atRunTime = classpath.initialisedAtRunTime();

        NativeImageHeapScan.Report report = NativeImageHeapScan.scan(classpath.entries(),
                classpath.classNames(NativeReadinessTests::projectOrSdkClass), atRunTime);

        assertThat(report.truncated()).as("the scan saw everything").isFalse();
        assertThat(report.classesScanned()).isGreaterThan(CLASSES_SCANNED_MIN);
        assertThat(report.findings()).as("objects a native build would refuse in the image heap; initialise their "
                + "class at run time (META-INF/native-image/.../native-image.properties) or make them lazily").isEmpty();
    }

    @Test
    void everyClassNamedForRunTimeInitialisation_isOnTheClassPath() {
        Set<String> classes = classpath.classNames(r -> true);
        assertThat(classpath.initialisedAtRunTime())
                .contains("software.amazon.awssdk.services.dynamodb.DynamoDbRetryPolicy")
                .allSatisfy(name -> assertThat(classes.contains(name)
                        || classes.stream().anyMatch(c -> c.startsWith(name + "."))).as(name).isTrue());
    }

    @Test
    void everyTypeJacksonReadsOrWrites_isRegisteredForReflection() throws IOException {
        Set<String> projectClasses = classpath.classNames(r -> r.startsWith(JsonTypeScan.PROJECT_PREFIX));
        try (URLClassLoader loader = new URLClassLoader(urls(), ClassLoader.getPlatformClassLoader())) {
            JsonTypeScan.Result result = JsonTypeScan.scan(projectClasses, loader);

            assertThat(result.sinkCalls()).as("JSON reads and writes found in the bytecode").isPositive();
            assertThat(result.jsonTypes()).as("the function's own JSON types").isNotEmpty();
            assertThat(result.unregistered()).as("JSON types a native executable could not (de)serialise: "
                    + "annotate them @RegisterForReflection").isEmpty();
        }
    }

    @Test
    void theAwsSdksClassFiles_areLeftOutOfTheImage_butItsDataIsKept() throws IOException {
        List<Pattern> excludes = new ArrayList<>();
        for (String glob : mainProperties().getProperty("quarkus.native.resources.excludes", "").split(",")) {
            if (!glob.isBlank()) {
                excludes.add(Pattern.compile(GlobUtil.toRegexPattern(glob.trim())));
            }
        }
        Predicate<String> excluded = r -> excludes.stream().anyMatch(p -> p.matcher(r).matches());
        List<String> sdk = classpath.resources().stream().filter(r -> r.startsWith(SDK_RESOURCES)).toList();

        assertThat(sdk.stream().filter(r -> r.endsWith(".class"))).as("the SDK's class files").isNotEmpty().allMatch(excluded);
        assertThat(sdk.stream().filter(r -> !r.endsWith(".class")))
                .as("the SDK's data (endpoints, defaults, interceptors)").isNotEmpty().noneMatch(excluded);
    }

    @Test
    void theNativeExecutable_hasAMaxHeapForItsLambda() throws IOException {
        String args = mainProperties().getProperty("quarkus.native.additional-build-args", "");
        assertThat(Arrays.stream(args.split(",")).map(String::trim).filter(a -> a.startsWith(MAX_HEAP_ARG)))
                .as("quarkus.native.additional-build-args names " + MAX_HEAP_ARG).hasSize(1);
    }

    private static Properties mainProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private URL[] urls() {
        return classpath.entries().stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
    }
}
