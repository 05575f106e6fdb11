package cn.yiyang.identity;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** TokensLambdaTest's scenarios against the packaged native executable ({@code mvn verify -Dnative}), through the Lambda door. */
@QuarkusIntegrationTest
class TokensLambdaIT extends TokensLambdaTest {
}
