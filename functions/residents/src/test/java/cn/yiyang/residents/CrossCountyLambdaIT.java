package cn.yiyang.residents;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * CrossCountyLambdaTest's scenarios against the packaged native executable ({@code mvn verify -Dnative}), through
 * the same Lambda door: API Gateway v2 events to the mock event server the executable polls.
 */
@QuarkusIntegrationTest
class CrossCountyLambdaIT extends CrossCountyLambdaTest {
}
