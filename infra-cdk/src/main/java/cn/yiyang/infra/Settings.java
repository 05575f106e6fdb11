package cn.yiyang.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import cn.yiyang.kernel.identity.ContactPhone;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * The deployment's parameters, all from CDK context ({@code cdk deploy -c counties=330105,330106},
 * {@code cdk.json}, or {@code -Dcontext.<key>=<value>} on the Maven synth command).
 *
 * <table>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>counties</td><td>330105</td><td>comma-separated 6-digit division codes this deployment serves</td></tr>
 *   <tr><td>areaCodes</td><td>(none; warns)</td><td>each served county's landline area code, {@code 330105=0571,330106=0571}:
 *       the residents function reads a landline given without one as the county's</td></tr>
 *   <tr><td>tablePrefix</td><td>yiyang-</td><td>physical DynamoDB table name = prefix + logical name; also prefixes function names</td></tr>
 *   <tr><td>jwtIssuer</td><td>https://issuer.example.invalid</td><td>token issuer; API Gateway reads its OIDC discovery document</td></tr>
 *   <tr><td>jwtAudience</td><td>yiyang-api</td><td>token audience</td></tr>
 *   <tr><td>jwtKeysLocation</td><td>classpath:jwks.json</td><td>where the functions read the JWKS (the VPC has no internet egress)</td></tr>
 *   <tr><td>runtime</td><td>native</td><td>{@code native}: provided.al2023; {@code jvm}: Java 21 with SnapStart</td></tr>
 *   <tr><td>code</td><td>auto</td><td>{@code auto}: the built function.zip if it fits the runtime, else a placeholder (with a warning);
 *       {@code require}: fail without it; {@code placeholder}: always the placeholder (template-only synth, tests)</td></tr>
 *   <tr><td>rdsProxy</td><td>true</td><td>RDS Proxy in front of Aurora (billed even when idle, see README)</td></tr>
 *   <tr><td>alarmEmail</td><td>(none)</td><td>subscribes an address to the alarm topic</td></tr>
 * </table>
 */
public record Settings(List<String> counties, Map<String, String> areaCodes, String tablePrefix, String jwtIssuer, String jwtAudience,
                       String jwtKeysLocation, Runtime runtime, CodeMode code, boolean rdsProxy, String alarmEmail,
                       Path repoRoot) {

    public static final String DEFAULT_ISSUER = "https://issuer.example.invalid";
    private static final Pattern COUNTY = Pattern.compile("\\d{6}");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}-");

    public enum Runtime { NATIVE, JVM }

    public enum CodeMode { AUTO, REQUIRE, PLACEHOLDER }

    public Settings {
        counties = List.copyOf(counties);
        areaCodes = Map.copyOf(areaCodes);
        if (counties.isEmpty()) {
            throw new IllegalArgumentException("context counties names no county");
        }
        for (String county : counties) {
            if (!COUNTY.matcher(county).matches()) {
                throw new IllegalArgumentException("context counties: '" + county + "' is not a 6-digit division code");
            }
        }
        for (Map.Entry<String, String> areaCode : areaCodes.entrySet()) {
            if (!counties.contains(areaCode.getKey())) {
                throw new IllegalArgumentException("context areaCodes: '" + areaCode.getKey() + "' is not a county this deployment serves");
            }
            if (!ContactPhone.isAreaCode(areaCode.getValue())) {
                throw new IllegalArgumentException("context areaCodes: '" + areaCode.getValue() + "' is not a landline area code");
            }
        }
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("context tablePrefix must be lower-case letters, digits and dashes, ending in '-': " + tablePrefix);
        }
        if (!jwtIssuer.startsWith("https://")) {
            throw new IllegalArgumentException("context jwtIssuer must be an https URL (API Gateway fetches its OIDC discovery document)");
        }
    }

    public static Settings from(Node node) {
        return new Settings(
                Arrays.stream(text(node, "counties", "330105").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                areaCodes(text(node, "areaCodes", "")),
                text(node, "tablePrefix", "yiyang-"),
                text(node, "jwtIssuer", DEFAULT_ISSUER),
                text(node, "jwtAudience", "yiyang-api"),
                text(node, "jwtKeysLocation", "classpath:jwks.json"),
                Runtime.valueOf(text(node, "runtime", "native").toUpperCase(Locale.ROOT)),
                CodeMode.valueOf(text(node, "code", "auto").toUpperCase(Locale.ROOT)),
                Boolean.parseBoolean(text(node, "rdsProxy", "true")),
                text(node, "alarmEmail", ""),
                repoRoot(text(node, "repoRoot", System.getProperty("yiyang.repo.root", ""))));
    }

    /** {@code 330105=0571,330106=0571} → county → area code; checked against the counties by the constructor. */
    static Map<String, String> areaCodes(String pairs) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String pair : pairs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=");
            if (parts.length != 2 || codes.put(parts[0].strip(), parts[1].strip()) != null) {
                throw new IllegalArgumentException("context areaCodes: expected county=areaCode pairs, each county once: '" + pair + "'");
            }
        }
        return codes;
    }

    /** The residents function's {@code YIYANG_AREA_CODES}, in the counties' order; empty when none is set. */
    public String areaCodesVariable() {
        return counties.stream().filter(areaCodes::containsKey).map(county -> county + "=" + areaCodes.get(county))
                .collect(Collectors.joining(","));
    }

    /** Served counties without an area code: a landline given without one is refused there. */
    public List<String> countiesWithoutAreaCode() {
        return counties.stream().filter(county -> !areaCodes.containsKey(county)).toList();
    }

    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    /** The repository root: given, or found upwards from the working directory (holds {@code functions/} and {@code pom.xml}). */
    static Path repoRoot(String given) {
        if (!given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("functions")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    public String tableName(String logicalName) {
        return tablePrefix + logicalName;
    }

    public String functionName(String function) {
        return tablePrefix + function;
    }
}
