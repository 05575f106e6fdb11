package cn.yiyang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log scan every function module runs as {@code LogLeakScanTest extends LogLeakScanTests},
 * in its own surefire execution after all its other tests: no full ID number or phone in
 * anything they logged, and proof that the scan does catch a planted one.
 */
public abstract class LogLeakScanTests {

    /** The access-log text a module's suite must have produced, so the scan is not of nothing. */
    protected abstract String expectedAccessLine();

    /** How many ID numbers and phones the module's suite handed out; 0 where it handles none in full. */
    protected int issuedPiiAtLeast() {
        return 20;
    }

    @Test
    void nothingTheSuiteLogged_holdsAFullIdNumberOrPhone() throws IOException {
        List<String> issued = IssuedPii.all();
        LogLeakScan.Result result = LogLeakScan.scan(LogLeakScan.LOG_DIRECTORY, issued);

        assertThat(issued).as("ID numbers and phones the suite used").hasSizeGreaterThanOrEqualTo(issuedPiiAtLeast());
        assertThat(result.lines()).as("lines the suite logged").isGreaterThan(100);
        assertThat(logged(expectedAccessLine())).as("the suite's access log was among what was scanned").isTrue();
        assertThat(result.leaks()).isEmpty();
    }

    @Test
    void theScan_reportsAPlantedIdNumberAndPhone_withoutRepeatingThem(@TempDir Path logs) throws IOException {
        String phone = TestPeople.phone();
        String idNumber = TestPeople.idNumber(LocalDate.of(1950, 1, 1));
        Files.writeString(logs.resolve("quarkus.log"), "clean line\ncaller " + phone + " said hello\n{\"x\":\"" + idNumber + "\"}\n");

        LogLeakScan.Result result = LogLeakScan.scan(logs, List.of(phone));

        assertThat(result.leaks()).hasSize(2);
        assertThat(String.join("\n", result.leaks())).doesNotContain(phone).doesNotContain(idNumber);
    }

    private static boolean logged(String text) throws IOException {
        try (var files = Files.list(LogLeakScan.LOG_DIRECTORY)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("quarkus.log")).toList()) {
                if (Files.readString(file).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
