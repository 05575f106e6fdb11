package cn.yiyang.gateway.dispatch;

import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.route.Job;
import cn.yiyang.kernel.route.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs a scheduled job for each county the schedule names, as the platform, and answers what
 * each run answered. Reached only through a direct invocation (EventBridge, with IAM): the API's
 * routes can never carry the job route key.
 */
final class JobRunner {

    private static final Pattern COUNTY = Pattern.compile("[1-9][0-9]{5}");
    private static final String SCHEDULER = "scheduler";

    private final Map<String, JobBinding> jobs;

    JobRunner(List<JobBinding> bindings) {
        this.jobs = new java.util.HashMap<>();
        for (JobBinding binding : bindings) {
            if (jobs.put(binding.job().path(), binding) != null) {
                throw new IllegalStateException("job declared twice: " + binding.job().name());
            }
        }
    }

    @RegisterForReflection
    record Request(List<String> counties) {
    }

    @RegisterForReflection
    record CountyRun(String county, int status, String answer) {
    }

    Reply run(String rawPath, String body, String requestId, Instant at) {
        JobBinding binding = jobs.get(rawPath);
        if (binding == null) {
            throw new ApiException(CommonProblem.ROUTE_NOT_FOUND, "No such job");
        }
        List<String> counties = StrictJson.read(body, Request.class).counties();
        if (counties == null || counties.isEmpty() || counties.size() > Job.COUNTIES_MAX
                || !counties.stream().allMatch(c -> c != null && COUNTY.matcher(c).matches())) {
            throw ApiException.invalid("counties", "BAD_COUNTIES", "1 to " + Job.COUNTIES_MAX + " division codes");
        }
        List<CountyRun> runs = new ArrayList<>();
        for (String county : counties) {
            Caller scheduler = new Caller(SCHEDULER, county, Set.of(Role.PLATFORM));
            try {
                Reply reply = binding.handler().handle(new Invocation<>(binding.job().function(), scheduler,
                        NoInput.INSTANCE, Optional.empty(), requestId, at));
                runs.add(new CountyRun(county, reply.status(), reply.json()));
            } catch (ApiException e) {
                // One county's failure must not stop the others; the schedule retries the whole job.
                runs.add(new CountyRun(county, e.code().httpStatus(), e.code().name()));
            }
        }
        return Reply.ok(Map.of("job", binding.job().name(), "runs", runs));
    }
}
