package cn.yiyang.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yiyang.infra.Settings.CodeMode;
import cn.yiyang.infra.Settings.Runtime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Context validation and code selection, without a synth. */
class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void aCountyThatIsNotASixDigitCodeIsRefused() {
        assertThatThrownBy(() -> settings(List.of("330105", "33010X"), "yiyang-"))
                .hasMessageContaining("33010X");
        assertThatThrownBy(() -> settings(List.of(), "yiyang-")).hasMessageContaining("no county");
        assertThatThrownBy(() -> settings(List.of("330105"), "Yiyang")).hasMessageContaining("tablePrefix");
        assertThat(settings(List.of("330105"), "yiyang-a-").tableName("meals")).isEqualTo("yiyang-a-meals");
    }

    @Test
    void areaCodes_areEachServedCountysLandlineCode_inTheCountiesOrder() {
        Settings two = new Settings(List.of("330105", "320303"), Settings.areaCodes("320303=0516, 330105=0571"), "yiyang-",
                Settings.DEFAULT_ISSUER, "yiyang-api", "classpath:jwks.json", Runtime.NATIVE, CodeMode.PLACEHOLDER, true, "", dir);
        Settings one = new Settings(List.of("330105", "320303"), Settings.areaCodes("330105=0571"), "yiyang-",
                Settings.DEFAULT_ISSUER, "yiyang-api", "classpath:jwks.json", Runtime.NATIVE, CodeMode.PLACEHOLDER, true, "", dir);

        assertThat(two.areaCodesVariable()).isEqualTo("330105=0571,320303=0516");
        assertThat(two.countiesWithoutAreaCode()).isEmpty();
        assertThat(one.areaCodesVariable()).isEqualTo("330105=0571");
        assertThat(one.countiesWithoutAreaCode()).containsExactly("320303");
        assertThatThrownBy(() -> new Settings(List.of("330105"), Settings.areaCodes("330106=0571"), "yiyang-",
                Settings.DEFAULT_ISSUER, "yiyang-api", "classpath:jwks.json", Runtime.NATIVE, CodeMode.PLACEHOLDER, true, "", dir))
                .hasMessageContaining("330106");
        assertThatThrownBy(() -> new Settings(List.of("330105"), Settings.areaCodes("330105=571"), "yiyang-",
                Settings.DEFAULT_ISSUER, "yiyang-api", "classpath:jwks.json", Runtime.NATIVE, CodeMode.PLACEHOLDER, true, "", dir))
                .hasMessageContaining("571");
        assertThatThrownBy(() -> Settings.areaCodes("330105=0571,330105=0572")).hasMessageContaining("each county once");
        assertThatThrownBy(() -> Settings.areaCodes("330105")).hasMessageContaining("county=areaCode");
    }

    @Test
    void aJvmZipIsNotDeployedOnTheNativeRuntimeNorANativeZipOnJava() throws IOException {
        Path jvm = zip("jvm.zip", "lib/app.jar");
        Path nativeZip = zip("native.zip", "bootstrap");
        assertThat(FunctionCode.problemWith(jvm, Runtime.JVM)).isEmpty();
        assertThat(FunctionCode.problemWith(nativeZip, Runtime.NATIVE)).isEmpty();
        assertThat(FunctionCode.problemWith(jvm, Runtime.NATIVE)).hasValueSatisfying(p -> assertThat(p).contains("JVM build"));
        assertThat(FunctionCode.problemWith(nativeZip, Runtime.JVM)).hasValueSatisfying(p -> assertThat(p).contains("native build"));
        assertThat(FunctionCode.problemWith(dir.resolve("missing.zip"), Runtime.NATIVE)).hasValueSatisfying(p -> assertThat(p).contains("does not exist"));
    }

    @Test
    void requireRefusesToSynthesiseWithoutTheBuiltZip() {
        Settings strict = new Settings(List.of("330105"), Map.of(), "yiyang-", Settings.DEFAULT_ISSUER, "yiyang-api",
                "classpath:jwks.json", Runtime.NATIVE, CodeMode.REQUIRE, true, "", dir);
        assertThatThrownBy(() -> FunctionCode.of(Functions.RESIDENTS, strict))
                .hasMessageContaining("residents").hasMessageContaining("function.zip does not exist");
    }

    private Settings settings(List<String> counties, String prefix) {
        return new Settings(counties, Map.of(), prefix, Settings.DEFAULT_ISSUER, "yiyang-api", "classpath:jwks.json",
                Runtime.NATIVE, CodeMode.PLACEHOLDER, true, "", dir);
    }

    private Path zip(String name, String entry) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(1);
            out.closeEntry();
        }
        return zip;
    }
}
