package cn.yiyang.timebank;

import static cn.yiyang.timebank.TimeBankFixtures.at;
import static cn.yiyang.timebank.TimeBankFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Job;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.TestBookings;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.TestVolunteers;
import cn.yiyang.timebank.settings.CountySettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The county's rules (storage cap, gift cap, expiry, age, daily cap), and the moves beyond earning
 * and exchanging: gifts, donations, grants, cancellations, the service voucher. Each scenario has a
 * county of its own; all run through every door.
 */
public abstract class TimeBankRulesScenarios {

    protected abstract Door door();

    /** The job as EventBridge invokes it, for one county. */
    protected abstract ApiAnswer runJob(Job job, String county);

    @AfterEach
    void putTheClockBack() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void theStorageCap_sendsEarnedMinutesBeyondIt_toTheCountyPool() {
        Bank bank = Bank.fresh(door());
        bank.settings(s -> new CountySettings(s.dailyMinutesMax(), s.recordExpiryDays(), 600, 100,
                s.volunteerAgeMin(), s.volunteerAgeMax(), s.priorityAgeMin(), s.ratesPerMinute()));
        String volunteer = bank.volunteer();
        String resident = bank.resident(Set.of());

        JsonNode first = bank.earn(volunteer, resident, at(3, 8, 0), at(3, 16, 0));
        JsonNode second = bank.earn(volunteer, resident, at(2, 8, 0), at(2, 11, 0));
        expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), bank.item("GOODS", 100, 5), null)), 201);
        JsonNode third = bank.earn(volunteer, resident, at(1, 8, 0), at(1, 10, 30));

        assertThat(first.path("credited").asLong()).isEqualTo(480);
        assertThat(first.path("toPool").asLong()).isZero();
        assertThat(second.path("credited").asLong()).as("up to the cap of 600").isEqualTo(120);
        assertThat(second.path("toPool").asLong()).isEqualTo(60);
        assertThat(third.path("credited").asLong()).as("room again after spending 100").isEqualTo(100);
        assertThat(third.path("toPool").asLong()).isEqualTo(50);
        JsonNode account = expect(bank.account(volunteer), 200).json();
        assertThat(account.path("balance").asLong()).isEqualTo(600);
        assertThat(account.path("earned").asLong()).isEqualTo(700);
        assertThat(account.path("overflowed").asLong()).isEqualTo(110);
        JsonNode pool = bank.pool();
        assertThat(pool.path("balance").asLong()).isEqualTo(110);
        assertThat(pool.path("overflowed").asLong()).isEqualTo(110);
        List<String> poolCauses = new ArrayList<>();
        pool.path("statement").forEach(e -> poolCauses.add(e.path("kind").asText() + " " + e.path("cause").path("type").asText()
                + " " + e.path("cause").path("id").asText() + " " + e.path("points").asLong()));
        assertThat(poolCauses).containsExactlyInAnyOrder(
                "OVERFLOW_RECEIVED RECORD " + second.path("record").path("id").asText() + " 60",
                "OVERFLOW_RECEIVED RECORD " + third.path("record").path("id").asText() + " 50");
    }

    @Test
    void aServiceTypesRate_multipliesItsMinutes_andTheSettingsReadBackAsPut() {
        Bank bank = Bank.fresh(door());
        bank.settings(s -> new CountySettings(s.dailyMinutesMax(), s.recordExpiryDays(), s.storageMinutesMax(),
                s.giftMinutesPerYearMax(), s.volunteerAgeMin(), s.volunteerAgeMax(), s.priorityAgeMin(), Map.of("NURSING", 2)));
        String volunteer = bank.volunteer();
        String resident = bank.resident(Set.of());
        String nursing = expect(bank.send(bank.log(volunteer, resident, "NURSING", at(1, 8, 0), at(1, 9, 0))), 201).json()
                .path("id").asText();

        JsonNode doubled = expect(bank.send(bank.confirm(nursing)), 200).json();
        JsonNode plain = bank.earn(volunteer, resident, at(1, 10, 0), at(1, 11, 0));
        JsonNode read = expect(bank.send(ApiRequest.get("/v1/time-bank/settings").bearer(bank.volunteerToken(volunteer))), 200).json();
        ApiAnswer badRate = bank.send(ApiRequest.of("PUT", "/v1/time-bank/settings", """
                {"dailyMinutesMax":480,"recordExpiryDays":14,"storageMinutesMax":90000,"giftMinutesPerYearMax":6000,
                 "volunteerAgeMin":18,"volunteerAgeMax":75,"priorityAgeMin":80,"ratesPerMinute":{"NURSING":9}}""")
                .bearer(bank.officer()));

        assertThat(doubled.path("credited").asLong()).isEqualTo(120);
        assertThat(plain.path("credited").asLong()).isEqualTo(60);
        assertThat(read.path("ratesPerMinute").path("NURSING").asInt()).isEqualTo(2);
        assertThat(read.path("dailyMinutesMax").asInt()).isEqualTo(480);
        assertThat(badRate.status()).isEqualTo(400);
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isEqualTo(180);
    }

    @Test
    void theYearlyGiftCap_refusesAGiftPastIt_andGiftsGoOnlyToRegisteredFamily() {
        Bank bank = Bank.fresh(door());
        bank.settings(s -> new CountySettings(s.dailyMinutesMax(), s.recordExpiryDays(), s.storageMinutesMax(), 100,
                s.volunteerAgeMin(), s.volunteerAgeMax(), s.priorityAgeMin(), s.ratesPerMinute()));
        String volunteer = bank.volunteer();
        String parent = bank.resident(Set.of(volunteer));
        String stranger = bank.resident(Set.of());
        bank.earn(volunteer, stranger, at(2, 8, 0), at(2, 13, 0));

        ApiAnswer sixty = bank.send(bank.gift(volunteer, parent, 60));
        ApiAnswer fifty = bank.send(bank.gift(volunteer, parent, 50));
        ApiAnswer forty = bank.send(bank.gift(volunteer, parent, 40));
        ApiAnswer one = bank.send(bank.gift(volunteer, parent, 1));
        ApiAnswer toStranger = bank.send(bank.gift(volunteer, stranger, 10));
        ApiAnswer overTheCapAtOnce = bank.send(bank.gift(volunteer, parent, 101));

        assertThat(sixty.status()).isEqualTo(201);
        assertThat(fifty.status()).isEqualTo(422);
        assertThat(fifty.code()).isEqualTo("GIFT_CAP_EXCEEDED");
        assertThat(forty.status()).as("exactly the cap").isEqualTo(201);
        assertThat(one.code()).isEqualTo("GIFT_CAP_EXCEEDED");
        assertThat(toStranger.code()).isEqualTo("GIFT_RECIPIENT_NOT_FAMILY");
        assertThat(overTheCapAtOnce.code()).isEqualTo("GIFT_CAP_EXCEEDED");
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isEqualTo(200);
        JsonNode parentAccount = expect(bank.send(ApiRequest.get("/v1/time-bank/accounts/" + parent)
                .bearer(bank.residentToken(parent))), 200).json();
        assertThat(parentAccount.path("kind").asText()).isEqualTo("RESIDENT");
        assertThat(parentAccount.path("balance").asLong()).isEqualTo(100);
        assertThat(parentAccount.path("statement")).hasSize(2);
        parentAccount.path("statement").forEach(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("GIFT_RECEIVED");
            assertThat(e.path("cause").path("type").asText()).isEqualTo("GIFT");
            assertThat(e.path("counterparty").asText()).isEqualTo(volunteer);
        });
        // The parent spends what they were given, as the family member acting for them.
        ApiAnswer spent = bank.send(bank.exchange(bank.familyToken(volunteer), bank.item("SERVICE", 30, 2), parent));
        assertThat(spent.status()).as(spent.toString()).isEqualTo(201);
        assertThat(expect(bank.account(parent), 200).json().path("balance").asLong()).isEqualTo(70);
    }

    @Test
    void unconfirmedRecords_expireAfterTheCountysDays_andCanNoLongerBeConfirmed() {
        Bank bank = Bank.fresh(door());
        bank.settings(s -> new CountySettings(s.dailyMinutesMax(), 3, s.storageMinutesMax(), s.giftMinutesPerYearMax(),
                s.volunteerAgeMin(), s.volunteerAgeMax(), s.priorityAgeMin(), s.ratesPerMinute()));
        String volunteer = bank.volunteer();
        String resident = bank.resident(Set.of());
        String forgotten = bank.logged(volunteer, resident, at(1, 8, 0), at(1, 9, 0));
        String alsoForgotten = bank.logged(volunteer, resident, at(1, 10, 0), at(1, 11, 0));
        String confirmed = bank.logged(volunteer, resident, at(1, 14, 0), at(1, 15, 0));
        expect(bank.send(bank.confirm(confirmed)), 200);

        ApiAnswer tooEarly = runJob(TimeBankRoutes.EXPIRE_RECORDS, bank.county);
        MutableClock.INSTANCE.setTo(Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        ApiAnswer lateConfirmation = bank.send(bank.confirm(alsoForgotten));
        ApiAnswer run = runJob(TimeBankRoutes.EXPIRE_RECORDS, bank.county);
        ApiAnswer again = runJob(TimeBankRoutes.EXPIRE_RECORDS, bank.county);
        ApiAnswer confirmAfterJob = bank.send(bank.confirm(forgotten));

        assertThat(tooEarly.json().path("runs").get(0).path("answer").asText()).contains("\"expired\":0");
        assertThat(lateConfirmation.status()).isEqualTo(409);
        assertThat(lateConfirmation.code()).isEqualTo("SERVICE_RECORD_EXPIRED");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().path("runs").get(0).path("status").asInt()).isEqualTo(200);
        assertThat(run.json().path("runs").get(0).path("answer").asText()).contains("\"expired\":2");
        assertThat(again.json().path("runs").get(0).path("answer").asText()).as("nothing left pending").contains("\"expired\":0");
        assertThat(confirmAfterJob.code()).isEqualTo("SERVICE_RECORD_NOT_PENDING");
        for (String record : List.of(forgotten, alsoForgotten)) {
            assertThat(expect(bank.send(ApiRequest.get("/v1/time-bank/service-records/" + record)
                    .bearer(bank.volunteerToken(volunteer))), 200).json().path("status").asText()).isEqualTo("EXPIRED");
        }
        assertThat(expect(bank.send(ApiRequest.get("/v1/time-bank/service-records/" + confirmed)
                .bearer(bank.volunteerToken(volunteer))), 200).json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isEqualTo(60);
    }

    @Test
    void cancellingAnExchange_refundsPointsAndStockOnce() {
        Bank bank = Bank.fresh(door());
        String volunteer = bank.volunteer();
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 10, 0));
        String item = bank.item("GOODS", 50, 3);
        String exchange = expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), item, null)), 201).json()
                .path("id").asText();
        ApiRequest cancel = bank.cancel(bank.volunteerToken(volunteer), exchange);

        ApiAnswer cancelled = bank.send(cancel);
        ApiAnswer replayed = bank.send(cancel);
        ApiAnswer secondCancel = bank.send(bank.cancel(bank.volunteerToken(volunteer), exchange));
        ApiAnswer byStranger = bank.send(bank.cancel(bank.volunteerToken(bank.volunteer()), exchange));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(replayed.body()).as("the same key answers the first answer").isEqualTo(cancelled.body());
        assertThat(secondCancel.code()).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
        assertThat(byStranger.status()).isEqualTo(404);
        JsonNode account = expect(bank.account(volunteer), 200).json();
        assertThat(account.path("balance").asLong()).isEqualTo(120);
        assertThat(account.path("spent").asLong()).isZero();
        assertThat(bank.stock(item)).isEqualTo(3);
        List<String> lines = new ArrayList<>();
        account.path("statement").forEach(e -> lines.add(e.path("kind").asText() + " " + e.path("points").asLong() + " "
                + e.path("cause").path("type").asText() + " " + e.path("cause").path("id").asText()));
        assertThat(lines).contains("EXCHANGED -50 EXCHANGE " + exchange, "REFUNDED 50 REFUND " + exchange).hasSize(3);
    }

    @Test
    void aServiceExchange_isAVoucherTheBookingSideRedeems_andThenCannotBeCancelled() {
        Bank bank = Bank.fresh(door());
        String linked = bank.resident(LocalDate.of(1968, 6, 1));
        String volunteer = bank.volunteerLinkedTo(linked);
        String booking = TestBookings.publish(bank.county, linked, Bank.VOUCHER_SERVICE, "provider-1");
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 12, 0));
        JsonNode voucher = expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), bank.item("SERVICE", 60, 5), null)), 201).json();
        String id = voucher.path("id").asText();
        JsonNode goods = expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), bank.item("GOODS", 20, 5), null)), 201).json();

        JsonNode open = expect(bank.send(ApiRequest.get("/v1/time-bank/exchanges").bearer(bank.operator())), 200).json();
        JsonNode readOut = expect(bank.send(ApiRequest.get("/v1/time-bank/exchanges")
                .query("voucherCode", " " + voucher.path("voucherCode").asText().toLowerCase() + " ").bearer(bank.operator())), 200).json();
        ApiAnswer badCode = bank.send(ApiRequest.get("/v1/time-bank/exchanges").query("voucherCode", "O0I1").bearer(bank.operator()));
        ApiAnswer withoutBooking = bank.send(ApiRequest.post("/v1/time-bank/exchanges/" + id + "/redeem", "{}")
                .bearer(bank.operator()).idempotencyKey("r-" + UUID.randomUUID()));
        ApiAnswer booked = bank.send(ApiRequest.post("/v1/time-bank/exchanges/" + id + "/redeem", "{\"bookingId\":\"" + booking + "\"}")
                .bearer(bank.operator()).idempotencyKey("r-" + UUID.randomUUID()));
        ApiAnswer collected = bank.send(ApiRequest.post("/v1/time-bank/exchanges/" + goods.path("id").asText() + "/redeem", "{}")
                .bearer(bank.officer()).idempotencyKey("r-" + UUID.randomUUID()));
        ApiAnswer cancelAfter = bank.send(bank.cancel(bank.volunteerToken(volunteer), id));
        JsonNode openAfter = expect(bank.send(ApiRequest.get("/v1/time-bank/exchanges").bearer(bank.operator())), 200).json();

        assertThat(voucher.path("status").asText()).isEqualTo("AWAITING_BOOKING");
        assertThat(voucher.path("voucherCode").asText()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        assertThat(goods.path("status").asText()).isEqualTo("TO_COLLECT");
        assertThat(open.path("exchanges").findValuesAsText("id")).containsExactlyInAnyOrder(id, goods.path("id").asText());
        assertThat(readOut.path("exchanges").findValuesAsText("id")).containsExactly(id);
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(withoutBooking.status()).isEqualTo(400);
        assertThat(booked.json().path("status").asText()).isEqualTo("BOOKED");
        assertThat(booked.json().path("bookingId").asText()).isEqualTo(booking);
        assertThat(collected.json().path("status").asText()).isEqualTo("COLLECTED");
        assertThat(cancelAfter.code()).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
        assertThat(openAfter.path("exchanges")).isEmpty();
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isEqualTo(240 - 60 - 20);
    }

    @Test
    void donationsFillThePool_andGrantsGoOnlyToPriorityResidents_neverOverdrawingIt() {
        Bank bank = Bank.fresh(door());
        String volunteer = bank.volunteer();
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 11, 20));
        String tekun = bank.resident(LocalDate.of(1950, 1, 1), "TEKUN");
        String ninety = bank.resident(LocalDate.now().minusYears(90));
        String younger = bank.resident(LocalDate.now().minusYears(65));

        ApiAnswer donated = bank.send(bank.donate(bank.volunteerToken(volunteer), 80));
        ApiAnswer tooMuch = bank.send(bank.donate(bank.volunteerToken(volunteer), 500));
        ApiAnswer grant = bank.send(bank.grant(tekun, 50));
        ApiAnswer overdraw = bank.send(bank.grant(ninety, 50));
        ApiAnswer byAge = bank.send(bank.grant(ninety, 30));
        ApiAnswer notPriority = bank.send(bank.grant(younger, 1));

        assertThat(donated.status()).isEqualTo(201);
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
        assertThat(overdraw.code()).isEqualTo("POOL_INSUFFICIENT");
        assertThat(byAge.status()).as("80 and over is priority by default").isEqualTo(201);
        assertThat(notPriority.code()).isEqualTo("GRANT_NOT_PRIORITY");
        JsonNode pool = bank.pool();
        assertThat(pool.path("balance").asLong()).isZero();
        assertThat(pool.path("donations").asLong()).isEqualTo(80);
        assertThat(pool.path("granted").asLong()).isEqualTo(80);
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isEqualTo(120);
        JsonNode granted = expect(bank.account(tekun), 200).json();
        assertThat(granted.path("balance").asLong()).isEqualTo(50);
        assertThat(granted.path("statement").get(0).path("kind").asText()).isEqualTo("GRANTED");
        assertThat(granted.path("statement").get(0).path("cause").path("type").asText()).isEqualTo("GRANT");
        assertThat(granted.path("statement").get(0).path("cause").path("id").asText()).isEqualTo(grant.json().path("id").asText());
    }

    @Test
    void theCountysVolunteerAges_andDailyCap_apply() {
        Bank bank = Bank.fresh(door());
        bank.settings(s -> new CountySettings(120, s.recordExpiryDays(), s.storageMinutesMax(), s.giftMinutesPerYearMax(),
                20, 70, s.priorityAgeMin(), s.ratesPerMinute()));
        LocalDate today = LocalDate.now();

        ApiAnswer tooYoung = bank.send(bank.register("v-" + UUID.randomUUID(), today.minusYears(19)));
        ApiAnswer tooOld = bank.send(bank.register("v-" + UUID.randomUUID(), today.minusYears(71)));
        ApiAnswer unverified = bank.send(ApiRequest.post("/v1/time-bank/volunteers", "{\"name\":\"小王\"}")
                .bearer(bank.volunteerToken("v-" + UUID.randomUUID())).idempotencyKey("v-" + UUID.randomUUID()));
        String declaring = "v-" + UUID.randomUUID();
        TestVolunteers.publish(bank.county, declaring, today.minusYears(75));
        ApiAnswer declaredYounger = bank.send(ApiRequest.post("/v1/time-bank/volunteers",
                "{\"name\":\"小王\",\"birthDate\":\"1990-01-01\"}").bearer(bank.volunteerToken(declaring))
                .idempotencyKey("v-" + UUID.randomUUID()));
        String volunteer = bank.volunteer();
        String resident = bank.resident(Set.of());
        ApiAnswer ninety = bank.send(bank.log(volunteer, resident, at(1, 8, 0), at(1, 9, 30)));
        ApiAnswer sixtyMore = bank.send(bank.log(volunteer, resident, at(1, 10, 0), at(1, 11, 0)));
        ApiAnswer thirtyMore = bank.send(bank.log(volunteer, resident, at(1, 10, 0), at(1, 10, 30)));

        assertThat(tooYoung.code()).isEqualTo("VOLUNTEER_AGE_OUT_OF_RANGE");
        assertThat(tooOld.code()).isEqualTo("VOLUNTEER_AGE_OUT_OF_RANGE");
        assertThat(unverified.code()).as("no volunteer card: not a verified person").isEqualTo("VOLUNTEER_NOT_VERIFIED");
        assertThat(declaredYounger.status()).as("an age is never declared").isEqualTo(400);
        assertThat(declaredYounger.json().path("errors").get(0).path("field").asText()).isEqualTo("birthDate");
        assertThat(ninety.status()).isEqualTo(201);
        assertThat(sixtyMore.code()).isEqualTo("DAILY_CAP_EXCEEDED");
        assertThat(thirtyMore.status()).as("exactly the county's 120").isEqualTo(201);
    }

    @Test
    void aStatement_isReadPageByPage_newestFirst_withoutGapsOrRepeats() {
        Bank bank = Bank.fresh(door());
        String volunteer = bank.volunteer();
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 10, 0));
        String item = bank.item("GOODS", 10, 10);
        for (int i = 0; i < 5; i++) {
            expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), item, null)), 201);
        }
        String path = "/v1/time-bank/accounts/" + volunteer;

        JsonNode whole = expect(bank.account(volunteer), 200).json();
        JsonNode first = expect(bank.send(ApiRequest.get(path).query("limit", "4").bearer(bank.officer())), 200).json();
        JsonNode second = expect(bank.send(ApiRequest.get(path).query("limit", "4")
                .query("before", first.path("statementBefore").asText()).bearer(bank.officer())), 200).json();
        ApiAnswer badLimit = bank.send(ApiRequest.get(path).query("limit", "0").bearer(bank.officer()));
        ApiAnswer badCursor = bank.send(ApiRequest.get(path).query("before", "ACCOUNT").bearer(bank.officer()));

        List<String> paged = new ArrayList<>(first.path("statement").findValuesAsText("id"));
        paged.addAll(second.path("statement").findValuesAsText("id"));
        assertThat(whole.path("statement")).hasSize(6);
        assertThat(whole.path("statementBefore").isTextual()).isFalse();
        assertThat(first.path("statement")).hasSize(4);
        assertThat(second.path("statement")).hasSize(2);
        assertThat(second.path("statementBefore").isTextual()).as("the last page").isFalse();
        assertThat(first.path("statementBefore").isTextual()).isTrue();
        assertThat(paged).containsExactlyElementsOf(whole.path("statement").findValuesAsText("id"));
        assertThat(whole.path("statement").get(5).path("kind").asText()).as("oldest last").isEqualTo("EARNED");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badCursor.status()).isEqualTo(400);
    }

    @Test
    void badInput_isA4xxProblem_withAStableCodeAndAPlainChineseMessage() {
        Bank bank = Bank.fresh(door());
        String volunteer = bank.volunteer();
        String parent = bank.resident(Set.of(volunteer));
        String vol = bank.volunteerToken(volunteer);
        record Case(ApiRequest request, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case(ApiRequest.of("PUT", "/v1/time-bank/settings", """
                        {"dailyMinutesMax":5000,"recordExpiryDays":0,"storageMinutesMax":90000,"giftMinutesPerYearMax":6000,
                         "volunteerAgeMin":18,"volunteerAgeMax":75,"priorityAgeMin":80}""").bearer(bank.officer()), 400, "VALIDATION_FAILED"),
                new Case(ApiRequest.of("PUT", "/v1/time-bank/settings", "{\"dailyMinutesMax\":\"480\"}").bearer(bank.officer()), 400, null),
                new Case(bank.gift(volunteer, parent, 0), 400, "VALIDATION_FAILED"),
                new Case(bank.gift(volunteer, parent, 10), 409, "INSUFFICIENT_POINTS"),
                new Case(bank.gift(volunteer, "no-such-resident", 10), 404, "NOT_FOUND"),
                new Case(ApiRequest.post("/v1/time-bank/gifts", "{\"toResidentId\":\"" + parent + "\",\"points\":10}").bearer(vol), 400,
                        "IDEMPOTENCY_KEY_REQUIRED"),
                new Case(bank.donate(vol, 99_999_999), 400, "VALIDATION_FAILED"),
                new Case(bank.donate(bank.volunteerToken("never-registered"), 5), 409, "VOLUNTEER_NOT_REGISTERED"),
                new Case(ApiRequest.post("/v1/time-bank/grants", "{\"residentId\":\"" + parent + "\",\"points\":5}")
                        .bearer(bank.officer()).idempotencyKey("gr-" + UUID.randomUUID()), 400, "VALIDATION_FAILED"),
                new Case(bank.grant(parent, 5), 409, "POOL_INSUFFICIENT"),
                new Case(bank.exchange(vol, "no-such-item", null), 404, "NOT_FOUND"),
                new Case(bank.cancel(vol, "no-such-exchange"), 404, "NOT_FOUND"),
                new Case(bank.confirm("no-such-record"), 404, "NOT_FOUND"),
                new Case(bank.log(volunteer, parent, at(1, 10, 0), at(1, 9, 0)), 400, "VALIDATION_FAILED"));

        for (Case c : cases) {
            ApiAnswer answer = bank.send(c.request());
            assertThat(answer.status()).as(c.request().method() + " " + c.request().path() + " → " + answer).isEqualTo(c.status());
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            if (c.code() != null) {
                assertThat(answer.code()).as(answer.toString()).isEqualTo(c.code());
            }
            assertThat(answer.json().path("userMessage").asText()).as(answer.toString()).matches(".*[\\u4e00-\\u9fff].*");
        }
    }

    /** Issue 13: a volunteer who is the served resident, or that resident's family member, logged service to herself. */
    @Test
    void aVolunteer_cannotLogServiceToThemself_norToTheirFamily_soNoPointsAreMinted() {
        Bank bank = Bank.fresh(door());
        String linked = bank.resident(LocalDate.of(1968, 6, 1));
        String herself = bank.volunteerLinkedTo(linked);
        String daughter = bank.volunteer();
        String mother = bank.resident(Set.of(daughter));
        String sameSubject = bank.resident(Set.of());
        expect(bank.send(bank.register(sameSubject, LocalDate.of(1968, 6, 1))), 201);

        ApiAnswer toHerself = bank.send(bank.log(herself, linked, at(1, 8, 0), at(1, 10, 0)));
        ApiAnswer toHerMother = bank.send(bank.log(daughter, mother, at(1, 8, 0), at(1, 10, 0)));
        ApiAnswer asTheResident = bank.send(bank.log(sameSubject, sameSubject, at(1, 8, 0), at(1, 10, 0)));

        assertThat(toHerself.code()).isEqualTo("SELF_SERVICE");
        assertThat(toHerMother.code()).isEqualTo("SERVICE_TO_OWN_FAMILY");
        assertThat(toHerMother.status()).isEqualTo(422);
        assertThat(asTheResident.code()).as("the token's subject is the served resident").isEqualTo("SELF_SERVICE");
        assertThat(expect(bank.account(herself), 200).json().path("balance").asLong()).isZero();
        assertThat(expect(bank.account(daughter), 200).json().path("balance").asLong()).isZero();
    }

    /** Issue 13: the volunteer confirmed her own record (holding a role that may confirm). */
    @Test
    void nobodyConfirmsARecordInWhichTheyAreTheVolunteer_andTheRecordStaysPending() {
        Bank bank = Bank.fresh(door());
        String volunteer = bank.volunteer();
        String record = bank.logged(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 10, 0));
        String sameSubjectAsStation = cn.yiyang.testing.Tokens.of(bank.county, volunteer, cn.yiyang.kernel.route.Role.OFFICER);

        ApiAnswer own = bank.send(ApiRequest.post("/v1/time-bank/service-records/" + record + "/confirm", "{}")
                .bearer(sameSubjectAsStation).idempotencyKey("conf-" + UUID.randomUUID()));

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("OWN_RECORD_NOT_CONFIRMABLE");
        assertThat(expect(bank.send(ApiRequest.get("/v1/time-bank/service-records/" + record).bearer(bank.officer())), 200)
                .json().path("status").asText()).isEqualTo("PENDING");
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isZero();
        assertThat(expect(bank.send(bank.confirm(record)), 200).json().path("credited").asLong()).as("the station may").isEqualTo(120);
    }

    /** Issue 13: an operator spent a volunteer's points. */
    @Test
    void anOperator_spendsResidentsPoints_neverAVolunteers() {
        Bank bank = Bank.fresh(door());
        String volunteer = bank.volunteer();
        String parent = bank.resident(Set.of(volunteer));
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 12, 0));
        expect(bank.send(bank.gift(volunteer, parent, 100)), 201);
        String item = bank.item("GOODS", 30, 5);

        ApiAnswer volunteers = bank.send(bank.exchange(bank.operator(), item, volunteer));
        ApiAnswer readVolunteers = bank.send(ApiRequest.get("/v1/time-bank/accounts/" + volunteer).bearer(bank.operator()));
        ApiAnswer residents = bank.send(bank.exchange(bank.operator(), item, parent));

        assertThat(volunteers.status()).isEqualTo(404);
        assertThat(readVolunteers.status()).isEqualTo(404);
        assertThat(residents.status()).isEqualTo(201);
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isEqualTo(140);
        assertThat(expect(bank.account(parent), 200).json().path("balance").asLong()).isEqualTo(70);
    }

    /**
     * Issue 13: a provider closed a resident's voucher with a made-up booking id, the points lost and
     * the booking never told. A voucher pays one committed booking of its resident and service, once;
     * after that booking's cancellation commits, the points come back once.
     */
    @Test
    void aServiceVoucher_paysOneRealBookingOfItsResidentAndService_andItsCancellationGivesThePointsBackOnce() {
        Bank bank = Bank.fresh(door());
        String resident = bank.resident(LocalDate.of(1968, 6, 1));
        String volunteer = bank.volunteerLinkedTo(resident);
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 12, 0));
        String item = bank.item("SERVICE", 60, 5);
        String voucher = expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), item, null)), 201).json().path("id").asText();
        String someoneElses = TestBookings.publish(bank.county, bank.resident(Set.of()), Bank.VOUCHER_SERVICE, "provider-1");
        String anotherService = TestBookings.publish(bank.county, resident, "CLEAN", "provider-1");
        String started = TestBookings.publish(bank.county, resident, Bank.VOUCHER_SERVICE, "provider-1");
        TestBookings.start(bank.county, started);
        String booking = TestBookings.publish(bank.county, resident, Bank.VOUCHER_SERVICE, "provider-1");

        ApiAnswer madeUp = redeem(bank, voucher, "bk-" + UUID.randomUUID());
        ApiAnswer notTheirs = redeem(bank, voucher, someoneElses);
        ApiAnswer otherService = redeem(bank, voucher, anotherService);
        ApiAnswer tooLate = redeem(bank, voucher, started);
        long afterVoucher = expect(bank.account(volunteer), 200).json().path("balance").asLong();
        ApiAnswer paid = redeem(bank, voucher, booking);
        String second = expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), item, null)), 201).json().path("id").asText();
        ApiAnswer twice = redeem(bank, second, booking);
        ApiAnswer cancelBeforeTheBooking = bank.send(bank.cancel(bank.volunteerToken(volunteer), voucher));
        TestBookings.cancel(bank.county, booking);
        ApiAnswer refunded = bank.send(bank.cancel(bank.volunteerToken(volunteer), voucher));
        ApiAnswer again = bank.send(bank.cancel(bank.volunteerToken(volunteer), voucher));

        assertThat(madeUp.status()).isEqualTo(404);
        assertThat(notTheirs.code()).isEqualTo("VOUCHER_BOOKING_MISMATCH");
        assertThat(otherService.code()).isEqualTo("VOUCHER_BOOKING_MISMATCH");
        assertThat(tooLate.code()).isEqualTo("BOOKING_NOT_PAYABLE");
        assertThat(paid.json().path("status").asText()).isEqualTo("BOOKED");
        assertThat(twice.code()).isEqualTo("BOOKING_ALREADY_PAID");
        assertThat(cancelBeforeTheBooking.code()).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
        assertThat(refunded.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(again.code()).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong())
                .as("the first voucher's 60 back once, the second's 60 spent").isEqualTo(afterVoucher);
    }

    private static ApiAnswer redeem(Bank bank, String exchange, String booking) {
        return bank.send(ApiRequest.post("/v1/time-bank/exchanges/" + exchange + "/redeem", "{\"bookingId\":\"" + booking + "\"}")
                .bearer(bank.operator()).idempotencyKey("r-" + UUID.randomUUID()));
    }
}
