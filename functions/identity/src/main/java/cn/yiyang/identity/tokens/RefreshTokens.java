package cn.yiyang.identity.tokens;


import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Refresh tokens: 32 random bytes, stored only as their SHA-256, rotated on every use, each living
 * {@value #LIFETIME_DAYS} days. A family is every token descended from one sign-in; presenting a
 * spent token later than {@value #REUSE_GRACE_SECONDS} s after it was spent means it was copied, and
 * revokes the whole family. Within the grace window (a double tap, a lost answer on a shaky network)
 * the spent token gets the very answer its first use got. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class RefreshTokens {

    public static final long LIFETIME_DAYS = 30;
    public static final long REUSE_GRACE_SECONDS = 30;
    public static final int TOKEN_BYTES = 32;
    public static final int TOKEN_CHARS = 43;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{" + TOKEN_CHARS + "}");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Map<SubjectKind, TokenClaimsSource> sources;
    private final AccessTokens access;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(jakarta.enterprise.inject.Instance<TokenClaimsSource> sources, AccessTokens access) {
        this.sources = sources.stream().collect(Collectors.toMap(TokenClaimsSource::kind, Function.identity()));
        this.access = access;
    }

    /** A refresh token's shape, checked before any store is asked. */
    public static boolean isWellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** A new family for a fresh sign-in: the first refresh token, and the access token's payload. */
    public Uni<Issued> start(TokenClaims claims, Instant now) {
        return insert(claims, UUID.randomUUID(), now);
    }

    /** Spends {@code token} for a new pair, replays a rotation within the grace window, or refuses. */
    public Uni<Outcome> rotate(String token, Instant now) {
        return NativeSql.selectOne("""
                        select id, county, family_id, subject, subject_kind, expires_at, spent_at, rotation_sealed,
                               revoked_at is not null as revoked
                          from identity.refresh_token where token_hash = ?1 for update""", hash(token))
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return refused(IdentityProblem.REFRESH_TOKEN_INVALID, "Unknown refresh token");
                    }
                    SqlRow row = found.get();
                    UUID family = row.uuid("family_id");
                    if (row.bool("revoked") || !row.time("expires_at").toInstant().isAfter(now)) {
                        return refused(IdentityProblem.REFRESH_TOKEN_INVALID, "The refresh token is revoked or expired");
                    }
                    OffsetDateTime spentAt = row.time("spent_at");
                    if (spentAt != null) {
                        if (!now.isAfter(spentAt.toInstant().plusSeconds(REUSE_GRACE_SECONDS)) && !row.isNull("rotation_sealed")) {
                            return Uni.createFrom().item(StrictJson.read(RotationSeal.open(token, row.bytes("rotation_sealed")),
                                    Issued.class));
                        }
                        return revokeFamily(family, now).replaceWith(refusedNow(IdentityProblem.REFRESH_TOKEN_REUSED,
                                "A spent refresh token was presented again: its family is revoked"));
                    }
                    return rotateUnspent(token, row.uuid("id"), family, row.text("county"), row.text("subject"),
                            SubjectKind.valueOf(row.text("subject_kind")), now);
                });
    }

    private Uni<Outcome> rotateUnspent(String token, UUID id, UUID family, String county, String subject,
                                        SubjectKind kind, Instant now) {
        return sources.get(kind).current(county, subject).flatMap(claims -> {
            if (claims.isEmpty()) {
                return revokeFamily(family, now).replaceWith(refusedNow(IdentityProblem.REFRESH_TOKEN_INVALID,
                        "The subject may no longer sign in"));
            }
            return insert(claims.get(), family, now).flatMap(issued -> NativeSql.update(
                            "update identity.refresh_token set spent_at = ?2, rotation_sealed = ?3 where id = ?1",
                            id, at(now), RotationSeal.seal(token, StrictJson.write(issued), random))
                    .replaceWith((Outcome) issued));
        });
    }

    /** Sign-out: the family of this token ends now. Unknown tokens change nothing. */
    public Uni<Integer> revokeFamilyOf(String token, Instant now) {
        return NativeSql.update("""
                update identity.refresh_token set revoked_at = ?2
                 where family_id = (select family_id from identity.refresh_token where token_hash = ?1)
                   and revoked_at is null""", hash(token), at(now));
    }

    /** Every family of a subject ends now: a disabled staff account, an unbound openid. */
    public Uni<Integer> revokeSubject(String county, SubjectKind kind, String subject, Instant now) {
        return NativeSql.update("""
                update identity.refresh_token set revoked_at = ?4
                 where county = ?1 and subject_kind = ?2 and subject = ?3 and revoked_at is null""",
                county, kind.name(), subject, at(now));
    }

    private Uni<Integer> revokeFamily(UUID family, Instant now) {
        return NativeSql.update("update identity.refresh_token set revoked_at = ?2 where family_id = ?1 and revoked_at is null",
                family, at(now));
    }

    private Uni<Issued> insert(TokenClaims claims, UUID family, Instant now) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = URL.encodeToString(secret);
        OffsetDateTime expiresAt = at(now.plus(Duration.ofDays(LIFETIME_DAYS)));
        RefreshTokenRecord record = new RefreshTokenRecord();
        record.id = UUID.randomUUID();
        record.county = claims.county();
        record.familyId = family;
        record.tokenHash = hash(token);
        record.subject = claims.subject();
        record.subjectKind = claims.kind().name();
        record.issuedAt = at(now);
        record.expiresAt = expiresAt;
        return record.persistAndFlush()
                .replaceWith(new Issued(token, expiresAt, access.payload(claims, now)));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Uni<Outcome> refused(IdentityProblem code, String detail) {
        return Uni.createFrom().item(refusedNow(code, detail));
    }

    private static Outcome refusedNow(IdentityProblem code, String detail) {
        return new Refused(code, detail);
    }

    /** An issuing step's outcome (a refresh, a binding), returned (not thrown) so a revocation commits even though the answer is a refusal. */
    public sealed interface Outcome permits Issued, Refused {
    }

    /** A new refresh token and the payload of the access token issued with it. */
    @RegisterForReflection
    public record Issued(String refreshToken, OffsetDateTime refreshTokenExpiresAt, String accessPayload)
            implements Outcome {
    }

    public record Refused(IdentityProblem code, String detail) implements Outcome {
    }
}
