package cn.yiyang.bookings.booking;

import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.cards.bookings.BookingCards;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Tells the time bank, through the booking card ({@link BookingCards}), what has committed: a new
 * booking (a voucher may now pay it) and a cancellation (a paying voucher's points may go back).
 * Written after the transaction, from its answer, and again on every replay of that answer: a crash
 * between the commit and the card is healed by the client's retry under the same Idempotency-Key,
 * and a card is never ahead of what committed.
 */
@ApplicationScoped
public class BookingCardPublisher {

    private final BookingCards cards;
    private final BookingStepTimes steps;

    public BookingCardPublisher(BookingCards cards, BookingStepTimes steps) {
        this.cards = cards;
        this.steps = steps;
    }

    /** Around the booking's transaction: its card once it is made. */
    public <R> Handler<R> publishingBooking(Handler<R> committed) {
        Handler<R> timed = invocation -> {
            steps.start();
            Reply reply = committed.handle(invocation);
            steps.mark(BookingStepTimes.Step.COMMIT);
            return reply;
        };
        return new AfterCommit<>(committed, timed, reply -> {
            if (reply.status() == 201) {
                JsonNode b = booking(reply);
                cards.publish(b.path("county").asText(), b.path("id").asText(), b.path("residentId").asText(),
                        b.path("serviceCode").asText(), b.path("providerId").asText());
                steps.mark(BookingStepTimes.Step.PUBLISH);
                steps.log();
            }
        });
    }

    /** Around the cancellation's transaction: the card says so once it committed. */
    public <R> Handler<R> publishingCancellation(Handler<R> committed) {
        return new AfterCommit<>(committed, committed, reply -> {
            JsonNode b = reply.status() == 200 ? booking(reply) : null;
            if (b != null && BookingStatus.CANCELLED.name().equals(b.path("status").asText())) {
                cards.markCancelled(b.path("county").asText(), b.path("id").asText());
            }
        });
    }

    private static JsonNode booking(Reply reply) {
        try {
            return StrictJson.mapper().readTree(reply.json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed handler keeps its own idempotency guard; the card follows its answer, first or replayed. */
    private record AfterCommit<R>(Handler<R> guarded, Handler<R> committed, Consumer<Reply> then)
            implements Handler<R>, IdempotencyGuarded {

        /** {@code committed} runs {@code guarded}, the transaction that honours the key, perhaps with a stopwatch. */
        AfterCommit {
            if (!(guarded instanceof IdempotencyGuarded)) {
                throw new IllegalArgumentException("only a transaction that honours its Idempotency-Key is replayed");
            }
        }

        @Override
        public Reply handle(Invocation<R> invocation) {
            Reply reply = committed.handle(invocation);
            then.accept(reply);
            return reply;
        }
    }
}
