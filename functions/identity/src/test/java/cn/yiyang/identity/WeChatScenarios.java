package cn.yiyang.identity;

import static cn.yiyang.identity.StaffFixtures.COUNTY;
import static cn.yiyang.identity.StaffFixtures.claims;
import static cn.yiyang.identity.WeChatFixtures.bindResident;
import static cn.yiyang.identity.WeChatFixtures.loginCode;
import static cn.yiyang.identity.WeChatFixtures.newPerson;
import static cn.yiyang.identity.WeChatFixtures.phoneCode;
import static cn.yiyang.identity.WeChatFixtures.publishResident;
import static cn.yiyang.identity.WeChatFixtures.signIn;
import static cn.yiyang.identity.WeChatFixtures.ticketFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.identity.wechat.BindingTickets;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.volunteers.VolunteerCard;
import cn.yiyang.cards.volunteers.VolunteerCards;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.TestPeople;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mini-program's sign-in and bindings, against the WeChat stand-in, through every door. */
public abstract class WeChatScenarios {

    protected abstract Door door();

    @AfterEach
    void putTheClockBack() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void aResidentBindsWithPhoneAndIdDigits_andTheSameOpenidNextTimeGetsTokensDirectly() {
        var resident = publishResident(COUNTY, ResidentCard.ACTIVE);
        String person = newPerson();
        ApiAnswer first = signIn(door(), COUNTY, loginCode(person));
        assertThat(first.json().path("status").asText()).as(first.toString()).isEqualTo("BINDING_REQUIRED");
        assertThat(first.body()).doesNotContain("session_key").doesNotContain("openid");

        ApiAnswer bound = bindResident(door(), first.json().path("bindingTicket").asText(),
                phoneCode(resident.phone()), resident.idTail());
        ApiAnswer next = signIn(door(), COUNTY, loginCode(person));

        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        JsonNode claims = claims(bound.json().path("accessToken").asText());
        assertThat(claims.path("sub").asText()).isEqualTo(resident.id());
        assertThat(claims.path("groups")).extracting(JsonNode::asText).containsExactly("resident");
        assertThat(next.json().path("status").asText()).isEqualTo("SIGNED_IN");
        assertThat(claims(next.json().path("tokens").path("accessToken").asText()).path("sub").asText()).isEqualTo(resident.id());
        assertThat(bound.body()).doesNotContain(resident.phone()).doesNotContain(resident.idNumber());
    }

