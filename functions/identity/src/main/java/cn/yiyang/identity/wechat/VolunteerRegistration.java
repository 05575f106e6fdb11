package cn.yiyang.identity.wechat;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.identity.tokens.RefreshTokens;
import cn.yiyang.identity.tokens.SubjectKind;
import cn.yiyang.identity.tokens.TokenService;
import cn.yiyang.kernel.identity.IdNumber;
import cn.yiyang.kernel.identity.IdentityFormatException;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgFailures;
import cn.yiyang.cards.volunteers.VolunteerCard;
import cn.yiyang.cards.volunteers.VolunteerCards;
import cn.yiyang.stores.pg.PgOperations;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A volunteer registers as a real person: the ID number is checked (GB 11643), and the birth date,
 * age and sex come from it, never from what anyone declares. The openid is bound in the same
 * transaction, and the first pair issued.
 */
@ApplicationScoped
public class VolunteerRegistration {

    public static final int AGE_MIN_YEARS = 16;
    public static final int NAME_CHARS_MAX = 50;
    public static final String ID_NUMBER = "idNumber";

    private final WeChatSignIn signIn;
    private final BindingTickets tickets;
    private final WeChatBindings bindings;
    private final RefreshTokens refreshTokens;
    private final TokenService tokens;
    private final PiiProtector pii;
    private final PgOperations pg;
    private final VolunteerCards cards;
    private final Clock clock;

    public VolunteerRegistration(WeChatSignIn signIn, BindingTickets tickets, WeChatBindings bindings,
                                 RefreshTokens refreshTokens, TokenService tokens, PiiProtector pii, PgOperations pg,
                                 VolunteerCards cards, Clock clock) {
        this.signIn = signIn;
        this.tickets = tickets;
        this.bindings = bindings;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.pii = pii;
        this.pg = pg;
        this.cards = cards;
        this.clock = clock;
    }

    public Reply register(WeChatRequests.RegisterVolunteer request) {
        LocalDate today = CountyTime.today(clock);
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > NAME_CHARS_MAX) {
            throw ApiException.invalid("name", "LENGTH", "1 to " + NAME_CHARS_MAX + " characters");
        }
        IdNumber idNumber;
        try {
            idNumber = IdNumber.parse(request.idNumber(), today);
        } catch (IdentityFormatException e) {
            throw ApiException.invalid(ID_NUMBER, e.reason().name(), e.getMessage());
        }
        if (idNumber.ageOn(today) < AGE_MIN_YEARS) {
            throw ApiException.invalid(ID_NUMBER, "TOO_YOUNG", "Volunteers are at least " + AGE_MIN_YEARS + " years old");
        }
        signIn.usableTicket(request.bindingTicket());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        RefreshTokens.Outcome outcome = pg.inTransaction(() -> tickets.withLocked(request.bindingTicket(), now,
                ticket -> insert(ticket, id, name, idNumber, now)
                        .flatMap(ignored -> publish(new VolunteerCard(ticket.county(), id.toString(),
                                idNumber.birthDate(), idNumber.sex())))
                        .flatMap(ignored -> bindings.bind(ticket.county(), ticket.openid(), ticket.unionid(),
                                SubjectKind.VOLUNTEER, id.toString(), now))
                        .flatMap(bound -> {
                            if (!bound) {
                                throw new ApiException(IdentityProblem.WECHAT_ALREADY_BOUND, "This openid is bound already");
                            }
                            return tickets.use(ticket, now);
                        })
                        .flatMap(used -> refreshTokens.start(WeChatClaims.volunteer(ticket.county(), id.toString()), now))
                        .map(RefreshTokens.Outcome.class::cast)));
        if (outcome instanceof RefreshTokens.Refused refused) {
            throw new ApiException(refused.code(), refused.detail());
        }
        WeChatRequests.Volunteer volunteer = new WeChatRequests.Volunteer(id.toString(), name, idNumber.masked(),
                idNumber.birthDate().getYear(), idNumber.sex().name(), idNumber.ageOn(today));
        return Reply.created(new WeChatRequests.VolunteerRegistered(volunteer,
                tokens.pairOf((RefreshTokens.Issued) outcome)));
    }

    /**
     * The time bank admits the volunteer by this card's age: published before the registration
     * commits, so a failed publish rolls it back and the client retries.
     */
    private Uni<Void> publish(VolunteerCard card) {
        return VertxContextSupport.executeBlocking(() -> {
            cards.put(card);
            return null;
        });
    }

    private Uni<Integer> insert(BindingTickets.Ticket ticket, UUID id, String name, IdNumber idNumber, Instant now) {
        return NativeSql.update("""
                        insert into identity.volunteer (id, county, name, id_number_enc, id_number_index, id_number_masked,
                          birth_date, sex, registered_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""",
                        id, ticket.county(), name, pii.encrypt(idNumber.value(), "identity.volunteer/" + id + "/" + ID_NUMBER),
                        pii.index(ticket.county(), ID_NUMBER, idNumber.value()), idNumber.masked(), idNumber.birthDate(),
                        idNumber.sex().name(), now.atOffset(ZoneOffset.UTC))
                .onFailure(f -> PgFailures.is(f, PgFailures.UNIQUE_VIOLATION)).transform(f -> new ApiException(
                        IdentityProblem.VOLUNTEER_ALREADY_REGISTERED, "A volunteer with this ID number is registered"));
    }
}
