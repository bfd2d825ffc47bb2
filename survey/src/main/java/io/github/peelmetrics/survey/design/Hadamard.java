package io.github.peelmetrics.survey.design;

import java.util.ArrayList;
import java.util.List;

/**
 * The 0/1 Hadamard matrices R {@code survey}'s balanced repeated replication uses (survey 4.1-1,
 * {@code hadamard(n)} and {@code paley()}), rebuilt here so that BRR and Fay replicates agree with
 * R's multiplier for multiplier. A 0/1 matrix H is Hadamard when {@code 2H − 1} has orthogonal
 * rows; row 1 (index 0) is all ones and is never used for a stratum.
 *
 * <p>{@link #of(int)} returns R's choice for n strata, a matrix with more than n rows:
 * <ul>
 *   <li>R's four stored matrices of sizes 4, 16, 28 and 36 (4 and 16 are Sylvester's
 *       {@code [[1,1],[1,0]]} Kronecker powers, entry 1 where {@code popcount(i & j)} is even;
 *       28 is from N. J. A. Sloane's library of Hadamard matrices; 36 is Plackett and Burman's
 *       (1946) cyclic one: a row of ones above 35 cyclic shifts of a generator, last column 0);</li>
 *   <li>Paley's construction for q + 1 with q a prime ≡ 3 (mod 4) up to 7919: a first row and
 *       column of ones around {@code M[i][j] = 0} if {@code (i + j) mod q} is 0 or a quadratic
 *       residue, else 1 (R's {@code paley}, including its doubling of a smaller Paley matrix);</li>
 *   <li>Sylvester doubling {@code [[H, H], [H, 1 − H]]} of a stored matrix.</li>
 * </ul>
 * The choice rule is R's: 16 strata get 20 replicates (Paley, q = 19), 20 strata 24 (Paley q = 11
 * doubled), 24 strata 28 (stored), 48 strata 56 (28 doubled). Checked against the multipliers R
 * stores for the pub-ppcs-brr conformance case and, for every size up to 200, to be Hadamard.
 */
final class Hadamard {
    private Hadamard() {}

    private static final int[] SIZES = {4, 16, 28, 36};

    /** Rows 2..28 of R's stored 28×28 matrix (row 1 is all ones). */
    private static final String[] H28 = {
        "1001110001110001110001111000",
        "1000001111001101001101111000",
        "1000001110110010111001100110",
        "1001101000001111100011010110",
        "1001010100101100010110101110",
        "1000110011010010001110011110",
        "0101100010101010011111110000",
        "0100010110110101100111010100",
        "0100011011001011110010101100",
        "0101011000010111011101001010",
        "0100101101100100111010011010",
        "0101100101011001101100100110",
        "0010110100011110101011101000",
        "0011011001100110101100110100",
        "0010101100111011010100011100",
        "0011000111010111010010110010",
        "0011001011111000100111001010",
        "0010110011101101011001000110",
        "1110101001010100010111100100",
        "1111000101100011001011001100",
        "1111000010011100111000011100",
        "1110010101001010110101010010",
        "1110011000111001001010110010",
        "1110100010100111100100101010",
        "1101111111111110000000000000",
        "1011111110000001111110000000",
        "0111111110000000000001111110",
    };

    /** The generator of R's stored 36×36 (Plackett-Burman) matrix: row k ≥ 1 is it shifted left by k − 1. */
    private static final String G36 = "01011100011111011100100001010110010";

    /** The largest prime R's {@code paley} knows. */
    private static final int MAX_PRIME = 7919;

