package org.alliancelab.cli.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.junit.jupiter.api.Test;

/**
 * Effect sizes from each input form. Expected yi/vi: metafor 3.8-1 escalc values in
 * golden/molloy2014.json (first two studies) and golden/aloe2013.json (partial correlations from
 * t, metafor >= 4.4 variances), copied here as literals with their source.
 */
class EffectSizeReaderTest {

    private static final double TOL = 1e-12;

    private static StudyData read(CorrelationMeasure m, String csv) {
        return EffectSizeReader.of(m).read(StudyTable.parse("s.csv", csv));
    }

    @Test
    void correlationsAndSampleSizes() {
        // golden/molloy2014.json: Axelsson et al. 2009 (r = .187, n = 109), Axelsson et al. 2011 (r = .162, n = 749)
        String csv = "study,r,n,quality\nAxelsson et al. 2009,0.187,109,1\nAxelsson et al. 2011,0.162,749,1\n";
        StudyData z = read(CorrelationMeasure.ZCOR, csv);
        assertEquals(EffectSizeInput.CORRELATION, z.input());
        assertArrayEquals(new double[] {0.189226642530929, 0.163439918464887}, z.yi(), TOL);
        assertArrayEquals(new double[] {0.00943396226415094, 0.00134048257372654}, z.vi(), TOL);
        StudyData r = read(CorrelationMeasure.COR, csv);
        assertArrayEquals(new double[] {0.187, 0.162}, r.yi(), 0);
        assertArrayEquals(new double[] {0.00862300769408333, 0.00126764805820321}, r.vi(), TOL);
        assertArrayEquals(new String[] {"Axelsson et al. 2009", "Axelsson et al. 2011"}, r.labels());
        assertArrayEquals(new double[] {1, 1}, r.column("quality").numbers(), 0);
        assertEquals(3, r.line(1));
    }

    @Test
    void partialCorrelationsFromTStatistics() {
        // golden/aloe2013.json: Abu-Bader (2000) t = 4.61, n = 218, 3 covariates; Weaver et al. (2007) t = -0.77, n = 382, 18
        String csv = "study,t,n,covariates\nAbu-Bader (2000),4.61,218,3\nWeaver et al. (2007),-0.77,382,18\n";
        StudyData p = read(CorrelationMeasure.PCOR, csv);
        assertEquals(EffectSizeInput.T_STATISTIC, p.input());
        assertArrayEquals(new double[] {0.301202920791276, -0.0404372001135685}, p.yi(), TOL);
        assertArrayEquals(new double[] {0.00386347803710229, 0.00274581911698504}, p.vi(), TOL);
        StudyData z = read(CorrelationMeasure.ZPCOR, csv);
        assertArrayEquals(new double[] {0.310842020380108, -0.0404592622899532}, z.yi(), TOL);
        assertArrayEquals(new double[] {0.00471698113207547, 0.00277008310249307}, z.vi(), TOL);
    }

    @Test
    void partialCorrelationsFromR() {
        // golden/aloe2013.json: Abu-Bader (2000) ri = 0.301202920791276, n = 218, 3 covariates
        StudyData z = read(CorrelationMeasure.ZPCOR, "r,n,covariates\n0.301202920791276,218,3\n");
        assertArrayEquals(new double[] {0.310842020380108}, z.yi(), TOL);
        assertArrayEquals(new double[] {0.00471698113207547}, z.vi(), TOL);
    }

    @Test
    void precomputedEffectSizesAreUsedAsGiven() {
        StudyData d = read(CorrelationMeasure.ZCOR, "yi,vi\n0.5,0.01\n-0.25,0.02\n");
        assertEquals(EffectSizeInput.PRECOMPUTED, d.input());
        assertArrayEquals(new double[] {0.5, -0.25}, d.yi(), 0);
        assertArrayEquals(new double[] {0.01, 0.02}, d.vi(), 0);
        assertArrayEquals(new String[] {"Study 1", "Study 2"}, d.labels(), "default labels");
    }

    @Test
    void correlationColumnsTakePrecedenceOverPrecomputedOnes() {
        StudyData d = read(CorrelationMeasure.COR, "r,n,yi,vi\n0.2,50,9,9\n");
        assertEquals(EffectSizeInput.CORRELATION, d.input());
        assertEquals(0.2, d.yi()[0]);
    }

    @Test
    void emptyLabelsGetDefaults() {
        StudyData d = read(CorrelationMeasure.ZCOR, "study,r,n\nA,0.1,20\n,0.2,30\n");
        assertArrayEquals(new String[] {"A", "Study 2"}, d.labels());
    }

    @Test
    void gettersReturnCopies() {
        StudyData d = read(CorrelationMeasure.ZCOR, "r,n\n0.1,20\n");
        d.yi()[0] = 99;
        d.vi()[0] = 99;
        d.labels()[0] = "changed";
        assertEquals(0.5 * Math.log(1.1 / 0.9), d.yi()[0], 1e-15);
        assertEquals(1.0 / 17, d.vi()[0], 1e-15);
        assertEquals("Study 1", d.label(0));
    }

    private static String error(CorrelationMeasure m, String csv) {
        return assertThrows(InputException.class, () -> read(m, csv)).getMessage();
    }

    @Test
    void errorsNameLineAndColumn() {
        assertEquals("s.csv:3: column 'r': correlation must lie strictly between -1 and 1, got 1.2",
            error(CorrelationMeasure.ZCOR, "study,r,n\nA,0.1,20\nB,1.2,20\n"));
        assertEquals("s.csv:2: column 'n': sample size n = 1 is below the minimum of 2 for COR",
            error(CorrelationMeasure.COR, "r,n\n0.1,1\n"));
        assertEquals("s.csv:2: column 'n': sample size n = 5 is below the minimum of 6 for PCOR with 4 covariates",
            error(CorrelationMeasure.PCOR, "r,n,covariates\n0.1,5,4\n"));
        assertEquals("s.csv:2: column 'covariates': number of covariates must not be negative, got -1",
            error(CorrelationMeasure.PCOR, "r,n,covariates\n0.1,50,-1\n"));
        assertEquals("s.csv:2: column 'n': sample size n = 6 leaves no residual degrees of freedom with 4 covariates",
            error(CorrelationMeasure.PCOR, "t,n,covariates\n2.0,6,4\n"));
        assertEquals("s.csv:2: column 'vi': sampling variance must be positive, got -0.1",
            error(CorrelationMeasure.ZCOR, "yi,vi\n0.1,-0.1\n"));
        assertEquals("s.csv:1: no studies: the file has a header line but no data rows",
            error(CorrelationMeasure.ZCOR, "study,r,n\n"));
    }

    @Test
    void missingPartnerColumns() {
        assertEquals("s.csv:1: column 'n': required column is missing: the 'r' column needs sample sizes (columns: r)",
            error(CorrelationMeasure.ZCOR, "r\n0.1\n"));
        assertEquals("s.csv:1: column 'covariates': required column is missing: the 't' column needs the number of "
            + "covariates in each regression (columns: t, n)", error(CorrelationMeasure.PCOR, "t,n\n2,50\n"));
        assertEquals("s.csv:1: column 'yi': required column is missing: the 'vi' column needs effect sizes (columns: vi)",
            error(CorrelationMeasure.ZCOR, "vi\n0.1\n"));
    }
}
