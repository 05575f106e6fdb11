package cn.yiyang.identity.staff;


import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Counts sign-in tries per county and phone, registered or not, so a lockout reveals nothing. A try
 * is reserved before the password is checked (a guarded counter: concurrent guesses can never pass
 * the limit) and given back only by a successful sign-in. After {@value #FAILURES_MAX} failures the
 * phone is locked for {@value #LOCK_MINUTES} minutes.
 */
@ApplicationScoped
public class SignInGuard {

    public static final int FAILURES_MAX = 5;
    public static final int LOCK_MINUTES = 15;

    /** In a transaction: reserves one try, or answers until when the phone is locked. */
    public Uni<Optional<OffsetDateTime>> reserve(String county, byte[] phoneIndex, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return NativeSql.update("""
                        insert into identity.sign_in_guard (county, phone_index, failures) values (?1, ?2, 0)
                        on conflict (county, phone_index) do nothing""", county, phoneIndex)
                .flatMap(ignored -> NativeSql.selectOne("""
                        select failures, locked_until from identity.sign_in_guard
                         where county = ?1 and phone_index = ?2 for update""", county, phoneIndex))
                .flatMap(row -> {
                    long failures = row.orElseThrow().number("failures");
                    OffsetDateTime lockedUntil = row.get().time("locked_until");
                    if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                        return Uni.createFrom().item(Optional.of(lockedUntil));
                    }
                    long tries = lockedUntil != null ? 1 : failures + 1;
                    OffsetDateTime lock = tries > FAILURES_MAX ? at.plusMinutes(LOCK_MINUTES) : null;
                    return NativeSql.update("""
                                    update identity.sign_in_guard set failures = ?3, locked_until = cast(?4 as timestamptz)
                                     where county = ?1 and phone_index = ?2""", county, phoneIndex, tries, lock)
                            .replaceWith(Optional.ofNullable(lock));
                });
    }

    /** A successful sign-in gives every reserved try back. */
    public Uni<Integer> clear(String county, byte[] phoneIndex) {
        return NativeSql.update("update identity.sign_in_guard set failures = 0, locked_until = null where county = ?1 and phone_index = ?2",
                county, phoneIndex);
    }
}