    /** R's {@code hadamard(n)}: a 0/1 Hadamard matrix with more than n rows. */
    static int[][] of(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("hadamard size must be >= 0: " + n);
        }
        int m = n - n % 4;
        for (int s : SIZES) {
            if (m < s && m + 4 >= s) {
                return stored(s);
            }
        }
        if (m < SIZES[0]) {
            return stored(SIZES[0]);
        }
        long[] sizes = new long[SIZES.length];
        int best = 0;
        for (int k = 0; k < SIZES.length; k++) {
            int doublings = Math.max(0, ceilLog2((n + 1.0) / SIZES[k]));
            sizes[k] = (long) SIZES[k] << doublings;
            if (sizes[k] - n < sizes[best] - n) {
                best = k;
            }
        }
        int[][] h = null;
        if (sizes[best] - n > 4) {
            h = paley(n, sizes[best]);
        }
        if (h == null) {
            h = stored(SIZES[best]);
            int doublings = ceilLog2((double) sizes[best] / SIZES[best]);
            for (int d = 0; d < doublings; d++) {
                h = doubled(h);
            }
        }
        return h;
    }

    private static int ceilLog2(double x) {
        int k = (int) Math.ceil(Math.log(x) / Math.log(2));
        // guard the floating log against exact powers of two
        while (Math.pow(2, k - 1) >= x) {
            k--;
        }
        while (Math.pow(2, k) < x) {
            k++;
        }
        return k;
    }

    static int[][] stored(int size) {
        int[][] h = new int[size][size];
        switch (size) {
            case 4, 16 -> {
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        h[i][j] = Integer.bitCount(i & j) % 2 == 0 ? 1 : 0;
                    }
                }
            }
            case 28 -> {
                java.util.Arrays.fill(h[0], 1);
                for (int i = 1; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        h[i][j] = H28[i - 1].charAt(j) - '0';
                    }
                }
            }
            case 36 -> {
                java.util.Arrays.fill(h[0], 1);
                int q = G36.length();
                for (int i = 1; i < size; i++) {
                    for (int j = 0; j < q; j++) {
                        h[i][j] = G36.charAt((j + i - 1) % q) - '0';
                    }
                }
            }
            default -> throw new IllegalArgumentException("no stored Hadamard matrix of size " + size);
        }
        return h;
    }

    /** {@code [[H, H], [H, 1 − H]]}. */
    static int[][] doubled(int[][] h) {
        int s = h.length;
        int[][] out = new int[2 * s][2 * s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                out[i][j] = h[i][j];
                out[i][j + s] = h[i][j];
                out[i + s][j] = h[i][j];
                out[i + s][j + s] = 1 - h[i][j];
            }
        }
        return out;
    }

    /** R's {@code paley(n, nmax)} (no prime given): a Paley matrix, possibly doubled, or null. */
    static int[][] paley(int n, long nmax) {
        List<Integer> primes = primes();
        int nceil = n + 4 - n % 4;
        int nn = nceil;
        if (n % 4 + 4 == n % 8) {
            while (nn % 8 == 0) {
                nn /= 2;
            }
            if (primes.contains(nn - 1)) {
                int[][] m = paleyPrime(nn - 1);
                while (nn < nceil) {
                    m = doubled(m);
                    nn *= 2;
                }
                return m;
            }
        }
        if (n > MAX_PRIME) {
            return null;
        }
        int p = 0;
        for (int q : primes) {
            if (q >= n) {
                p = q;
                break;
            }
        }
        if (p + 1 > nceil + 4 && nceil + 4 < nmax) {
            return paley(nceil + 3, 2L * (nceil + 3));
        }
        if (p > nmax) {
            return null;
        }
        return paleyPrime(p);
    }

    /** Paley's (q + 1)×(q + 1) matrix for a prime q ≡ 3 (mod 4). */
    static int[][] paleyPrime(int q) {
        boolean[] residue = new boolean[q];
        residue[0] = true;
        for (long i = 1; i <= (q - 1) / 2; i++) {
            residue[(int) (i * i % q)] = true;
        }
        int[][] h = new int[q + 1][q + 1];
        java.util.Arrays.fill(h[0], 1);
        for (int i = 0; i < q; i++) {
            h[i + 1][0] = 1;
            for (int j = 0; j < q; j++) {
                h[i + 1][j + 1] = residue[(i + j) % q] ? 0 : 1;
            }
        }
        return h;
    }

    /** The primes q ≤ 7919 with q ≡ 3 (mod 4) (R's {@code small.primes}). */
    private static List<Integer> primes() {
        boolean[] composite = new boolean[MAX_PRIME + 1];
        List<Integer> out = new ArrayList<>();
        for (int i = 2; i <= MAX_PRIME; i++) {
            if (!composite[i]) {
                if (i % 4 == 3) {
                    out.add(i);
                }
                for (long j = (long) i * i; j <= MAX_PRIME; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return out;
    }
}
