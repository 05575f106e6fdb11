package cn.yiyang.meals.orders;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.meals.menus.Menu;
import cn.yiyang.meals.menus.MenuService;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.MealPointService;
import cn.yiyang.meals.policy.PolicyService;
import cn.yiyang.meals.policy.SubsidyPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** What an order is made from, as the order services read it: the point, its menu of the day, the county's policy. */
@ApplicationScoped
public class MealCatalog {

    private final MealPointService points;
    private final MenuService menus;
    private final PolicyService policies;

    public MealCatalog(MealPointService points, MenuService menus, PolicyService policies) {
        this.points = points;
        this.menus = menus;
        this.policies = policies;
    }

    /** The point in the caller's county, or 404. */
    public MealPoint point(String county, String pointId) {
        return points.find(county, pointId);
    }

    /** The point's menu for the date; none published yet is a refusal, not a 404. */
    public Menu publishedMenu(String county, String pointId, LocalDate date) {
        return menus.find(county, pointId, date)
                .orElseThrow(() -> new ApiException(MealProblem.MEAL_MENU_NOT_PUBLISHED, "No menu for that date yet"));
    }

    public SubsidyPolicy currentPolicy(String county) {
        return policies.current(county);
    }
}
