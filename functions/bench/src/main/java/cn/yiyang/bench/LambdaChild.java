package cn.yiyang.bench;

import cn.yiyang.bench.FakeLambdaRuntime.Answer;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.TestKeys;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A function's JVM launched as AWS's Java runtime would launch it: {@link LambdaJavaRuntime} (in a jar of its
 * own) with the runner jar (its manifest adds lib/) on the class path, {@code -XX:+UseSerialGC} (the cold starts and
 * the throughput benchmarks add the rest of the managed runtime's options: {@link #asDeployed}; the batch
 * posting benchmark keeps a host-sized heap for its 100,000-item batches), the Lambda environment, the JWT
 * settings of the test keys, and DynamoDB pointed at the local endpoint.
 */
final class LambdaChild {

    static final String GC_FLAG = "-XX:+UseSerialGC";
    /** The JVM functions' memory in the CDK stack (YiyangStack.jvmFunction). */
    static final int FUNCTION_MEMORY_MB = 1024;
    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path runtimeJar;

    private LambdaChild() {
    }

    /** The function's process; add its own settings to {@code environment()} before starting it. */
    static ProcessBuilder builder(Path runnerJar, String functionName, String runtimeApi, String dynamoEndpoint,
                                  Path workDir) {
        List<String> command = new ArrayList<>(List.of(javaCommand(), GC_FLAG));
        command.addAll(extraJvmArgs());
        command.addAll(List.of("-Dyiyang.dynamo.endpoint=" + dynamoEndpoint,
                "-cp", runtimeJar() + File.pathSeparator + runnerJar, LambdaJavaRuntime.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = cleanEnvironment(builder);
        env.put("_HANDLER", HANDLER);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_REGION", "cn-northwest-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(FUNCTION_MEMORY_MB));
        env.put("YIYANG_JWT_KEYS_LOCATION", TestKeys.jwksFile().toUri().toString());
        env.put("YIYANG_JWT_ISSUER", Tokens.ISSUER);
        env.put("YIYANG_JWT_AUDIENCE", Tokens.AUDIENCE);
        env.put("YIYANG_COUNTIES", StoresTestResource.SERVED_COUNTIES);
        // Local tables and schemas are made by the first launch; in AWS by the stack and its deploy step.
        env.put("YIYANG_DYNAMO_CREATE_TABLES", "true");
        return builder.directory(workDir.toFile()).redirectErrorStream(true);
    }

    /**
     * What the managed Java runtime (java17, java21) starts the JVM with, sized from the function's memory:
     * heap 85 %, metaspace 10 %, code cache 5 % (with the serial collector already there), C1 only (the runtime's default since
     * java17; the stack sets it too). {@code -XX:MaxRAM} stands for the microVM, whose RAM is the function's
     * memory: the JVM sizes its initial heap from it (1/64, 16 MB at 1 GB), where on this host it would start
     * with 1/64 of the host's RAM and collect nothing before the first answer, its start-up garbage all resident.
     */
    static ProcessBuilder asDeployed(ProcessBuilder builder) {
        builder.command().addAll(1, awsRuntimeJvmArgs(FUNCTION_MEMORY_MB));
        return builder;
    }

    static List<String> awsRuntimeJvmArgs(int memoryMb) {
        long memoryKb = memoryMb * 1024L;
        return List.of("-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxHeapSize=" + memoryKb * 85 / 100 + "k",
                "-XX:MaxMetaspaceSize=" + memoryKb * 10 / 100 + "k", "-XX:ReservedCodeCacheSize=" + memoryKb * 5 / 100 + "k",
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true");
    }

    /**
     * The native executable as provided.al2023 runs it ({@code bootstrap}): no JVM, signal handlers
     * off as the CDK stack sets them, the native Lambda's memory size.
     */
    static ProcessBuilder nativeBuilder(Path executable, String functionName, String dynamoEndpoint, Path workDir) {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(),
                "-Dyiyang.dynamo.endpoint=" + dynamoEndpoint);
        Map<String, String> env = cleanEnvironment(builder);
        env.put("DISABLE_SIGNAL_HANDLERS", "true");
        env.put("AWS_REGION", "cn-northwest-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
        env.put("YIYANG_DYNAMO_CREATE_TABLES", "true");
        env.put("YIYANG_JWT_KEYS_LOCATION", TestKeys.jwksFile().toUri().toString());
        env.put("YIYANG_JWT_ISSUER", Tokens.ISSUER);
        env.put("YIYANG_JWT_AUDIENCE", Tokens.AUDIENCE);
        return builder.directory(workDir.toFile()).redirectErrorStream(true);
    }

    /**
     * {@code -Dyiyang.harness.child-jvm-args="-XX:TieredStopAtLevel=1 -Xshare:auto"}: JVM options for
     * every launched function (the bare baseline too), to try a Lambda JVM setting in the same run.
     */
    static List<String> extraJvmArgs() {
        String args = System.getProperty("yiyang.harness.child-jvm-args", "").strip();
        return args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
    }

    /** Points the function at the PostgreSQL server the stores answered (LocalStores' configuration). */
    static void usePostgres(ProcessBuilder builder, Map<String, String> stores) {
        Map<String, String> env = builder.environment();
        env.put("YIYANG_PG_URL", stores.get("quarkus.datasource.reactive.url"));
        env.put("YIYANG_PG_USER", pgUser(stores));
        env.put("YIYANG_PG_PASSWORD", pgPassword(stores));
    }

    static String pgUser(Map<String, String> stores) {
        return stores.getOrDefault("quarkus.datasource.username", "postgres");
    }

    static String pgPassword(Map<String, String> stores) {
        return stores.getOrDefault("quarkus.datasource.password", "");
    }

    /** Waits at most {@code seconds} for an answer, failing early if the process dies. */
    static Answer await(CompletableFuture<Answer> future, Process process, Path log, long seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            try {
                return future.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Lambda exited with " + process.exitValue()
                            + " before answering; see " + log);
                }
            }
        }
        throw new IllegalStateException("no answer from the Lambda within " + seconds + " s; see " + log);
    }

    /** The v2 response, if it has the expected status; otherwise prints the answer and fails. */
    static JsonNode expectStatus(Answer answer, int status, Path log) throws IOException {
        JsonNode v2 = answer.error() ? null : JSON.readTree(answer.body());
        if (v2 == null || v2.path("statusCode").asInt() != status) {
            BenchMain.CONSOLE.println("Unexpected answer from the Lambda, expected statusCode " + status + " (log: " + log + "):");
            BenchMain.CONSOLE.println(answer.body());
            throw new IllegalStateException("the Lambda did not answer " + status);
        }
        return v2;
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Options from the environment would reach the child JVMs unseen: drop them. */
    static Map<String, String> cleanEnvironment(ProcessBuilder builder) {
        Map<String, String> env = builder.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        return env;
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@link LambdaJavaRuntime}'s classes in a jar of their own (target/lambda-java-runtime.jar), made once: a
     * class-data archive (AppCDS) is dumped only for a class path of jars, never of a directory with classes, and
     * is used only with the very jar (its time and size) it was dumped with.
     */
    static synchronized Path runtimeJar() {
        if (runtimeJar == null) {
            runtimeJar = writeRuntimeJar();
        }
        return runtimeJar;
    }

    private static Path writeRuntimeJar() {
        Path classes = benchClasses();
        Path jar = classes.resolveSibling("lambda-java-runtime.jar");
        String prefix = LambdaJavaRuntime.class.getSimpleName();
        Path dir = classes.resolve(LambdaJavaRuntime.class.getPackageName().replace('.', '/'));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            List<Path> own = files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
            Path tmp = java.nio.file.Files.createTempFile(jar.getParent(), "lambda-java-runtime", ".jar");
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(
                    java.nio.file.Files.newOutputStream(tmp))) {
                for (Path f : own) {
                    out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                    java.nio.file.Files.copy(f, out);
                    out.closeEntry();
                }
            }
            java.nio.file.Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** This module's classes (target/classes under exec:java). */
    static Path benchClasses() {
        try {
            return Path.of(LambdaChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
