package cn.yiyang.identity.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.embedded.WeChatStandIn;
import cn.yiyang.stores.secrets.DeploymentSecrets;
import cn.yiyang.testing.Concurrently;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The app's WeChat access token against the stand-in: cached, refreshed before expiry, one fetch at a time. */
class WeChatAccessTokenTest {

    private final WeChatStandIn wechat = WeChatStandIn.start("wx-app", "wx-secret");
    private final MovableClock clock = new MovableClock();
    private final WeChatApp app = new WeChatApp(new DeploymentSecrets(), Optional.of("wx-app"), Optional.of("wx-secret"),
            URI.create(wechat.baseUrl()));
    private final WeChatAccessToken token = new WeChatAccessToken(app, clock);

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void twentyCallersAtOnce_causeOneFetch_andAllGetThatToken() {
        List<String> tokens = Concurrently.run(20, i -> token.current());

        assertThat(Set.copyOf(tokens)).hasSize(1);
        assertThat(wechat.tokenFetches()).isEqualTo(1);
    }

    @Test
    void theTokenIsKept_untilShortlyBeforeItExpires() {
        String first = token.current();
        clock.advance(Duration.ofSeconds(7200 - WeChatAccessToken.REFRESH_BEFORE_EXPIRY_SECONDS - 10));
        String kept = token.current();
        clock.advance(Duration.ofSeconds(20));
        String renewed = token.current();

        assertThat(kept).isEqualTo(first);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(wechat.tokenFetches()).isEqualTo(2);
    }

    @Test
    void aTokenWeChatCallsInvalid_isReplacedOnce_andThePhoneCallSucceeds() {
        WeChatClient client = new WeChatClient(app, token);
        assertThat(client.phoneNumber(wechat.phoneCode("13800571234"))).isEqualTo("13800571234");
        wechat.invalidateAccessToken();

        String phone = client.phoneNumber(wechat.phoneCode("13900571235"));

        assertThat(phone).isEqualTo("13900571235");
        assertThat(wechat.tokenFetches()).isEqualTo(2);
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
