package cn.yiyang.stores.dynamo.nativeimage;

import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Delete;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import java.util.function.BooleanSupplier;
import java.util.zip.Checksum;
import software.amazon.awssdk.http.auth.aws.internal.signer.checksums.SdkCrc32CChecksum;
import software.amazon.awssdk.http.auth.aws.internal.signer.checksums.SdkCrc32Checksum;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4aHttpSigner;

/**
 * Native-image substitutions that keep the AWS Common Runtime (CRT) out of the executable. We do
 * not ship the CRT (a native library per platform, and nothing we call needs it), but a few SDK
 * 2.25 classes name CRT types in code that only runs when the CRT is present. Quarkus links every
 * type at build time, so merely reaching such code fails the build ("Discovered unresolved type
 * during parsing: software.amazon.awssdk.crt.checksums.CRC32C"). Each substitution replaces the
 * CRT branch with the SDK's own pure-Java path, which is what the JVM runs without the CRT too.
 * The Quarkiverse amazon-services extension carries the same substitutions for its SDK line.
 *
 * <p>Never loaded on a JVM. {@code AwsCrtSubstitutionsTest} checks in the normal build that every
 * member named here still exists in the SDK, and that no other SDK class links the CRT.
 */
final class AwsCrtSubstitutions {

    static final String CRT_CLASS = "software.amazon.awssdk.crt.CRT";

    private AwsCrtSubstitutions() {
    }

    /** True when the CRT is not on the image's class path (always, for this project). */
    static final class CrtAbsent implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            try {
                Class.forName(CRT_CLASS, false, AwsCrtSubstitutions.class.getClassLoader());
                return false;
            } catch (ClassNotFoundException e) {
                return true;
            }
        }
    }

    @TargetClass(className = "software.amazon.awssdk.http.auth.aws.internal.signer.checksums.Crc32CChecksum",
            onlyWith = CrtAbsent.class)
    static final class Target_Crc32CChecksum {
        @Alias
        private Checksum crc32c;

        @Substitute
        Target_Crc32CChecksum() {
            crc32c = SdkCrc32CChecksum.create();
        }

        @Substitute
        private Checksum cloneChecksum(Checksum checksum) {
            return ((SdkCrc32CChecksum) checksum).clone();
        }
    }

    @TargetClass(className = "software.amazon.awssdk.http.auth.aws.internal.signer.checksums.Crc32Checksum",
            onlyWith = CrtAbsent.class)
    static final class Target_Crc32Checksum {
        @Alias
        private Checksum crc32;

        @Substitute
        Target_Crc32Checksum() {
            crc32 = SdkCrc32Checksum.create();
        }

        @Substitute
        private Checksum cloneChecksum(Checksum checksum) {
            return ((SdkCrc32Checksum) checksum).clone();
        }
    }

    /** SigV4a signing exists only with the CRT; DynamoDB in one region never asks for it. */
    @TargetClass(className = "software.amazon.awssdk.http.auth.aws.signer.AwsV4aHttpSigner", onlyWith = CrtAbsent.class)
    static final class Target_AwsV4aHttpSigner {
        @Substitute
        public static AwsV4aHttpSigner create() {
            throw new UnsupportedOperationException("SigV4a signing needs the AWS CRT, which this executable leaves out");
        }
    }

    /** The CRT signer and everything behind it: a build error, not a crash, if anything still reaches it. */
    @TargetClass(className = "software.amazon.awssdk.http.auth.aws.crt.internal.signer.DefaultAwsCrtV4aHttpSigner",
            onlyWith = CrtAbsent.class)
    @Delete
    static final class Delete_DefaultAwsCrtV4aHttpSigner {
    }
}
