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

    public static String of(String county, String subject, Role... roles) {
        return valid(county, subject, roles).signRs256(TestKeys.RSA.getPrivate());
    }

    public static String bearer(String county, String subject, Role... roles) {
        return "Bearer " + of(county, subject, roles);
    }

    public static List<String> groups(Role... roles) {
        return Arrays.stream(roles).map(Role::claim).toList();
    }
}
