package cn.yiyang.funds;

import cn.yiyang.funds.caregivers.AssignmentService;
import cn.yiyang.funds.caregivers.CaregiverRequests;
import cn.yiyang.funds.caregivers.CaregiverService;
import cn.yiyang.funds.caregivers.CaregiverViews;
import cn.yiyang.funds.caregivers.CertificateService;
import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.stores.pg.PgOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** 岗位津贴: the care homes' certified caregivers, their certificates and their bed assignments (their payout accounts are {@link PayoutApi}'s). */
@Singleton
class CaregiversApi implements ConceptApi {

    private final List<Binding> bindings;

    CaregiversApi(PgOperations pg, CaregiverService caregivers, CertificateService certificates, AssignmentService assignments) {
        bindings = List.of(
                Binding.of(FundRoutes.REGISTER_CAREGIVER, CaregiverRequests.NewCaregiver.class, pg.transact(caregivers::register))
                        .answers(201, CaregiverViews.CaregiverView.class)
                        .refuses(FundProblem.CAREGIVER_ALREADY_REGISTERED),
                Binding.of(FundRoutes.LIST_CAREGIVERS, CaregiverRequests.CaregiverFilter.class, pg.query(caregivers::list))
                        .answers(200, CaregiverViews.CaregiverPage.class),
                Binding.of(FundRoutes.GET_CAREGIVER, ById.class, pg.query(caregivers::get))
                        .answers(200, CaregiverViews.CaregiverView.class),
                Binding.of(FundRoutes.RECORD_CERTIFICATE, CaregiverRequests.NewCertificate.class, pg.transact(certificates::record))
                        .answers(201, CaregiverViews.CertificateView.class)
                        .refuses(FundProblem.MONTH_ALREADY_BATCHED, FundProblem.CERTIFICATE_OVERLAPS),
                Binding.of(FundRoutes.WITHDRAW_CERTIFICATE, CaregiverRequests.CertificateWithdrawal.class,
                                pg.transact(certificates::withdraw))
                        .answers(200, CaregiverViews.CertificateView.class)
                        .refuses(FundProblem.CERTIFICATE_ALREADY_WITHDRAWN, FundProblem.MONTH_ALREADY_BATCHED),
                Binding.of(FundRoutes.CAREGIVER_CERTIFICATES, ById.class, pg.query(certificates::ofCaregiver))
                        .answers(200, CaregiverViews.CertificatePage.class),
                Binding.of(FundRoutes.ASSIGN_CAREGIVER, CaregiverRequests.NewAssignment.class, pg.transact(assignments::assign))
                        .answers(201, CaregiverViews.AssignmentView.class)
                        .refuses(FundProblem.BED_HAS_CAREGIVER, FundProblem.MONTH_ALREADY_BATCHED),
                Binding.of(FundRoutes.CAREGIVER_ASSIGNMENTS, ById.class, pg.query(assignments::ofCaregiver))
                        .answers(200, CaregiverViews.AssignmentPage.class),
                Binding.of(FundRoutes.BED_ASSIGNMENTS, ById.class, pg.query(assignments::ofBed))
                        .answers(200, CaregiverViews.AssignmentPage.class),
                Binding.of(FundRoutes.END_ASSIGNMENT, CaregiverRequests.AssignmentEnd.class, pg.transact(assignments::end))
                        .answers(200, CaregiverViews.AssignmentView.class)
                        .refuses(FundProblem.ASSIGNMENT_ALREADY_ENDED, FundProblem.ASSIGNMENT_END_NOT_AFTER_START,
                                FundProblem.MONTH_ALREADY_BATCHED));
    }

    @Override
    public List<Binding> bindings() {
        return bindings;
    }
}
