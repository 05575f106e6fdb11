package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.AccessRules;
import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.residents.ResidentCard;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Who may see or act on a resident's bookings ({@link AccessRules}, from the rule table): the
 * resident, a linked family member, county staff; a provider its own bookings, a caregiver the
 * visits assigned to them. Everyone else, and every other county, gets the same 404.
 */
@ApplicationScoped
public class BookingAccess {

    public static final int RESIDENT_ID_CHARS_MAX = 64;

    private final ResidentCards cards;
    /** Card reads started as a booking's invocation arrived, by county and resident, until its transaction takes them. */
    private final ConcurrentMap<String, CompletableFuture<Optional<ResidentCard>>> readFirst = new ConcurrentHashMap<>();

    private final BookingStepTimes steps;

    public BookingAccess(ResidentCards cards, BookingStepTimes steps) {
        this.cards = cards;
        this.steps = steps;
    }

    /**
     * Around the booking's transaction: the resident's card is read from DynamoDB from the moment the
     * invocation arrives, on a worker, while the transaction begins, takes the key's lock and reads the
     * catalog, instead of from the middle of it; {@link #residentFor} takes that read. The access checks
     * still run on the card in the transaction, in their order. Only the invocation's own read is ever
     * taken (or a concurrent booking's for the same resident, started no earlier); one left untaken (a
     * replay, a 409) goes when the invocation ends, so at most one per booking in flight is kept.
     */
    public Handler<BookingRequests.Book> readingCardFirst(Handler<BookingRequests.Book> transaction) {
        return new CardFirst(transaction, this);
    }

    private record CardFirst(Handler<BookingRequests.Book> transaction, BookingAccess access)
            implements Handler<BookingRequests.Book>, IdempotencyGuarded {

        CardFirst {
            if (!(transaction instanceof IdempotencyGuarded)) {
                throw new IllegalArgumentException("only a transaction that honours its Idempotency-Key is wrapped");
            }
        }

        @Override
        public Reply handle(Invocation<BookingRequests.Book> invocation) {
            String residentId = invocation.request().residentId();
            if (!wellFormed(residentId)) {
                return transaction.handle(invocation);
            }
            String key = key(invocation.caller().county(), residentId);
            CompletableFuture<Optional<ResidentCard>> read = CompletableFuture.supplyAsync(
                    () -> access.cards.find(invocation.caller().county(), residentId), Infrastructure.getDefaultWorkerPool());
            long started = access.steps.now();
            read.whenComplete((card, failure) -> access.steps.cardRead(access.steps.now() - started));
            access.readFirst.put(key, read);
            try {
                return transaction.handle(invocation);
            } finally {
                access.readFirst.remove(key, read);
            }
        }
    }

    /** The resident's card, read off the event loop, if the caller may book for ({@code CREATE}) or list ({@code READ}) them. */
    public Uni<ResidentCard> residentFor(Caller caller, String residentId, Action action) {
        if (!wellFormed(residentId)) {
            throw ApiException.invalid("residentId", "REQUIRED", "The resident's id");
        }
        return read(caller.county(), residentId)
                .map(card -> {
                    if (card.isEmpty() || !AccessTable.reaches(caller, ObjectKind.BOOKING, action,
                            role -> reachesResident(caller, role, card.get()))) {
                        throw ApiException.notFound("Resident");
                    }
                    return card.get();
                });
    }

    /** The booking, if the caller may do this to it; otherwise the same 404 as for a missing one. */
    public Uni<Booking> check(Caller caller, Booking booking, ObjectKind kind, Action action) {
        if (booking == null) {
            throw ApiException.notFound("Booking");
        }
        return switch (AccessRules.booking(caller, kind, action, booking.residentId, booking.providerId, booking.caregiverId)) {
            case GRANTED -> Uni.createFrom().item(booking);
            case IF_FAMILY_LINKED -> VertxContextSupport.executeBlocking(() -> cards.find(caller.county(), booking.residentId))
                    .map(card -> {
                        if (card.isEmpty() || !reachesResident(caller, Role.FAMILY, card.get())) {
                            throw ApiException.notFound("Booking");
                        }
                        return booking;
                    });
            case DENIED -> throw ApiException.notFound("Booking");
        };
    }

    private static boolean wellFormed(String residentId) {
        return residentId != null && !residentId.isBlank() && residentId.length() <= RESIDENT_ID_CHARS_MAX;
    }

    private static String key(String county, String residentId) {
        return county + "#" + residentId;
    }

    /** The read started as the invocation arrived, if there is one, answered on this context; otherwise a read now. */
    private Uni<Optional<ResidentCard>> read(String county, String residentId) {
        CompletableFuture<Optional<ResidentCard>> started = readFirst.remove(key(county, residentId));
        Context context = Vertx.currentContext();
        if (started == null || context == null) {
            return VertxContextSupport.executeBlocking(() -> cards.find(county, residentId));
        }
        // Hibernate Reactive's session must go on on its own context, not on the worker that finished the read
        return Uni.createFrom().completionStage(started)
                // a failed read is the SDK's own failure (mapped to 503 as a read on the spot would be), not its wrapper
                .onFailure(java.util.concurrent.CompletionException.class).transform(Throwable::getCause)
                .emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private static boolean reachesResident(Caller caller, Role role, ResidentCard card) {
        return switch (role) {
            case RESIDENT -> caller.subject().equals(card.residentId());
            case FAMILY -> caller.actsFor(Role.FAMILY, card.residentId()) || card.familySubjects().contains(caller.subject());
            default -> false;
        };
    }
}