    @Test
    void aReusedOrInvalidCode_isRefused_andWeChatBusyOrRateLimitedAreSaidSo() {
        String code = loginCode(newPerson());
        assertThat(signIn(door(), COUNTY, code).status()).isEqualTo(200);

        ApiAnswer reused = signIn(door(), COUNTY, code);
        ApiAnswer invalid = signIn(door(), COUNTY, "not-a-code");
        ApiAnswer busy = signIn(door(), COUNTY, "busy~" + UUID.randomUUID());
        ApiAnswer limited = signIn(door(), COUNTY, "limit~" + UUID.randomUUID());

        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo("WECHAT_CODE_INVALID");
        assertThat(invalid.code()).isEqualTo("WECHAT_CODE_INVALID");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.code()).isEqualTo("WECHAT_UNAVAILABLE");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("WECHAT_RATE_LIMITED");
        assertThat(reused.json().path("userMessage").asText()).isNotBlank();
    }

    @Test
    void aWrongPhone_thenWrongDigits_thenTheLimit_lockTheTicket_andNothingIsBound() {
        var resident = publishResident(COUNTY, ResidentCard.ACTIVE);
        String person = newPerson();
        String ticket = ticketFor(door(), COUNTY, person);
        String wrongTail = resident.idTail().equals("0000") ? "1111" : "0000";

        ApiAnswer wrongPhone = bindResident(door(), ticket, phoneCode(TestPeople.phone()), resident.idTail());
        ApiAnswer wrongDigits = bindResident(door(), ticket, phoneCode(resident.phone()), wrongTail);
        for (int i = 2; i < BindingTickets.FAILURES_MAX; i++) {
            bindResident(door(), ticket, phoneCode(resident.phone()), wrongTail);
        }
        ApiAnswer rightButLocked = bindResident(door(), ticket, phoneCode(resident.phone()), resident.idTail());
        ApiAnswer again = signIn(door(), COUNTY, loginCode(person));

        assertThat(wrongPhone.status()).isEqualTo(404);
        assertThat(wrongPhone.code()).isEqualTo("RESIDENT_PHONE_NOT_REGISTERED");
        assertThat(wrongDigits.status()).isEqualTo(403);
        assertThat(wrongDigits.code()).isEqualTo("ID_NUMBER_TAIL_MISMATCH");
        assertThat(rightButLocked.code()).isEqualTo("BINDING_TICKET_LOCKED");
        assertThat(again.json().path("status").asText()).as("nothing was bound").isEqualTo("BINDING_REQUIRED");
    }

    @Test
    void anExpiredTicket_orAResidentWhoIsNoLongerActive_cannotBind() {
        var resident = publishResident(COUNTY, ResidentCard.ACTIVE);
        var moved = publishResident(COUNTY, "MOVED_AWAY");
        String ticket = ticketFor(door(), COUNTY, newPerson());
        ApiAnswer inactive = bindResident(door(), ticketFor(door(), COUNTY, newPerson()), phoneCode(moved.phone()), moved.idTail());

        MutableClock.INSTANCE.setTo(Instant.now().plusSeconds(BindingTickets.LIFETIME_MINUTES * 60L + 5));
        ApiAnswer expired = bindResident(door(), ticket, phoneCode(resident.phone()), resident.idTail());

        assertThat(inactive.code()).isEqualTo("RESIDENT_PHONE_NOT_REGISTERED");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("BINDING_TICKET_INVALID");
    }

    @Test
    void aFamilyMemberBindsWithTheResidentsInvitation_andActsForExactlyThatResident() {
        var resident = publishResident(COUNTY, ResidentCard.ACTIVE);
        ApiAnswer invitation = door().send(ApiRequest.post("/v1/family-invitations",
                        "{\"residentId\":\"" + resident.id() + "\"}")
                .bearer(Tokens.of(COUNTY, resident.id(), Role.RESIDENT)).idempotencyKey("inv-" + UUID.randomUUID()));
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
        String code = invitation.json().path("code").asText();

        ApiAnswer bound = door().send(ApiRequest.post("/v1/auth/wechat/bind-family", """
                {"bindingTicket":"%s","invitationCode":"%s"}""".formatted(ticketFor(door(), COUNTY, newPerson()), code.toLowerCase())));
        ApiAnswer usedAgain = door().send(ApiRequest.post("/v1/auth/wechat/bind-family", """
                {"bindingTicket":"%s","invitationCode":"%s"}""".formatted(ticketFor(door(), COUNTY, newPerson()), code)));

        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        JsonNode claims = claims(bound.json().path("accessToken").asText());
        assertThat(claims.path("groups")).extracting(JsonNode::asText).containsExactly("family");
        assertThat(claims.path("org").toString()).isEqualTo("{\"family\":[\"" + resident.id() + "\"]}");
        assertThat(usedAgain.code()).isEqualTo("INVITATION_INVALID");
    }

    @Test
    void aResidentCannotInviteFamilyForSomeoneElse() {
        var resident = publishResident(COUNTY, ResidentCard.ACTIVE);
        var other = publishResident(COUNTY, ResidentCard.ACTIVE);

        ApiAnswer refused = door().send(ApiRequest.post("/v1/family-invitations", "{\"residentId\":\"" + other.id() + "\"}")
                .bearer(Tokens.of(COUNTY, resident.id(), Role.RESIDENT)).idempotencyKey("inv-" + UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void aVolunteerRegistersWithARealIdNumber_andAgeAndSexComeFromIt_andTheAnswerCannotBeCompletedToIt() {
        String idNumber = TestPeople.idNumber(LocalDate.of(1961, 8, 2));
        ApiAnswer registered = door().send(ApiRequest.post("/v1/auth/wechat/register-volunteer", """
                {"bindingTicket":"%s","name":"李建国","idNumber":"%s"}""".formatted(ticketFor(door(), COUNTY, newPerson()), idNumber)));
        ApiAnswer twice = door().send(ApiRequest.post("/v1/auth/wechat/register-volunteer", """
                {"bindingTicket":"%s","name":"李建国","idNumber":"%s"}""".formatted(ticketFor(door(), COUNTY, newPerson()), idNumber)));
        String badChecksum = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        ApiAnswer invalid = door().send(ApiRequest.post("/v1/auth/wechat/register-volunteer", """
                {"bindingTicket":"%s","name":"李建国","idNumber":"%s"}""".formatted(ticketFor(door(), COUNTY, newPerson()), badChecksum)));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode volunteer = registered.json().path("volunteer");
        assertThat(volunteer.path("birthYear").asInt()).isEqualTo(1961);
        assertThat(volunteer.has("birthDate")).as("the birth date is what the ID number's mask hides").isFalse();
        assertThat(volunteer.path("idNumberMasked").asText()).isEqualTo(idNumber.substring(0, 6) + "************");
        assertThat(cn.yiyang.testing.Reconstruction.leaks(registered.body(), java.util.List.of(idNumber),
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))).isEmpty();
        assertThat(volunteer.path("age").asInt()).isEqualTo(java.time.Period.between(LocalDate.of(1961, 8, 2),
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))).getYears());
        assertThat(volunteer.path("sex").asText()).isEqualTo((idNumber.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
        VolunteerCard card = Arc.container().instance(VolunteerCards.class).get()
                .find(COUNTY, volunteer.path("id").asText()).orElseThrow();
        assertThat(card.birthDate()).as("the card the time bank admits by").isEqualTo(LocalDate.of(1961, 8, 2));
        assertThat(card.sex().name()).isEqualTo(volunteer.path("sex").asText());
        assertThat(registered.body()).doesNotContain(idNumber);
        JsonNode claims = claims(registered.json().path("tokens").path("accessToken").asText());
        assertThat(claims.path("sub").asText()).isEqualTo(volunteer.path("id").asText());
        assertThat(claims.path("groups")).extracting(JsonNode::asText).containsExactly("volunteer");
        assertThat(twice.code()).isEqualTo("VOLUNTEER_ALREADY_REGISTERED");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").get(0).path("field").asText()).isEqualTo("idNumber");
    }
}
