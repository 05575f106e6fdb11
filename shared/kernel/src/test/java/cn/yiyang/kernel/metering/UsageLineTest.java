package cn.yiyang.kernel.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsageLineTest {

    private static final UsageLine CALL = new UsageLine("330105", "meal-orders", "POST /v1/meal-orders",
            LocalDate.of(2026, 12, 2), "JKJaXmPLvHcESHA=", Instant.parse("2026-12-02T04:05:06.789Z"));

    @Test
    void aLine_isOneEmbeddedMetricObject_thatReadsBackAsTheSameCall() {
        String emf = CALL.emf();

        assertThat(emf).doesNotContain("\n")
                .contains("\"_aws\":{\"Timestamp\":1796184306789", "\"Namespace\":\"Yiyang/Usage\"",
                        "\"Dimensions\":[[\"county\",\"function\"]]", "{\"Name\":\"calls\",\"Unit\":\"Count\"}",
                        "\"county\":\"330105\"", "\"function\":\"meal-orders\"", "\"calls\":1");
        assertThat(UsageLine.read(emf + "\n")).isEqualTo(new UsageLine.Valid(CALL));
    }

    @Test
    void otherLogLines_areNotUsage_andAUsageLineThatDoesNotHoldTogether_isRejected_neverThrown() {
        assertThat(UsageLine.read("START RequestId: 8f1c Version: $LATEST")).isInstanceOf(UsageLine.NotUsage.class);
        assertThat(UsageLine.read("{\"level\":\"INFO\",\"message\":\"POST /v1/meal-orders -> 201\"}"))
                .isInstanceOf(UsageLine.NotUsage.class);
        assertThat(UsageLine.read(null)).isInstanceOf(UsageLine.NotUsage.class);
        String kind = "\"kind\":\"" + UsageLine.KIND + "\"";
        assertThat(UsageLine.read("{" + kind + ",\"county\":\"0\",\"function\":\"x\",\"route\":\"GET /\","
                + "\"day\":\"2026-12-02\",\"callId\":\"a\",\"calls\":1}")).isInstanceOf(UsageLine.Rejected.class);
        assertThat(UsageLine.read(CALL.emf().replace("2026-12-02\"", "2026-13-02\""))).isInstanceOf(UsageLine.Rejected.class);
        assertThat(UsageLine.read(CALL.emf().replace("\"calls\":1", "\"calls\":1000"))).isInstanceOf(UsageLine.Rejected.class);
        assertThat(UsageLine.read("{" + kind + ", broken")).isInstanceOf(UsageLine.Rejected.class);
        assertThat(UsageLine.read("{" + kind + ",\"pad\":\"" + "x".repeat(UsageLine.LINE_CHARS_MAX) + "\"}"))
                .isInstanceOf(UsageLine.Rejected.class);
    }

    @Test
    void aLineCannotCarryAQuoteOrAKeySeparatorInto_theCounter() {
        assertThatThrownBy(() -> new UsageLine("330105", "meal-orders", "GET /v1/a\"b", CALL.day(), "id", CALL.at()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UsageLine("330105", "meal-orders", "GET /v1/a#b", CALL.day(), "id", CALL.at()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(UsageLine.isCallId("3f2a9c1e-0b7d-4e55-9a1f-2c3d4e5f6a7b")).isTrue();
        assertThat(UsageLine.isCallId("x\"y")).isFalse();
    }
}
