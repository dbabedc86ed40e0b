package com.freshloop.supply.forecast;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Nelder-Mead over unconstrained parameters (models map them into their admissible region with
 * logistic / tanh transforms, so the optimiser never has to know the constraints).
 */
final class Minimizer {

    private Minimizer() {}

    static double[] minimize(ToDoubleFunction<double[]> objective, double[] start, int maxEvaluations) {
        if (start.length == 0) {
            return start;
        }
        // remembers the best point seen, so running out of evaluations still returns progress
        double[][] best = {start.clone()};
        double[] bestValue = {Double.POSITIVE_INFINITY};
        ToDoubleFunction<double[]> safe = x -> {
            double v = objective.applyAsDouble(x);
            if (!Double.isFinite(v)) {
                return 1e300;
            }
            if (v < bestValue[0]) {
                bestValue[0] = v;
                best[0] = x.clone();
            }
            return v;
        };
        safe.applyAsDouble(start);
        // a restart from the first optimum guards against Nelder-Mead collapsing early
        for (int round = 0; round < 2; round++) {
            double before = bestValue[0];
            try {
                new SimplexOptimizer(1e-7, 1e-9)
                        .optimize(
                                new MaxEval(maxEvaluations),
                                new ObjectiveFunction(safe::applyAsDouble),
                                GoalType.MINIMIZE,
                                new InitialGuess(best[0]),
                                new NelderMeadSimplex(start.length, 0.5));
            } catch (TooManyEvaluationsException e) {
                break;
            }
            if (before - bestValue[0] < 1e-9 * Math.abs(before)) {
                break;
            }
        }
        return best[0];
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
