package cn.yiyang.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The staff console in AWS: its built files in a private S3 bucket behind CloudFront (origin access
 * control), and the API on the same origin under {@code /v1/*}, so the console calls relative paths
 * with no CORS. The console's index page is never cached long (a deploy shows at once); its hashed
 * assets are cached for a year.
 */
final class ConsoleSite extends Construct {

    /** Where Vite puts the console in the Maven build (functions/console: npm run build). */
    static final String BUILT_CONSOLE = "functions/console/target/classes/META-INF/resources/console";
    /** The console's path on the distribution, as on the local gateway. */
    static final String PREFIX = "console";
    static final Duration ASSETS_MAX_AGE = Duration.days(365);

    /** Directory URIs get their index page (S3 behind origin access control has no index documents); / opens the console. */
    private static final String INDEX_REWRITE = """
            function handler(event) {
              var request = event.request;
              if (request.uri === '/' || request.uri === '/console') {
                return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/console/' } } };
              }
              if (request.uri.endsWith('/')) {
                request.uri += 'index.html';
              }
              return request;
            }
            """;

    final Distribution distribution;

    ConsoleSite(Construct scope, String id, HttpApi api, Settings settings) {
        super(scope, id);
        Bucket bucket = Bucket.Builder.create(this, "Files")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                // Only build output lives here: it is rebuilt from the repository, never kept.
                .removalPolicy(RemovalPolicy.DESTROY)
                .autoDeleteObjects(true)
                .build();
        Stack stack = Stack.of(this);
        HttpOrigin apiOrigin = HttpOrigin.Builder.create(api.getApiId() + ".execute-api." + stack.getRegion() + "." + stack.getUrlSuffix())
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                .build();
        Function indexRewrite = Function.Builder.create(this, "IndexRewrite")
                .code(FunctionCode.fromInline(INDEX_REWRITE))
                .runtime(FunctionRuntime.JS_2_0)
                .build();
        distribution = Distribution.Builder.create(this, "Distribution")
                .comment("Yiyang staff console and API, one origin")
                .priceClass(PriceClass.PRICE_CLASS_ALL)
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .function(indexRewrite).eventType(FunctionEventType.VIEWER_REQUEST).build()))
                        .build())
                // The API as API Gateway serves it: never cached; every viewer header (Authorization,
                // Idempotency-Key) and the query string forwarded, but not Host, which API Gateway routes by.
                .additionalBehaviors(Map.of("/v1/*", BehaviorOptions.builder()
                        .origin(apiOrigin)
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_ALL)
                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                        .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                        .build()))
                .build();
        deploy(bucket, settings.repoRoot().resolve(BUILT_CONSOLE));
        CfnOutput.Builder.create(scope, "ConsoleUrl").value("https://" + distribution.getDistributionDomainName() + "/console/").build();
    }

    private void deploy(Bucket bucket, Path built) {
        if (!Files.isRegularFile(built.resolve("index.html"))) {
            Annotations.of(this).addWarningV2("yiyang:console", "the console is not built (" + built
                    + "): run mvn install first; the distribution serves no console until it is deployed");
            return;
        }
        BucketDeployment assets = BucketDeployment.Builder.create(this, "Assets")
                .sources(List.of(Source.asset(built.toString())))
                .exclude(List.of("index.html"))
                .destinationBucket(bucket)
                .destinationKeyPrefix(PREFIX + "/")
                .cacheControl(List.of(CacheControl.setPublic(), CacheControl.maxAge(ASSETS_MAX_AGE), CacheControl.immutable()))
                .prune(false)
                .build();
        BucketDeployment index = BucketDeployment.Builder.create(this, "Index")
                .sources(List.of(Source.asset(built.toString())))
                .exclude(List.of("*"))
                .include(List.of("index.html"))
                .destinationBucket(bucket)
                .destinationKeyPrefix(PREFIX + "/")
                .cacheControl(List.of(CacheControl.noCache()))
                .prune(false)
                .distribution(distribution)
                .distributionPaths(List.of("/" + PREFIX + "/index.html"))
                .build();
        // The new assets are in place before the page that names them.
        index.getNode().addDependency(assets);
    }
}
