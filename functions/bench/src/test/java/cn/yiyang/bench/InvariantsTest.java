package cn.yiyang.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yiyang.testing.ApiAnswer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each check of the harness, fed a deliberately broken result, fails loudly; fed a sound one, passes. */
class InvariantsTest {

    private static final Map<String, String> PROBLEM = Map.of("content-type", "application/problem+json; charset=utf-8");
    private static final Map<String, String> JSON = Map.of("content-type", "application/json");
    private static final ApiAnswer CREATED = new ApiAnswer(201, JSON, "{\"id\":\"a\"}");
    private static final ApiAnswer SOLD_OUT = new ApiAnswer(409, PROBLEM, "{\"code\":\"MEAL_SOLD_OUT\",\"userMessage\":\"这一餐已经订满了\"}");
    private static final ApiAnswer CRASH = new ApiAnswer(500, PROBLEM, "{\"code\":\"INTERNAL_ERROR\",\"userMessage\":\"系统开小差了\"}");

    @Test
    void noServerErrors_failsOnASingle500() {
        assertDoesNotThrow(() -> Invariants.noServerErrors("ok", List.of(CREATED, SOLD_OUT)));
        Invariants.Broken broken = assertThrows(Invariants.Broken.class,
                () -> Invariants.noServerErrors("rush", List.of(CREATED, CRASH, SOLD_OUT)));
        assertTrue(broken.getMessage().contains("rush") && broken.getMessage().contains("500"), broken.getMessage());
    }

    @Test
    void refusalsAreProblems_failsOnPlainJsonOrAMissingUserMessage() {
        assertDoesNotThrow(() -> Invariants.refusalsAreProblems("ok", List.of(CREATED, SOLD_OUT)));
        assertThrows(Invariants.Broken.class, () -> Invariants.refusalsAreProblems("plain",
                List.of(new ApiAnswer(400, JSON, "{\"code\":\"VALIDATION_FAILED\",\"userMessage\":\"填写的信息有误\"}"))));
        assertThrows(Invariants.Broken.class, () -> Invariants.refusalsAreProblems("no message",
                List.of(new ApiAnswer(400, PROBLEM, "{\"code\":\"VALIDATION_FAILED\"}"))));
        assertThrows(Invariants.Broken.class, () -> Invariants.refusalsAreProblems("not json",
                List.of(new ApiAnswer(404, PROBLEM, "<html>not found</html>"))));
    }

    @Test
    void answeredOnly_failsOnAnUnexpectedStatusOrCode() {
        assertDoesNotThrow(() -> Invariants.answeredOnly("ok", List.of(CREATED, SOLD_OUT), Set.of(201, 409), Set.of("MEAL_SOLD_OUT")));
        assertThrows(Invariants.Broken.class, () -> Invariants.answeredOnly("status", List.of(CREATED,
                new ApiAnswer(422, PROBLEM, "{\"code\":\"MEAL_SOLD_OUT\",\"userMessage\":\"x\"}")), Set.of(201, 409), Set.of("MEAL_SOLD_OUT")));
        assertThrows(Invariants.Broken.class, () -> Invariants.answeredOnly("code", List.of(
                new ApiAnswer(409, PROBLEM, "{\"code\":\"CONCURRENT_UPDATE\",\"userMessage\":\"x\"}")), Set.of(201, 409), Set.of("MEAL_SOLD_OUT")));
    }

    @Test
    void tookEffectOnce_failsWhenOneKeyGotTwoDifferentSuccesses_orNone() {
        ApiAnswer inProgress = new ApiAnswer(409, PROBLEM, "{\"code\":\"IDEMPOTENCY_IN_PROGRESS\",\"userMessage\":\"x\"}");
        assertDoesNotThrow(() -> Invariants.tookEffectOnce("ok", Map.of("k1", List.of(CREATED, CREATED, inProgress))));
        assertThrows(Invariants.Broken.class, () -> Invariants.tookEffectOnce("twice",
                Map.of("k1", List.of(CREATED, new ApiAnswer(201, JSON, "{\"id\":\"b\"}")))));
        assertThrows(Invariants.Broken.class, () -> Invariants.tookEffectOnce("never", Map.of("k1", List.of(inProgress, inProgress))));
    }

    @Test
    void counts_failWhenTheStoreHoldsOneMoreOrOneLess() {
        assertDoesNotThrow(() -> Invariants.equal("seats", 5_000, 5_000));
        assertThrows(Invariants.Broken.class, () -> Invariants.equal("seats", 5_000, 5_001));
        assertThrows(Invariants.Broken.class, () -> Invariants.atLeast("snapshots", 3, 2));
        assertThrows(Invariants.Broken.class, () -> Invariants.none("violations", List.of("MEAL_SUBSIDY unbalanced: posted 1")));
    }

    @Test
    void aFailedCheck_isAFailRowInTheReport_andTheRunIsNotPassed() {
        HarnessReport report = new HarnessReport();
        report.check("rush", "no 5xx", () -> Invariants.noServerErrors("rush", List.of(CRASH)));
        report.check("rush", "counts", () -> Invariants.equal("seats", 1, 1));

        assertTrue(!report.allPassed());
        String md = report.markdown("# test");
        assertTrue(md.contains("**FAIL**") && md.contains("1 passed, 1 failed"), md);
    }
}
