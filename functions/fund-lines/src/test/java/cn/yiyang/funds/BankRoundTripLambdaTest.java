package cn.yiyang.funds;

import static cn.yiyang.funds.BatchFixtures.postedBatch;
import static cn.yiyang.funds.BatchFixtures.resident;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.fundedBudget;
import static cn.yiyang.funds.FundFixtures.officer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.funds.audit.Canonical;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bank round trip of a posted 高龄津贴 batch: the 代发 payment file out, the bank's return file in
 * (one PAID, two FAILED), the failed ones reversed to the budget (PENDING until an approver posts the
 * reversal: maker-checker holds here too) and paid by the next batch once; the
 * same return file twice changes nothing; a file that does not match is refused naming its line.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class BankRoundTripLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LambdaDoor door = LambdaDoor.ofThisTest();

    @Test
    void paymentFileOut_returnFileIn_failedItemsReversedAndPaidByTheNextBatchOnce_theSameFileTwiceChangesNothing() throws Exception {
        String county = FundFixtures.newCounty();
        YearMonth month = BatchFixtures.thisMonth();
        FundFixtures.installLines(door, county);
        String budget = fundedBudget(door, county, "LONGEVITY_ALLOWANCE", 1_000_000);
        String eighty = resident(county, month, 80, ResidentCard.ACTIVE);
        String ninetyFive = resident(county, month, 95, ResidentCard.ACTIVE);
        String hundredOne = resident(county, month, 101, ResidentCard.ACTIVE);
        Map<String, String> cards = Map.of(eighty, "6222020000000000801", ninetyFive, "6222020000000000952");
        cards.forEach((who, number) -> expect(door.send(ApiRequest.of("PUT", "/v1/payout-accounts/" + who, """
                {"kind":"BANK_CARD","bankCode":"ICBC","accountNumber":"%s","holderName":"王阿婆","reason":"登记"}""".formatted(number))
                .bearer(officer(county))), 200));
        String batch = postedBatch(door, county, "ALLOWANCE", month).path("batch").path("id").asText();

        ApiAnswer file = expect(door.send(ApiRequest.get("/v1/batches/" + batch + "/payment-file").bearer(officer(county))), 200);

        List<String> lines = List.of(file.body().split("\n"));
        assertThat(lines.get(0)).isEqualTo("H|YIYANG-DAIFA-1|" + county + "|" + batch + "|" + month + "|3|45000");
        Map<String, String[]> byResident = new HashMap<>();
        StringBuilder checksummed = new StringBuilder();
        for (String line : lines.subList(1, 4)) {
            String[] f = line.split("\\|", -1);
            checksummed.append(f[1]).append('|').append(f[2]).append('|').append(f[7]).append('\n');
            byResident.put(f[7].equals("5000") ? eighty : f[7].equals("10000") ? ninetyFive : hundredOne, f);
        }
        assertThat(byResident.get(eighty)[5]).as("the bank file carries the whole number").isEqualTo(cards.get(eighty));
        assertThat(byResident.get(hundredOne)[5]).as("no payout account").isEqualTo("-");
        assertThat(lines.get(4)).isEqualTo("T|3|45000|" + Canonical.sha256(checksummed.toString()));

        String paidLine = "R|" + byResident.get(eighty)[1] + "|" + byResident.get(eighty)[2] + "|PAID|";
        String failedLine = "R|" + byResident.get(ninetyFive)[1] + "|" + byResident.get(ninetyFive)[2] + "|FAILED|账户已销户";
        String noAccountLine = "R|" + byResident.get(hundredOne)[1] + "|" + byResident.get(hundredOne)[2] + "|FAILED|无代发账户";
        String header = "H|YIYANG-DAIFA-RETURN-1|" + batch;
        String good = String.join("\n", header, paidLine, failedLine, noAccountLine, "T|3|1|2") + "\n";

        assertRefused(county, batch, String.join("\n", header, paidLine,
                failedLine.replace(byResident.get(ninetyFive)[2], byResident.get(eighty)[2]), noAccountLine, "T|3|1|2"), "line 3");
        assertRefused(county, batch, String.join("\n", header, paidLine, failedLine, noAccountLine, "T|3|2|1"), "line 5");
        assertRefused(county, batch, good.replace(batch, "00000000-0000-0000-0000-000000000000"), "line 1");
        assertThat(FundFixtures.account(door, county, budget).path("available").asLong()).as("nothing recorded").isEqualTo(955_000);

        JsonNode imported = expect(door.send(bankReturn(county, batch, good)), 200).json();
        long transfersAfterImport = transferCount(county);
        JsonNode again = expect(door.send(bankReturn(county, batch, good)), 200).json();
        ApiAnswer conflicting = door.send(bankReturn(county, batch, String.join("\n", header,
                failedLine.replace("FAILED|账户已销户", "PAID|"), "T|1|1|0")));

        assertThat(imported.path("paid").asInt()).isEqualTo(1);
        assertThat(imported.path("failed").asInt()).isEqualTo(2);
        assertThat(again.path("alreadyImported").asBoolean()).isTrue();
        assertThat(List.of(again.path("lines").asInt(), again.path("paid").asInt(), again.path("failed").asInt(),
                again.path("unchanged").asInt())).as("the first import's figures, as recorded").containsExactly(3, 1, 2, 0);
        assertThat(transferCount(county)).as("the same file twice changes nothing").isEqualTo(transfersAfterImport);
        assertThat(conflicting.status()).isEqualTo(409);
        assertThat(conflicting.code()).isEqualTo("BANK_RETURN_CONFLICT");
        List<String> reversals = FundProbe.column("select id::text from funds.transfer where county = ?1 and kind = 'REVERSAL'"
                + " order by id", county);
        assertThat(reversals).hasSize(2);
        assertThat(reversals).allSatisfy(id -> assertThat(FundFixtures.transfer(door, county, id).path("status").asText())
                .as("an officer alone moves no money").isEqualTo("PENDING"));
        JsonNode waiting = postedBatch(door, county, "ALLOWANCE", month.minusMonths(3));
        assertThat(waiting.path("items").findValuesAsText("band")).as("not offered again before the money is back")
                .noneMatch(b -> b.startsWith("补发"));
        ApiAnswer ownApproval = door.send(FundFixtures.step(county, reversals.get(0), "approve",
                Tokens.of(county, "officer-1", Role.OFFICER, Role.APPROVER), "{}"));
        assertThat(ownApproval.code()).as("the importing officer cannot approve it").isEqualTo("APPROVER_IS_MAKER");
        reversals.forEach(id -> expect(door.send(FundFixtures.approve(county, id)), 200));
        assertThat(FundFixtures.account(door, county, budget).path("available").asLong()).as("the failed 40,000 fen are back")
                .isEqualTo(995_000 - waiting.path("batch").path("totalFen").asLong());

        JsonNode next = postedBatch(door, county, "ALLOWANCE", month.minusMonths(1));
        List<JsonNode> offered = new ArrayList<>();
        next.path("items").forEach(item -> {
            if (item.path("band").asText().startsWith("补发")) {
                offered.add(item);
            }
        });
        assertThat(next.path("batch").path("status").asText()).isEqualTo("POSTED");
        assertThat(offered).extracting(item -> item.path("residentId").asText()).containsExactlyInAnyOrder(ninetyFive, hundredOne);
        assertThat(offered).extracting(item -> item.path("amountFen").asLong()).containsExactlyInAnyOrder(10_000L, 30_000L);
        JsonNode later = postedBatch(door, county, "ALLOWANCE", month.minusMonths(2));
        assertThat(later.path("items").findValuesAsText("band")).as("paid once: not offered again").noneMatch(b -> b.startsWith("补发"));
        JsonNode verified = FundFixtures.verify(door, county);
        assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
    }

    private void assertRefused(String county, String batch, String file, String line) throws Exception {
        ApiAnswer refused = door.send(bankReturn(county, batch, file));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("BANK_RETURN_MISMATCH");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly(line);
        assertThat(refused.json().path("userMessage").asText()).isNotBlank();
    }

    private static ApiRequest bankReturn(String county, String batch, String file) throws Exception {
        return ApiRequest.post("/v1/batches/" + batch + "/bank-returns", JSON.writeValueAsString(Map.of("file", file)))
                .bearer(officer(county)).idempotencyKey(FundFixtures.key("bank-return"));
    }

    private static long transferCount(String county) {
        return FundProbe.number("select count(*) from funds.transfer where county = ?1", county);
    }
}
