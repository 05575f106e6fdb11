package cn.yiyang.testing.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NativeImageHeapScanTest {

    private static final List<Path> FIXTURES = List.of(Path.of("target", "test-classes"));
    private final NativeClasspath runtime = NativeClasspath.ofThisModule();

    @Test
    void aRandomBehindAMapAndARecord_isFound_withItsPath() {
        NativeImageHeapScan.Report report = NativeImageHeapScan.scan(FIXTURES,
                List.of("cn.yiyang.testing.nativeimage.fixtures.RandomBehindAMap"), Set.of());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("java.util.Random");
            assertThat(f.path()).contains("RandomBehindAMap.BY_NAME", "[jitter]", "random");
        });
    }

    @Test
    void randomnessMadeOnlyWhenCalled_isNotAFinding() {
        NativeImageHeapScan.Report report = NativeImageHeapScan.scan(FIXTURES,
                List.of("cn.yiyang.testing.nativeimage.fixtures.RandomPerCall"), Set.of());

        assertThat(report.classesScanned()).isEqualTo(1);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aClassInitialisedAtRunTime_isNotScanned() {
        NativeImageHeapScan.Report report = NativeImageHeapScan.scan(FIXTURES,
                List.of("cn.yiyang.testing.nativeimage.fixtures.RandomBehindAMap"), Set.of("cn.yiyang.testing.nativeimage.fixtures"));

        assertThat(report.classesScanned()).isZero();
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void theSdkRetryPolicy_wouldFreezeARandom_unlessInitialisedAtRunTime() {
        String retryPolicy = "software.amazon.awssdk.services.dynamodb.DynamoDbRetryPolicy";

        NativeImageHeapScan.Report atBuildTime = NativeImageHeapScan.scan(runtime.entries(), List.of(retryPolicy), Set.of());

        assertThat(atBuildTime.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("java.util.Random");
            assertThat(f.path()).contains("BACKOFF_STRATEGY", "random");
        });
        assertThat(runtime.initialisedAtRunTime()).contains(retryPolicy);
    }

    @Test
    void confirmationCodesSecureRandom_wouldBeFrozen_butItsHolderIsInitialisedAtRunTime() {
        String holder = "cn.yiyang.kernel.identity.ConfirmationCode$Randomness";

        NativeImageHeapScan.Report atBuildTime = NativeImageHeapScan.scan(runtime.entries(), List.of(holder), Set.of());
        NativeImageHeapScan.Report asConfigured = NativeImageHeapScan.scan(runtime.entries(),
                List.of("cn.yiyang.kernel.identity.ConfirmationCode", holder), runtime.initialisedAtRunTime());

        assertThat(atBuildTime.findings()).singleElement().extracting(NativeImageHeapScan.Finding::type)
                .isEqualTo("java.security.SecureRandom");
        assertThat(asConfigured.classesScanned()).isEqualTo(1);
        assertThat(asConfigured.findings()).isEmpty();
    }
}
