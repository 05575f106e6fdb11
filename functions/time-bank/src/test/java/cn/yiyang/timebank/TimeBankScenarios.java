package cn.yiyang.timebank;

import static cn.yiyang.timebank.TimeBankFixtures.COUNTY;
import static cn.yiyang.timebank.TimeBankFixtures.account;
import static cn.yiyang.timebank.TimeBankFixtures.at;
import static cn.yiyang.timebank.TimeBankFixtures.earn;
import static cn.yiyang.timebank.TimeBankFixtures.expect;
import static cn.yiyang.timebank.TimeBankFixtures.log;
import static cn.yiyang.timebank.TimeBankFixtures.resident;
import static cn.yiyang.timebank.TimeBankFixtures.volunteer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Service records, confirmation and the statement, written once and run through every door. */
public abstract class TimeBankScenarios {

    protected abstract Door door();

    @Test
    void aConfirmedService_earnsItsMinutes_withAStatementLine_andOnlyOnce() {
        String volunteer = volunteer(door(), null);
        String resident = resident();
        String record = expect(door().send(log(volunteer, resident, at(1, 9, 0), at(1, 10, 30))), 201).json().path("id").asText();
        ApiRequest confirm = ApiRequest.post("/v1/time-bank/service-records/" + record + "/confirm", "{}")
                .bearer(Tokens.of(COUNTY, resident, Role.RESIDENT)).idempotencyKey("conf-" + UUID.randomUUID());

        ApiAnswer first = door().send(confirm);
        ApiAnswer again = door().send(ApiRequest.post("/v1/time-bank/service-records/" + record + "/confirm", "{}")
                .bearer(Tokens.of(COUNTY, resident, Role.RESIDENT)).idempotencyKey("conf-" + UUID.randomUUID()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.code()).isEqualTo("SERVICE_RECORD_NOT_PENDING");
        JsonNode account = account(door(), volunteer).json();
        assertThat(account.path("balance").asLong()).isEqualTo(90);
        assertThat(account.path("earned").asLong()).isEqualTo(90);
        assertThat(account.path("statement")).hasSize(1);
        JsonNode entry = account.path("statement").get(0);
        assertThat(entry.path("kind").asText()).isEqualTo("EARNED");
        assertThat(entry.path("cause").path("type").asText()).isEqualTo("RECORD");
        assertThat(entry.path("cause").path("id").asText()).isEqualTo(record);
        assertThat(first.json().path("credited").asLong()).isEqualTo(90);
        assertThat(first.json().path("toPool").asLong()).isZero();
    }

    @Test
    void anOverlappingRecord_isRefused() {
        String volunteer = volunteer(door(), null);
        String resident = resident();
        expect(door().send(log(volunteer, resident, at(2, 9, 0), at(2, 11, 0))), 201);

        ApiAnswer overlap = door().send(log(volunteer, resident(), at(2, 10, 30), at(2, 12, 0)));
        ApiAnswer after = door().send(log(volunteer, resident(), at(2, 11, 0), at(2, 12, 0)));

        assertThat(overlap.code()).isEqualTo("SERVICE_RECORD_OVERLAP");
        assertThat(after.status()).as("touching, not overlapping").isEqualTo(201);
    }

    @Test
    void theDailyCap_refusesTheMinutesPastIt() {
        String volunteer = volunteer(door(), null);
        expect(door().send(log(volunteer, resident(), at(3, 8, 0), at(3, 15, 0))), 201);

        ApiAnswer over = door().send(log(volunteer, resident(), at(3, 15, 0), at(3, 16, 30)));

        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("DAILY_CAP_EXCEEDED");
    }

    @Test
    void aVolunteerCannotServeThemself_norLogAServiceNotYetOver() {
        // A younger retiree who is in the registry too (within the default volunteer ages, 18 to 75)
        String me = resident(java.time.LocalDate.now().minusYears(66));
        String volunteer = volunteer(door(), me);

        ApiAnswer self = door().send(log(volunteer, me, at(1, 14, 0), at(1, 15, 0)));
        ApiAnswer future = door().send(log(volunteer, resident(), at(-1, 9, 0), at(-1, 10, 0)));

        assertThat(self.code()).isEqualTo("SELF_SERVICE");
        assertThat(future.code()).isEqualTo("SERVICE_RECORD_IN_FUTURE");
    }

    @Test
    void onlyTheServedResidentOrTheStation_confirms_andNobodyElseSeesTheRecord() {
        String volunteer = volunteer(door(), null);
        String resident = resident();
        String record = expect(door().send(log(volunteer, resident, at(4, 9, 0), at(4, 10, 0))), 201).json().path("id").asText();

        ApiAnswer byStranger = door().send(ApiRequest.post("/v1/time-bank/service-records/" + record + "/confirm", "{}")
                .bearer(Tokens.of(COUNTY, resident(), Role.RESIDENT)).idempotencyKey("c-" + UUID.randomUUID()));
        ApiAnswer byOtherCounty = door().send(ApiRequest.post("/v1/time-bank/service-records/" + record + "/confirm", "{}")
                .bearer(Tokens.of("320303", resident, Role.RESIDENT)).idempotencyKey("c-" + UUID.randomUUID()));
        ApiAnswer byStation = door().send(ApiRequest.post("/v1/time-bank/service-records/" + record + "/reject", "{}")
                .bearer(TimeBankFixtures.officer()).idempotencyKey("c-" + UUID.randomUUID()));

        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(byOtherCounty.status()).isEqualTo(404);
        assertThat(byStation.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(account(door(), volunteer).json().path("balance").asLong()).isZero();
    }

    @Test
    void anExchange_takesPointsAndStockTogether_orRefusesWithoutTouchingEither() {
        String volunteer = volunteer(door(), null);
        earn(door(), volunteer, resident(), at(1, 8, 0), at(1, 10, 0));
        String item = TimeBankFixtures.item(door(), 50, 1);

        ApiAnswer exchanged = door().send(TimeBankFixtures.exchange(volunteer, item));
        ApiAnswer noStock = door().send(TimeBankFixtures.exchange(volunteer, item));
        String dear = TimeBankFixtures.item(door(), 100, 5);
        ApiAnswer tooDear = door().send(TimeBankFixtures.exchange(volunteer, dear));

        assertThat(exchanged.status()).isEqualTo(201);
        assertThat(exchanged.json().path("status").asText()).isEqualTo("AWAITING_BOOKING");
        assertThat(noStock.code()).isEqualTo("OUT_OF_STOCK");
        assertThat(tooDear.code()).isEqualTo("INSUFFICIENT_POINTS");
        JsonNode account = account(door(), volunteer).json();
        assertThat(account.path("balance").asLong()).isEqualTo(70);
        assertThat(account.path("spent").asLong()).isEqualTo(50);
        assertThat(account.path("statement")).hasSize(2);
    }
}
