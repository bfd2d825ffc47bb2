package io.github.peelmetrics.metrics.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The attacker's LP written independently of Peel's audit, in the published values themselves
 * (not Peel's atoms or network): one unknown per hidden value of each table, every row, column
 * and total equation of each table, the links between tables, non-negativity; solved by Commons
 * Math's {@link SimplexSolver}.
 */
final class IndependentLp {

    static final long UNBOUNDED = Long.MAX_VALUE;

    private final List<long[][]> values = new ArrayList<>();
    private final List<boolean[][]> hidden = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<double[]> rowsLhs = new ArrayList<>(); // coefficient over vars, then the constant moved right
    private final List<Double> rhs = new ArrayList<>();
    private final List<Relationship> rel = new ArrayList<>();
    private final List<Map<Integer, Double>> pending = new ArrayList<>();

    /** Adds a table (augmented values, hidden mask) with its equations; returns its index. */
    int table(long[][] v, boolean[][] h) {
        int t = values.size();
        values.add(v);
        hidden.add(h);
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[0].length; j++) {
                if (h[i][j]) {
                    index.put(t + ":" + i + ":" + j, index.size());
                }
            }
        }
        int m = v.length - 1;
        int n = v[0].length - 1;
        for (int i = 0; i <= m; i++) {
            List<int[]> terms = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                terms.add(new int[] {t, i, j, 1});
            }
            terms.add(new int[] {t, i, n, -1});
            constraint(terms, Relationship.EQ);
        }
        for (int j = 0; j <= n; j++) {
            List<int[]> terms = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                terms.add(new int[] {t, i, j, 1});
            }
            terms.add(new int[] {t, m, j, -1});
            constraint(terms, Relationship.EQ);
        }
        return t;
    }

    /** sum of coefficient * value(t, i, j) REL 0, terms {t, i, j, coefficient}. */
    void constraint(List<int[]> terms, Relationship r) {
        Map<Integer, Double> c = new HashMap<>();
        double constant = 0;
        for (int[] x : terms) {
            Integer var = index.get(x[0] + ":" + x[1] + ":" + x[2]);
            if (var == null) {
                constant += x[3] * (double) values.get(x[0])[x[1]][x[2]];
            } else {
                c.merge(var, (double) x[3], Double::sum);
            }
        }
        pending.add(c);
        rhs.add(-constant);
        rel.add(r);
    }

    /** {min, max} of sum of coefficient * value(t, i, j); max {@link #UNBOUNDED} when unbounded. */
    long[] bounds(List<int[]> terms) {
        int vars = index.size();
        List<LinearConstraint> cs = new ArrayList<>();
        for (int k = 0; k < pending.size(); k++) {
            double[] a = new double[vars];
            pending.get(k).forEach((var, coef) -> a[var] += coef);
            boolean any = false;
            for (double x : a) {
                any |= x != 0;
            }
            if (!any) {
                continue; // an equation among published values only
            }
            cs.add(new LinearConstraint(a, rel.get(k), rhs.get(k)));
        }
        double[] obj = new double[vars];
        double constant = 0;
        for (int[] x : terms) {
            Integer var = index.get(x[0] + ":" + x[1] + ":" + x[2]);
            if (var == null) {
                constant += x[3] * (double) values.get(x[0])[x[1]][x[2]];
            } else {
                obj[var] += x[3];
            }
        }
        double lo = solve(obj, cs, GoalType.MINIMIZE) + constant;
        double hi;
        try {
            hi = solve(obj, cs, GoalType.MAXIMIZE) + constant;
        } catch (UnboundedSolutionException e) {
            hi = Double.POSITIVE_INFINITY;
        }
        return new long[] {(long) Math.ceil(lo - 1e-6),
                Double.isInfinite(hi) ? UNBOUNDED : (long) Math.floor(hi + 1e-6)};
    }

    private static double solve(double[] obj, List<LinearConstraint> cs, GoalType goal) {
        if (cs.isEmpty()) {
            boolean any = false;
            for (double x : obj) {
                any |= x != 0;
            }
            if (goal == GoalType.MINIMIZE || !any) {
                return 0;
            }
            throw new UnboundedSolutionException();
        }
        PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000),
                new LinearObjectiveFunction(obj, 0), new LinearConstraintSet(cs), goal,
                new NonNegativeConstraint(true));
        return p.getValue();
    }
}
