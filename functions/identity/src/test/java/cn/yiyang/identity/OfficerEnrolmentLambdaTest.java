package cn.yiyang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.identity.IdentityRoutes;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A county's bootstrap without a platform token: the platform invokes the enrol-first-officer job
 * directly (as with IAM, never through the API), and the code it gets makes the first officer, once.
 */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class OfficerEnrolmentLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJobsCode_enrolsTheFirstOfficerOnce_whoSignsIn_andTheJobThenRefusesThatCounty() throws Exception {
        String county = "4" + (10_000 + ThreadLocalRandom.current().nextInt(89_999));
        LambdaDoor lambda = LambdaDoor.ofThisTest();
        JsonNode run = runOf(lambda.invoke(IdentityRoutes.ENROL_FIRST_OFFICER.event(List.of(county))));
        assertThat(run.path("status").asInt()).as(run.toString()).isEqualTo(201);
        String code = JSON.readTree(run.path("answer").asText()).path("enrolmentCode").asText();
        String phone = TestPeople.phone();
        String body = """
                {"county":"%s","enrolmentCode":"%s","name":"周主任","phone":"%s","password":"%s"}"""
                .formatted(county, code, phone, StaffFixtures.PASSWORD);

        ApiAnswer enrolled = lambda.send(ApiRequest.post("/v1/auth/staff/enrol", body));
        ApiAnswer again = lambda.send(ApiRequest.post("/v1/auth/staff/enrol", body.replace(phone, TestPeople.phone())));
        ApiAnswer signedIn = StaffFixtures.signIn(lambda, county, phone, StaffFixtures.PASSWORD);
        JsonNode secondRun = runOf(lambda.invoke(IdentityRoutes.ENROL_FIRST_OFFICER.event(List.of(county))));

        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(enrolled.json().path("roles")).extracting(JsonNode::asText).containsExactly("officer");
        assertThat(again.code()).isEqualTo("ENROLMENT_CODE_INVALID");
        assertThat(StaffFixtures.claims(signedIn.json().path("accessToken").asText()).path("groups"))
                .extracting(JsonNode::asText).containsExactly("officer");
        assertThat(secondRun.path("status").asInt()).isEqualTo(409);
        assertThat(secondRun.path("answer").asText()).isEqualTo("COUNTY_HAS_OFFICER");
    }

    private static JsonNode runOf(ApiAnswer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("runs").get(0);
    }
}
