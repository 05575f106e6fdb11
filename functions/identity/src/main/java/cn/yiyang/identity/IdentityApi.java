package cn.yiyang.identity;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.identity.staff.OfficerEnrolment;
import cn.yiyang.identity.staff.StaffService;
import cn.yiyang.identity.staff.StaffSignIn;
import cn.yiyang.identity.staff.StaffTotp;
import cn.yiyang.identity.tokens.Discovery;
import cn.yiyang.identity.tokens.TokenService;
import cn.yiyang.identity.wechat.FamilyBinding;
import cn.yiyang.identity.wechat.FamilyInvitations;
import cn.yiyang.identity.wechat.ResidentBinding;
import cn.yiyang.identity.wechat.VolunteerRegistration;
import cn.yiyang.identity.wechat.WeChatSignIn;
import cn.yiyang.stores.pg.IdempotencyPurge;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;

/**
 * Binds each declared route to its operation. Sign-in, refresh and sign-out are plain operations
 * that run several short transactions (a try reserved, a password checked off the event loop, a
 * token signed after commit), not one guarded write.
 */
@Singleton
public class IdentityApi extends DeclaredApi {

    public IdentityApi(IdempotencyPurge purge, PgOperations pg, Discovery discovery, TokenService tokens,
                       StaffSignIn signIn, StaffService staff, StaffTotp totp, WeChatSignIn wechat,
                       ResidentBinding residents, FamilyBinding families, FamilyInvitations invitations,
                       VolunteerRegistration volunteers, OfficerEnrolment enrolment) {
        super(IdentityRoutes.ALL,
                Binding.raw(IdentityRoutes.OPENID_CONFIGURATION, discovery::openidConfiguration),
                Binding.raw(IdentityRoutes.JWKS, discovery::jwks),
                Binding.raw(IdentityRoutes.STAFF_SIGN_IN, signIn::signIn),
                Binding.raw(IdentityRoutes.ENROL_OFFICER, call -> pg.inTransaction(() -> enrolment.enrol(call))),
                Binding.raw(IdentityRoutes.REFRESH, tokens::refresh),
                Binding.raw(IdentityRoutes.SIGN_OUT, tokens::signOut),
                Binding.raw(IdentityRoutes.WECHAT_SIGN_IN, wechat::signIn),
                Binding.raw(IdentityRoutes.BIND_RESIDENT, residents::bind),
                Binding.raw(IdentityRoutes.BIND_FAMILY, families::bind),
                Binding.raw(IdentityRoutes.REGISTER_VOLUNTEER, volunteers::register),
                Binding.raw(IdentityRoutes.INVITE_FAMILY, pg.write(invitations::issue)),
                Binding.raw(IdentityRoutes.CREATE_STAFF, pg.write(staff::create)),
                Binding.raw(IdentityRoutes.LIST_STAFF, pg.read(staff::list)),
                Binding.raw(IdentityRoutes.GET_STAFF, pg.read(staff::get)),
                Binding.raw(IdentityRoutes.UPDATE_STAFF, pg.write(staff::update)),
                Binding.raw(IdentityRoutes.ENROL_TOTP, pg.write(totp::enrol)),
                Binding.raw(IdentityRoutes.CONFIRM_TOTP, pg.write(totp::confirm)));
        runs(JobBinding.of(IdentityRoutes.PURGE_IDEMPOTENCY, purge.handler(IdentityRoutes.PURGE_IDEMPOTENCY)),
                new JobBinding(IdentityRoutes.ENROL_FIRST_OFFICER, call -> pg.inTransaction(() -> enrolment.issue(call))));
    }
}
