package cn.yiyang.gateway.auth;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Role;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Verifies the bearer token with SmallRye JWT: signature (RS256/ES256 keys from configuration
 * or JWKS), issuer, audience, expiry and not-before with a small skew, maximum lifetime, and
 * the required claims, and the county: a token for a county this deployment does not serve
 * ({@code yiyang.counties}, set by the stack from its own list) is refused like a forged one.
 * Anything wrong is a 401 with one generic answer, whatever the cause.
 *
 * <p>A token that passed every check is kept with its caller ({@link VerifiedTokens}) and not verified again
 * until it expires or {@link #VERIFIED_REUSE_SECONDS} have passed: a client sends the same token with every
 * request of its session, and verifying it (jose4j's parsing, the RSA signature, SmallRye's claims) was most of
 * the Lambda thread's own CPU per request (issue 18). Only an accepted token is kept; a refused one is checked
 * anew every time.
 */
@ApplicationScoped
public class JwtAuthenticator {

    /** A real token is about 1 KB; anything far larger is refused before any parsing. */
    public static final int TOKEN_CHARS_MAX = 8 * 1024;
    public static final int SUBJECT_CHARS_MAX = 128;
    public static final int ORG_ID_CHARS_MAX = 64;
    /** How long an accepted token is taken on its earlier verification, at most (never past its expiry). */
    public static final long VERIFIED_REUSE_SECONDS = 300;
    /** Accepted tokens kept at once; a Lambda instance sees a few callers, the local gateway a few hundred. */
    public static final int VERIFIED_TOKENS_MAX = 1_024;

    private static final Logger LOG = Logger.getLogger(JwtAuthenticator.class);
    private static final Pattern COUNTY = Pattern.compile("[1-9][0-9]{5}");
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final JWTParser parser;
    private final Set<String> counties;
    private final VerifiedTokens verified;

    /**
     * The parser checks a token's expiry against the system clock, so the kept tokens expire by it too (never by
     * a {@link Clock} bean a test or a job may have moved).
     */
    @Inject
    public JwtAuthenticator(JWTParser parser,
                            @ConfigProperty(name = "yiyang.counties") Optional<List<String>> counties) {
        this(parser, counties, Clock.systemUTC());
    }

    /** With the clock that decides when a kept token is verified again (tests). */
    public JwtAuthenticator(JWTParser parser, Optional<List<String>> counties, Clock clock) {
        this.parser = parser;
        this.verified = new VerifiedTokens(clock);
        this.counties = Set.copyOf(counties.orElse(List.of()));
        if (this.counties.isEmpty()) {
            LOG.warn("yiyang.counties names no county: every token will be refused");
        }
    }

    public Caller authenticate(String authorization) {
        String token = bearerToken(authorization);
        Optional<Caller> known = verified.find(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException | RuntimeException e) {
            // The cause names which check failed; it never contains the token's claims.
            LOG.debugf("token refused: %s", reasons(e));
            throw refused("The bearer token is not valid");
        }
        Object county = jwt.getClaim("county");
        String countyCode = county instanceof String s ? s
                : county instanceof JsonString js ? js.getString() : null;
        if (countyCode == null || !COUNTY.matcher(countyCode).matches()) {
            throw refused("The token's county claim is not a division code");
        }
        if (!counties.contains(countyCode)) {
            throw refused("This deployment does not serve the token's county");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > SUBJECT_CHARS_MAX) {
            throw refused("The token has no usable subject");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : jwt.getGroups()) {
            Role.fromClaim(group).ifPresent(roles::add);
        }
        Caller caller = new Caller(subject, countyCode, roles, org(jwt.getClaim("org")));
        verified.keep(token, caller, Instant.ofEpochSecond(jwt.getExpirationTime()));
        return caller;
    }

    /**
     * Accepted tokens and their callers, each until the earlier of its expiry and {@link #VERIFIED_REUSE_SECONDS}
     * after it was verified. Keyed by the whole compact token, signature included: only the very token verified
     * is taken on its verification. Bounded: when full, the expired go, and if none has, all of them.
     */
    private static final class VerifiedTokens {

        private record Verified(Caller caller, Instant until) {
        }

        private final Map<String, Verified> byToken = new ConcurrentHashMap<>();
        private final Clock clock;

        VerifiedTokens(Clock clock) {
            this.clock = clock;
        }

        Optional<Caller> find(String token) {
            Verified known = byToken.get(token);
            if (known == null) {
                return Optional.empty();
            }
            if (!clock.instant().isBefore(known.until())) {
                byToken.remove(token, known);
                return Optional.empty();
            }
            return Optional.of(known.caller());
        }

        void keep(String token, Caller caller, Instant expiresAt) {
            Instant now = clock.instant();
            Instant until = now.plusSeconds(VERIFIED_REUSE_SECONDS);
            if (expiresAt.isBefore(until)) {
                until = expiresAt;
            }
            if (!now.isBefore(until)) {
                return;
            }
            if (byToken.size() >= VERIFIED_TOKENS_MAX) {
                byToken.values().removeIf(v -> !now.isBefore(v.until()));
                if (byToken.size() >= VERIFIED_TOKENS_MAX) {
                    byToken.clear();
                }
            }
            byToken.put(token, new Verified(caller, until));
        }
    }

    /** {@code {"canteen":["<mealPointId>"], …}}: unknown roles are ignored, a malformed claim refuses the token. */
    private static Map<Role, Set<String>> org(Object claim) {
        if (claim == null) {
            return Map.of();
        }
        if (!(claim instanceof JsonObject object)) {
            throw refused("The token's org claim is not an object");
        }
        Map<Role, Set<String>> org = new EnumMap<>(Role.class);
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            Optional<Role> role = Role.fromClaim(entry.getKey());
            if (role.isEmpty()) {
                continue;
            }
            if (!(entry.getValue() instanceof JsonArray ids) || ids.size() > Caller.ORG_IDS_PER_ROLE_MAX) {
                throw refused("The token's org claim lists ids per role");
            }
            Set<String> valid = new HashSet<>();
            for (JsonValue id : ids) {
                if (!(id instanceof JsonString text) || text.getString().isEmpty()
                        || text.getString().length() > ORG_ID_CHARS_MAX) {
                    throw refused("The token's org claim lists ids per role");
                }
                valid.add(text.getString());
            }
            org.put(role.get(), valid);
        }
        return org;
    }

    /** The chain of exception types and SmallRye/jose4j codes: enough to debug, no claim values. */
    private static String reasons(Throwable e) {
        StringBuilder reasons = new StringBuilder();
        for (Throwable t = e; t != null && reasons.length() < 500; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            reasons.append(t.getClass().getSimpleName()).append(' ')
                    .append(message, 0, Math.min(message.length(), message.indexOf(':') > 0 ? message.indexOf(':') : 12))
                    .append("; ");
        }
        return reasons.toString();
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw refused("A bearer token is required");
        }
        if (authorization.length() > TOKEN_CHARS_MAX + 7) {
            throw refused("The bearer token is too large");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("The Authorization header must be a bearer token");
        }
        String token = authorization.substring(7).trim();
        if (!COMPACT_JWS.matcher(token).matches()) {
            throw refused("The bearer token is not a signed JWT");
        }
        return token;
    }

    private static ApiException refused(String detail) {
        return new ApiException(CommonProblem.UNAUTHENTICATED, detail);
    }
}
