package cn.yiyang.residents;

import static cn.yiyang.residents.ResidentFixtures.COUNTY;
import static cn.yiyang.residents.ResidentFixtures.officer;
import static cn.yiyang.residents.ResidentFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.LogLeakScan;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.TestPeople;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failure path made to fail on purpose: PostgreSQL refuses a registration with an error whose message
 * repeats the row's text, which holds an issued ID number and phone, as "Failing row contains (…)" or a
 * raised exception does. The answer is a 500 that says nothing, the failure is logged, and neither the
 * log nor the answer holds the ID number or the phone (this module's log scan, run after every test,
 * reads the same file).
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class FailureLoggingLambdaTest {

    private static final String MARKER = "planted-failure";

    private final LambdaDoor door = LambdaDoor.ofThisTest();

    @Test
    void aStoreFailureWhoseMessageHoldsAnIdNumberAndPhone_isLoggedWithoutThem_andAnsweredWithout() throws IOException {
        String idNumber = TestPeople.idNumber();
        String phone = TestPeople.phone();
        String body = registration(idNumber, phone).replace("文三路 18 号 2 幢 301", MARKER + " " + idNumber + " " + phone);
        sql("""
                create or replace function residents.planted_failure() returns trigger language plpgsql as $$
                begin raise exception 'planted failure for %', new.address_line; end $$""");
        sql("create trigger planted_failure before insert on residents.resident for each row when (new.address_line like '"
                + MARKER + "%') execute function residents.planted_failure()");
        ApiAnswer answer;
        try {
            answer = door.send(ResidentFixtures.register(officer(COUNTY), body));
        } finally {
            sql("drop trigger planted_failure on residents.resident");
        }

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(answer.body()).doesNotContain(idNumber).doesNotContain(phone).doesNotContain(MARKER);
        assertThat(logText()).as("the failure was logged").contains("unexpected failure in POST /v1/residents")
                .contains("message withheld");
        assertThat(LogLeakScan.scan(LogLeakScan.LOG_DIRECTORY, List.of(idNumber, phone)).leaks()).isEmpty();
    }

    private static String logText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(LogLeakScan.LOG_DIRECTORY)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("quarkus.log")).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    private static void sql(String statement) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .flatMap(s -> s.createNativeQuery(statement).executeUpdate())));
        } catch (Throwable e) {
            throw new AssertionError("set-up statement failed", e);
        }
    }
}
