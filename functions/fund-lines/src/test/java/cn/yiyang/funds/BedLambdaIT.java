package cn.yiyang.funds;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * BedLambdaTest's scenarios against the packaged native executable ({@code mvn verify -Dnative}), through
 * the same Lambda door: API Gateway v2 events to the mock event server the executable polls.
 */
@QuarkusIntegrationTest
class BedLambdaIT extends BedLambdaTest {
}
