package cn.yiyang.infra;

import cn.yiyang.infra.Settings.CodeMode;
import cn.yiyang.infra.Settings.Runtime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.zip.ZipFile;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The code asset of one function: its {@code functions/<name>/target/function.zip} when it exists and
 * was built for the selected runtime, otherwise a placeholder.
 *
 * <p>Both Quarkus builds write the same path: a native build's zip holds a {@code bootstrap}
 * executable at its root, a JVM build's zip holds jars and classes. A native zip on the Java runtime
 * (or a JVM zip on provided.al2023) deploys but never answers, so a mismatch counts as missing.
 *
 * <p>The placeholder exists so the template can be synthesised (tests, reviews, CI) without a native
 * toolchain: {@code Code.fromInline} is not allowed for the provided runtimes, so it is a small
 * directory under {@code infra-cdk/target/placeholder-code/} holding a {@code bootstrap} that
 * exits with an error. Deploying it would serve 5xx; {@code code=require} (set in cdk.json, so the
 * CLI always uses it) refuses to synthesise instead.
 */
final class FunctionCode {

    record Resolved(Code code, Optional<String> warning) {
    }

    private FunctionCode() {
    }

    static Resolved of(Functions.Function function, Settings settings) {
        Path zip = settings.repoRoot().resolve(function.functionZip());
        if (settings.code() != CodeMode.PLACEHOLDER) {
            Optional<String> problem = problemWith(zip, settings.runtime());
            if (problem.isEmpty()) {
                return new Resolved(Code.fromAsset(zip.toString()), Optional.empty());
            }
            String message = function.name() + ": " + problem.get() + " — " + howToBuild(settings.runtime());
            if (settings.code() == CodeMode.REQUIRE) {
                throw new IllegalStateException(message);
            }
            return new Resolved(placeholder(settings), Optional.of(message + "; using a placeholder that cannot serve requests"));
        }
        return new Resolved(placeholder(settings), Optional.empty());
    }

    static Optional<String> problemWith(Path zip, Runtime runtime) {
        if (!Files.isRegularFile(zip)) {
            return Optional.of(zip + " does not exist");
        }
        boolean nativeBuild;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            nativeBuild = file.getEntry("bootstrap") != null;
        } catch (IOException e) {
            return Optional.of(zip + " is not a readable zip (" + e.getMessage() + ")");
        }
        if (runtime == Runtime.NATIVE && !nativeBuild) {
            return Optional.of(zip + " is a JVM build (no bootstrap), the native runtime needs a native build");
        }
        if (runtime == Runtime.JVM && nativeBuild) {
            return Optional.of(zip + " is a native build, the Java runtime needs a JVM build");
        }
        return Optional.empty();
    }

    private static String howToBuild(Runtime runtime) {
        return runtime == Runtime.NATIVE
                ? "build it with `mvn package -Dnative` (GRAALVM_HOME naming GraalVM/Mandrel) or `mvn package -Dnative -Dnative.container` (Docker/Podman), or deploy with -c runtime=jvm"
                : "build it with `mvn package`";
    }

    private static Code placeholder(Settings settings) {
        Path dir = settings.repoRoot().resolve("infra-cdk/target/placeholder-code");
        Path bootstrap = dir.resolve("bootstrap");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(bootstrap)) {
                Files.writeString(bootstrap, """
                        #!/bin/sh
                        echo "yiyang placeholder: this Lambda was deployed without its function.zip" >&2
                        exit 1
                        """, StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the placeholder never runs anyway
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the placeholder code under " + dir, e);
        }
        return Code.fromAsset(dir.toString());
    }
}
