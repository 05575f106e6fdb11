package cn.yiyang.identity.wechat;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.identity.tokens.TokenPair;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** The bodies and answers of the WeChat sign-in routes. */
public final class WeChatRequests {

    private WeChatRequests() {
    }

    @RegisterForReflection
    public record SignIn(String county, String code) {
    }

    @RegisterForReflection
    public record BindResident(String bindingTicket, String phoneCode, String idNumberLast4) {
    }

    @RegisterForReflection
    public record BindFamily(String bindingTicket, String invitationCode) {
    }

    @RegisterForReflection
    public record RegisterVolunteer(String bindingTicket, String name, String idNumber) {
    }

    @RegisterForReflection
    public record Invite(String residentId) {
    }

    /** {@code SIGNED_IN} with tokens, or {@code BINDING_REQUIRED} with a short ticket to bind with. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignedIn(String status, @Nullable TokenPair tokens, @Nullable String bindingTicket,
                           @Nullable OffsetDateTime bindingTicketExpiresAt) {

        public static SignedIn tokens(TokenPair tokens) {
            return new SignedIn("SIGNED_IN", tokens, null, null);
        }

        public static SignedIn bindingRequired(String ticket, OffsetDateTime expiresAt) {
            return new SignedIn("BINDING_REQUIRED", null, ticket, expiresAt);
        }
    }

    @RegisterForReflection
    public record Invitation(String code, String residentId, OffsetDateTime expiresAt) {
    }

    /** The masking rule ({@code Masks}): beside the ID number's mask, the birth year and age, never the birth date. */
    @RegisterForReflection
    public record Volunteer(String id, String name, String idNumberMasked, int birthYear, String sex, int age) {
    }

    @RegisterForReflection
    public record VolunteerRegistered(Volunteer volunteer, TokenPair tokens) {
    }
}
