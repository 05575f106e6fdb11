package cn.yiyang.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void theHeadersAnIdempotencyRecordKeeps_comeBackOnReplay_markedAsReplayed() {
        Reply first = new Reply(202, "{\"batch\":{}}", Map.of("Location", "/v1/batches/7", "x-next-cursor", "a: b"));

        Reply replay = Reply.replayed(202, first.json(), first.storedHeaders());

        assertThat(replay.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Location", "/v1/batches/7", "x-next-cursor", "a: b", Reply.REPLAYED_HEADER, "true"));
    }

    @Test
    void aReplayOfAReplay_keepsOneMark_andAnAnswerWithoutHeadersStoresNothing() {
        Reply replay = Reply.replayed(201, "{}", new Reply(201, "{}", Map.of("Location", "/x")).storedHeaders());

        assertThat(replay.storedHeaders()).isEqualTo("Location: /x\n");
        assertThat(new Reply(200, "{}", Map.of()).storedHeaders()).isEmpty();
        assertThat(Reply.replayed(200, "{}", "").headers()).containsOnlyKeys(Reply.REPLAYED_HEADER);
    }
}
