/**
 * Calibration of a scenario to published figures, on the exact population algebra (no
 * simulation): a {@link org.alliancelab.simulate.calibration.CalibrationTemplate} (an ordinary
 * scenario with some numeric fields marked free, each a
 * {@link org.alliancelab.simulate.calibration.FreeParameter} with bounds), the published
 * {@link org.alliancelab.simulate.calibration.Targets}, the fit by bounded Levenberg–Marquardt
 * least squares ({@link org.alliancelab.simulate.calibration.Calibrator}, result
 * {@link org.alliancelab.simulate.calibration.Calibration}), and the
 * {@link org.alliancelab.simulate.calibration.Frontier}: the calibration repeated along a swept
 * parameter (the causal path), with the unmeasured confounder's strength each point needs
 * ({@link org.alliancelab.simulate.calibration.ConfounderStrength}). See docs/calibration.md.
 */
package org.alliancelab.simulate.calibration;
