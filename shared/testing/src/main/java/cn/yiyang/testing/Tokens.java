package cn.yiyang.testing;

import cn.yiyang.kernel.route.Role;
import java.util.Arrays;
import java.util.List;

/** Good tokens for tests, signed with the JVM's trusted test key, with the API's issuer and audience. */
public final class Tokens {

    public static final String ISSUER = "https://auth.yiyang.test";
    public static final String AUDIENCE = "yiyang-api";
    public static final long LIFETIME_SECONDS = 900;

    private Tokens() {
    }

    /** The claims of a valid token; change any before signing. */
    public static JwtForge valid(String county, String subject, Role... roles) {
        long now = System.currentTimeMillis() / 1000;
        return new JwtForge()
                .header("kid", TestKeys.RSA_KID)
                .claim("iss", ISSUER)
                .claim("aud", AUDIENCE)
                .claim("sub", subject)
                .claim("county", county)
                .claim("groups", Arrays.stream(roles).map(Role::claim).toList())
                .claim("iat", now)
                .claim("exp", now + LIFETIME_SECONDS);
    }

    /**
     * A valid token, signed with the test key; or, when {@value #MINT_URL_PROPERTY} names a running local
     * gateway's {@code /dev/tokens}, minted there (the proof harness runs the scenarios against one).
     */
    public static String of(String county, String subject, Role... roles) {
        String mintUrl = System.getProperty(MINT_URL_PROPERTY);
        if (mintUrl != null) {
            return MINTED.computeIfAbsent(county + "|" + subject + "|" + groups(roles),
                    k -> mint(mintUrl, county, subject, java.util.Map.of(), roles));
        }
        return valid(county, subject, roles).signRs256(TestKeys.RSA.getPrivate());
    }

    /**
     * A valid token whose {@code org} claim names the ids each role acts for, as the identity function
     * issues them ({@code canteen} → meal points, {@code provider} → providers, {@code caregiver} →
     * caregivers, {@code family} → residents).
     */
    public static String of(String county, String subject, java.util.Map<Role, List<String>> org, Role... roles) {
        String mintUrl = System.getProperty(MINT_URL_PROPERTY);
        if (mintUrl != null) {
            return MINTED.computeIfAbsent(county + "|" + subject + "|" + groups(roles) + "|" + orgParameter(org),
                    k -> mint(mintUrl, county, subject, org, roles));
        }
        java.util.Map<String, List<String>> claim = new java.util.TreeMap<>();
        org.forEach((role, ids) -> claim.put(role.claim(), List.copyOf(ids)));
        return valid(county, subject, roles).claim("org", claim).signRs256(TestKeys.RSA.getPrivate());
    }

    /** A token of one organisation-bound role acting for one id: {@code Tokens.actingFor(county, "canteen-1", CANTEEN, pointId)}. */
    public static String actingFor(String county, String subject, Role role, String id) {
        return of(county, subject, java.util.Map.of(role, List.of(id)), role);
    }

    /** The dev token route's spelling of an org claim: {@code canteen:id1,id2;provider:id3}. */
    public static String orgParameter(java.util.Map<Role, List<String>> org) {
        return org.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey().claim() + ":" + String.join(",", e.getValue()))
                .collect(java.util.stream.Collectors.joining(";"));
    }

    public static final String MINT_URL_PROPERTY = "yiyang.test.token-mint-url";
    private static final java.util.Map<String, String> MINTED = new java.util.concurrent.ConcurrentHashMap<>();

    private static String mint(String mintUrl, String county, String subject, java.util.Map<Role, List<String>> org,
                               Role... roles) {
        java.util.Map<String, String> parameters = new java.util.HashMap<>(
                java.util.Map.of("role", String.join(",", groups(roles)), "sub", subject, "county", county));
        if (!org.isEmpty()) {
            parameters.put("org", orgParameter(org));
        }
        String query = Loopback.queryString(parameters);
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(java.net.URI.create(mintUrl + "?" + query))
                .timeout(Loopback.REQUEST_TIMEOUT).GET().build();
        try {
            java.net.http.HttpResponse<String> answer = Loopback.CLIENT.send(get, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the dev token route answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body().strip();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no dev token from " + mintUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String county, String subject, Role... roles) {
        return "Bearer " + of(county, subject, roles);
    }

    public static List<String> groups(Role... roles) {
        return Arrays.stream(roles).map(Role::claim).toList();
    }
}
