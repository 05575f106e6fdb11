package cn.yiyang.identity.wechat;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.identity.tokens.RefreshTokens;
import cn.yiyang.identity.tokens.SubjectKind;
import cn.yiyang.kernel.identity.IdentityFormatException;
import cn.yiyang.kernel.identity.MobilePhone;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.cards.residents.ResidentSignInKeys;
import cn.yiyang.stores.pg.PgOperations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resident binds their WeChat: the phone WeChat verified (the phone-number button) must be a
 * registered resident's, and the last four characters of that resident's ID number must match.
 * WeChat and the resident cards are asked outside the transaction; the ticket is locked, the
 * proof judged, and either a failure counted or the binding made and the first pair issued.
 */
@ApplicationScoped
public class ResidentBinding {

    private static final Pattern ID_TAIL = Pattern.compile("[0-9]{3}[0-9X]");

    private final WeChatSignIn signIn;
    private final WeChatClient wechat;
    private final ResidentCards cards;
    private final BindingTickets tickets;
    private final WeChatBindings bindings;
    private final RefreshTokens refreshTokens;
    private final PiiProtector pii;
    private final PgOperations pg;
    private final Clock clock;

    public ResidentBinding(WeChatSignIn signIn, WeChatClient wechat, ResidentCards cards, BindingTickets tickets,
                           WeChatBindings bindings, RefreshTokens refreshTokens, PiiProtector pii, PgOperations pg,
                           Clock clock) {
        this.signIn = signIn;
        this.wechat = wechat;
        this.cards = cards;
        this.tickets = tickets;
        this.bindings = bindings;
        this.refreshTokens = refreshTokens;
        this.pii = pii;
        this.pg = pg;
        this.clock = clock;
    }

    public Reply bind(WeChatRequests.BindResident request) {
        String tail = request.idNumberLast4() == null ? "" : request.idNumberLast4().strip().toUpperCase(Locale.ROOT);
        if (!ID_TAIL.matcher(tail).matches()) {
            throw ApiException.invalid("idNumberLast4", "FORMAT", "The last four characters of the ID number");
        }
        BindingTickets.Ticket ticket = signIn.usableTicket(request.bindingTicket());
        MobilePhone phone;
        try {
            phone = MobilePhone.parse(wechat.phoneNumber(request.phoneCode()));
        } catch (IdentityFormatException e) {
            throw new ApiException(IdentityProblem.PHONE_NOT_MAINLAND, "WeChat's phone is not a mainland mobile number");
        }
        List<ResidentCards.PhoneMatch> holders = cards.byPhone(ticket.county(),
                ResidentSignInKeys.phoneIndex(pii, ticket.county(), phone.value()));
        Instant now = clock.instant();
        return signIn.answer(pg.inTransaction(() -> tickets.withLocked(request.bindingTicket(), now,
                locked -> judge(locked, holders, tail, now))));
    }

    private Uni<RefreshTokens.Outcome> judge(BindingTickets.Ticket ticket, List<ResidentCards.PhoneMatch> holders,
                                             String tail, Instant now) {
        List<ResidentCards.PhoneMatch> active = holders.stream().filter(ResidentCards.PhoneMatch::isActive).toList();
        if (active.isEmpty()) {
            return tickets.fail(ticket, IdentityProblem.RESIDENT_PHONE_NOT_REGISTERED, "No active resident has this phone");
        }
        Optional<ResidentCards.PhoneMatch> resident = active.stream().filter(m -> m.idTailIndex() != null
                && MessageDigest.isEqual(m.idTailIndex(),
                        ResidentSignInKeys.idTailIndex(pii, ticket.county(), m.residentId(), tail))).findFirst();
        if (resident.isEmpty()) {
            return tickets.fail(ticket, IdentityProblem.ID_NUMBER_TAIL_MISMATCH, "The ID number's last four do not match");
        }
        String residentId = resident.get().residentId();
        return bindings.bind(ticket.county(), ticket.openid(), ticket.unionid(), SubjectKind.RESIDENT, residentId, now)
                .flatMap(bound -> !bound
                        ? Uni.createFrom().<RefreshTokens.Outcome>item(new RefreshTokens.Refused(
                                IdentityProblem.WECHAT_ALREADY_BOUND, "This openid is bound already"))
                        : tickets.use(ticket, now).flatMap(used -> refreshTokens.start(
                                WeChatClaims.resident(ticket.county(), residentId), now)).map(RefreshTokens.Outcome.class::cast));
    }
}
