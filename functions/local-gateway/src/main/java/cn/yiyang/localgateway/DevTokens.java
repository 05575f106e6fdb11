package cn.yiyang.localgateway;

import cn.yiyang.kernel.route.Role;
import io.smallrye.jwt.build.Jwt;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /dev/tokens?role=operator[,approver][&sub=…][&county=330105][&org=canteen:id1,id2;provider:id3]}
 * answers a bearer token signed with this run's dev key. Without {@code org}, a canteen, provider,
 * caregiver or family token acts for the demo county's meal point, provider, caregiver or first
 * resident, as the identity function's tokens for the demo accounts do. It exists only in the local gateway process started by its main (the key
 * is made there): a Lambda has neither this route nor the key.
 */
@ApplicationScoped
public class DevTokens {

    public static final long LIFETIME_SECONDS = 3600;
    private static final Pattern COUNTY = Pattern.compile("[1-9][0-9]{5}");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");
    /** {@code role:id,id;role:id}, ids as the identity store allows them. */
    private static final Pattern ORG = Pattern.compile("[a-z]+:[A-Za-z0-9-]{1,64}(,[A-Za-z0-9-]{1,64}){0,63}"
            + "(;[a-z]+:[A-Za-z0-9-]{1,64}(,[A-Za-z0-9-]{1,64}){0,63}){0,10}");

    private final String issuer;
    private final String audience;
    private final DemoCounty demo;

    public DevTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                     @ConfigProperty(name = "mp.jwt.verify.audiences") String audience, DemoCounty demo) {
        this.issuer = issuer;
        this.audience = audience.split(",")[0].trim();
        this.demo = demo;
    }

    void routes(@Observes Router router) {
        router.get("/dev/tokens").handler(this::mint);
    }

    private void mint(RoutingContext context) {
        DevKeys keys = DevKeys.currentOrNull();
        if (keys == null) {
            context.response().setStatusCode(404).end();
            return;
        }
        List<Optional<Role>> roles = Optional.ofNullable(context.queryParams().get("role")).stream()
                .flatMap(r -> Arrays.stream(r.split(","))).map(Role::fromClaim).toList();
        String county = Optional.ofNullable(context.queryParams().get("county")).orElse(DemoCounty.COUNTY);
        if (roles.isEmpty() || roles.size() > Role.values().length || roles.stream().anyMatch(Optional::isEmpty)
                || !COUNTY.matcher(county).matches()) {
            context.response().setStatusCode(400).putHeader("content-type", "text/plain; charset=utf-8")
                    .end("usage: /dev/tokens?role=<resident|family|operator|canteen|provider|caregiver|volunteer|officer|approver|auditor|platform>[,<another role>][&sub=...][&county=330105]\n");
            return;
        }
        Role first = roles.get(0).orElseThrow();
        String subject = Optional.ofNullable(context.queryParams().get("sub")).orElse(demo.subjectFor(first));
        if (!SUBJECT.matcher(subject).matches()) {
            context.response().setStatusCode(400).end("bad sub\n");
            return;
        }
        String orgParameter = context.queryParams().get("org");
        if (orgParameter != null && (!ORG.matcher(orgParameter).matches() || org(orgParameter) == null)) {
            context.response().setStatusCode(400).end("bad org\n");
            return;
        }
        Map<String, List<String>> org = orgParameter != null ? org(orgParameter)
                : demo.orgFor(roles.stream().map(Optional::orElseThrow).toList());
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(subject)
                .groups(roles.stream().map(r -> r.orElseThrow().claim()).collect(Collectors.toSet()))
                .claim("county", county)
                .claim("org", org)
                .issuedAt(System.currentTimeMillis() / 1000)
                .expiresIn(LIFETIME_SECONDS)
                .jws().keyId(DevKeys.KEY_ID)
                .sign(keys.signingKey());
        context.response().putHeader("content-type", "text/plain; charset=utf-8").end(token + "\n");
    }

    /** {@code canteen:a,b;provider:c} → {"canteen":["a","b"],"provider":["c"]}; null when a role is unknown. */
    private static Map<String, List<String>> org(String parameter) {
        Map<String, List<String>> org = new TreeMap<>();
        for (String part : parameter.split(";")) {
            String[] roleAndIds = part.split(":", 2);
            if (Role.fromClaim(roleAndIds[0]).isEmpty()) {
                return null;
            }
            org.put(roleAndIds[0], List.of(roleAndIds[1].split(",")));
        }
        return org;
    }
}
