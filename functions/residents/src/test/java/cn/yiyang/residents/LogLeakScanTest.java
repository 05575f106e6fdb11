package cn.yiyang.residents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.IssuedPii;
import cn.yiyang.testing.LogLeakScan;
import cn.yiyang.testing.TestPeople;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in its own surefire execution after every other test of this module, and reads all they
 * logged: no full ID number or phone may appear in any line.
 */
class LogLeakScanTest {

    @Test
    void nothingTheSuiteLogged_holdsAFullIdNumberOrPhone() throws IOException {
        List<String> issued = IssuedPii.all();
        LogLeakScan.Result result = LogLeakScan.scan(LogLeakScan.LOG_DIRECTORY, issued);

        assertThat(issued).as("ID numbers and phones the suite used").hasSizeGreaterThan(20);
        assertThat(result.lines()).as("lines the suite logged").isGreaterThan(100);
        assertThat(logged("POST /v1/residents ->")).as("the access log of registrations was scanned").isTrue();
        assertThat(result.leaks()).isEmpty();
    }

    @Test
    void theScan_reportsAPlantedIdNumberAndPhone(@TempDir Path logs) throws IOException {
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
