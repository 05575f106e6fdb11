package cn.yiyang.stores.pg;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import io.smallrye.mutiny.CompositeException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/** What a dropped or refused database connection is answered with: 503, never a 500. */
class PgFailuresTest {

    @Test
    void aConnectionResetMidTransaction_wrappedAsMutinyThrowsIt_isStoreUnavailable() {
        Throwable reset = new CompositeException(new HibernateException(new SocketException("Connection reset")),
                new SocketException("Connection reset"));

        assertThat(code(new CompletionException(reset))).isEqualTo(CommonProblem.STORE_UNAVAILABLE);
    }

    @Test
    void aBrokenPipeOnAPipelinedStatementsWrite_asItsAnswerFutureFailsWithIt_isStoreUnavailable() {
        // the harness's PostgreSQL outage: the send's own future failed with the channel write's bare IOException
        assertThat(code(new CompletionException(new java.io.IOException("Broken pipe"))))
                .isEqualTo(CommonProblem.STORE_UNAVAILABLE);
    }

    @Test
    void aBodyThatDoesNotParse_isNotTakenForTheDatabaseBeingAway() {
        RuntimeException mapped = PgFailures.map(new CompletionException(
                new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character")));
        assertThat(mapped).isNotInstanceOf(cn.yiyang.kernel.problem.ApiException.class);
    }

    @Test
    void aRefusedConnection_isStoreUnavailable() {
        assertThat(code(new CompletionException(new ConnectException("Connection refused")))).isEqualTo(CommonProblem.STORE_UNAVAILABLE);
    }

    @Test
    void aRefusedConnectAsNettyAnnotatesIt_isStoreUnavailable() {
        // the harness's PostgreSQL outage (session 9): a new connection refused while the server was down reached
        // the caller as Netty's AnnotatedConnectException (an IOException of io.netty) around the JDK's ConnectException
        // (that class is private: an IOException of a package of our own stands in for it, the JDK's below it)
        Throwable annotated = new ConnectException("Connection refused: localhost/127.0.0.1:5432") {
        };
        annotated.initCause(new ConnectException("Connection refused"));
        assertThat(code(new CompletionException(new io.netty.channel.ConnectTimeoutException("connection timed out"))))
                .isEqualTo(CommonProblem.STORE_UNAVAILABLE);
        assertThat(code(new CompletionException(annotated))).isEqualTo(CommonProblem.STORE_UNAVAILABLE);
    }

    @Test
    void noPooledConnectionWithinTheAcquisitionTimeout_isStoreUnavailable() {
        Throwable timeout = new CompletionException(new io.vertx.core.impl.NoStackTraceThrowable("Timeout"));

        assertThat(code(timeout)).isEqualTo(CommonProblem.STORE_UNAVAILABLE);
    }

    @Test
    void anInterruptedWait_isStoreUnavailable_andTheThreadStaysInterrupted() {
        try {
            assertThat(code(new CompletionException(new InterruptedException()))).isEqualTo(CommonProblem.STORE_UNAVAILABLE);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anyOtherFailure_staysWhatItIs() {
        IllegalStateException bug = new IllegalStateException("a bug");

        assertThat(PgFailures.map(bug)).isSameAs(bug);
    }

    private static Object code(Throwable failure) {
        RuntimeException mapped = PgFailures.map(failure);
        assertThat(mapped).isInstanceOf(ApiException.class);
        return ((ApiException) mapped).code();
    }
}
