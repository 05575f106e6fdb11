package cn.yiyang.identity.wechat;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.identity.tokens.RefreshTokens;
import cn.yiyang.identity.tokens.SubjectKind;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgOperations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A family member binds their WeChat with an invitation code: a new family account, linked to
 * exactly the invitation's resident, whose tokens carry {@code org.family = [residentId]}.
 */
@ApplicationScoped
public class FamilyBinding {

    private final WeChatSignIn signIn;
    private final BindingTickets tickets;
    private final FamilyInvitations invitations;
    private final WeChatBindings bindings;
    private final RefreshTokens refreshTokens;
    private final PgOperations pg;
    private final Clock clock;

    public FamilyBinding(WeChatSignIn signIn, BindingTickets tickets, FamilyInvitations invitations,
                         WeChatBindings bindings, RefreshTokens refreshTokens, PgOperations pg, Clock clock) {
        this.signIn = signIn;
        this.tickets = tickets;
        this.invitations = invitations;
        this.bindings = bindings;
        this.refreshTokens = refreshTokens;
        this.pg = pg;
        this.clock = clock;
    }

    public Reply bind(WeChatRequests.BindFamily request) {
        signIn.usableTicket(request.bindingTicket());
        Instant now = clock.instant();
        return signIn.answer(pg.inTransaction(() -> tickets.withLocked(request.bindingTicket(), now,
                ticket -> invitations.lockUsable(ticket.county(), request.invitationCode(), now).flatMap(invitation -> {
                    if (invitation.isEmpty()) {
                        return tickets.fail(ticket, IdentityProblem.INVITATION_INVALID, "No usable invitation with this code");
                    }
                    String family = UUID.randomUUID().toString();
                    String residentId = invitation.get().residentId();
                    return bindings.bind(ticket.county(), ticket.openid(), ticket.unionid(), SubjectKind.FAMILY, family, now)
                            .flatMap(bound -> !bound
                                    ? Uni.createFrom().<RefreshTokens.Outcome>item(new RefreshTokens.Refused(
                                            IdentityProblem.WECHAT_ALREADY_BOUND, "This openid is bound already"))
                                    : link(ticket, invitation.get(), family, now)
                                            .flatMap(linked -> refreshTokens.start(WeChatClaims.family(ticket.county(),
                                                    family, List.of(residentId)), now))
                                            .map(RefreshTokens.Outcome.class::cast));
                }))));
    }

    private Uni<Integer> link(BindingTickets.Ticket ticket, FamilyInvitations.Invitation invitation, String family,
                              Instant now) {
        return NativeSql.update("""
                        insert into identity.family_link (county, family_subject, resident_id, linked_at)
                        values (?1, ?2, ?3, ?4)""", ticket.county(), family, invitation.residentId(), now.atOffset(ZoneOffset.UTC))
                .flatMap(linked -> invitations.use(invitation, family, now))
                .flatMap(used -> tickets.use(ticket, now));
    }
}
