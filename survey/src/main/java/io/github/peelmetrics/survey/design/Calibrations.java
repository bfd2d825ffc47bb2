package io.github.peelmetrics.survey.design;

import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The calibrations of a design and their variance residuals, as R {@code survey}'s
 * {@code postStratify}, {@code rake}, {@code calibrate} and the {@code postStrata} step of
 * {@code svyrecvar} (survey 4.1-1).
 */
final class Calibrations {
    private Calibrations() {}

    /** Replaces influence values (length n) in place by the calibration residuals. */
    interface Residuals {
        void adjust(double[] z);
    }

    /** Post-stratification: {@code e_i = z_i − g_i m_c}, {@code m_c = Σ_c z w⁰/g / Σ_c w⁰}, g the new weights. */
    static Residuals postStratResiduals(int[] codes, int levels, double[] old, double[] now) {
        return z -> {
            double[] num = new double[levels];
            double[] den = new double[levels];
            for (int i = 0; i < z.length; i++) {
                num[codes[i]] += z[i] * old[i] / now[i];
                den[codes[i]] += old[i];
            }
            for (int i = 0; i < z.length; i++) {
                z[i] -= now[i] * (num[codes[i]] / den[codes[i]]);
            }
        };
    }

    /** Post-stratified weights {@code w·N_c/Σ_c w}. */
    static double[] postStratify(double[] w, int[] codes, double[] pop, int levels) {
        double[] s = new double[levels];
        for (int i = 0; i < w.length; i++) {
            s[codes[i]] += w[i];
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = 1 / (1 / w[i] / (pop[codes[i]] / s[codes[i]]));
        }
        return out;
    }

    /** Raking residuals: exactly ten passes of {@code e ← e − g_m·ave(e/g_m, margin m)}. */
    static Residuals rakeResiduals(int[][] codes, int[] levels, double[][] after) {
        return z -> {
            for (int pass = 0; pass < 10; pass++) {
                for (int m = 0; m < codes.length; m++) {
                    double[] s = new double[levels[m]];
                    int[] c = new int[levels[m]];
                    for (int i = 0; i < z.length; i++) {
                        s[codes[m][i]] += z[i] / after[m][i];
                        c[codes[m][i]]++;
                    }
                    for (int i = 0; i < z.length; i++) {
                        z[i] -= after[m][i] * (s[codes[m][i]] / c[codes[m][i]]);
                    }
                }
            }
        };
    }

