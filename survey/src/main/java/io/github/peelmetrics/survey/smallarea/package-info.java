/**
 * Small-area estimation: the Fay-Herriot area-level model ({@link io.github.peelmetrics.survey.smallarea.FayHerriot})
 * for beat-level survey estimates too noisy to publish alone, with REML or ML variance, EBLUPs,
 * Prasad-Rao MSEs and synthetic estimates for beats without respondents, as R's {@code sae}
 * ({@code eblupFH}, {@code mseFH}) computes them.
 */
package io.github.peelmetrics.survey.smallarea;
