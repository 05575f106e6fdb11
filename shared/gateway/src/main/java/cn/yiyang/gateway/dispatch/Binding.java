package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.IdempotencyGuarded;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ProblemCode;
import cn.yiyang.kernel.route.Route;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A declared route, the type of its request (path, query and body in one record) and the handler
 * that serves it: {@code Binding.of(REGISTER, Register.class, pg.transact(residents::register))}.
 * The request's shape is checked when the binding is made, so a route whose path parameter has no
 * field in its record fails at start-up, not on the first request. Each binding also declares what
 * it answers, per status ({@code .answers(201, MealOrder.class)}): the API document's response
 * schemas come from those types, and outside production the request path refuses an answer of
 * another type ({@link #checkAnswer}). Likewise it declares the problem codes its operation may
 * refuse with ({@code .refuses(MealProblem.MEAL_SOLD_OUT, ...)}); the request path's own codes come
 * with the kind of route. The document lists exactly these per route, and outside production a
 * refusal with any other code is an error ({@link #checkProblem}).
 */
public final class Binding {

    private final Route route;
    private final RequestShape shape;
    private final Handler<?> handler;
    private final Map<Integer, Answer> answers;
    private final Set<ProblemCode> refusals;

    /** What a route answers with one status: JSON written from {@code type}, or text of {@code mediaType}. */
    public record Answer(Class<?> type, String mediaType) {
        public static final String JSON = "application/json";

        public boolean json() {
            return mediaType.equals(JSON);
        }
    }

    private Binding(Route route, RequestShape shape, Handler<?> handler, Map<Integer, Answer> answers,
                    Set<ProblemCode> refusals) {
        this.route = route;
        this.shape = shape;
        this.handler = handler;
        this.answers = Map.copyOf(answers);
        this.refusals = Set.copyOf(refusals);
        if (route.idempotent() && !(handler instanceof IdempotencyGuarded)) {
            // Idempotency must commit with the business write, so only a store's guarded
            // handler may serve a route that demands an Idempotency-Key.
            throw new IllegalStateException(route.key() + " is idempotent but its handler is not guarded");
        }
    }

    public static <R> Binding of(Route route, Class<R> requestType, Handler<R> handler) {
        return new Binding(route, RequestShape.of(route, requestType), handler, Map.of(), Set.of());
    }

    /** A route that takes nothing: a body with any field, or any query parameter, is refused. */
    public static Binding of(Route route, Handler<NoInput> handler) {
        return of(route, NoInput.class, handler);
    }

    /** This binding, also declaring that it answers {@code status} with a JSON body written from {@code type}. */
    public Binding answers(int status, Class<?> type) {
        return answering(status, new Answer(type, Answer.JSON));
    }

    /** This binding, also declaring that it answers {@code status} with text of {@code mediaType} (a CSV page). */
    public Binding answersText(int status, String mediaType) {
        return answering(status, new Answer(String.class, mediaType));
    }

    private Binding answering(int status, Answer answer) {
        if (status < 200 || status > 299 || answers.containsKey(status)) {
            throw new IllegalStateException(route.key() + ": answer " + status + " declared twice or not a success");
        }
        Map<Integer, Answer> all = new TreeMap<>(answers);
        all.put(status, answer);
        return new Binding(route, shape, handler, all, refusals);
    }

    /** This binding, also declaring problem codes its operation may refuse with (beyond the request path's own). */
    public Binding refuses(ProblemCode... codes) {
        Set<ProblemCode> all = new HashSet<>(refusals);
        for (ProblemCode code : codes) {
            if (!all.add(code)) {
                throw new IllegalStateException(route.key() + ": problem " + code.name() + " declared twice");
            }
        }
        return new Binding(route, shape, handler, answers, all);
    }

    /** Every problem code this route may answer: the request path's for its kind and its operation's, by status then name. */
    public List<ProblemCode> problems() {
        Set<ProblemCode> all = new HashSet<>(RequestPathProblems.of(route));
        all.addAll(refusals);
        return all.stream().sorted(Comparator.comparingInt(ProblemCode::httpStatus)
                .thenComparing(ProblemCode::name)).toList();
    }

    /** Refuses a problem code this route does not declare, so the document's list per route stays true. */
    public void checkProblem(ProblemCode code) {
        if (!refusals.contains(code) && !RequestPathProblems.of(route).contains(code)) {
            throw new IllegalStateException(route.key() + " refused with " + code.name()
                    + ", which its binding does not declare (.refuses)");
        }
    }

    /** The declared answers by status, in status order. */
    public Map<Integer, Answer> answers() {
        return new TreeMap<>(answers);
    }

    /**
     * Refuses an answer whose body was written from another type than the binding declares for its
     * status, or with a status it does not declare. A replay (body type unknown) passes.
     */
    public void checkAnswer(Reply reply) {
        if (reply.bodyType() == null) {
            return;
        }
        Answer declared = answers.get(reply.status());
        if (declared == null || !declared.type().isAssignableFrom(reply.bodyType())) {
            throw new IllegalStateException(route.key() + " answered " + reply.status() + " with "
                    + reply.bodyType().getName() + ", but its binding declares " + answers);
        }
    }

    public Route route() {
        return route;
    }

    /** The request record: path, query and body fields in one. */
    public Class<?> requestType() {
        return shape == null ? null : shape.type();
    }

    /** The request record's shape. */
    RequestShape shape() {
        return shape;
    }

    @SuppressWarnings("unchecked")
    <R> Handler<R> handler() {
        return (Handler<R>) handler;
    }
}
