package cn.yiyang.identity.wechat;


import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ConfirmationCode;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Family invitation codes: a resident (for themself, from the mini-program) or an officer issues
 * one; a family member binds with it, once, within {@value #LIFETIME_HOURS} hours. Codes are
 * {@value #CODE_CHARS} characters without look-alikes, stored hashed with their county.
 */
@ApplicationScoped
public class FamilyInvitations {

    public static final int LIFETIME_HOURS = 72;
    public static final int CODE_CHARS = 8;

    private final ResidentCards cards;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FamilyInvitations(ResidentCards cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
    }

    public record Invitation(UUID id, String residentId) {
    }

    public Uni<Reply> issue(Caller caller, WeChatRequests.Invite request) {
        String residentId = request.residentId();
        if (residentId == null || residentId.isBlank() || residentId.length() > 64) {
            throw ApiException.invalid("residentId", "REQUIRED", "The resident the invitation is for");
        }
        if (!caller.has(Role.OFFICER) && !residentId.equals(caller.subject())) {
            throw ApiException.notFound("Resident");
        }
        String code = code();
        Instant now = clock.instant();
        OffsetDateTime expiresAt = now.plusSeconds(LIFETIME_HOURS * 3600L).atOffset(ZoneOffset.UTC);
        return VertxContextSupport.executeBlocking(() -> cards.find(caller.county(), residentId))
                .flatMap(card -> {
                    if (card.filter(ResidentCard::isActive).isEmpty()) {
                        throw ApiException.notFound("Resident");
                    }
                    return NativeSql.update("""
                                    insert into identity.family_invitation
                                      (id, county, resident_id, code_hash, issued_by, issued_at, expires_at)
                                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""",
                            UUID.randomUUID(), caller.county(), residentId, hash(caller.county(), code), caller.subject(),
                            now.atOffset(ZoneOffset.UTC), expiresAt);
                })
                .map(ignored -> Reply.created(new WeChatRequests.Invitation(code, residentId, expiresAt)));
    }

    /** In a transaction: the usable invitation with this code in this county, locked. */
    public Uni<Optional<Invitation>> lockUsable(String county, String typed, Instant now) {
        String code = ConfirmationCode.normalise(typed);
        if (code.length() != CODE_CHARS || code.chars().anyMatch(c -> ConfirmationCode.ALPHABET.indexOf(c) < 0)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return NativeSql.selectOne("""
                        select id, resident_id from identity.family_invitation
                         where code_hash = ?1 and used_at is null and expires_at > ?2 for update""",
                        hash(county, code), now.atOffset(ZoneOffset.UTC))
                .map(row -> row.map(r -> new Invitation(r.uuid("id"), r.text("resident_id"))));
    }

    public Uni<Integer> use(Invitation invitation, String familySubject, Instant now) {
        return NativeSql.update("update identity.family_invitation set used_at = ?2, used_by = ?3 where id = ?1",
                invitation.id(), now.atOffset(ZoneOffset.UTC), familySubject);
    }

    private String code() {
        return ConfirmationCode.generate(random, CODE_CHARS);
    }

    private static byte[] hash(String county, String code) {
        return BindingTickets.hash(county + "|" + code);
    }
}
