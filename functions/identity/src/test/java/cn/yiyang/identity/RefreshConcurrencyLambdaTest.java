package cn.yiyang.identity;

import static cn.yiyang.identity.StaffFixtures.COUNTY;
import static cn.yiyang.identity.StaffFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgOperations;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.InProcessLambdaDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fifty double taps of one refresh token at once, as many Lambda instances sharing one database
 * would take them: one rotation, and every client gets the very same new pair.
 */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class RefreshConcurrencyLambdaTest {

    static final int CLIENTS = 50;
    static final int ATTEMPTS_MAX = 20;

    @Inject
    ApiDispatcher dispatcher;
    @Inject
    PgOperations pg;

    @Test
    void fiftyConcurrentRefreshesOfOneToken_rotateOnce_andAllGetTheSamePair() throws Exception {
        InProcessLambdaDoor door = new InProcessLambdaDoor(dispatcher);
        var staff = StaffFixtures.create(door, COUNTY, "[\"operator\"]", null);
        String token = StaffFixtures.signIn(door, COUNTY, staff.phone(), PASSWORD).json().path("refreshToken").asText();

        List<ApiAnswer> answers = Concurrently.run(CLIENTS, i -> refreshLikeAClient(door, token));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        Set<String> bodies = answers.stream().map(ApiAnswer::body).collect(Collectors.toSet());
        assertThat(bodies).hasSize(1);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        Object[] family = pg.inSession(() -> NativeSql.first("""
                select count(*), count(spent_at) from identity.refresh_token
                 where family_id = (select family_id from identity.refresh_token where token_hash = ?1)""", hash))
                .orElseThrow();
        assertThat(NativeSql.number(family[0])).as("tokens in the family: the first and one rotation").isEqualTo(2);
        assertThat(NativeSql.number(family[1])).as("spent tokens").isEqualTo(1);
        String next = answers.get(0).json().path("refreshToken").asText();
        assertThat(StaffFixtures.refresh(door, next).status()).as("the one new token works").isEqualTo(200);
    }

    /** A real client: a 503 or a 409 is tried again with the same token after a growing pause. */
    private static ApiAnswer refreshLikeAClient(InProcessLambdaDoor door, String token) {
        ApiAnswer answer = null;
        for (int attempt = 1; attempt <= ATTEMPTS_MAX; attempt++) {
            answer = StaffFixtures.refresh(door, token);
            if (answer.status() != 503 && answer.status() != 409) {
                return answer;
            }
            try {
                Thread.sleep(Math.min(500, 10L << attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
        }
        return answer;
    }
}
