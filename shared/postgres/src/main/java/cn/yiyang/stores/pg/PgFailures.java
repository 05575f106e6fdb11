package cn.yiyang.stores.pg;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import io.vertx.pgclient.PgException;
import java.util.Optional;
import java.util.function.Predicate;

/** Classifies what PostgreSQL or the client threw into an answer the request path can give. */
public final class PgFailures {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String EXCLUSION_VIOLATION = "23P01";
    public static final String CHECK_VIOLATION = "23514";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final int CAUSES_DEPTH_MAX = 16;
    private static final String POOL_TIMEOUT = "Timeout";

    private PgFailures() {
    }

    public static boolean isRetryable(Throwable failure) {
        return sqlState(failure).map(s -> s.equals(SERIALIZATION_FAILURE) || s.equals(DEADLOCK_DETECTED))
                .orElse(false);
    }

    public static boolean is(Throwable failure, String sqlState) {
        return sqlState(failure).map(sqlState::equals).orElse(false);
    }

    /** The constraint a violation names, to tell one uniqueness rule from another. */
    public static Optional<String> constraint(Throwable failure) {
        Optional<String> named = pgException(failure).map(PgException::getConstraint);
        if (named.isPresent()) {
            return named;
        }
        return find(failure, org.hibernate.exception.ConstraintViolationException.class)
                .map(org.hibernate.exception.ConstraintViolationException::getConstraintName);
    }

    public static RuntimeException map(Throwable failure) {
        Optional<ApiException> api = find(failure, ApiException.class);
        if (api.isPresent()) {
            return api.get();
        }
        if (isRetryable(failure)) {
            return new ApiException(CommonProblem.CONCURRENT_UPDATE,
                    "The store kept reporting a conflicting concurrent update; try again");
        }
        if (find(failure, InterruptedException.class).isPresent()) {
            // The waiting thread was told to stop (a test's watchdog; a host shutting down): the work may
            // still finish on the event loop, so the caller is told to try again under its key, never 500.
            Thread.currentThread().interrupt();
            return new ApiException(CommonProblem.STORE_UNAVAILABLE, "The wait for the database was interrupted");
        }
        Optional<String> state = sqlState(failure);
        if (state.map(s -> s.startsWith("08") || s.startsWith("57P") || s.equals("53300")).orElse(false)
                || isConnectionIo(failure)
                || find(failure, io.vertx.sqlclient.ClosedConnectionException.class).isPresent()
                || isPoolTimeout(failure)) {
            return new ApiException(CommonProblem.STORE_UNAVAILABLE, "The database is unavailable");
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /**
     * An I/O failure on the way to the server, anywhere in the chain: a reset, a broken pipe on a pipelined
     * statement's write, a closed channel, a refused connection (the JDK's own IOExceptions, java.io, java.net,
     * java.nio, and Netty's, which wrap them: a refused connect arrives as Netty's AnnotatedConnectException
     * around the JDK's ConnectException). Not a parser's IOException (Jackson's extend it): a body that does not
     * parse is a defect, never the database being away.
     */
    private static boolean isConnectionIo(Throwable failure) {
        return find(failure, t -> t instanceof java.io.IOException
                && (t.getClass().getName().startsWith("java.") || t.getClass().getName().startsWith("io.netty."))).isPresent();
    }

    /**
     * No pooled connection came free within the pool's acquisition timeout: the Vert.x pool fails the
     * waiting request with a bare "Timeout" (SqlConnectionPool's PoolRequest). Overload, not a fault: 503,
     * and the client sends it again (seen as 500s with 200 bookings at once on a loaded 2-core machine).
     */
    private static boolean isPoolTimeout(Throwable failure) {
        return find(failure, io.vertx.core.impl.NoStackTraceThrowable.class).map(t -> POOL_TIMEOUT.equals(t.getMessage()))
                .orElse(false);
    }

    /** The SQLSTATE, whether the client's exception arrives bare or wrapped by Hibernate. */
    private static Optional<String> sqlState(Throwable failure) {
        Optional<String> state = pgException(failure).map(PgException::getSqlState);
        if (state.isPresent()) {
            return state;
        }
        return find(failure, org.hibernate.JDBCException.class).map(org.hibernate.JDBCException::getSQLState);
    }

    private static Optional<PgException> pgException(Throwable failure) {
        return find(failure, PgException.class);
    }

    /**
     * The first failure of the type in the cause chain, looking inside Mutiny's CompositeException too
     * (a dropped connection arrives as several failures at once).
     */
    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return find(failure, type::isInstance).map(type::cast);
    }

    /** The first failure in the cause chain that passes the test, looking inside CompositeException too. */
    static Optional<Throwable> find(Throwable failure, Predicate<Throwable> test) {
        return find(failure, test, 0);
    }

    private static Optional<Throwable> find(Throwable failure, Predicate<Throwable> test, int depth) {
        Throwable current = failure;
        for (int step = 0; current != null && depth + step < CAUSES_DEPTH_MAX; step++) {
            if (test.test(current)) {
                return Optional.of(current);
            }
            if (current instanceof io.smallrye.mutiny.CompositeException composite) {
                for (Throwable each : composite.getCauses()) {
                    Optional<Throwable> found = find(each, test, depth + step + 1);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            current = current.getCause();
        }
        return Optional.empty();
    }
}
