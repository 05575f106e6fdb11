package cn.yiyang.residents;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.DeclaredApi;
import cn.yiyang.gateway.dispatch.JobBinding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Handler;
import cn.yiyang.residents.family.FamilyLinkRequest;
import cn.yiyang.residents.registry.ResidentProblem;
import cn.yiyang.residents.registry.ResidentRequests;
import cn.yiyang.residents.family.FamilyLinkService;
import cn.yiyang.residents.family.FamilyLinkView;
import cn.yiyang.residents.identity.ResidentIdentity;
import cn.yiyang.residents.registry.ResidentView;
import cn.yiyang.stores.metering.UsageReport;
import cn.yiyang.residents.identity.IdentityDisclosureService;
import cn.yiyang.residents.disclosure.DisclosureLog;
import cn.yiyang.residents.lookup.HotlineLookup;
import cn.yiyang.residents.lookup.LookupBudgetPurge;
import cn.yiyang.residents.registry.ResidentService;
import cn.yiyang.stores.metering.UsageOperation;
import cn.yiyang.stores.pg.IdempotencyPurge;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;

/** Binds each declared route to its operation. */
@Singleton
public class ResidentsApi extends DeclaredApi {

    public ResidentsApi(IdempotencyPurge purge, PgOperations pg, ResidentService residents, FamilyLinkService family,
                        IdentityDisclosureService identity, HotlineLookup lookup, DisclosureLog disclosures,
                        UsageOperation usage, LookupBudgetPurge budgetPurge) {
        super(ResidentsRoutes.ALL,
                Binding.of(ResidentsRoutes.REGISTER, ResidentRequests.Register.class, pg.transact(residents::register))
                        .answers(201, ResidentView.class)
                        .refuses(ResidentProblem.RESIDENT_ALREADY_REGISTERED),
                Binding.of(ResidentsRoutes.LOOKUP, ResidentRequests.LookUp.class, pg.transactWith(lookup::lookUp))
                        .answers(200, ResidentView.Page.class)
                        .refuses(ResidentProblem.LOOKUP_LIMIT_REACHED),
                Binding.of(ResidentsRoutes.GET, ById.class, pg.query(residents::get))
                        .answers(200, ResidentView.class),
                Binding.of(ResidentsRoutes.UPDATE, ResidentRequests.Update.class, pg.transact(residents::update))
                        .answers(200, ResidentView.class),
                Binding.of(ResidentsRoutes.LINK_FAMILY, FamilyLinkRequest.class, pg.transact(family::link))
                        .answers(201, FamilyLinkView.class)
                        .refuses(ResidentProblem.FAMILY_LINK_EXISTS),
                Binding.of(ResidentsRoutes.DISCLOSE_IDENTITY, ResidentRequests.Disclose.class,
                        pg.transactWith(identity::disclose))
                        .answers(200, ResidentIdentity.class),
                Binding.of(ResidentsRoutes.DISCLOSURES, DisclosureLog.DisclosureQuery.class, pg.query(disclosures::list))
                        .answers(200, DisclosureLog.Page.class),
                Binding.of(ResidentsRoutes.USAGE, UsageOperation.UsageQuery.class, Handler.direct(usage::read))
                        .answers(200, UsageReport.class));
        runs(JobBinding.of(ResidentsRoutes.PURGE_IDEMPOTENCY, purge.handler(ResidentsRoutes.PURGE_IDEMPOTENCY)),
                JobBinding.of(ResidentsRoutes.PURGE_LOOKUP_BUDGETS, pg.transactWith(budgetPurge::purge)));
    }
}
