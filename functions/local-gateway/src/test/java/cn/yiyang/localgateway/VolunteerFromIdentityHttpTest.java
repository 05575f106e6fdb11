package cn.yiyang.localgateway;

import static cn.yiyang.identity.StaffFixtures.COUNTY;
import static cn.yiyang.identity.WeChatFixtures.newPerson;
import static cn.yiyang.identity.WeChatFixtures.ticketFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.identity.IdentityTestResource;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.TestPeople;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A volunteer's age reaches the time bank from the identity function's verified person, never from
 * what the volunteer declares: registered in the mini-program with an ID number, the same token
 * opens a time-bank account; a person the county's ages exclude is refused whatever they would claim.
 */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class VolunteerFromIdentityHttpTest {

    private final Door door = new HttpDoor(HttpPort.PORT);

    @Test
    void aVolunteerRegisteredWithAnIdNumber_opensATimeBankAccount_atTheAgeTheIdNumberGives() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String fifty = register(TestPeople.idNumber(today.minusYears(50).minusDays(3)));
        String eighty = register(TestPeople.idNumber(today.minusYears(80).minusDays(3)));

        ApiAnswer opened = door.send(ApiRequest.post("/v1/time-bank/volunteers", "{\"name\":\"李建国\"}").bearer(fifty)
                .idempotencyKey("vol-" + UUID.randomUUID()));
        ApiAnswer tooOld = door.send(ApiRequest.post("/v1/time-bank/volunteers", "{\"name\":\"王大爷\"}").bearer(eighty)
                .idempotencyKey("vol-" + UUID.randomUUID()));
        ApiAnswer declaring = door.send(ApiRequest.post("/v1/time-bank/volunteers",
                "{\"name\":\"王大爷\",\"birthDate\":\"1980-01-01\"}").bearer(eighty).idempotencyKey("vol-" + UUID.randomUUID()));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(tooOld.code()).as("80 is past the county's default 75").isEqualTo("VOLUNTEER_AGE_OUT_OF_RANGE");
        assertThat(declaring.status()).as("a declared birth date is not a field").isEqualTo(400);
    }

    /** Registers a new person as a volunteer through WeChat; answers their access token. */
    private String register(String idNumber) {
        ApiAnswer registered = door.send(ApiRequest.post("/v1/auth/wechat/register-volunteer", """
                {"bindingTicket":"%s","name":"李建国","idNumber":"%s"}""".formatted(ticketFor(door, COUNTY, newPerson()), idNumber)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().path("tokens").path("accessToken").asText();
    }
}
