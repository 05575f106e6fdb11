package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.approve;
import static cn.yiyang.funds.FundFixtures.auditor;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static cn.yiyang.funds.FundFixtures.officer;
import static cn.yiyang.funds.FundFixtures.payee;
import static cn.yiyang.funds.FundFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.audit.AuditVerifier;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: verification from signed checkpoints. The checkpoint job signs the head of a chain it has
 * verified; a verification then walks only the entries after the newest checkpoint whose signature holds,
 * counted as entries and rows read (never timed); the full walk (auditors) still walks everything.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class AuditCheckpointLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaDoor door = LambdaDoor.ofThisTest();
    private String county;
    private String budget;
    private String point;

    @BeforeEach
    void aCountyWithSomeHistory() {
        county = FundFixtures.newCounty();
        FundFixtures.installLines(door, county);
        budget = fundedBudget(door, county, "MEAL_SUBSIDY", 100_000);
        point = payee(door, county, "MEAL_SUBSIDY", "MEAL_POINT", "mp-cp");
        paid(1_000);
        paid(2_000);
    }

    @Test
    void afterACheckpoint_verifyWalksOnlyTheEntriesAppendedSince_andTheFullWalkStillWalksAll() {
        JsonNode run = checkpoint();
        long checkpointSeq = head();
        paid(3_000);
        long appended = head() - checkpointSeq;

        JsonNode incremental = verify(null);
        JsonNode full = verify("full=true");

        assertThat(run.path("written").asBoolean()).isTrue();
        assertThat(run.path("seq").asLong()).isEqualTo(checkpointSeq);
        assertThat(run.path("entriesChecked").asLong()).as("the first checkpoint verifies the chain from its start").isEqualTo(checkpointSeq);
        assertThat(appended).as("a payment made and approved").isEqualTo(2);
        assertThat(incremental.path("valid").asBoolean()).isTrue();
        assertThat(incremental.path("checkpoint").path("seq").asLong()).isEqualTo(checkpointSeq);
        assertThat(incremental.path("walkedAfterSeq").asLong()).isEqualTo(checkpointSeq);
        assertThat(incremental.path("entriesChecked").asLong()).as("entries read").isEqualTo(appended);
        assertThat(incremental.path("transfersChecked").asLong()).as("transfer rows read").isEqualTo(1);
        assertThat(incremental.path("resolutionsChecked").asLong()).isEqualTo(1);
        assertThat(incremental.path("accountsChecked").asLong()).as("the whole-ledger checks are the full walk's").isZero();
        assertThat(full.path("valid").asBoolean()).isTrue();
        assertThat(full.path("walkedAfterSeq").asLong()).isZero();
        assertThat(full.path("entriesChecked").asLong()).isEqualTo(head());
        assertThat(full.path("transfersChecked").asLong()).as("appropriation and three payments").isEqualTo(4);
        assertThat(full.path("accountsChecked").asLong()).isPositive();
        assertThat(checkpoint().path("written").asBoolean()).as("the next run signs the new head").isTrue();
        assertThat(checkpoint().path("written").asBoolean()).as("nothing new, nothing signed").isFalse();
    }

    @Test
    void anEntryAlteredBeforeTheCheckpoint_isFoundByTheFullWalk_andTheEntryTheCheckpointNamesIsHeldToItsHash() {
        checkpoint();
        long checkpointSeq = head();
        paid(3_000);

        FundProbe.tamper("update funds.audit_entry set actor = 'someone-else' where county = ?1 and seq = 2", county);
        JsonNode incremental = verify(null);
        JsonNode full = verify("full=true");
        FundProbe.tamper("update funds.audit_entry set hash = ?3 where county = ?1 and seq = ?2", county, checkpointSeq, "f".repeat(64));
        JsonNode atTheCheckpoint = verify(null);

        assertThat(incremental.path("valid").asBoolean()).as("the signed checkpoint vouches for entries 1.." + checkpointSeq).isTrue();
        assertThat(full.path("valid").asBoolean()).isFalse();
        assertThat(full.path("firstBreak").path("kind").asText()).isEqualTo("ENTRY_ALTERED");
        assertThat(full.path("firstBreak").path("seq").asLong()).isEqualTo(2);
        assertThat(atTheCheckpoint.path("valid").asBoolean()).isFalse();
        assertThat(atTheCheckpoint.path("firstBreak").path("kind").asText()).isEqualTo("ENTRY_ALTERED");
        assertThat(atTheCheckpoint.path("firstBreak").path("seq").asLong()).isEqualTo(checkpointSeq);
    }

    /**
     * Someone who can write to the database alters an entry after the checkpoint and adds a checkpoint past
     * it, to have verification start after the change: its signature does not hold, so it is reported and
     * passed over, and the walk from the genuine checkpoint finds the change.
     */
    @Test
    void aForgedCheckpoint_isReportedAndPassedOver() {
        checkpoint();
        long genuine = head();
        paid(3_000);
        long head = head();
        String headHash = FundProbe.column("select hash from funds.audit_entry where county = ?1 and seq = ?2", county, head).get(0);
        FundProbe.tamper("update funds.audit_entry set actor = 'someone-else' where county = ?1 and seq = ?2", county, genuine + 1);
        String keyId = FundProbe.column("select key_id from funds.audit_checkpoint where county = ?1", county).get(0);
        FundProbe.tamper("""
                insert into funds.audit_checkpoint (county, seq, hash, at, key_id, signature)
                values (?1, ?2, ?3, now(), ?4, 'bm90IGEgc2lnbmF0dXJl')""", county, head, headHash, keyId);

        JsonNode verified = verify(null);

        assertThat(verified.path("rejectedCheckpoints").toString()).isEqualTo("[{\"seq\":" + head + ",\"reason\":\"BAD_SIGNATURE\"}]");
        assertThat(verified.path("checkpoint").path("seq").asLong()).isEqualTo(genuine);
        assertThat(verified.path("valid").asBoolean()).isFalse();
        assertThat(verified.path("firstBreak").path("kind").asText()).isEqualTo("ENTRY_ALTERED");
        assertThat(verified.path("firstBreak").path("seq").asLong()).isEqualTo(genuine + 1);
    }

    @Test
    void aCheckpointSignedByAnotherKey_isPassedOverAsUnknown() {
        long head = head();
        String headHash = FundProbe.column("select hash from funds.audit_entry where county = ?1 and seq = ?2", county, head).get(0);
        FundProbe.tamper("""
                insert into funds.audit_checkpoint (county, seq, hash, at, key_id, signature)
                values (?1, ?2, ?3, ?4, 'another-key', 'bm90IGEgc2lnbmF0dXJl')""", county, head, headHash, OffsetDateTime.now());

        JsonNode verified = verify(null);

        assertThat(verified.path("rejectedCheckpoints").get(0).path("reason").asText()).isEqualTo("UNKNOWN_KEY");
        assertThat(verified.path("checkpoint").isObject()).isFalse();
        assertThat(verified.path("walkedAfterSeq").asLong()).isZero();
        assertThat(verified.path("entriesChecked").asLong()).isEqualTo(head);
        assertThat(verified.path("valid").asBoolean()).isTrue();
    }

    /** A call walks at most maxEntries (and never more than ENTRIES_PER_CALL_MAX), then names where to carry on. */
    @Test
    void aWalkOverItsLimit_answersIncompleteWithTheSeqToResumeAfter_andResumingReachesTheHead() {
        long head = head();
        JsonNode first = verify("full=true&maxEntries=2");
        long walked = first.path("entriesChecked").asLong();
        long after = first.path("resumeAfterSeq").asLong();
        int calls = 1;
        JsonNode last = first;
        while (!last.path("complete").asBoolean() && calls < head) {
            last = verify("full=true&maxEntries=2&fromSeq=" + last.path("resumeAfterSeq").asLong());
            walked += last.path("entriesChecked").asLong();
            calls++;
        }

        assertThat(first.path("complete").asBoolean()).isFalse();
        assertThat(first.path("valid").asBoolean()).as("not valid until the walk reaches the head").isFalse();
        assertThat(first.path("firstBreak").isObject()).isFalse();
        assertThat(walked - first.path("entriesChecked").asLong() + 2).isEqualTo(head);
        assertThat(after).isEqualTo(2);
        assertThat(last.path("complete").asBoolean()).isTrue();
        assertThat(last.path("valid").asBoolean()).isTrue();
        assertThat(last.path("accountsChecked").asLong()).as("the full walk's ledger checks, once it reaches the head").isPositive();
        assertThat(calls).isEqualTo((int) ((head + 1) / 2));
        assertThat(walked).isEqualTo(head);
        ApiAnswer tooMany = door.send(ApiRequest.get("/v1/audit/verify").query("maxEntries",
                Long.toString(AuditVerifier.ENTRIES_PER_CALL_MAX + 1)).bearer(auditor(county)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("maxEntries");
    }

    /**
     * Without a checkpoint and over its limit, the default walk resumed call by call holds every stretch's rows to
     * their entries, the first stretch's too: a transfer altered in it is found (the first call used to skip its rows).
     */
    @Test
    void aDefaultWalkResumedCallByCall_holdsTheFirstStretchsRowsToTheirEntries() {
        String altered = FundProbe.column("select subject_id from funds.audit_entry where county = ?1 and subject_type = 'TRANSFER' "
                + "order by seq limit 1", county).get(0);
        long alteredSeq = FundProbe.number("select min(seq) from funds.audit_entry where county = ?1 and subject_id = ?2", county, altered);
        assertThat(FundProbe.tamper("update funds.transfer set amount_fen = amount_fen + 1 where id = ?1",
                java.util.UUID.fromString(altered))).isEqualTo(1);
        long perCall = Math.max(2, alteredSeq);

        JsonNode last = verify("maxEntries=" + perCall);
        boolean brokeOnFirstCall = last.path("firstBreak").isObject();
        int calls = 1;
        while (!last.path("firstBreak").isObject() && !last.path("complete").asBoolean() && calls < head()) {
            last = verify("maxEntries=" + perCall + "&fromSeq=" + last.path("resumeAfterSeq").asLong());
            calls++;
        }

        assertThat(head()).as("the walk needs more than one call").isGreaterThan(perCall);
        assertThat(last.path("valid").asBoolean()).as("the walk's verdict once it stops").isFalse();
        assertThat(last.path("firstBreak").toString()).contains(altered);
        assertThat(brokeOnFirstCall).as("the altered transfer's entry is in the first call's stretch").isTrue();
    }

    @Test
    void theFullWalk_isTheAuditorsAlone() {
        ApiAnswer byOfficer = door.send(ApiRequest.get("/v1/audit/verify").query("full", "true").bearer(officer(county)));
        ApiAnswer incrementalByOfficer = door.send(ApiRequest.get("/v1/audit/verify").bearer(officer(county)));

        assertThat(byOfficer.status()).isEqualTo(403);
        assertThat(incrementalByOfficer.status()).isEqualTo(200);
    }

    private void paid(long amountFen) {
        String id = expect(door.send(payment(county, budget, point, amountFen)), 201).json().path("id").asText();
        expect(door.send(approve(county, id)), 200);
    }

    private long head() {
        return FundProbe.number("select max(seq) from funds.audit_entry where county = ?1", county);
    }

    private JsonNode checkpoint() {
        ApiAnswer job = door.invoke(FundRoutes.CHECKPOINT_AUDIT.event(List.of(county)));
        assertThat(job.status()).isEqualTo(200);
        try {
            return JSON.readTree(job.json().path("runs").get(0).path("answer").asText());
        } catch (Exception e) {
            throw new AssertionError(job.toString(), e);
        }
    }

    private JsonNode verify(String query) {
        ApiRequest request = ApiRequest.get("/v1/audit/verify").bearer(auditor(county));
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=");
                request = request.query(kv[0], kv[1]);
            }
        }
        return expect(door.send(request), 200).json();
    }
}
