/**
 * Test machinery shared by Peel's modules, used in test scope only and never deployed.
 *
 * <ul>
 *   <li>{@link io.github.peelmetrics.testing.Conformance} finds the reference cases (the copy in a
 *       module's test resources, or the folder named by the system property
 *       {@code peel.conformance.dir}) and reads them;</li>
 *   <li>{@link io.github.peelmetrics.testing.ConformanceCase} is one case of a family file, with
 *       the tolerance rule of the conformance README and a record of which expected values a test
 *       checked, so that nothing is skipped in silence;</li>
 *   <li>{@link io.github.peelmetrics.testing.Seeded} names seeded random cases for property tests;</li>
 *   <li>{@link io.github.peelmetrics.testing.TallyContractTest} is the one contract test that every
 *       tally (add, merge, copy, bytes, count, result) extends.</li>
 * </ul>
 */
package io.github.peelmetrics.testing;
