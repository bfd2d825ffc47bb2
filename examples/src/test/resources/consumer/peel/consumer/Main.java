package peel.consumer;

import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.ProportionMethod;
import io.github.peelmetrics.core.stats.Proportions;
import io.github.peelmetrics.io.ResultJson;

/** Touches each Peel module and each of their dependencies (Commons Numbers, Jackson). */
public final class Main {
    public static void main(String[] args) {
        Interval wilson = Proportions.interval(49, 100, ProportionMethod.WILSON, 0.95);
        Interval exact = Proportions.interval(49, 100, ProportionMethod.CLOPPER_PEARSON, 0.95);
        System.out.println(wilson);
        System.out.println(exact);
        System.out.println(ResultJson.toJson(exact));
        System.out.println(Main.class.getModule().getName() + " read "
                + Proportions.class.getModule().getName() + " and "
                + ResultJson.class.getModule().getName());
    }
}
