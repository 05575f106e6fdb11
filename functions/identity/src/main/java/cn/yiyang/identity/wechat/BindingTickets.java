package cn.yiyang.identity.wechat;


import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.identity.tokens.RefreshTokens;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Binding tickets: what an unbound openid gets instead of tokens. Opaque, stored hashed, good for
 * {@value #LIFETIME_MINUTES} minutes and one binding, and locked after {@value #FAILURES_MAX} wrong
 * proofs (a wrong phone, wrong ID digits, a wrong invitation code).
 */
@ApplicationScoped
public class BindingTickets {

    public static final int LIFETIME_MINUTES = 10;
    public static final int FAILURES_MAX = 3;
    public static final int TICKET_BYTES = 32;
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();

    public record Ticket(UUID id, String county, String openid, String unionid, OffsetDateTime expiresAt, int failures,
                         OffsetDateTime usedAt) {

        /** Why this ticket can bind nothing now, if it cannot. */
        public Optional<RefreshTokens.Refused> refusal(Instant now) {
            if (usedAt != null || !expiresAt.toInstant().isAfter(now)) {
                return Optional.of(new RefreshTokens.Refused(IdentityProblem.BINDING_TICKET_INVALID, "The ticket is used or expired"));
            }
            if (failures >= FAILURES_MAX) {
                return Optional.of(new RefreshTokens.Refused(IdentityProblem.BINDING_TICKET_LOCKED, "Too many wrong proofs"));
            }
            return Optional.empty();
        }
    }

    public record Issued(String ticket, OffsetDateTime expiresAt) {
    }

    public static boolean isWellFormed(String ticket) {
        return ticket != null && TICKET.matcher(ticket).matches();
    }

    public Uni<Issued> issue(String county, String openid, String unionid, Instant now) {
        byte[] secret = new byte[TICKET_BYTES];
        random.nextBytes(secret);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expiresAt = now.plusSeconds(LIFETIME_MINUTES * 60L).atOffset(ZoneOffset.UTC);
        return NativeSql.update("""
                        insert into identity.binding_ticket (id, county, ticket_hash, openid, unionid, expires_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as text), ?6)""",
                        UUID.randomUUID(), county, hash(ticket), openid, unionid, expiresAt)
                .replaceWith(new Issued(ticket, expiresAt));
    }

    public Uni<Optional<Ticket>> find(String ticket, boolean forUpdate) {
        return NativeSql.selectOne("select id, county, openid, unionid, expires_at, failures, used_at from identity.binding_ticket"
                        + " where ticket_hash = ?1" + (forUpdate ? " for update" : ""), hash(ticket))
                .map(row -> row.map(r -> new Ticket(r.uuid("id"), r.text("county"), r.text("openid"), r.text("unionid"),
                        r.time("expires_at"), (int) r.number("failures"), r.time("used_at"))));
    }

    /**
     * In a transaction: locks the ticket and runs {@code work} only if it can still bind; the work ends
     * by using the ticket ({@link #use}) or counting a failure ({@link #fail}).
     */
    public Uni<RefreshTokens.Outcome> withLocked(String ticket, Instant now,
                                                 java.util.function.Function<Ticket, Uni<RefreshTokens.Outcome>> work) {
        return find(ticket, true).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new RefreshTokens.Refused(IdentityProblem.BINDING_TICKET_INVALID, "Unknown ticket"));
            }
            Optional<RefreshTokens.Refused> refusal = found.get().refusal(now);
            return refusal.isPresent() ? Uni.createFrom().item(refusal.get()) : work.apply(found.get());
        });
    }

    /** Counts a wrong proof and answers the refusal; it commits with the transaction, which must not roll back. */
    public Uni<RefreshTokens.Outcome> fail(Ticket ticket, IdentityProblem code, String detail) {
        return NativeSql.update("update identity.binding_ticket set failures = failures + 1 where id = ?1", ticket.id())
                .replaceWith(new RefreshTokens.Refused(code, detail));
    }

    public Uni<Integer> use(Ticket ticket, Instant now) {
        return NativeSql.update("update identity.binding_ticket set used_at = ?2 where id = ?1", ticket.id(),
                now.atOffset(ZoneOffset.UTC));
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
