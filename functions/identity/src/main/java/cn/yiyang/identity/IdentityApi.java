package cn.yiyang.identity;

import cn.yiyang.identity.staff.StaffView;
import cn.yiyang.identity.tokens.IdentityProblem;
import cn.yiyang.identity.tokens.TokenPair;
import java.util.Map;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.identity.staff.OfficerEnrolment;
import cn.yiyang.identity.staff.StaffRequests;
import cn.yiyang.identity.staff.StaffService;
import cn.yiyang.identity.staff.StaffSignIn;
import cn.yiyang.identity.staff.StaffTotp;
import cn.yiyang.identity.tokens.Discovery;
import cn.yiyang.identity.tokens.TokenService;
import cn.yiyang.identity.wechat.FamilyBinding;
import cn.yiyang.identity.wechat.FamilyInvitations;
import cn.yiyang.identity.wechat.ResidentBinding;
import cn.yiyang.identity.wechat.VolunteerRegistration;
import cn.yiyang.identity.wechat.WeChatRequests;
import cn.yiyang.identity.wechat.WeChatSignIn;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.stores.pg.IdempotencyPurge;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;

/**
 * Binds each declared route to its operation. The open routes (discovery, sign-in, refresh,
 * sign-out, the WeChat bindings) have no caller yet and run several short transactions of their
 * own (a try reserved, a password checked off the event loop, a token signed after commit), not
 * one guarded write.
 */
@Singleton
public class IdentityApi extends DeclaredApi {

