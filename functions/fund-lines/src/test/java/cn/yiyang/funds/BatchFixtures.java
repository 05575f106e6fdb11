package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.key;
import static cn.yiyang.funds.FundFixtures.officer;

import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.TestResidents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The world a batch or bed scenario needs: resident cards, beds, admissions, batches. */
public final class BatchFixtures {

    private BatchFixtures() {
    }

    public static YearMonth thisMonth() {
        return YearMonth.now(CountyTime.ZONE);
    }

    /** The month a bed subsidy can be made for: the last one finished. */
    public static YearMonth lastMonth() {
        return thisMonth().minusMonths(1);
    }

    /** A resident card as the registry publishes it: aged {@code age} on the last day of {@code month}. */
    public static String resident(String county, YearMonth month, int age, String status) {
        return resident(county, month.atEndOfMonth().minusYears(age), status, null);
    }

    public static String resident(String county, LocalDate birthDate, String status, String disabilityLevel) {
        String id = UUID.randomUUID().toString();
        TestResidents.publish(new ResidentCard(county, id, "王阿婆", birthDate, Set.of(), disabilityLevel, status, "330105001",
                "文三路 8 号", "138****0000", Set.of()));
        return id;
    }

    /**
     * {@code count} active residents aged 80 to 104 at the end of {@code month} (one age after another), their
     * cards written in bulk; answers what the default bands pay them all.
     */
    public static long elders(String county, YearMonth month, int count) {
        List<ResidentCard> cards = new ArrayList<>(count);
        long total = 0;
        for (int i = 0; i < count; i++) {
            int age = 80 + i % 25;
            cards.add(new ResidentCard(county, UUID.randomUUID().toString(), "王阿婆", month.atEndOfMonth().minusYears(age), Set.of(),
                    null, ResidentCard.ACTIVE, "330105001", "文三路 8 号", "138****0000", Set.of()));
            total += age >= 100 ? 30_000 : age >= 90 ? 10_000 : 5_000;
        }
        TestResidents.publishAll(cards);
        return total;
    }

    /** An active resident of 85 with the card's disability level (null: none). */
    public static String disabled(String county, String disabilityLevel) {
        return resident(county, LocalDate.now(CountyTime.ZONE).minusYears(85), ResidentCard.ACTIVE, disabilityLevel);
    }

    public static ApiRequest createBatch(String county, String kind, YearMonth month) {
        return ApiRequest.post("/v1/batches", "{\"kind\":\"%s\",\"month\":\"%s\"}".formatted(kind, month))
                .bearer(officer(county)).idempotencyKey(key("batch"));
    }

    public static ApiRequest approveBatch(String county, String batch, String token) {
        return ApiRequest.post("/v1/batches/" + batch + "/approve", "{}").bearer(token).idempotencyKey(key("approve-batch"));
    }

    public static JsonNode batch(Door door, String county, String id) {
        return expect(door.send(ApiRequest.get("/v1/batches/" + id).bearer(FundFixtures.auditor(county))), 200).json();
    }

    /** Created and approved once: the batch's report after approval. */
    public static JsonNode postedBatch(Door door, String county, String kind, YearMonth month) {
        String id = expect(door.send(createBatch(county, kind, month)), 201).json().path("batch").path("id").asText();
        return expect(door.send(approveBatch(county, id, approver(county))), 200).json();
    }

    public static String institution(Door door, String county, String ref) {
        return FundFixtures.payee(door, county, "INSTITUTION_SUBSIDY", "INSTITUTION", ref);
    }

    public static ApiRequest registerBed(String county, String institution, String code) {
        return ApiRequest.post("/v1/beds", """
                {"institutionAccountId":"%s","code":"%s","bedType":"NURSING","careLevel":"SEVERE"}""".formatted(institution, code))
                .bearer(officer(county)).idempotencyKey(key("bed"));
    }

    public static String bed(Door door, String county, String institution, String code) {
        return expect(door.send(registerBed(county, institution, code)), 201).json().path("id").asText();
    }

    public static ApiRequest admission(String county, String bed, String resident, LocalDate on) {
        return ApiRequest.post("/v1/beds/" + bed + "/admissions", "{\"residentId\":\"%s\",\"admittedOn\":\"%s\"}".formatted(resident, on))
                .bearer(officer(county)).idempotencyKey(key("admit"));
    }

    public static ApiRequest discharge(String county, String occupancy, LocalDate on) {
        return ApiRequest.post("/v1/occupancies/" + occupancy + "/discharge", "{\"dischargedOn\":\"%s\"}".formatted(on))
                .bearer(officer(county)).idempotencyKey(key("discharge"));
    }

    /** Admitted on {@code from}, and discharged on {@code until} unless it is null; answers the occupancy id. */
    public static String stay(Door door, String county, String bed, String resident, LocalDate from, LocalDate until) {
        ApiAnswer admitted = expect(door.send(admission(county, bed, resident, from)), 201);
        String id = admitted.json().path("id").asText();
        if (until != null) {
            expect(door.send(discharge(county, id, until)), 200);
        }
        return id;
    }
}
