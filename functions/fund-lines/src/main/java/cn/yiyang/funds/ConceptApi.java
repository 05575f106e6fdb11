package cn.yiyang.funds;

import cn.yiyang.gateway.dispatch.Binding;
import cn.yiyang.gateway.dispatch.JobBinding;
import java.util.List;

/** One concept's share of the fund-lines API: its routes' bindings and the jobs it runs. {@link FundApi} joins them. */
interface ConceptApi {

    List<Binding> bindings();

    default List<JobBinding> jobs() {
        return List.of();
    }
}