    /** GREG residuals: {@code e = resid(z/(g√w⁰) on X√w⁰)·g√w⁰}. */
    static Residuals gregResiduals(double[][] x, double[] w0, double[] g) {
        int n = x.length;
        int p = x[0].length;
        double[][] xs = new double[n][p];
        double[] half = new double[n];
        for (int i = 0; i < n; i++) {
            half[i] = Math.sqrt(w0[i]);
            for (int a = 0; a < p; a++) {
                xs[i][a] = x[i][a] * half[i];
            }
        }
        Linear.Qr qr = Linear.qr(xs);
        return z -> {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = z[i] / (g[i] * half[i]);
            }
            double[] r = qr.residuals(y);
            for (int i = 0; i < n; i++) {
                z[i] = r[i] * g[i] * half[i];
            }
        };
    }

    /** The model matrix of the terms (intercept, treatment dummies of factors, numerics) and its column names. */
    static double[][] modelMatrix(SurveyDesign d, List<String> terms, List<String> names) {
        int n = d.n;
        List<double[]> cols = new ArrayList<>();
        names.add("(Intercept)");
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1);
        cols.add(one);
        for (String t : terms) {
            if (d.factors.containsKey(t)) {
                SurveyDesign.Factor f = d.factor(t);
                for (int i = 0; i < n; i++) {
                    if (f.codes()[i] < 0) {
                        throw new IllegalArgumentException(Format.f("calibration variable %s is missing at row %d", t,
                                i + 1));
                    }
                }
                for (int c = 1; c < f.levels().size(); c++) {
                    double[] col = new double[n];
                    for (int i = 0; i < n; i++) {
                        col[i] = f.codes()[i] == c ? 1 : 0;
                    }
                    names.add(t + f.levels().get(c));
                    cols.add(col);
                }
            } else {
                double[] y = d.values(t);
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(y[i])) {
                        throw new IllegalArgumentException(Format.f("calibration variable %s is missing at row %d", t,
                                i + 1));
                    }
                }
                names.add(t);
                cols.add(y.clone());
            }
        }
        double[][] x = new double[n][cols.size()];
        for (int a = 0; a < cols.size(); a++) {
            for (int i = 0; i < n; i++) {
                x[i][a] = cols.get(a)[i];
            }
        }
        return x;
    }

    /** The g-weights of R's calibrate (closed form for unbounded linear, else grake's Newton iteration). */
    static double[] g(double[][] x, double[] w, double[] pop, CalibrationFunction f, double lo, double hi, int maxit,
            double epsilon) {
        int n = x.length;
        int p = pop.length;
        double[] sample = new double[p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                sample[a] += x[i][a] * w[i];
            }
        }
        if (f == CalibrationFunction.LINEAR && lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
            double[][] t = new double[p][p];
            double[][] rhs = new double[p][1];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        t[a][b] += x[i][a] * w[i] * x[i][b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                rhs[a][0] = pop[a] - sample[a];
            }
            double[][] lambda = Linear.solve(t, rhs);
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int a = 0; a < p; a++) {
                    s += x[i][a] * lambda[a][0];
                }
                g[i] = 1 + s;
            }
            return g;
        }
        double[] eta = new double[p];
        double[] xeta = new double[n];
        double[] deriv = new double[n];
        for (int i = 0; i < n; i++) {
            deriv[i] = f.derivative(0, lo, hi);
        }
        int iter = 1;
        while (true) {
            double[][] t = new double[p][p];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        t[a][b] += x[i][a] * w[i] * deriv[i] * x[i][b];
                    }
                }
            }
            double[][] misfit = new double[p][1];
            double[] mf = misfit(x, w, pop, sample, xeta, f, lo, hi);
            for (int a = 0; a < p; a++) {
                misfit[a][0] = mf[a];
            }
            double[][] deta = Linear.solve(t, misfit);
            for (int a = 0; a < p; a++) {
                eta[a] += deta[a][0];
            }
            update(x, eta, xeta, deriv, f, lo, hi);
            while (iter < maxit && !finite(xeta, deriv, f, lo, hi)) {
                iter++;
                for (int a = 0; a < p; a++) {
                    deta[a][0] /= 2;
                    eta[a] -= deta[a][0];
                }
                update(x, eta, xeta, deriv, f, lo, hi);
            }
            mf = misfit(x, w, pop, sample, xeta, f, lo, hi);
            double worst = 0;
            for (int a = 0; a < p; a++) {
                worst = Math.max(worst, Math.abs(mf[a]) / (1 + Math.abs(pop[a])));
            }
            if (worst < epsilon) {
                break;
            }
            iter++;
            if (iter > maxit) {
                throw new IllegalStateException(Format.f("calibration failed to converge: eps=%s in %d iterations",
                        Format.num(worst), iter));
            }
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = 1 + f.fm1(xeta[i], lo, hi);
        }
        return g;
    }

    private static boolean finite(double[] xeta, double[] deriv, CalibrationFunction f, double lo, double hi) {
        for (int i = 0; i < xeta.length; i++) {
            if (!Double.isFinite(1 + f.fm1(xeta[i], lo, hi)) || !Double.isFinite(deriv[i])) {
                return false;
            }
        }
        return true;
    }

    private static void update(double[][] x, double[] eta, double[] xeta, double[] deriv, CalibrationFunction f,
            double lo, double hi) {
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int a = 0; a < eta.length; a++) {
                s += x[i][a] * eta[a];
            }
            xeta[i] = s;
            deriv[i] = f.derivative(s, lo, hi);
        }
    }

    private static double[] misfit(double[][] x, double[] w, double[] pop, double[] sample, double[] xeta,
            CalibrationFunction f, double lo, double hi) {
        int p = pop.length;
        double[] out = new double[p];
        for (int i = 0; i < x.length; i++) {
            double fm = f.fm1(xeta[i], lo, hi);
            for (int a = 0; a < p; a++) {
                out[a] += x[i][a] * w[i] * fm;
            }
        }
        for (int a = 0; a < p; a++) {
            out[a] = pop[a] - sample[a] - out[a];
        }
        return out;
    }

    /** The population totals in the order of the model matrix columns. */
    static double[] totals(List<String> names, Map<String, Double> population) {
        if (!population.keySet().containsAll(names) || population.size() != names.size()) {
            throw new IllegalArgumentException("calibration totals must name every model-matrix column "
                    + names + ", and no other: " + population.keySet());
        }
        double[] out = new double[names.size()];
        for (int a = 0; a < out.length; a++) {
            out[a] = population.get(names.get(a));
        }
        return out;
    }
}
