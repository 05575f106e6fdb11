package cn.yiyang.identity;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** StaffLambdaTest's scenarios against the packaged native executable ({@code mvn verify -Dnative}), through the Lambda door. */
@QuarkusIntegrationTest
class StaffLambdaIT extends StaffLambdaTest {
}
