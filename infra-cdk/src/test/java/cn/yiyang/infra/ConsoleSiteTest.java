package cn.yiyang.infra;

import static cn.yiyang.infra.Synth.props;
import static cn.yiyang.infra.Synth.references;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;

/**
 * The staff console's deployment: a private bucket that only the distribution reads, the console at
 * /console/, and the API on the same origin under /v1/* (uncached, every header but Host forwarded).
 */
@SuppressWarnings("unchecked")
class ConsoleSiteTest {

    @Test
    void oneDistributionServesTheConsoleFromAPrivateBucketAndTheApiUnderV1OnTheSameOrigin() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        Map<String, Map<String, Object>> distributions = s.ofType("AWS::CloudFront::Distribution");
        assertThat(distributions).hasSize(1);
        Map<String, Object> config = (Map<String, Object>) props(distributions.values().iterator().next()).get("DistributionConfig");

        Map<String, Object> api = (Map<String, Object>) ((List<Object>) config.get("CacheBehaviors")).get(0);
        assertThat(((List<Object>) config.get("CacheBehaviors"))).hasSize(1);
        assertThat(api).containsEntry("PathPattern", "/v1/*")
                .containsEntry("ViewerProtocolPolicy", "https-only")
                .containsEntry("CachePolicyId", CachePolicy.CACHING_DISABLED.getCachePolicyId())
                .containsEntry("OriginRequestPolicyId", OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.getOriginRequestPolicyId());
        assertThat((List<String>) api.get("AllowedMethods")).contains("GET", "POST", "PUT", "PATCH");
        Map<String, Object> apiOrigin = originNamed(config, (String) api.get("TargetOriginId"));
        String httpApi = s.ofType("AWS::ApiGatewayV2::Api").keySet().iterator().next();
        assertThat(references(apiOrigin.get("DomainName"))).contains(httpApi);
        assertThat((Map<String, Object>) apiOrigin.get("CustomOriginConfig"))
                .containsEntry("OriginProtocolPolicy", "https-only").containsEntry("OriginSSLProtocols", List.of("TLSv1.2"));

        Map<String, Object> site = (Map<String, Object>) config.get("DefaultCacheBehavior");
        assertThat(site).containsEntry("ViewerProtocolPolicy", "redirect-to-https");
        Map<String, Object> bucketOrigin = originNamed(config, (String) site.get("TargetOriginId"));
        assertThat(bucketOrigin).containsKey("OriginAccessControlId");
        String bucket = s.ofType("AWS::S3::Bucket").keySet().stream()
                .filter(id -> references(bucketOrigin.get("DomainName")).contains(id)).findFirst().orElseThrow();
        assertThat(props(s.resources().get(bucket)).get("PublicAccessBlockConfiguration")).isEqualTo(Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        // Only CloudFront, and only this distribution, may read the files.
        s.template().hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "s3:GetObject", "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudfront.amazonaws.com"))))))));
        s.template().hasOutput("ConsoleUrl", Match.anyValue());
    }

    @Test
    void theBuiltConsoleIsUploadedUnderConsoleWithItsIndexNeverCachedLong() {
        Synth.Synthesised s = Synth.of(Synth.NATIVE);
        boolean built = Files.isRegularFile(s.stack().settings().repoRoot().resolve(ConsoleSite.BUILT_CONSOLE).resolve("index.html"));
        // In the reactor functions/console is built before infra-cdk; alone, the stack warns and deploys no files.
        assertThat(built).as("functions/console built before infra-cdk").isTrue();
        Map<String, Map<String, Object>> deployments = s.ofType("Custom::CDKBucketDeployment");
        assertThat(deployments).hasSize(2);
        assertThat(deployments.values()).allSatisfy(d -> assertThat(props(d).get("DestinationBucketKeyPrefix")).isEqualTo("console/"));
        assertThat(deployments.values().stream().map(d -> props(d).get("SystemMetadata")).toList()).containsExactlyInAnyOrder(
                Map.of("cache-control", "no-cache"), Map.of("cache-control", "public, max-age=31536000, immutable"));
    }

    private static Map<String, Object> originNamed(Map<String, Object> config, String id) {
        return ((List<Object>) config.get("Origins")).stream().map(o -> (Map<String, Object>) o)
                .filter(o -> id.equals(o.get("Id"))).findFirst().orElseThrow();
    }
}
