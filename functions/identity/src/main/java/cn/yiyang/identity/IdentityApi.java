package cn.yiyang.identity;

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
                Binding.of(IdentityRoutes.OPENID_CONFIGURATION, Handler.open(discovery::openidConfiguration)),
                Binding.of(IdentityRoutes.JWKS, Handler.open(discovery::jwks)),
                Binding.of(IdentityRoutes.STAFF_SIGN_IN, StaffRequests.SignIn.class, Handler.open(signIn::signIn)),
                Binding.of(IdentityRoutes.ENROL_OFFICER, OfficerEnrolment.Enrol.class,
                        Handler.open(request -> pg.inTransaction(() -> enrolment.enrol(request)))),
                Binding.of(IdentityRoutes.REFRESH, TokenService.RefreshRequest.class, Handler.open(tokens::refresh)),
                Binding.of(IdentityRoutes.SIGN_OUT, TokenService.RefreshRequest.class, Handler.open(tokens::signOut)),
                Binding.of(IdentityRoutes.WECHAT_SIGN_IN, WeChatRequests.SignIn.class, Handler.open(wechat::signIn)),
                Binding.of(IdentityRoutes.BIND_RESIDENT, WeChatRequests.BindResident.class, Handler.open(residents::bind)),
                Binding.of(IdentityRoutes.BIND_FAMILY, WeChatRequests.BindFamily.class, Handler.open(families::bind)),
                Binding.of(IdentityRoutes.REGISTER_VOLUNTEER, WeChatRequests.RegisterVolunteer.class,
                        Handler.open(volunteers::register)),
                Binding.of(IdentityRoutes.INVITE_FAMILY, WeChatRequests.Invite.class, pg.transact(invitations::issue)),
                Binding.of(IdentityRoutes.CREATE_STAFF, StaffRequests.Create.class, pg.transact(staff::create)),
                Binding.of(IdentityRoutes.LIST_STAFF, pg.query(staff::list)),
                Binding.of(IdentityRoutes.GET_STAFF, ById.class, pg.query(staff::get)),
                Binding.of(IdentityRoutes.UPDATE_STAFF, StaffRequests.Update.class, pg.transact(staff::update)),
                Binding.of(IdentityRoutes.ENROL_TOTP, pg.transact(totp::enrol)),
                Binding.of(IdentityRoutes.CONFIRM_TOTP, StaffRequests.TotpConfirm.class, pg.transact(totp::confirm)));
        runs(JobBinding.of(IdentityRoutes.PURGE_IDEMPOTENCY, purge.handler(IdentityRoutes.PURGE_IDEMPOTENCY)),
                JobBinding.of(IdentityRoutes.ENROL_FIRST_OFFICER, pg.transact(enrolment::issue)));
    }
}
