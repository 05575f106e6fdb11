package cn.yiyang.identity.wechat;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.identity.tokens.RefreshTokens;
import cn.yiyang.identity.tokens.SubjectKind;
import cn.yiyang.identity.tokens.TokenClaims;
import cn.yiyang.identity.tokens.TokenClaimsSource;
import cn.yiyang.identity.tokens.TokenService;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The mini-program's sign-in: {@code wx.login}'s code → WeChat → openid. A bound openid gets tokens
 * for its person; an unbound one a short binding ticket. Also the shared steps of every binding:
 * check a ticket before calling WeChat, and turn an outcome into an answer after commit.
 */
@ApplicationScoped
public class WeChatSignIn {

    private static final Pattern COUNTY = Pattern.compile("[1-9][0-9]{5}");

    private final WeChatClient wechat;
    private final WeChatBindings bindings;
    private final BindingTickets tickets;
    private final Map<SubjectKind, TokenClaimsSource> sources;
    private final TokenService tokens;
    private final PgOperations pg;
    private final Clock clock;

    public WeChatSignIn(WeChatClient wechat, WeChatBindings bindings, BindingTickets tickets,
                        Instance<TokenClaimsSource> sources, TokenService tokens, PgOperations pg, Clock clock) {
        this.wechat = wechat;
        this.bindings = bindings;
        this.tickets = tickets;
        this.sources = sources.stream().collect(Collectors.toMap(TokenClaimsSource::kind, Function.identity()));
        this.tokens = tokens;
        this.pg = pg;
        this.clock = clock;
    }

    public Reply signIn(WeChatRequests.SignIn request) {
        if (request.county() == null || !COUNTY.matcher(request.county()).matches()) {
            throw ApiException.invalid("county", "INVALID", "The county is a 6-digit division code");
        }
        String county = request.county();
        WeChatClient.Session session = wechat.session(request.code());
        Instant now = clock.instant();
        Optional<TokenClaims> claims = pg.inSession(() -> bindings.find(county, session.openid())
                .flatMap(binding -> binding.isEmpty()
                        ? io.smallrye.mutiny.Uni.createFrom().item(Optional.<TokenClaims>empty())
                        : sources.get(binding.get().kind()).current(county, binding.get().subject())));
        if (claims.isPresent()) {
            return Reply.ok(WeChatRequests.SignedIn.tokens(tokens.issue(claims.get())));
        }
        BindingTickets.Issued ticket = pg.inTransaction(() -> tickets.issue(county, session.openid(), session.unionid(), now));
        return Reply.ok(WeChatRequests.SignedIn.bindingRequired(ticket.ticket(), ticket.expiresAt()));
    }

    /** A ticket that can still bind, read before WeChat or the registry is asked anything. */
    BindingTickets.Ticket usableTicket(String ticket) {
        if (!BindingTickets.isWellFormed(ticket)) {
            throw new ApiException(IdentityProblem.BINDING_TICKET_INVALID, "Not a binding ticket of this issuer");
        }
        BindingTickets.Ticket found = pg.inSession(() -> tickets.find(ticket, false)).orElseThrow(
                () -> new ApiException(IdentityProblem.BINDING_TICKET_INVALID, "Unknown binding ticket"));
        found.refusal(clock.instant()).ifPresent(refused -> {
            throw new ApiException(refused.code(), refused.detail());
        });
        return found;
    }

    /** After the binding's transaction: a refusal (whose counted failure has committed) or the tokens. */
    Reply answer(RefreshTokens.Outcome outcome) {
        if (outcome instanceof RefreshTokens.Refused refused) {
            throw new ApiException(refused.code(), refused.detail());
        }
        return Reply.ok(tokens.pairOf((RefreshTokens.Issued) outcome));
    }
}
