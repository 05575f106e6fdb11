package cn.yiyang.kernel.route;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One route, declared once per function: the Lambda dispatcher, the local gateway and the CDK
 * stack all read this declaration. {@code idempotent} routes are POSTs that create or move
 * something and so demand an {@code Idempotency-Key}. {@code open} routes take no token and admit
 * no role: the identity function's discovery documents and the sign-in steps, whose own body
 * carries the credential.
 */
public record Route(String function, String method, String path, String operation, Set<Role> roles,
                    boolean idempotent, boolean open) {

    /** Literal segments may hold a dot for {@code /.well-known/jwks.json}; parameters are camelCase. */
    private static final Pattern PATH = Pattern.compile("(/[a-z0-9.-]+|/\\{[a-zA-Z]+})+");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public Route {
        Objects.requireNonNull(function);
        Objects.requireNonNull(operation);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("bad path template " + path);
        }
        if (open != roles.isEmpty()) {
            throw new IllegalArgumentException("route " + operation + " must either be open or admit roles, not both");
        }
        if (idempotent && !method.equals("POST")) {
            throw new IllegalArgumentException("only POST routes take an Idempotency-Key: " + operation);
        }
        if (open && idempotent) {
            throw new IllegalArgumentException("an open route has no caller to key idempotency by: " + operation);
        }
        roles = Set.copyOf(roles);
    }

    /** A route that demands a token with one of {@code roles}. */
    public Route(String function, String method, String path, String operation, Set<Role> roles, boolean idempotent) {
        this(function, method, path, operation, roles, idempotent, false);
    }

    /** {@code "GET /v1/residents/{id}"}: the API Gateway route key. */
    public String key() {
        return method + " " + path;
    }

    public List<String> segments() {
        return List.of(path.substring(1).split("/"));
    }

    public static Builder in(String function) {
        return new Builder(function);
    }

    /** Reads as a table: {@code in("residents").post("/v1/residents", "createResident", OFFICER).idempotent()}. */
    public static final class Builder {
        private final String function;

        private Builder(String function) {
            this.function = function;
        }

        public Route get(String path, String operation, Role first, Role... more) {
            return new Route(function, "GET", path, operation, EnumSet.of(first, more), false);
        }

        /** A PUT replaces a resource with what is sent: repeating it is harmless, no key needed. */
        public Route put(String path, String operation, Role first, Role... more) {
            return new Route(function, "PUT", path, operation, EnumSet.of(first, more), false);
        }

        public Route patch(String path, String operation, Role first, Role... more) {
            return new Route(function, "PATCH", path, operation, EnumSet.of(first, more), false);
        }

        /** A POST that creates or moves something: it requires an Idempotency-Key. */
        public Route post(String path, String operation, Role first, Role... more) {
            return new Route(function, "POST", path, operation, EnumSet.of(first, more), true);
        }

        /** Open to anyone, no token: only for what must be public (discovery, JWKS). */
        public Route openGet(String path, String operation) {
            return new Route(function, "GET", path, operation, Set.of(), false, true);
        }

        /** Open to anyone, no token, no Idempotency-Key: a sign-in step whose body is its own credential. */
        public Route openPost(String path, String operation) {
            return new Route(function, "POST", path, operation, Set.of(), false, true);
        }
    }
}
