package cn.yiyang.stores.dynamo.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Delete;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What can be checked about the CRT substitutions without a native toolchain: they still fit the
 * SDK on the class path (an SDK bump that renames a field fails here, not on the native builder),
 * and they cover every SDK class that links a CRT type.
 */
class AwsCrtSubstitutionsTest {

    private static final byte[] CRT_REFERENCE = "software/amazon/awssdk/crt/".getBytes(StandardCharsets.US_ASCII);
    /** Only reached through DefaultAwsCrtV4aHttpSigner, which the substitutions delete. */
    private static final String CRT_SIGNER_PACKAGE = "software/amazon/awssdk/http/auth/aws/crt/";
    private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

    @Test
    void theCrt_isAbsent_soTheSubstitutionsApply() {
        assertThat(new AwsCrtSubstitutions.CrtAbsent().getAsBoolean()).isTrue();
    }

    @Test
    void everySubstitution_namesMembersTheSdkStillHas() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> substitution : AwsCrtSubstitutions.class.getDeclaredClasses()) {
            TargetClass target = substitution.getAnnotation(TargetClass.class);
            if (target == null) {
                continue;
            }
            Class<?> sdkClass = Class.forName(target.className(), false, getClass().getClassLoader());
            if (substitution.isAnnotationPresent(Delete.class)) {
                checked.add(sdkClass.getSimpleName());
                continue;
            }
            for (Field alias : substitution.getDeclaredFields()) {
                if (alias.isAnnotationPresent(Alias.class)) {
                    assertThat(sdkClass.getDeclaredField(alias.getName()).getType()).as(sdkClass + "." + alias.getName())
                            .isEqualTo(alias.getType());
                    checked.add(sdkClass.getSimpleName() + "." + alias.getName());
                }
            }
            for (Method method : substitution.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Substitute.class)) {
                    Method original = sdkClass.getDeclaredMethod(method.getName(), method.getParameterTypes());
                    assertThat(original.getReturnType()).as(original.toString()).isEqualTo(method.getReturnType());
                    checked.add(sdkClass.getSimpleName() + "." + method.getName());
                }
            }
            for (Constructor<?> constructor : substitution.getDeclaredConstructors()) {
                if (constructor.isAnnotationPresent(Substitute.class)) {
                    sdkClass.getDeclaredConstructor(constructor.getParameterTypes());
                    checked.add(sdkClass.getSimpleName() + ".<init>");
                }
            }
        }
        assertThat(checked).contains("Crc32CChecksum.crc32c", "Crc32CChecksum.<init>", "Crc32CChecksum.cloneChecksum",
                "Crc32Checksum.crc32", "Crc32Checksum.<init>", "Crc32Checksum.cloneChecksum",
                "AwsV4aHttpSigner.create", "DefaultAwsCrtV4aHttpSigner");
    }

    @Test
    void everySdkClassThatLinksTheCrt_isSubstitutedOrBehindTheDeletedSigner() throws IOException {
        Set<String> substituted = new TreeSet<>();
        for (Class<?> substitution : AwsCrtSubstitutions.class.getDeclaredClasses()) {
            TargetClass target = substitution.getAnnotation(TargetClass.class);
            if (target != null) {
                substituted.add(target.className().replace('.', '/') + ".class");
            }
        }
        Set<String> linkingTheCrt = sdkClassesReferencing(CRT_REFERENCE);
        assertThat(linkingTheCrt).as("the SDK classes that name a CRT type").isNotEmpty();
        assertThat(linkingTheCrt)
                .allSatisfy(name -> assertThat(substituted.contains(name) || name.startsWith(CRT_SIGNER_PACKAGE))
                        .as(name + " links the CRT: substitute it in AwsCrtSubstitutions").isTrue());

        Set<String> reachingTheSigner = sdkClassesReferencing(CRT_SIGNER_PACKAGE.getBytes(StandardCharsets.US_ASCII));
        reachingTheSigner.removeIf(name -> name.startsWith(CRT_SIGNER_PACKAGE));
        assertThat(reachingTheSigner).as("the only ways into the CRT signer").containsExactlyInAnyOrder(
                "software/amazon/awssdk/http/auth/aws/signer/AwsV4aHttpSigner.class",
                "software/amazon/awssdk/http/auth/aws/internal/signer/util/OptionalDependencyLoaderUtil.class");
    }

    private static Set<String> sdkClassesReferencing(byte[] reference) throws IOException {
        Set<String> found = new TreeSet<>();
        for (String entry : Files.readString(RUNTIME_CLASSPATH).strip().split(java.io.File.pathSeparator)) {
            if (!entry.contains("software/amazon/awssdk") || !entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                    if (e.getName().startsWith("software/amazon/awssdk/") && e.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(e)) {
                            if (contains(in.readAllBytes(), reference)) {
                                found.add(e.getName());
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