    public IdentityApi(IdempotencyPurge purge, PgOperations pg, Discovery discovery, TokenService tokens,
                       StaffSignIn signIn, StaffService staff, StaffTotp totp, WeChatSignIn wechat,
                       ResidentBinding residents, FamilyBinding families, FamilyInvitations invitations,
                       VolunteerRegistration volunteers, OfficerEnrolment enrolment) {
        super(IdentityRoutes.ALL,
                Binding.of(IdentityRoutes.OPENID_CONFIGURATION, Handler.open(discovery::openidConfiguration))
                        .answers(200, Map.class),
                Binding.of(IdentityRoutes.JWKS, Handler.open(discovery::jwks)).answers(200, Map.class),
                Binding.of(IdentityRoutes.STAFF_SIGN_IN, StaffRequests.SignIn.class, Handler.open(signIn::signIn))
                        .answers(200, TokenPair.class)
                        .refuses(IdentityProblem.SIGN_IN_FAILED, IdentityProblem.SIGN_IN_LOCKED,
                                IdentityProblem.TOTP_INVALID, IdentityProblem.TOTP_REQUIRED),
                Binding.of(IdentityRoutes.ENROL_OFFICER, OfficerEnrolment.Enrol.class,
                        Handler.open(request -> pg.inTransaction(() -> enrolment.enrol(request))))
                        .answers(201, StaffView.class)
                        .refuses(IdentityProblem.ENROLMENT_CODE_INVALID, IdentityProblem.PASSWORD_RULES_NOT_MET,
                                IdentityProblem.STAFF_ORG_REQUIRED, IdentityProblem.STAFF_PHONE_TAKEN,
                                IdentityProblem.STAFF_ROLE_NOT_ALLOWED),
                Binding.of(IdentityRoutes.REFRESH, TokenService.RefreshRequest.class, Handler.open(tokens::refresh))
                        .answers(200, TokenPair.class)
                        .refuses(IdentityProblem.REFRESH_TOKEN_INVALID, IdentityProblem.REFRESH_TOKEN_REUSED),
                Binding.of(IdentityRoutes.SIGN_OUT, TokenService.RefreshRequest.class, Handler.open(tokens::signOut))
                        .answers(200, TokenService.SignedOut.class)
                        .refuses(IdentityProblem.REFRESH_TOKEN_INVALID),
                Binding.of(IdentityRoutes.WECHAT_SIGN_IN, WeChatRequests.SignIn.class, Handler.open(wechat::signIn))
                        .answers(200, WeChatRequests.SignedIn.class)
                        .refuses(IdentityProblem.WECHAT_CODE_INVALID, IdentityProblem.WECHAT_RATE_LIMITED,
                                IdentityProblem.WECHAT_UNAVAILABLE),
                Binding.of(IdentityRoutes.BIND_RESIDENT, WeChatRequests.BindResident.class, Handler.open(residents::bind))
                        .answers(200, TokenPair.class)
                        .refuses(IdentityProblem.BINDING_TICKET_INVALID, IdentityProblem.BINDING_TICKET_LOCKED,
                                IdentityProblem.ID_NUMBER_TAIL_MISMATCH, IdentityProblem.PHONE_NOT_MAINLAND,
                                IdentityProblem.RESIDENT_PHONE_NOT_REGISTERED, IdentityProblem.WECHAT_ALREADY_BOUND,
                                IdentityProblem.WECHAT_CODE_INVALID, IdentityProblem.WECHAT_RATE_LIMITED,
                                IdentityProblem.WECHAT_UNAVAILABLE),
                Binding.of(IdentityRoutes.BIND_FAMILY, WeChatRequests.BindFamily.class, Handler.open(families::bind))
                        .answers(200, TokenPair.class)
                        .refuses(IdentityProblem.BINDING_TICKET_INVALID, IdentityProblem.BINDING_TICKET_LOCKED,
                                IdentityProblem.INVITATION_INVALID, IdentityProblem.WECHAT_ALREADY_BOUND),
                Binding.of(IdentityRoutes.REGISTER_VOLUNTEER, WeChatRequests.RegisterVolunteer.class,
                        Handler.open(volunteers::register)).answers(201, WeChatRequests.VolunteerRegistered.class)
                        .refuses(IdentityProblem.BINDING_TICKET_INVALID, IdentityProblem.BINDING_TICKET_LOCKED,
                                IdentityProblem.VOLUNTEER_ALREADY_REGISTERED, IdentityProblem.WECHAT_ALREADY_BOUND),
                Binding.of(IdentityRoutes.INVITE_FAMILY, WeChatRequests.Invite.class, pg.transact(invitations::issue))
                        .answers(201, WeChatRequests.Invitation.class),
                Binding.of(IdentityRoutes.CREATE_STAFF, StaffRequests.Create.class, pg.transact(staff::create))
                        .answers(201, StaffView.class)
                        .refuses(IdentityProblem.PASSWORD_RULES_NOT_MET, IdentityProblem.STAFF_ORG_REQUIRED,
                                IdentityProblem.STAFF_PHONE_TAKEN, IdentityProblem.STAFF_ROLE_NOT_ALLOWED),
                Binding.of(IdentityRoutes.LIST_STAFF, pg.query(staff::list)).answers(200, StaffView.Page.class),
                Binding.of(IdentityRoutes.GET_STAFF, ById.class, pg.query(staff::get)).answers(200, StaffView.class),
                Binding.of(IdentityRoutes.UPDATE_STAFF, StaffRequests.Update.class, pg.transact(staff::update))
                        .answers(200, StaffView.class)
                        .refuses(IdentityProblem.PASSWORD_RULES_NOT_MET, IdentityProblem.STAFF_ORG_REQUIRED,
                                IdentityProblem.STAFF_PHONE_TAKEN),
                Binding.of(IdentityRoutes.ENROL_TOTP, pg.transact(totp::enrol)).answers(200, StaffView.TotpEnrolment.class),
                Binding.of(IdentityRoutes.CONFIRM_TOTP, StaffRequests.TotpConfirm.class, pg.transact(totp::confirm))
                        .answers(200, StaffView.class)
                        .refuses(IdentityProblem.TOTP_INVALID, IdentityProblem.TOTP_NOT_ENROLLED));
        runs(JobBinding.of(IdentityRoutes.PURGE_IDEMPOTENCY, purge.handler(IdentityRoutes.PURGE_IDEMPOTENCY)),
                JobBinding.of(IdentityRoutes.ENROL_FIRST_OFFICER, pg.transact(enrolment::issue)));
    }
}
